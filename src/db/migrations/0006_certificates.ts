// The registry of users' signing certificates (src/access/certificates.ts): a signature is a
// user's only with a certificate registered to them and not revoked. The demo keys keep their
// PKCS#12 only; their certificates are registered here at seed time (a demo database made before
// gets new demo keys at its next start: src/db/demo.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE user_certificates (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  -- SHA-256 of the DER, hex: a certificate belongs to one user
  fingerprint text NOT NULL UNIQUE,
  subject text NOT NULL,
  serial text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  certificate_pem text NOT NULL,
  registered_at timestamptz NOT NULL,
  registered_by uuid REFERENCES users(id),
  -- kept after revocation: earlier signatures still name their owner
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id)
);
CREATE INDEX user_certificates_user ON user_certificates (user_id);
ALTER TABLE demo_keys DROP COLUMN certificate_pem;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE user_certificates; ALTER TABLE demo_keys ADD COLUMN certificate_pem text NOT NULL DEFAULT '';`).execute(db);
}
