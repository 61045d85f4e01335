// Sign-in throttling (issue 16, item 7) in place of the hard lock of an account: failures are
// counted per login name (known or not, so the answers tell nobody which logins exist) and per
// client address, each keyed by a SHA-256 (no login name or address is stored as such); after a
// number of failures each further attempt waits a delay that doubles with each failure
// (src/access/throttle.ts). The account's own lock columns go. The outbox carries the e-mail that
// tells a user their account is being throttled.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE sign_in_throttle (
  -- 'login:' or 'address:' and the SHA-256 (hex) of the login name or the address
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  -- attempts before this are refused without checking the password
  not_before timestamptz
);
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
  CHECK (kind IN ('registered', 'forwarded', 'extended', 'hearingNotice', 'decision', 'talon', 'accountThrottled'));
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DELETE FROM outbox WHERE kind = 'accountThrottled';
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('registered', 'forwarded', 'extended', 'hearingNotice', 'decision', 'talon'));
ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz;
DROP TABLE sign_in_throttle;`,
    )
    .execute(db);
}
