// The outbox kinds of the capabilities written side by side (0012 reception, 0013 instructions,
// 0015 portal, 0017 staff notices), allowed in one place so that none of them narrows the list another widened.
import { sql, type Kysely } from 'kysely';

const EARLIER = ['registered', 'forwarded', 'extended', 'hearingNotice', 'decision', 'talon', 'accountThrottled'];
const ADDED = ['receptionScheduled', 'receptionCancelled', 'receptionRefusalDraft', 'receptionRefused', 'receptionNotConsidered', 'receptionParticipation', 'instructionReminder', 'portalCode', 'staffNotice'];

async function allow(db: Kysely<unknown>, kinds: string[]): Promise<void> {
  const list = kinds.map((k) => `'${k}'`).join(', ');
  await sql.raw(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check; ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN (${list}));`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await allow(db, [...EARLIER, ...ADDED]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM outbox WHERE kind = ANY(${ADDED})`.execute(db);
  await allow(db, EARLIER);
}
