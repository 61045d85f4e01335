// PR-16: a signed schedule keeps the exact text its head signed, so the signature can be checked
// again later; an unsigned approval (on paper) has neither. Approvals signed before this were never
// verified, so they lose the mark rather than keep a claim nothing backs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE reception_schedules SET signature = NULL`.execute(db);
  await sql`ALTER TABLE reception_schedules ADD COLUMN signed_text text,
    ADD CONSTRAINT reception_schedules_signed_text CHECK ((signature IS NULL) = (signed_text IS NULL))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reception_schedules DROP COLUMN signed_text`.execute(db);
}
