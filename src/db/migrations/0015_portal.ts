// The citizen portal (issue 14): one-time sign-in codes sent by SMS (kept as SHA-256 of the code,
// with their expiry and the attempts counted), the challenges an EDS signs to sign in, the
// applicant's portal sessions (by the phone of a code, or the IIN of an EDS certificate), the files an applicant attaches to an appeal (type checked by content, SHA-256
// kept) and the applicant's rating of the answer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE portal_codes (
  id bigserial PRIMARY KEY,
  -- the phone as +7XXXXXXXXXX (src/domain/portal.ts normalPhone)
  phone text NOT NULL,
  -- SHA-256 (hex) of the phone and the code: the code itself is never stored
  code_sha256 text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz
);
CREATE INDEX portal_codes_phone ON portal_codes (phone, created_at);
CREATE TABLE portal_challenges (
  -- SHA-256 (hex) of the random challenge the applicant's AUTH key signs
  challenge_sha256 text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX portal_challenges_created ON portal_challenges (created_at);
CREATE TABLE portal_sessions (
  token_sha256 text PRIMARY KEY,
  -- the phone a code was sent to, or the IIN of the certificate that signed the challenge
  phone text,
  iin text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (phone IS NOT NULL OR iin IS NOT NULL)
);
CREATE TABLE portal_attachments (
  id uuid PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  -- 'filing' or 'fix' (sent in answer to a 4.2 notice)
  purpose text NOT NULL CHECK (purpose IN ('filing', 'fix')),
  created_at timestamptz NOT NULL
);
CREATE INDEX portal_attachments_appeal ON portal_attachments (appeal_id);
CREATE TABLE portal_ratings (
  appeal_id uuid PRIMARY KEY REFERENCES appeals(id),
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  rated_at timestamptz NOT NULL
);
-- the outbox kind portalCode is allowed by 0019_outbox_kinds
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DROP TABLE portal_ratings;
DROP TABLE portal_attachments;
DROP TABLE portal_sessions;
DROP TABLE portal_challenges;
DROP TABLE portal_codes;`,
    )
    .execute(db);
}
