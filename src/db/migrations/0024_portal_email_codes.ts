// One-time sign-in codes by e-mail as well as by SMS (issue 14 §2): a code is sent to a phone or
// to an e-mail address, and the session it opens links the applicant's cards by that address.
// The outbox kind stays 'portalCode' (0019), on the e-mail channel.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE portal_codes ALTER COLUMN phone DROP NOT NULL;
-- the address as written to, lower-cased (src/domain/portal.ts normalEmail)
ALTER TABLE portal_codes ADD COLUMN email text;
ALTER TABLE portal_codes ADD CONSTRAINT portal_codes_one_address CHECK ((phone IS NULL) <> (email IS NULL));
CREATE INDEX portal_codes_email ON portal_codes (email, created_at);
ALTER TABLE portal_sessions ADD COLUMN email text;
ALTER TABLE portal_sessions DROP CONSTRAINT portal_sessions_check;
ALTER TABLE portal_sessions ADD CONSTRAINT portal_sessions_check CHECK (phone IS NOT NULL OR iin IS NOT NULL OR email IS NOT NULL);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DELETE FROM portal_sessions WHERE phone IS NULL AND iin IS NULL;
ALTER TABLE portal_sessions DROP CONSTRAINT portal_sessions_check;
ALTER TABLE portal_sessions ADD CONSTRAINT portal_sessions_check CHECK (phone IS NOT NULL OR iin IS NOT NULL);
ALTER TABLE portal_sessions DROP COLUMN email;
DELETE FROM portal_codes WHERE phone IS NULL;
DROP INDEX portal_codes_email;
ALTER TABLE portal_codes DROP CONSTRAINT portal_codes_one_address;
ALTER TABLE portal_codes DROP COLUMN email;
ALTER TABLE portal_codes ALTER COLUMN phone SET NOT NULL;
`,
    )
    .execute(db);
}
