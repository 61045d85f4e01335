// Open311 API keys (issue 14 §7): POST requests.json registers an electronic appeal only for a
// client holding a key the administrator issued; the key is stored as its SHA-256 only (shown once
// when issued), can be revoked, and its last use is kept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE open311_keys (
  id uuid PRIMARY KEY,
  -- who holds it: the client system or its operator, as the administrator wrote
  name text NOT NULL,
  -- SHA-256 (hex) of the key; the key itself is never stored
  key_sha256 text NOT NULL UNIQUE,
  -- its first characters, to tell keys apart in the list
  prefix text NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  revoked_by uuid REFERENCES users(id),
  revoked_at timestamptz,
  last_used_at timestamptz
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE open311_keys`.execute(db);
}
