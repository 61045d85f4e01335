// Which tables grow with appeals, and so must carry the organization key for the day the database
// is sharded by organization (docs/scaling.md "Sharding by organization"). Data, checked against
// the live schema by src/db/schema-scaling.test.ts.

/** The column a sharded PostgreSQL (Citus) would distribute the large tables by. */
export const ORGANIZATION_KEY = 'organization_id';

/** The rule: a table grows with appeals if it has an `appeal_id` column, or is one of these
 *  (the appeals themselves, and the rows that hang off a growing row by another key). */
export const GROWING_WITHOUT_APPEAL_ID = ['appeals', 'deliveries', 'chat_messages', 'contacts', 'correction_attachments', 'explanation_requests', 'reception_queue', 'reception_participants'] as const;

/** Growing tables that lack the key for now, each with the reason (docs/scaling.md lists them):
 *  a child whose parent carries the key gets it, filled from the parent, in the migration that
 *  distributes the tables, when its inserts (other capabilities') are changed to write it. */
export const ORGANIZATION_KEY_EXCEPTIONS: Record<string, string> = {
  idempotency_keys: 'bounded, not large: a key lives 24 hours and is replaced',
  card_deletions: 'child of appeals (appeal_id): at most one row per deleted card',
  paper_journal_entries: 'child of appeals (appeal_id) and outage_acts, which carry the key; only appeals of an outage',
  portal_ratings: 'child of appeals (appeal_id): at most one row per appeal',
  instruction_appeals: 'link of instructions (which carry the key) to appeals',
  reception_protocol_lines: 'child of reception_sessions, which carry the key',
  staff_notifications: "a user's notices: keyed by the user, whose organization is the key",
  deliveries: 'child of outbox (outbox_id), which carries the key',
  chat_messages: 'child of contacts (contact_id), which carry the key',
  correction_attachments: 'child of correction_petitions, which carry the key',
  attachments: 'child of appeals (appeal_id); a file staged before its appeal is registered has no organization yet',
  explanation_requests: 'child of violations, which carry the key',
  reception_queue: 'child of reception_sessions, which carry the key',
  reception_participants: 'child of reception_sessions, which carry the key',
};
