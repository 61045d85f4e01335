// Row types of the tables (src/db/migrations). Dates are 'YYYY-MM-DD' strings, int8 are numbers.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

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

// Control department (0013): appeals under the akim's control, quality reviews, returns for
// rework, instructions under control, violations found by the detectors and explanations.
export interface AppealControlsTable {
  appeal_id: string;
  organization_id: number;
  put_by: string;
  put_by_name: string;
  put_at: Timestamp;
  reason: string;
}

export interface QualityReviewsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  executor_id: string | null;
  checks: JSONColumnType<Record<string, boolean>, string, string>;
  score: number;
  verdict: 'good' | 'poor';
  remark: string | null;
  reviewed_by: string;
  reviewed_by_name: string;
  reviewed_at: Timestamp;
}

export interface ReworksTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  executor_id: string | null;
  remark: string;
  due_date: string;
  returned_by: string;
  returned_by_name: string;
  returned_at: Timestamp;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Timestamp | null;
}

export interface InstructionsTable {
  id: string;
  organization_id: number;
  issuer: string;
  basis_document: string | null;
  text: string;
  due_date: string;
  warning_dates: JSONColumnType<string[], string, string>;
  state: Generated<'underControl' | 'removed'>;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
  removed_by_name: string | null;
  removed_at: Timestamp | null;
}

export interface InstructionAppealsTable {
  instruction_id: string;
  appeal_id: string;
}

export interface InstructionExecutorsTable {
  instruction_id: string;
  organization_id: number;
  main: boolean;
}

export interface InstructionReportsTable {
  id: string;
  instruction_id: string;
  organization_id: number;
  kind: 'interim' | 'execution';
  text: string;
  submitted_by_name: string;
  submitted_at: Timestamp;
  accepted: boolean | null;
  comment: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
}

export interface InstructionExtensionsTable {
  id: string;
  instruction_id: string;
  organization_id: number;
  due_date: string;
  reason: string;
  requested_by_name: string;
  requested_at: Timestamp;
  granted: boolean | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
}

export interface InstructionRemindersTable {
  instruction_id: string;
  kind: string;
  on_date: string;
  sent_at: Timestamp;
}

export interface ViolationsTable {
  id: string;
  kind: string;
  subject_key: string;
  basis: string;
  organization_id: number;
  appeal_id: string | null;
  instruction_id: string | null;
  employee_id: string | null;
  detected_at: Timestamp;
}

export interface ExplanationRequestsTable {
  id: string;
  violation_id: string;
  form: 'oral' | 'written';
  due_date: string;
  requested_by_name: string;
  requested_at: Timestamp;
  explanation: string | null;
  recorded_by_name: string | null;
  recorded_at: Timestamp | null;
}

/** CD-32 on-site checks and CD-37 record-keeping checks (0013). */
export interface ControlChecksTable {
  id: string;
  kind: 'onSite' | 'recordKeeping';
  organization_id: number;
  planned_on: string;
  place: string;
  participants: string;
  instruction_ids: JSONColumnType<string[], string, string>;
  findings: string | null;
  follow_up: string | null;
  held_on: string | null;
  created_by_name: string;
  created_at: Timestamp;
}

/** Knowledge cards of the contact centre (0014): Annex 1 in kk/ru and the lifecycle (CC-04…CC-12). */
export interface KnowledgeCardsTable {
  id: string;
  organization_id: number;
  service_kk: string;
  service_ru: string;
  bylaw_kk: string;
  bylaw_ru: string;
  bylaw_approved_on: string;
  changes_kk: Generated<string>;
  changes_ru: Generated<string>;
  web_page: string | null;
  responsible_name: string;
  responsible_position: string;
  responsible_phone: string | null;
  responsible_email: string | null;
  provider_id: number | null;
  provider_name: string;
  provider_contacts: string | null;
  answer_kk: string;
  answer_ru: string;
  sent_on: string | null;
  trained_on: string | null;
  protocol_on: string | null;
  bylaw_changed_on: string | null;
  updated_on: string | null;
  responsible_changed_on: string | null;
  responsible_notified_on: string | null;
  usage_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Contacts of the contact centre (0014, EA-05): one row a call, chat, web form or e-mail. */
export interface ContactsTable {
  id: string;
  organization_id: number;
  channel: string;
  caller_phone: string | null;
  caller_address: string | null;
  operator_id: string | null;
  operator_name: string | null;
  language: string | null;
  concerns_organization_id: number | null;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  closed_at: Timestamp | null;
  call_id: string | null;
  outcome: string | null;
  knowledge_card_id: string | null;
  status_appeal_id: string | null;
  appeal_id: string | null;
  note: string | null;
  chat_token_sha256: string | null;
  created_at: Timestamp;
}

/** The transcript of a chat (0014, EA-05). */
export interface ChatMessagesTable {
  id: Generated<number>;
  contact_id: string;
  at: Timestamp;
  author: string;
  operator_id: string | null;
  text: string;
}

/** Public-service complaints (0014, CC-25, CC-17): the rows of Annex 2, never appeals. */
export interface PublicServiceComplaintsTable {
  id: string;
  contact_id: string;
  organization_id: number;
  received_at: Timestamp;
  responsible_name: string;
  region: string;
  applicant_name: string;
  nature: string;
  content: string;
  measures: string;
  ticket_number: string | null;
  bylaw_violation: string | null;
  employee_actions: string | null;
  provider_id: number | null;
}

/** Providers' refusals to give the centre information (0014, CC-13). */
export interface ProviderRefusalsTable {
  id: string;
  organization_id: number;
  provider_id: number;
  refused_on: string;
  request: string;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: Timestamp;
}

export interface DB {
  idempotent_requests: IdempotentRequestsTable;
  open311_keys: Open311KeysTable;
  control_checks: ControlChecksTable;
  appeal_controls: AppealControlsTable;
  quality_reviews: QualityReviewsTable;
  reworks: ReworksTable;
  instructions: InstructionsTable;
  instruction_appeals: InstructionAppealsTable;
  instruction_executors: InstructionExecutorsTable;
  instruction_reports: InstructionReportsTable;
  instruction_extensions: InstructionExtensionsTable;
  instruction_reminders: InstructionRemindersTable;
  violations: ViolationsTable;
  explanation_requests: ExplanationRequestsTable;
  chat_messages: ChatMessagesTable;
  provider_refusals: ProviderRefusalsTable;
  knowledge_cards: KnowledgeCardsTable;
  contacts: ContactsTable;
  public_service_complaints: PublicServiceComplaintsTable;
}

// ---------------------------------------------------------------------------------------------
// Personal reception (0012_reception). Declaration merging adds the tables to DB.

export interface DB {
  reception_officials: ReceptionOfficialsTable;
  reception_sessions: ReceptionSessionsTable;
  reception_schedules: ReceptionSchedulesTable;
  reception_restrictions: ReceptionRestrictionsTable;
  reception_sign_ups: ReceptionSignUpsTable;
  reception_queue: ReceptionQueueTable;
  reception_participants: ReceptionParticipantsTable;
  reception_protocol_lines: ReceptionProtocolLinesTable;
  reception_survey_calls: ReceptionSurveyCallsTable;
}

export interface ReceptionSurveyCallsTable {
  id: string;
  organization_id: number;
  population: string;
  queue_entry_id: string | null;
  appeal_id: string | null;
  name: string;
  phone: string | null;
  period_from: string;
  period_to: string;
  drawn_by: string;
  drawn_at: Timestamp;
  reached: boolean | null;
  satisfaction: number | null;
  comment: string | null;
  called_by: string | null;
  called_at: Timestamp | null;
}

export interface ReceptionOfficialsTable {
  id: string;
  organization_id: number;
  full_name: string;
  position_kk: string;
  position_ru: string;
  kind: string;
  phone: string | null;
  email: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ReceptionSessionsTable {
  id: string;
  organization_id: number;
  official_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reception_date: string;
  place: string;
  format: string;
  occasion: string;
  instruction_issuer: string | null;
  instruction_date: string | null;
  settlement: string | null;
  video_url: string | null;
  status: Generated<string>;
  cancel_reason: string | null;
  cancel_note: string | null;
  cancel_notice_on: string | null;
  cancel_late: boolean | null;
  cancelled_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ReceptionSchedulesTable {
  organization_id: number;
  month: string;
  approved_by: string;
  approved_by_name: string;
  approved_by_position: string;
  approved_at: Timestamp;
  signature: string | null;
}

export interface ReceptionRestrictionsTable {
  id: string;
  organization_id: number;
  starts_on: string;
  ends_on: string;
  reason: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ReceptionSignUpsTable {
  appeal_id: string;
  organization_id: number;
  official_id: string | null;
  question: string;
  video_consent: Generated<boolean>;
  reception_language: string;
  session_id: string | null;
  scheduled_at: Timestamp | null;
  reference_proposal: string | null;
  reference_note: string | null;
  reference_at: Timestamp | null;
  refusal_draft_on: string | null;
  refusal_draft_ground: string | null;
  outcome: string | null;
  refusal_ground: string | null;
  refusal_link: string | null;
  outcome_text: string | null;
  outcome_at: Timestamp | null;
  participation_body: string | null;
  participation_requested_on: string | null;
  participation_refused_on: string | null;
}

export interface ReceptionQueueTable {
  id: string;
  session_id: string;
  ticket: number;
  name: string;
  out_of_turn: string | null;
  evidence: string | null;
  arrived_at: Timestamp;
  sign_up_appeal_id: string | null;
  identity_checked: Generated<boolean>;
  representative: Generated<boolean>;
  authority_document: string | null;
  citizenship: string | null;
  interpreter_needed: Generated<boolean>;
  reception_language: string | null;
  status: Generated<string>;
  called_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ReceptionParticipantsTable {
  id: string;
  session_id: string;
  kind: string;
  name: string;
  organization: string | null;
  added_at: Timestamp;
}

export interface ReceptionProtocolLinesTable {
  id: string;
  session_id: string;
  line_no: number;
  queue_entry_id: string | null;
  question: string;
  decision: string;
  instruction: Generated<boolean>;
  executor_organization_id: number | null;
  due_date: string | null;
  appeal_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  /** the instruction of the general model it created (PR-31) */
  instruction_id: Generated<string | null>;
}

/** The citizen portal (0015): one-time codes, applicant sessions, attachments, ratings. */
export interface PortalCodesTable {
  id: Generated<number>;
  phone: string;
  code_sha256: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

export interface PortalChallengesTable {
  challenge_sha256: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PortalSessionsTable {
  token_sha256: string;
  phone: string | null;
  iin: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PortalAttachmentsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  purpose: string;
  created_at: Timestamp;
}

export interface PortalRatingsTable {
  appeal_id: string;
  score: number;
  comment: Generated<string>;
  rated_at: Timestamp;
}

export interface DB {
  portal_codes: PortalCodesTable;
  portal_challenges: PortalChallengesTable;
  portal_sessions: PortalSessionsTable;
  portal_attachments: PortalAttachmentsTable;
  portal_ratings: PortalRatingsTable;
}

/** Staff notifications (0017, issue 10 item 13): a user's inbox, one row per (user, key). */
export interface StaffNotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  appeal_id: string | null;
  key: string;
  params: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Whether a user also gets staff notifications by e-mail (0017); no row: yes. */
export interface StaffNotificationSettingsTable {
  user_id: string;
  email: boolean;
}

export interface DB {
  staff_notifications: StaffNotificationsTable;
  staff_notification_settings: StaffNotificationSettingsTable;
}
