// Attachments (issue 10 item 11, issue 14 §3): one table for every file an appeal carries — the
// scan of a paper appeal taken at the desk, documents to a decision or a letter, the applicant's
// files from the portal (which move here from portal_attachments). The bytes are kept in the
// database (bytea): the same on the embedded database and on a server, inside the transaction of
// the registration or change that takes them (a refusal leaves nothing), and in every backup.
// A file is uploaded first (staged: no appeal yet, owned by its uploader) and taken by the
// registration, or added to an appeal at once.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  -- the order of upload: files uploaded at one instant (a fixed clock, one filing) list as sent
  seq bigint GENERATED ALWAYS AS IDENTITY,
  -- null while staged: uploaded, not yet taken by a registration
  appeal_id uuid REFERENCES appeals(id),
  -- what it documents: the appeal itself (a scan, the applicant's files), or one decision or letter of it
  decision_id uuid REFERENCES decisions(id),
  -- a draft's letter rewritten is deleted (src/review/store.ts): its documents stay with the appeal
  letter_id uuid REFERENCES letters(id) ON DELETE SET NULL,
  -- 'scan' (of a paper appeal), 'document', 'filing' and 'fix' (the applicant's, from the portal)
  purpose text NOT NULL CHECK (purpose IN ('scan', 'document', 'filing', 'fix')),
  -- who uploaded it: a user, or the portal's applicant (SHA-256 of their proven phone and IIN)
  uploaded_by uuid REFERENCES users(id),
  applicant_key text,
  -- the name shown and sent back (no path, the extension of its real type)
  name text NOT NULL,
  -- the type found in its content (src/domain/attachments.ts), never the one declared
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (uploaded_by IS NOT NULL OR applicant_key IS NOT NULL),
  CHECK (appeal_id IS NOT NULL OR (decision_id IS NULL AND letter_id IS NULL))
);
CREATE INDEX attachments_appeal ON attachments (appeal_id, seq) WHERE appeal_id IS NOT NULL;
CREATE INDEX attachments_staged ON attachments (created_at) WHERE appeal_id IS NULL;
INSERT INTO attachments (id, appeal_id, purpose, applicant_key, name, media_type, size, sha256, content, created_at)
  SELECT id, appeal_id, purpose, 'portal', name, media_type, size, sha256, content, created_at FROM portal_attachments ORDER BY created_at, id;
DROP TABLE portal_attachments;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE portal_attachments (
  id uuid PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('filing', 'fix')),
  created_at timestamptz NOT NULL
);
CREATE INDEX portal_attachments_appeal ON portal_attachments (appeal_id);
INSERT INTO portal_attachments
  SELECT t.id, t.appeal_id, a.organization_id, t.name, t.media_type, t.size, t.sha256, t.content, t.purpose, t.created_at
  FROM attachments t JOIN appeals a ON a.id = t.appeal_id WHERE t.purpose IN ('filing', 'fix');
DROP TABLE attachments;
`,
    )
    .execute(db);
}
