// The head's approval of an executor's outcome (src/domain/decisions.ts `approval`): the draft of
// a decision card waits in decision_drafts with its letter until the head signs the letter (the
// card is saved then) or returns it; the head named on a letter (signatory); and the internal
// correspondence by which a co-executing organization gets its part of the work (rules p.11).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE decision_drafts (
  id uuid PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  organization_id integer NOT NULL,
  code text NOT NULL,
  -- the card's data as the executor entered it: defaults are applied when the head approves
  data jsonb NOT NULL,
  drafted_by uuid NOT NULL REFERENCES users(id),
  drafted_by_name text NOT NULL,
  drafted_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'returned', 'superseded')),
  remark text,
  resolved_by uuid REFERENCES users(id),
  resolved_by_name text,
  resolved_at timestamptz,
  decision_id uuid REFERENCES decisions(id)
);
CREATE INDEX decision_drafts_appeal ON decision_drafts (appeal_id);
-- one draft at a time awaits the head on an appeal
CREATE UNIQUE INDEX decision_drafts_pending ON decision_drafts (appeal_id) WHERE status = 'pending';

-- A draft's letter has no decision yet; it gets one when the head signs it.
ALTER TABLE letters ALTER COLUMN decision_id DROP NOT NULL;
ALTER TABLE letters ADD COLUMN draft_id uuid REFERENCES decision_drafts(id);
-- the head whose name and position the letter prints: only they sign it as it is
ALTER TABLE letters ADD COLUMN signatory_id uuid REFERENCES users(id);
ALTER TABLE letters ADD CONSTRAINT letters_decision_or_draft CHECK (decision_id IS NOT NULL OR draft_id IS NOT NULL);
CREATE UNIQUE INDEX letters_number ON letters (appeal_id, number);

CREATE TABLE correspondence (
  id uuid PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  -- the organization that reviews the appeal, and the co-executing one that answers it internally
  organization_id integer NOT NULL,
  recipient_organization_id integer NOT NULL REFERENCES organizations(id),
  co_executor_id uuid NOT NULL REFERENCES users(id),
  sent_by uuid NOT NULL REFERENCES users(id),
  sent_at timestamptz NOT NULL,
  due_date date NOT NULL,
  reply text,
  replied_by uuid REFERENCES users(id),
  replied_by_name text,
  replied_at timestamptz,
  withdrawn_at timestamptz
);
CREATE INDEX correspondence_appeal ON correspondence (appeal_id);
CREATE INDEX correspondence_recipient ON correspondence (recipient_organization_id, due_date) WHERE replied_at IS NULL AND withdrawn_at IS NULL;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DROP TABLE correspondence;
DROP INDEX letters_number;
ALTER TABLE letters DROP CONSTRAINT letters_decision_or_draft;
ALTER TABLE letters DROP COLUMN signatory_id;
ALTER TABLE letters DROP COLUMN draft_id;
DELETE FROM letters WHERE decision_id IS NULL;
ALTER TABLE letters ALTER COLUMN decision_id SET NOT NULL;
DROP TABLE decision_drafts;`,
    )
    .execute(db);
}
