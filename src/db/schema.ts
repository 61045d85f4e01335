// Row types of the tables (src/db/migrations). Dates are 'YYYY-MM-DD' strings, int8 are numbers.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganizationsTable {
  id: Generated<number>;
  code: string;
  parent_id: number | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
  kind: string;
  kato: string | null;
  /** null: the configured time zone of organizations that name none (context.ts timeZoneOf). */
  time_zone: string | null;
  work_start: Generated<string>;
  work_end: Generated<string>;
  report_row: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface OrganizationClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

export interface DirectoryEntriesTable {
  directory: string;
  code: string;
  parent_code: string | null;
  label_kk: string;
  label_ru: string;
  label_en: string;
  sort_order: number;
  active: Generated<boolean>;
}

export interface CalendarDaysTable {
  date: string;
  working: boolean;
  note: string;
}

/** A year an administrator has confirmed (0008): its days are its calendar_days entries alone. */
export interface CalendarYearsTable {
  year: number;
  confirmed_at: Timestamp;
  confirmed_by: string | null;
}

export interface TermRulesTable {
  document_type: string;
  sub_kind: string;
  unit: string;
  count: number;
  extendable: boolean;
  basis: string;
  label_kk: string;
  label_ru: string;
  label_en: string;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface UsersTable {
  id: Generated<string>;
  login: string;
  password_hash: string;
  full_name: string;
  position: string;
  organization_id: number;
  roles: string[];
  email: string | null;
  phone: string | null;
  demo: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** A password an administrator gave, to be changed before anything else (0028). */
  password_change_required: Generated<boolean>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  scope_organization_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface RegistryTable {
  data: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface AppealCountersTable {
  year: number;
  last_value: number;
}

export interface AppealsTable {
  id: string;
  organization_id: number;
  registration_number: string;
  letter_index: string;
  registration_year: number;
  sequence_number: number;
  talon_number: string;
  received_at: Timestamp;
  registration_date: string;
  due_date: string;
  document_type: string;
  sub_kind: string | null;
  procedure: string;
  form: string;
  channel: string;
  language: string;
  addressee_category: string | null;
  issue_category: string | null;
  summary: string;
  text: string;
  protocol_text: string | null;
  applicant_kind: string;
  applicant_name: string | null;
  /** summary, text and applicant name folded (domain/search.ts searchTextOf), written with them: the word search's column (0030, 0032). */
  search_text: string;
  complained_organization_id: number | null;
  complained_organization_name: string | null;
  complained_official: string | null;
  complained_act: string | null;
  status: string;
  registered_by: string | null;
  registrar_name: string;
  registrar_position: string;
  duplicate_candidate: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  executor_id: Generated<string | null>;
  control_date: Generated<string | null>;
  part_number: Generated<number | null>;
  origin_appeal_id: Generated<string | null>;
  main_appeal_id: Generated<string | null>;
  challenged_appeal_id: Generated<string | null>;
  from_reception: Generated<boolean>;
  security_info: Generated<boolean>;
  at_reviewing_body: Generated<boolean>;
  final_decision_code: Generated<string | null>;
  review_ended_on: Generated<string | null>;
  answer_sent_at: Generated<Date | null>;
  deemed_refusal: Generated<boolean>;
}

export interface ApplicantCardsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  position: number;
  kind: string;
  citizenship: string | null;
  iin: string | null;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  age: number | null;
  address_country: string | null;
  address_region: string | null;
  address_district: string | null;
  address_settlement: string | null;
  address_street: string | null;
  address_house: string | null;
  address_flat: string | null;
  postal_address: string | null;
  phone_mobile: string | null;
  phone_other: string | null;
  email: string | null;
  social_status: string | null;
  occupation: string | null;
  in_interest_of: string | null;
  bin: string | null;
  legal_name: string | null;
  legal_address: string | null;
  business_category: string | null;
}

export interface DuplicateCandidatesTable {
  appeal_id: string;
  candidate_id: string;
  score: number;
  reason: string;
  organization_id: number;
}

export interface EventsTable {
  id: Generated<number>;
  appeal_id: string | null;
  organization_id: number;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
  kind: string;
  changes: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface AssignmentsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  executor_id: string;
  co_executor_ids: string[];
  control_date: string | null;
  assigned_by: string;
  assigned_at: Timestamp;
  replaced_at: Timestamp | null;
}

export interface DecisionsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  code: string;
  decision_date: string;
  decided_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  cancelled_at: Timestamp | null;
}

export interface DecisionDraftsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  code: string;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  drafted_by: string;
  drafted_by_name: string;
  drafted_at: Timestamp;
  status: 'pending' | 'approved' | 'returned' | 'superseded';
  remark: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: Timestamp | null;
  decision_id: string | null;
}

export interface CorrespondenceTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  recipient_organization_id: number;
  co_executor_id: string;
  sent_by: string;
  sent_at: Timestamp;
  due_date: string;
  reply: string | null;
  replied_by: string | null;
  replied_by_name: string | null;
  replied_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
}

export interface ObligationsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  kind: string;
  due_date: string;
  basis: string;
  met_on: string | null;
  violated: Generated<boolean>;
}

export interface LettersTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  decision_id: string | null;
  draft_id: string | null;
  signatory_id: string | null;
  number: string;
  language: string;
  letter_date: string;
  pdf: Buffer;
  sha256: string;
  signature: Buffer | null;
  signer_id: string | null;
  signer_name: string | null;
  signed_at: Timestamp | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

export interface TrustedCertificatesTable {
  id: Generated<number>;
  subject: string;
  pem: string;
  added_at: Timestamp;
}

export interface DemoKeysTable {
  user_id: string;
  pkcs12: Buffer;
}

/** The users' signing certificates (0006). */
export interface UserCertificatesTable {
  id: string;
  user_id: string;
  fingerprint: string;
  subject: string;
  serial: string;
  not_before: Date;
  not_after: Date;
  certificate_pem: string;
  registered_at: Date;
  registered_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface DB {
  organizations: OrganizationsTable;
  organization_closure: OrganizationClosureTable;
  directory_entries: DirectoryEntriesTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  term_rules: TermRulesTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  registry_persons: RegistryTable & { iin: string };
  registry_companies: RegistryTable & { bin: string };
  appeal_counters: AppealCountersTable;
  appeals: AppealsTable;
  applicant_cards: ApplicantCardsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  events: EventsTable;
  assignments: AssignmentsTable;
  decisions: DecisionsTable;
  decision_drafts: DecisionDraftsTable;
  correspondence: CorrespondenceTable;
  obligations: ObligationsTable;
  letters: LettersTable;
  trusted_certificates: TrustedCertificatesTable;
  demo_keys: DemoKeysTable;
  user_certificates: UserCertificatesTable;
  outbox: OutboxTable;
  deliveries: DeliveriesTable;
}

/** Notifications (0003): the transactional outbox; rows are never deleted. */
export interface OutboxTable {
  id: Generated<number>;
  organization_id: number;
  appeal_id: string | null;
  kind: string;
  channel: string;
  recipient: string;
  language: string;
  subject: string | null;
  body: string;
  attachment_name: string | null;
  /** Buffer on both databases (connection.ts parses PGlite's bytea into a Buffer too). */
  attachment: Buffer | null;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** Every delivery attempt of an outbox message (append-only). */
export interface DeliveriesTable {
  id: Generated<number>;
  outbox_id: number;
  attempt: number;
  at: Timestamp;
  ok: boolean;
  error: string | null;
  provider_response: string | null;
}

// ---------------------------------------------------------------------------------------------
// Accounting (0004_statistics): 1-ТӨ aggregates and reports, daily export, imports, corrections,
// reconciliation, access requests, outages. Declaration merging adds the tables to DB.

export interface DB {
  card_deletions: CardDeletionsTable;
  outage_acts: OutageActsTable;
  paper_journal_entries: PaperJournalEntriesTable;
  card_cells: CardCellsTable;
  stat_cells: StatCellsTable;
  stat_subtree_cells: StatCellsTable;
  form1_reports: Form1ReportsTable;
  export_journal: ExportJournalTable;
  instance_keys: InstanceKeysTable;
  export_log: ExportLogTable;
  export_signatures: ExportSignaturesTable;
  export_pushes: ExportPushesTable;
  import_packages: ImportPackagesTable;
  imported_records: ImportedRecordsTable;
  correction_petitions: CorrectionPetitionsTable;
  correction_attachments: CorrectionAttachmentsTable;
  reconciliations: ReconciliationsTable;
  access_requests: AccessRequestsTable;
  trusted_instances: TrustedInstancesTable;
}

/** The instances whose packages this one imports, each with its signing certificate (0009). */
export interface TrustedInstancesTable {
  instance_id: string;
  name: string;
  certificate_pem: string;
  fingerprint: string;
  added_at: Timestamp;
  added_by_name: string;
  organization_id: number;
}

export interface CardDeletionsTable {
  record_kind: string;
  record_id: string;
  appeal_id: string;
  petition_id: string;
  deleted_at: Timestamp;
}

export interface OutageActsTable {
  id: string;
  organization_id: number;
  started_at: Timestamp;
  ended_at: Timestamp;
  cause: string;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface PaperJournalEntriesTable {
  appeal_id: string;
  outage_act_id: string;
  page: number;
  entry: number;
  received_at: Timestamp;
  entered_at: Timestamp;
  late: boolean;
}

export interface CardCellsTable {
  appeal_id: string;
  organization_id: number;
  year: number;
  cells: ColumnType<string[], string, string>;
}

export interface StatCellsTable {
  organization_id: number;
  year: number;
  month: number;
  table_id: string;
  column_key: string;
  n: number;
}

export interface Form1ReportsTable {
  id: string;
  year: number;
  month: number;
  kind: string;
  scope: JSONColumnType<Record<string, unknown>, string, string>;
  scope_key: string;
  formed_at: Timestamp;
  formed_by: string | null;
  formed_by_name: string;
  content: string;
  sha256: string;
  signature: Buffer | null;
  signer_id: string | null;
  signer_name: string | null;
  signed_at: Timestamp | null;
}

export interface ExportJournalTable {
  seq: Generated<number>;
  day: string;
  organization_id: number;
  appeal_id: string;
  kind: string;
  record_id: string;
  record: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  at: Timestamp;
}

export interface InstanceKeysTable {
  purpose: string;
  certificate_pem: string;
  issuer_pem: string | null;
  pkcs12: Buffer;
  password: string;
  created_at: Timestamp;
}

export interface ExportLogTable {
  id: Generated<number>;
  at: Timestamp;
  direction: string;
  instance_id: string;
  day: string;
  organization_code: string | null;
  manifest_sha256: string | null;
  counts: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  ok: boolean;
  error: string | null;
  actor_name: string;
}

export interface ExportPushesTable {
  day: string;
  url: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
}

export interface ImportPackagesTable {
  instance_id: string;
  day: string;
  organization_code: Generated<string>;
  manifest_sha256: string;
  imported_at: Timestamp;
  counts: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface ImportedRecordsTable {
  instance_id: string;
  kind: string;
  record_id: string;
  appeal_id: string;
  card_key: string;
  organization_id: number | null;
  seq: number;
  day: string;
  record: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface CorrectionPetitionsTable {
  id: string;
  organization_id: number;
  appeal_id: string;
  action: string;
  changes: JSONColumnType<Record<string, unknown>, string, string>;
  reason: string;
  decided_by: string;
  basis: string;
  petitioner_id: string | null;
  petitioner_name: string;
  filed_at: Timestamp;
  filed_on: string;
  period_year: number;
  period_month: number;
  review_due: string;
  status: Generated<string>;
  reviewer_id: string | null;
  reviewer_name: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface CorrectionAttachmentsTable {
  id: string;
  petition_id: string;
  name: string;
  media_type: string;
  content: Buffer;
  sha256: string;
}

export interface ReconciliationsTable {
  id: string;
  organization_id: number;
  year: number;
  month: number;
  opened_at: Timestamp;
  opened_by_name: string;
  authority_counts: JSONColumnType<Record<string, unknown>, string, string>;
  organization_counts: JSONColumnType<Record<string, unknown>, string, string>;
  differences: JSONColumnType<Record<string, unknown>, string, string>;
  authority_confirmed_by: string | null;
  authority_confirmed_at: Timestamp | null;
  organization_confirmed_by: string | null;
  organization_confirmed_at: Timestamp | null;
  /** 0009: the confirmations' CMS signatures over the reconciliation, when given. */
  authority_signature: Generated<Buffer | null>;
  organization_signature: Generated<Buffer | null>;
}

export interface AccessRequestsTable {
  id: string;
  login: string;
  full_name: string;
  position: string;
  email: string | null;
  organization_id: number;
  roles: string[];
  application: string;
  signature: Buffer;
  password_hash: string;
  signer: JSONColumnType<Record<string, unknown>, string, string>;
  certificate_pem: string;
  filed_at: Timestamp;
  status: Generated<string>;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  refusal_reason: string | null;
  user_id: string | null;
}

export interface ExportSignaturesTable {
  manifest_sha256: string;
  signature: Buffer;
  signed_at: Timestamp;
}

/** Sign-in throttling (0010): failures per login name and per client address, by SHA-256. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  not_before: Timestamp | null;
}

export interface DB {
  sign_in_throttle: SignInThrottleTable;
}

/** Idempotency keys of registration (0011): the appeal a user's key registered, kept 24 hours. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  appeal_id: string;
  request_sha256: string;
  created_at: Timestamp;
}

export interface DB {
  idempotency_keys: IdempotencyKeysTable;
}

/** Idempotency keys of the other creating routes (0016): the answer a user's key got, kept 24 hours. */
export interface IdempotentRequestsTable {
  owner: string;
  key: string;
  request_sha256: string;
  status_code: number | null;
  content_type: string | null;
  response: string | null;
  created_at: Timestamp;
}

// Open311 API keys (0020): issued by the administrator, stored hashed, revocable.
export interface Open311KeysTable {
  id: string;
  name: string;
  key_sha256: string;
  prefix: string;
  created_by: string;
  created_at: Timestamp;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface DB {
  idempotent_requests: IdempotentRequestsTable;
  open311_keys: Open311KeysTable;
}

// The tables of the capabilities, each in a file of its own (src/db/schema/).
import type { ControlTables } from './schema/control.ts';
import type { ContactCentreTables } from './schema/contact-centre.ts';
import type { ReceptionTables } from './schema/reception.ts';
import type { PortalTables } from './schema/portal.ts';
import type { InboxTables } from './schema/inbox.ts';
import type { NumberingTables } from './schema/numbering.ts';
import type { AttachmentTables } from './schema/attachments.ts';
export type * from './schema/control.ts';
export type * from './schema/contact-centre.ts';
export type * from './schema/reception.ts';
export type * from './schema/portal.ts';
export type * from './schema/inbox.ts';
export type * from './schema/numbering.ts';
export type * from './schema/attachments.ts';

export interface DB extends ControlTables, ContactCentreTables, ReceptionTables, PortalTables, InboxTables, NumberingTables, AttachmentTables {}
