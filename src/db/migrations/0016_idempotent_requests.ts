// Idempotent creating routes other than registration (issue 16, item 5): a user's Idempotency-Key
// is claimed before the request's use case runs and keeps the answer it gave (src/http/idempotent-requests.ts).
// Registration keeps its own table (0011), written by the statement that stores the appeal.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE idempotent_requests (
  -- the signed-in user's id; 'public' on a route without sign-in (access requests)
  owner text NOT NULL,
  -- the client's Idempotency-Key: 1-200 printable ASCII characters
  key text NOT NULL,
  -- SHA-256 (hex) of the method, the path and the request body: the same key with another request is refused
  request_sha256 text NOT NULL,
  -- the answer, once given; null while the request runs (or if its process ended before it answered)
  status_code integer,
  content_type text,
  response text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (owner, key)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotent_requests`.execute(db);
}
