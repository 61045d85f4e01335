// Idempotent registration (issue 16, item 5): a client that lost the answer and sends the same
// registration again with the same `Idempotency-Key` gets the appeal registered the first time.
// The row is written by the statement that stores the appeal (src/intake/store.ts), so it exists
// exactly when the appeal does; the primary key decides between concurrent requests with one key.
// Rows older than 24 hours are ignored (and replaced when the key comes again).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users(id),
  -- the client's Idempotency-Key: 1-200 printable ASCII characters
  key text NOT NULL,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  -- SHA-256 (hex) of the operation and its request body: the same key with another body is refused
  request_sha256 text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_appeal ON idempotency_keys (appeal_id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_keys`.execute(db);
}
