// The append-only audit log (docs/architecture.md#cross-cutting-concerns): every change of every card, with who, where, when and
// what changed. The table refuses UPDATE and DELETE (trigger in the first migration).
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';

export interface AuditEvent {
  appealId: string | null;
  organizationId: number;
  actor: Actor | null;
  at: Date;
  kind: string;
  changes: Record<string, unknown>;
}

/** The row of an event, for appendEvent and for statements that insert one along with other rows. */
export function eventRow(e: AuditEvent) {
  return {
    appeal_id: e.appealId,
    organization_id: e.organizationId,
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.fullName ?? 'system',
    at: e.at,
    kind: e.kind,
    changes: JSON.stringify(e.changes),
  };
}

export async function appendEvent(db: Db, e: AuditEvent): Promise<void> {
  await db.insertInto('events').values(eventRow(e)).execute();
}

/** A page of an appeal's events, oldest first, and how many it has. */
export async function eventsOf(db: Db, appealId: string, page: { limit: number; offset: number }) {
  const q = db.selectFrom('events').where('appeal_id', '=', appealId);
  const [items, count] = await Promise.all([q.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute(), q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { items, total: Number(count.n) };
}
