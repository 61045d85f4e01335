// Accounting (docs/legal-basis.md#statistical-report): the 1-ТӨ aggregates and formed reports, the daily export journal
// and packages, imports from other instances, correction petitions, reconciliations, access
// requests, outage acts and paper-journal entries. Plain SQL that PostgreSQL 15 and PGlite accept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- This instance, as other instances and the statistics authority know it (daily export, p.29).
INSERT INTO settings (key, value) VALUES ('instanceId', to_jsonb(gen_random_uuid()::text)) ON CONFLICT (key) DO NOTHING;

-- Cards deleted by a correction (p.27): kept, but no longer counted or exported (a deletion is).
CREATE TABLE card_deletions (
  record_kind text NOT NULL CHECK (record_kind IN ('tzh1', 'tzh2')),
  record_id uuid NOT NULL,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  petition_id uuid NOT NULL,
  deleted_at timestamptz NOT NULL,
  PRIMARY KEY (record_kind, record_id)
);
CREATE INDEX card_deletions_appeal ON card_deletions (appeal_id);

-- Outage mode (p.31): the act, and the appeals registered afterwards from the paper journal.
CREATE TABLE outage_acts (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  cause text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_by_name text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK (ended_at > started_at)
);
CREATE INDEX outage_acts_organization ON outage_acts (organization_id, started_at);

CREATE TABLE paper_journal_entries (
  appeal_id uuid PRIMARY KEY REFERENCES appeals(id),
  outage_act_id uuid NOT NULL REFERENCES outage_acts(id),
  page integer NOT NULL CHECK (page > 0),
  entry integer NOT NULL CHECK (entry > 0),
  received_at timestamptz NOT NULL,
  entered_at timestamptz NOT NULL,
  -- entered more than 24 hours after access was restored (p.31)
  late boolean NOT NULL,
  UNIQUE (outage_act_id, page, entry)
);

-- The export records of the cards (ТЖ-1, ТЖ-2, АИ-1): the daily export writes them, the 1-ТӨ reads
-- them (src/domain/form1.ts: form1Card), an importing instance stores them as they came.
CREATE FUNCTION export_instant(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION export_tzh1(a appeals) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', a.id,
    'organizationCode', (SELECT o.code FROM organizations o WHERE o.id = a.organization_id),
    'registrationNumber', a.registration_number,
    'letterIndex', a.letter_index,
    'talonNumber', a.talon_number,
    'partNumber', a.part_number,
    'receivedAt', export_instant(a.received_at),
    'registrationDate', a.registration_date,
    'dueDate', a.due_date,
    'documentType', a.document_type,
    'subKind', a.sub_kind,
    'procedure', a.procedure,
    'form', a.form,
    'channel', a.channel,
    'language', a.language,
    'addresseeCategory', a.addressee_category,
    'issueCategory', a.issue_category,
    'summary', a.summary,
    'applicantKind', a.applicant_kind,
    'applicantName', a.applicant_name,
    'complainedOrganizationCode', (SELECT o.code FROM organizations o WHERE o.id = a.complained_organization_id),
    'complainedOrganizationName', a.complained_organization_name,
    'complainedOfficial', a.complained_official,
    'originAppealId', a.origin_appeal_id,
    'mainAppealId', a.main_appeal_id,
    'fromReception', a.from_reception,
    'atReviewingBody', a.at_reviewing_body,
    'duplicateCandidate', a.duplicate_candidate,
    'registrarName', a.registrar_name
  ) || jsonb_build_object(
    'status', a.status,
    'finalDecisionCode', a.final_decision_code,
    'reviewEndedOn', a.review_ended_on,
    'answerSentAt', export_instant(a.answer_sent_at),
    'deemedRefusal', a.deemed_refusal,
    'paperJournal', (SELECT jsonb_build_object('outageActId', j.outage_act_id, 'page', j.page, 'entry', j.entry,
                                               'receivedAt', export_instant(j.received_at), 'late', j.late)
                     FROM paper_journal_entries j WHERE j.appeal_id = a.id),
    'deleted', EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh1' AND x.record_id = a.id)
  )
$$;

CREATE FUNCTION export_tzh2(d decisions) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', d.id,
    'appealId', d.appeal_id,
    'organizationCode', (SELECT o.code FROM organizations o WHERE o.id = d.organization_id),
    'code', d.code,
    'decisionDate', d.decision_date,
    'decidedAt', export_instant(d.decided_at),
    'actorName', d.actor_name,
    'cancelledAt', export_instant(d.cancelled_at),
    'deleted', EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh2' AND x.record_id = d.id),
    'data', jsonb_strip_nulls(jsonb_build_object(
      'favourable', d.data->'favourable',
      'newDueDate', d.data->'newDueDate',
      'reason', CASE WHEN d.code IN ('4.1', '4.13') THEN d.data->'reason' END,
      'remainderKept', d.data->'remainderKept',
      'mainAppealId', d.data->'mainAppealId',
      'targetOrganizationCode', (SELECT o.code FROM organizations o
                                 WHERE jsonb_typeof(d.data->'targetOrganizationId') = 'number' AND o.id = (d.data->>'targetOrganizationId')::integer),
      'parts', CASE WHEN jsonb_typeof(d.data->'parts') = 'array' THEN jsonb_array_length(d.data->'parts') END,
      'partTargets', CASE WHEN jsonb_typeof(d.data->'parts') = 'array' THEN
        (SELECT jsonb_agg(o.code ORDER BY p.ord) FROM jsonb_array_elements(d.data->'parts') WITH ORDINALITY AS p(x, ord)
         JOIN organizations o ON o.id = (p.x->>'targetOrganizationId')::integer) END
    ))
  )
$$;

CREATE FUNCTION export_ai1(c applicant_cards) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', c.id, 'appealId', c.appeal_id, 'position', c.position, 'kind', c.kind,
    'citizenship', c.citizenship, 'iin', c.iin, 'lastName', c.last_name, 'firstName', c.first_name,
    'middleName', c.middle_name, 'birthDate', c.birth_date, 'sex', c.sex, 'nationality', c.nationality,
    'age', c.age, 'addressCountry', c.address_country, 'addressRegion', c.address_region,
    'addressDistrict', c.address_district, 'addressSettlement', c.address_settlement,
    'addressStreet', c.address_street, 'addressHouse', c.address_house, 'addressFlat', c.address_flat,
    'postalAddress', c.postal_address, 'phoneMobile', c.phone_mobile, 'phoneOther', c.phone_other,
    'email', c.email, 'socialStatus', c.social_status, 'occupation', c.occupation,
    'inInterestOf', c.in_interest_of, 'bin', c.bin, 'legalName', c.legal_name,
    'legalAddress', c.legal_address, 'businessCategory', c.business_category
  )
$$;

-- 1-ТӨ aggregates. card_cells: what each card (an appeal at one organization, or a card imported
-- from another instance) last contributed, per year, as 'table/column/month' keys
-- (src/domain/form1.ts: cardCells). stat_cells: their sums per organization, year, month and
-- cell, changed by the difference whenever a card changes, in the same transaction.
CREATE TABLE card_cells (
  appeal_id uuid NOT NULL,
  organization_id integer NOT NULL REFERENCES organizations(id),
  year integer NOT NULL,
  cells jsonb NOT NULL,
  PRIMARY KEY (appeal_id, year)
);
CREATE INDEX card_cells_organization ON card_cells (year, organization_id);
-- the drill-down: the cards behind a cell
CREATE INDEX card_cells_cells ON card_cells USING gin (cells);

CREATE TABLE stat_cells (
  organization_id integer NOT NULL,
  year integer NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  table_id text NOT NULL,
  column_key text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (year, organization_id, table_id, column_key, month)
);

-- The same sums over each organization's whole subtree (organization_closure), changed in the same
-- statements: a report row is read, not summed over its thousands of organizations at query time.
-- The key carries n, so a report reads a row's cells from consecutive index pages (an index-only
-- scan) instead of one heap page per cell (docs/performance.md, 2026-11-22).
CREATE TABLE stat_subtree_cells (
  organization_id integer NOT NULL,
  year integer NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  table_id text NOT NULL,
  column_key text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (year, organization_id, table_id, column_key, month) INCLUDE (n)
);

-- Formed reports: immutable snapshots, signed by the authority's chair (p.32).
CREATE TABLE form1_reports (
  id uuid PRIMARY KEY,
  year integer NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  kind text NOT NULL CHECK (kind IN ('scheduled', 'onDemand')),
  -- whose organizations it counts (statistics/scope.ts) and which rows it shows
  scope jsonb NOT NULL,
  scope_key text NOT NULL,
  formed_at timestamptz NOT NULL,
  formed_by uuid REFERENCES users(id),
  formed_by_name text NOT NULL,
  -- the report as canonical JSON: the bytes the signature covers
  content text NOT NULL,
  sha256 text NOT NULL,
  signature bytea,
  signer_id uuid REFERENCES users(id),
  signer_name text,
  signed_at timestamptz
);
CREATE UNIQUE INDEX form1_reports_scheduled ON form1_reports (scope_key, year, month) WHERE kind = 'scheduled';
CREATE INDEX form1_reports_period ON form1_reports (year, month, formed_at);

CREATE FUNCTION form1_reports_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'formed reports are kept'; END IF;
  IF OLD.signature IS NOT NULL OR NEW.content IS DISTINCT FROM OLD.content OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.year IS DISTINCT FROM OLD.year OR NEW.month IS DISTINCT FROM OLD.month OR NEW.scope IS DISTINCT FROM OLD.scope
     OR NEW.formed_at IS DISTINCT FROM OLD.formed_at OR NEW.kind IS DISTINCT FROM OLD.kind THEN
    RAISE EXCEPTION 'a formed report is immutable; only its signature is added, once';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER form1_reports_keep BEFORE UPDATE OR DELETE ON form1_reports FOR EACH ROW EXECUTE FUNCTION form1_reports_keep();

-- Daily export (p.29). The journal: every change of a card record, as it was after the change,
-- on the day it happened (record NULL: deleted). A day's package is the day's last version of
-- each record, so re-exporting a day gives the same package whatever happened later.
CREATE TABLE export_journal (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day date NOT NULL,
  organization_id integer NOT NULL REFERENCES organizations(id),
  appeal_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('tzh1', 'tzh2', 'ai1')),
  record_id uuid NOT NULL,
  record jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX export_journal_day ON export_journal (day, organization_id);
CREATE INDEX export_journal_record ON export_journal (appeal_id, kind, record_id, seq);

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER export_journal_append_only BEFORE UPDATE OR DELETE ON export_journal FOR EACH ROW EXECUTE FUNCTION append_only();

-- The key that signs this instance's export manifests (demo mode: made on first use).
CREATE TABLE instance_keys (
  purpose text PRIMARY KEY,
  certificate_pem text NOT NULL,
  -- the certificate that issued it (what another instance trusts)
  issuer_pem text,
  pkcs12 bytea NOT NULL,
  password text NOT NULL,
  created_at timestamptz NOT NULL
);

-- The signature of each manifest, made once: a package exported again is the same bytes.
CREATE TABLE export_signatures (
  manifest_sha256 text PRIMARY KEY,
  signature bytea NOT NULL,
  signed_at timestamptz NOT NULL
);

-- Every export pulled, pushed or imported, and every push attempt.
CREATE TABLE export_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  direction text NOT NULL CHECK (direction IN ('pull', 'push', 'import')),
  instance_id text NOT NULL,
  day date NOT NULL,
  organization_code text,
  manifest_sha256 text,
  counts jsonb,
  ok boolean NOT NULL,
  error text,
  actor_name text NOT NULL
);
CREATE INDEX export_log_day ON export_log (day, direction);
CREATE TRIGGER export_log_append_only BEFORE UPDATE OR DELETE ON export_log FOR EACH ROW EXECUTE FUNCTION append_only();

-- Push to the statistics authority's URL, retried with backoff (the outbox pattern).
CREATE TABLE export_pushes (
  day date NOT NULL,
  url text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  sent_at timestamptz,
  PRIMARY KEY (day, url)
);

-- Packages imported from other instances, and their records as they came. Cards of other
-- instances are keyed by their instance id and their own ids (card_key: the uuid the local
-- aggregates know them by); organizations are matched by code.
CREATE TABLE import_packages (
  instance_id text NOT NULL,
  day date NOT NULL,
  organization_code text NOT NULL DEFAULT '',
  manifest_sha256 text NOT NULL,
  imported_at timestamptz NOT NULL,
  counts jsonb NOT NULL,
  PRIMARY KEY (instance_id, day, organization_code, manifest_sha256)
);

CREATE TABLE imported_records (
  instance_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('tzh1', 'tzh2', 'ai1')),
  record_id uuid NOT NULL,
  appeal_id uuid NOT NULL,
  card_key uuid NOT NULL,
  organization_id integer REFERENCES organizations(id),
  -- the source journal's sequence number: an older version never replaces a newer one
  seq bigint NOT NULL,
  day date NOT NULL,
  record jsonb,
  PRIMARY KEY (instance_id, kind, record_id)
);
CREATE INDEX imported_records_card ON imported_records (card_key);

-- Corrections (p.27–p.28).
CREATE TABLE correction_petitions (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  action text NOT NULL CHECK (action IN ('change', 'delete')),
  -- change: {field: newValue}; delete: {record: 'tzh1' | 'tzh2', id}
  changes jsonb NOT NULL,
  reason text NOT NULL,
  -- who decides: the statistics authority (due date, answer sent date, term extended) or the organization
  decided_by text NOT NULL CHECK (decided_by IN ('authority', 'organization')),
  basis text NOT NULL CHECK (basis IN ('headPetition', 'unitHeadPetition', 'authorityReport')),
  petitioner_id uuid REFERENCES users(id),
  petitioner_name text NOT NULL,
  filed_at timestamptz NOT NULL,
  filed_on date NOT NULL,
  -- the reporting period it is reviewed in (a late petition: the next one) and its review term
  period_year integer NOT NULL,
  period_month smallint NOT NULL,
  review_due date NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected')),
  reviewer_id uuid REFERENCES users(id),
  reviewer_name text,
  reviewed_at timestamptz,
  review_comment text,
  before jsonb,
  after jsonb
);
CREATE INDEX correction_petitions_pending ON correction_petitions (organization_id, status);

CREATE TABLE correction_attachments (
  id uuid PRIMARY KEY,
  petition_id uuid NOT NULL REFERENCES correction_petitions(id),
  name text NOT NULL,
  media_type text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL
);
CREATE INDEX correction_attachments_petition ON correction_attachments (petition_id);

-- Reconciliation (p.34): per organization and month, each side's counts and confirmation.
CREATE TABLE reconciliations (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  year integer NOT NULL,
  month smallint NOT NULL,
  opened_at timestamptz NOT NULL,
  opened_by_name text NOT NULL,
  authority_counts jsonb NOT NULL,
  organization_counts jsonb NOT NULL,
  differences jsonb NOT NULL,
  authority_confirmed_by text,
  authority_confirmed_at timestamptz,
  organization_confirmed_by text,
  organization_confirmed_at timestamptz,
  UNIQUE (organization_id, year, month)
);

-- Access requests (p.25–p.26): an EDS-signed application, approved or refused by the authority.
CREATE TABLE access_requests (
  id uuid PRIMARY KEY,
  login text NOT NULL,
  full_name text NOT NULL,
  position text NOT NULL,
  email text,
  organization_id integer NOT NULL REFERENCES organizations(id),
  roles text[] NOT NULL,
  -- the signed application (canonical JSON) and its detached CMS signature
  application text NOT NULL,
  signature bytea NOT NULL,
  -- the password the applicant chose (argon2), given to the user on approval
  password_hash text NOT NULL,
  signer jsonb NOT NULL,
  certificate_pem text NOT NULL,
  filed_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by uuid REFERENCES users(id),
  decided_by_name text,
  decided_at timestamptz,
  refusal_reason text,
  user_id uuid REFERENCES users(id)
);
CREATE INDEX access_requests_pending ON access_requests (organization_id) WHERE status = 'pending';
`,
    )
    .execute(db);
}
