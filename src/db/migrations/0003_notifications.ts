// Notifications: the transactional outbox and the record of every delivery attempt.
// Plain SQL that PostgreSQL 15 and PGlite (18) both accept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- A message exists iff the change that caused it committed: use cases insert it in their own
-- transaction; the worker delivers it later. Rows are never deleted.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  appeal_id uuid REFERENCES appeals(id),
  kind text NOT NULL CHECK (kind IN ('registered', 'forwarded', 'extended', 'hearingNotice', 'decision', 'talon')),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  language text NOT NULL,
  subject text,
  body text NOT NULL,
  attachment_name text,
  -- the letter as it was when the message was made: a later change of the letter loses nothing
  attachment bytea,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- set while a worker delivers the message; still set at the next claim = the outcome was lost
  claimed_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  CHECK ((attachment IS NULL) = (attachment_name IS NULL))
);
-- The worker's query: pending messages that are due, oldest first.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_appeal ON outbox (appeal_id) WHERE appeal_id IS NOT NULL;

-- Every delivery attempt, successful or not.
CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outbox_id bigint NOT NULL REFERENCES outbox(id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL,
  error text,
  provider_response text
);
CREATE INDEX deliveries_outbox ON deliveries (outbox_id, attempt);

CREATE FUNCTION outbox_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'outbox messages and their deliveries are kept: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER outbox_keep BEFORE DELETE ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_keep();
CREATE TRIGGER deliveries_append_only BEFORE UPDATE OR DELETE ON deliveries
  FOR EACH ROW EXECUTE FUNCTION outbox_keep();
`,
    )
    .execute(db);
}
