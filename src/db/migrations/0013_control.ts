// The department for control of appeal review (issue 12; requirements CD-09, CD-10, CD-29…CD-36,
// EA-06, EA-07): appeals under the akim's control, quality reviews and returns for rework, the
// general instruction model (any issuer, reception protocols included), the register of violations
// the detectors find (one row per kind and subject: the unique key keeps them from repeating) and
// the explanations asked of the responsible.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE appeal_controls (
  appeal_id uuid PRIMARY KEY REFERENCES appeals(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  put_by uuid NOT NULL REFERENCES users(id),
  put_by_name text NOT NULL,
  put_at timestamptz NOT NULL,
  reason text NOT NULL
);

CREATE TABLE quality_reviews (
  id uuid PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  executor_id uuid REFERENCES users(id),
  -- criterion code → kept (true) or not (false), as the checklist (src/domain/quality.ts) names them
  checks jsonb NOT NULL,
  score integer NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('good', 'poor')),
  remark text,
  reviewed_by uuid NOT NULL REFERENCES users(id),
  reviewed_by_name text NOT NULL,
  reviewed_at timestamptz NOT NULL
);
CREATE INDEX quality_reviews_appeal ON quality_reviews (appeal_id);
CREATE INDEX quality_reviews_organization ON quality_reviews (organization_id);

CREATE TABLE reworks (
  id uuid PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  executor_id uuid REFERENCES users(id),
  remark text NOT NULL,
  due_date date NOT NULL,
  returned_by uuid NOT NULL REFERENCES users(id),
  returned_by_name text NOT NULL,
  returned_at timestamptz NOT NULL,
  answer text,
  answered_by_name text,
  answered_at timestamptz
);
CREATE INDEX reworks_appeal ON reworks (appeal_id);
CREATE INDEX reworks_organization ON reworks (organization_id);

CREATE TABLE instructions (
  id uuid PRIMARY KEY,
  -- the organization that controls it (whose controllers see it besides its executors)
  organization_id integer NOT NULL REFERENCES organizations(id),
  issuer text NOT NULL,
  basis_document text,
  text text NOT NULL,
  due_date date NOT NULL,
  -- the dates before the due date on which the executors are reminded (YYYY-MM-DD strings)
  warning_dates jsonb NOT NULL,
  state text NOT NULL DEFAULT 'underControl' CHECK (state IN ('underControl', 'removed')),
  created_by uuid REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  removed_by_name text,
  removed_at timestamptz
);
CREATE INDEX instructions_due ON instructions (state, due_date);
CREATE INDEX instructions_organization ON instructions (organization_id);

CREATE TABLE instruction_appeals (
  instruction_id uuid NOT NULL REFERENCES instructions(id),
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  PRIMARY KEY (instruction_id, appeal_id)
);
CREATE INDEX instruction_appeals_appeal ON instruction_appeals (appeal_id);

CREATE TABLE instruction_executors (
  instruction_id uuid NOT NULL REFERENCES instructions(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  main boolean NOT NULL,
  PRIMARY KEY (instruction_id, organization_id)
);
-- exactly one main executor (the use case checks that there is one; the index that there is no second)
CREATE UNIQUE INDEX instruction_executors_main ON instruction_executors (instruction_id) WHERE main;
CREATE INDEX instruction_executors_organization ON instruction_executors (organization_id);

CREATE TABLE instruction_reports (
  id uuid PRIMARY KEY,
  instruction_id uuid NOT NULL REFERENCES instructions(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('interim', 'execution')),
  text text NOT NULL,
  submitted_by_name text NOT NULL,
  submitted_at timestamptz NOT NULL,
  accepted boolean,
  comment text,
  decided_by_name text,
  decided_at timestamptz
);
CREATE INDEX instruction_reports_instruction ON instruction_reports (instruction_id);

CREATE TABLE instruction_extensions (
  id uuid PRIMARY KEY,
  instruction_id uuid NOT NULL REFERENCES instructions(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  due_date date NOT NULL,
  reason text NOT NULL,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  granted boolean,
  decided_by_name text,
  decided_at timestamptz
);
CREATE INDEX instruction_extensions_instruction ON instruction_extensions (instruction_id);

-- reminders sent, so each is sent once: 'warning' on a warning date, 'overdue' the day after
CREATE TABLE instruction_reminders (
  instruction_id uuid NOT NULL REFERENCES instructions(id),
  kind text NOT NULL,
  on_date date NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (instruction_id, kind, on_date)
);

CREATE TABLE violations (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  -- what the violation is of (an appeal, an obligation, a decision, an instruction…): with the kind, the unique key
  subject_key text NOT NULL,
  basis text NOT NULL,
  organization_id integer NOT NULL REFERENCES organizations(id),
  appeal_id uuid REFERENCES appeals(id),
  instruction_id uuid REFERENCES instructions(id),
  employee_id uuid REFERENCES users(id),
  detected_at timestamptz NOT NULL,
  UNIQUE (kind, subject_key)
);
CREATE INDEX violations_organization ON violations (organization_id, detected_at);

CREATE TABLE explanation_requests (
  id uuid PRIMARY KEY,
  violation_id uuid NOT NULL REFERENCES violations(id),
  form text NOT NULL CHECK (form IN ('oral', 'written')),
  due_date date NOT NULL,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  explanation text,
  recorded_by_name text,
  recorded_at timestamptz
);
CREATE INDEX explanation_requests_violation ON explanation_requests (violation_id);

-- CD-32 on-site checks and CD-37 record-keeping checks of a body: planned, then held with findings
CREATE TABLE control_checks (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('onSite', 'recordKeeping')),
  organization_id integer NOT NULL REFERENCES organizations(id),
  planned_on date NOT NULL,
  place text NOT NULL,
  participants text NOT NULL,
  instruction_ids jsonb NOT NULL,
  findings text,
  follow_up text,
  held_on date,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX control_checks_organization ON control_checks (organization_id, planned_on);

-- the outbox kind instructionReminder is allowed by 0019_outbox_kinds
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DROP TABLE control_checks; DROP TABLE explanation_requests; DROP TABLE violations; DROP TABLE instruction_reminders; DROP TABLE instruction_extensions;
       DROP TABLE instruction_reports; DROP TABLE instruction_executors; DROP TABLE instruction_appeals; DROP TABLE instructions;
       DROP TABLE reworks; DROP TABLE quality_reviews; DROP TABLE appeal_controls;`,
    )
    .execute(db);
}
