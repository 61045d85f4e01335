// Issue 10 item 12: a password an administrator gives (a new user's, a reset one) is temporary — the
// user changes it before anything else. Existing users have chosen theirs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN password_change_required`.execute(db);
}
