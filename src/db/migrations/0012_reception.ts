// Personal reception (issue 11; Decree 214/2023, requirements PR-01…PR-47, CD-13…CD-17): the
// receiving officials, their sessions and the approved monthly schedules, restrictive regimes,
// sign-up appeals (an appeal of its own, with the session it was given), the live queue, the
// session's participants and its protocol.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- PR-02: who receives, of which of the six kinds
CREATE TABLE reception_officials (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  full_name text NOT NULL,
  position_kk text NOT NULL,
  position_ru text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('centralBodyHead', 'akim', 'centralBodyApparatusHead', 'akimApparatusHead', 'unitHead', 'authorizedEmployee')),
  phone text,
  email text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);
CREATE INDEX reception_officials_organization ON reception_officials (organization_id);

-- PR-13…PR-18, CD-15, CD-16: a reception session; off-schedule ones carry their instruction (PR-18)
CREATE TABLE reception_sessions (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  official_id uuid NOT NULL REFERENCES reception_officials(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- the local date of starts_at: what schedules, compliance and terms count by
  reception_date date NOT NULL,
  place text NOT NULL,
  format text NOT NULL CHECK (format IN ('inPerson', 'video')),
  occasion text NOT NULL CHECK (occasion IN ('scheduled', 'withinPopulationMeeting', 'afterPopulationMeeting', 'offSchedule', 'visiting', 'receptionCentre', 'sameDay')),
  instruction_issuer text,
  instruction_date date,
  settlement text,
  video_url text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  -- PR-24: the official's notice
  cancel_reason text,
  cancel_note text,
  cancel_notice_on date,
  cancel_late boolean,
  cancelled_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX reception_sessions_organization ON reception_sessions (organization_id, reception_date);
CREATE INDEX reception_sessions_official ON reception_sessions (official_id, reception_date);

-- PR-15, PR-16: the approval of an organization's schedule for a month (who, when, signature)
CREATE TABLE reception_schedules (
  organization_id integer NOT NULL REFERENCES organizations(id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  approved_by uuid NOT NULL REFERENCES users(id),
  approved_by_name text NOT NULL,
  approved_by_position text NOT NULL,
  approved_at timestamptz NOT NULL,
  -- detached CMS (base64) over the schedule's text, as letters are signed
  signature text,
  PRIMARY KEY (organization_id, month)
);

-- PR-23: a restrictive regime: receptions of the organization and those below it only by video
CREATE TABLE reception_restrictions (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  reason text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  CHECK (ends_on >= starts_on)
);

-- PR-04…PR-12, PR-33…PR-38: a sign-up appeal, the official or question it is for, the session given
CREATE TABLE reception_sign_ups (
  appeal_id uuid PRIMARY KEY REFERENCES appeals(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  official_id uuid REFERENCES reception_officials(id),
  question text NOT NULL,
  video_consent boolean NOT NULL DEFAULT false,
  reception_language text NOT NULL CHECK (reception_language IN ('kk', 'ru')),
  session_id uuid REFERENCES reception_sessions(id),
  scheduled_at timestamptz,
  reference_proposal text CHECK (reference_proposal IN ('date', 'refusal')),
  reference_note text,
  reference_at timestamptz,
  -- PR-11: the draft refusal sent for a hearing
  refusal_draft_on date,
  refusal_draft_ground text,
  -- PR-07, PR-10: the outcome other than a session: refused on a ground (with its link), or not
  -- considered for stating no substance
  outcome text CHECK (outcome IN ('refused', 'notConsidered')),
  refusal_ground text CHECK (refusal_ground IN ('outsideCompetence', 'earlierDecision', 'courtAct', 'returned', 'withdrawn')),
  refusal_link text,
  outcome_text text,
  outcome_at timestamptz,
  -- PR-27, PR-28: another body asked to take part, and its refusal
  participation_body text,
  participation_requested_on date,
  participation_refused_on date
);
CREATE INDEX reception_sign_ups_session ON reception_sign_ups (session_id);

-- PR-19…PR-21, PR-29: the live queue of a session
CREATE TABLE reception_queue (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES reception_sessions(id),
  ticket integer NOT NULL,
  name text NOT NULL,
  out_of_turn text CHECK (out_of_turn IN ('veteranGreatPatrioticWar', 'veteranEquated', 'veteranCombat', 'labourVeteran', 'disability', 'pregnant', 'stateOrderHolder')),
  evidence text,
  arrived_at timestamptz NOT NULL,
  sign_up_appeal_id uuid REFERENCES appeals(id),
  identity_checked boolean NOT NULL DEFAULT false,
  representative boolean NOT NULL DEFAULT false,
  authority_document text,
  citizenship text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  reception_language text CHECK (reception_language IN ('kk', 'ru')),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'served', 'absent')),
  called_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  UNIQUE (session_id, ticket)
);

-- PR-25, PR-26, PR-30: who else takes part
CREATE TABLE reception_participants (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES reception_sessions(id),
  kind text NOT NULL CHECK (kind IN ('invitedEmployee', 'otherBody', 'legalConsultant', 'psychologist', 'socialWorker', 'volunteer', 'interpreter')),
  name text NOT NULL,
  organization text,
  added_at timestamptz NOT NULL
);

-- PR-31: the protocol: the decision on each visitor's question; an instruction names its executor
-- organization and due date (the instruction model of issue 12 links to it when merged)
CREATE TABLE reception_protocol_lines (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES reception_sessions(id),
  line_no integer NOT NULL,
  queue_entry_id uuid REFERENCES reception_queue(id),
  question text NOT NULL,
  decision text NOT NULL,
  instruction boolean NOT NULL DEFAULT false,
  executor_organization_id integer REFERENCES organizations(id),
  due_date date,
  appeal_id uuid REFERENCES appeals(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (session_id, line_no),
  CHECK (NOT instruction OR (executor_organization_id IS NOT NULL AND due_date IS NOT NULL))
);

-- PR-44: the sample phone survey of satisfaction: drawn from those who got a consultation and those
-- refused sign-up, with each call's result
CREATE TABLE reception_survey_calls (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  population text NOT NULL CHECK (population IN ('consultation', 'refusedSignUp')),
  queue_entry_id uuid REFERENCES reception_queue(id),
  appeal_id uuid REFERENCES appeals(id),
  name text NOT NULL,
  phone text,
  period_from date NOT NULL,
  period_to date NOT NULL,
  drawn_by uuid NOT NULL REFERENCES users(id),
  drawn_at timestamptz NOT NULL,
  reached boolean,
  satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
  comment text,
  called_by uuid REFERENCES users(id),
  called_at timestamptz,
  CHECK ((population = 'consultation') = (queue_entry_id IS NOT NULL))
);
CREATE UNIQUE INDEX reception_survey_calls_entry ON reception_survey_calls (queue_entry_id) WHERE queue_entry_id IS NOT NULL;
CREATE UNIQUE INDEX reception_survey_calls_refused ON reception_survey_calls (appeal_id) WHERE population = 'refusedSignUp';

-- the reception's outbox kinds are allowed by 0019_outbox_kinds
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DROP TABLE reception_survey_calls, reception_protocol_lines, reception_participants, reception_queue, reception_sign_ups, reception_restrictions, reception_schedules, reception_sessions, reception_officials;
`,
    )
    .execute(db);
}
