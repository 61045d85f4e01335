// Two parts of issue 10.
// Search folding (item 10): fold_search(text) is src/domain/search.ts foldSearch in SQL —
// Kazakh letters as their Russian neighbours, lower case — built from the same table. IMMUTABLE, so
// the queues' trigram index is over the folded text (it replaces 0005's index over the raw text).
// Changing the table in src/domain/search.ts needs a new migration that re-creates the function
// and the index (src/db/search.test.ts compares the function with foldSearch on every letter).
// Staff notifications (item 13): each user's inbox — an assignment, a draft waiting for approval, a
// return (written by the door, src/appeals/change.ts, in the change's transaction), a term ending,
// an overdue appeal (the daily sweep, src/inbox/sweep.ts) — once each (user, key); whether the user
// also gets them by e-mail (no row: yes); staff e-mails are the outbox's 'staffNotice' kind (allowed with the other new kinds in 0019).
import { sql, type Kysely } from 'kysely';
import { FOLD_FROM, FOLD_TO } from '../../domain/search.ts';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE FUNCTION fold_search(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(translate(t, ${quote(FOLD_FROM)}, ${quote(FOLD_TO)})) $$;
DROP INDEX IF EXISTS appeals_search_trgm;
CREATE INDEX appeals_search_folded_trgm ON appeals
  USING gin (fold_search(summary || ' ' || text || ' ' || coalesce(applicant_name, '')) gin_trgm_ops);

CREATE TABLE staff_notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('assigned', 'draftToApprove', 'draftReturned', 'termEnding', 'overdue')),
  appeal_id uuid REFERENCES appeals(id),
  -- what makes it one notice: the event's or the due date's, so a repeated sweep adds nothing
  key text NOT NULL,
  -- what its text names: registration number, due date, remark, who
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (user_id, key)
);
CREATE INDEX staff_notifications_unread ON staff_notifications (user_id, id) WHERE read_at IS NULL;
CREATE TABLE staff_notification_settings (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  email boolean NOT NULL
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DROP TABLE staff_notification_settings;
DROP TABLE staff_notifications;
DROP INDEX IF EXISTS appeals_search_folded_trgm;
CREATE INDEX appeals_search_trgm ON appeals
  USING gin ((summary || ' ' || text || ' ' || coalesce(applicant_name, '')) gin_trgm_ops);
DROP FUNCTION fold_search(text);
`,
    )
    .execute(db);
}
