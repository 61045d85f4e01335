// Row types of the citizen portal (0015); src/db/schema.ts adds them to DB.
import type { Generated } from 'kysely';
import type { Timestamp } from '../schema.ts';

/** The citizen portal (0015): one-time codes, applicant sessions, ratings (its attachments moved to `attachments`, 0022). */
export interface PortalCodesTable {
  id: Generated<number>;
  /** One of phone and email (0024): where the code was sent. */
  phone: string | null;
  email: string | null;
  code_sha256: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

export interface PortalChallengesTable {
  challenge_sha256: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PortalSessionsTable {
  token_sha256: string;
  phone: string | null;
  iin: string | null;
  /** The address of an e-mail code (0024). */
  email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PortalRatingsTable {
  appeal_id: string;
  score: number;
  comment: Generated<string>;
  rated_at: Timestamp;
}

export interface PortalTables {
  portal_codes: PortalCodesTable;
  portal_challenges: PortalChallengesTable;
  portal_sessions: PortalSessionsTable;
  portal_ratings: PortalRatingsTable;
}
