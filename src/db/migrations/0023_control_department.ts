// The control department's own work (issue 12): disciplinary proposals with their outcome (CD-34),
// briefings of new employees (CD-38), the department's signatories — its head and the substitutes
// designated for a date range — and its outgoing documents, signed only by one of them (CD-04).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE disciplinary_proposals (
  id uuid PRIMARY KEY,
  -- the body of the official proposed for disciplinary liability
  organization_id integer NOT NULL REFERENCES organizations(id),
  employee_id uuid REFERENCES users(id),
  official_name text NOT NULL,
  official_position text NOT NULL,
  ground text NOT NULL,
  instruction_id uuid REFERENCES instructions(id),
  -- by when the body is to report its decision on the proposal
  due_date date NOT NULL,
  proposed_by_name text NOT NULL,
  proposed_at timestamptz NOT NULL,
  outcome text CHECK (outcome IN ('imposed', 'notImposed')),
  penalty text,
  outcome_note text,
  decided_on date,
  outcome_recorded_by_name text,
  outcome_recorded_at timestamptz,
  CHECK ((outcome IS NULL AND penalty IS NULL) OR (outcome = 'imposed' AND penalty IS NOT NULL) OR (outcome = 'notImposed' AND penalty IS NULL))
);
CREATE INDEX disciplinary_proposals_organization ON disciplinary_proposals (organization_id, due_date);

CREATE TABLE employee_briefings (
  id uuid PRIMARY KEY,
  employee_id uuid NOT NULL REFERENCES users(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  briefed_on date NOT NULL,
  topic text NOT NULL,
  conducted_by_name text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX employee_briefings_employee ON employee_briefings (employee_id);
CREATE INDEX employee_briefings_organization ON employee_briefings (organization_id, briefed_on);

CREATE TABLE control_signatories (
  id uuid PRIMARY KEY,
  -- the control department
  organization_id integer NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('head', 'substitute')),
  valid_from date NOT NULL,
  -- a head until another is designated (NULL); a substitute for the dates of the head's absence
  valid_to date,
  designated_by_name text NOT NULL,
  designated_at timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK (kind = 'head' OR valid_to IS NOT NULL)
);
CREATE INDEX control_signatories_organization ON control_signatories (organization_id, kind);

CREATE TABLE control_documents (
  id uuid PRIMARY KEY,
  -- the department on whose behalf it is sent
  organization_id integer NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('systemicNote')),
  addressee text NOT NULL,
  -- the territory and period the document covers, and its content as composed (what is signed is what is sent)
  subject_organization_id integer NOT NULL REFERENCES organizations(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  content jsonb NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  signed_by uuid REFERENCES users(id),
  signed_by_name text,
  signed_as text CHECK (signed_as IN ('head', 'substitute')),
  signed_at timestamptz,
  sent_by_name text,
  sent_at timestamptz,
  CHECK (sent_at IS NULL OR signed_at IS NOT NULL)
);
CREATE INDEX control_documents_organization ON control_documents (organization_id, created_at);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE control_documents; DROP TABLE control_signatories; DROP TABLE employee_briefings; DROP TABLE disciplinary_proposals;').execute(db);
}
