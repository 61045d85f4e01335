// The SQL of the quarterly report of reception offices (PR-46): each figure counted over the
// sessions of an organization's subtree whose date falls in the period.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { subtreeOf } from './store.ts';

export interface Period {
  organizationId: number;
  from: string;
  to: string;
}

function sessionsIn(db: Db, p: Period) {
  return db.selectFrom('reception_sessions as s').where(subtreeOf(p.organizationId, 's.organization_id')).where('s.reception_date', '>=', p.from).where('s.reception_date', '<=', p.to);
}

/** The organization's code and its ancestors' (the addressee, PR-46). */
export async function codesUp(db: Db, organizationId: number): Promise<string[]> {
  const rows = await db.selectFrom('organization_closure as c').innerJoin('organizations as o', 'o.id', 'c.ancestor_id').select('o.code').where('c.descendant_id', '=', organizationId).execute();
  return rows.map((r) => r.code);
}

export async function reportFigures(db: Db, p: Period) {
  const [sessions, visitors, instructions, signUps, calls, byOfficial] = await Promise.all([
    sessionsIn(db, p)
      .select([
        sql<number>`count(*) FILTER (WHERE s.status = 'planned')`.as('held'),
        sql<number>`count(*) FILTER (WHERE s.status = 'cancelled')`.as('cancelled'),
        sql<number>`count(*) FILTER (WHERE s.status = 'planned' AND s.format = 'video')`.as('video'),
      ])
      .executeTakeFirstOrThrow(),
    sessionsIn(db, p)
      .innerJoin('reception_queue as q', 'q.session_id', 's.id')
      .select([sql<number>`count(*) FILTER (WHERE q.status = 'served')`.as('received'), sql<number>`count(*) FILTER (WHERE q.status = 'served' AND q.out_of_turn IS NOT NULL)`.as('out_of_turn')])
      .executeTakeFirstOrThrow(),
    sessionsIn(db, p)
      .innerJoin('reception_protocol_lines as l', 'l.session_id', 's.id')
      .select([sql<number>`count(*)`.as('lines'), sql<number>`count(*) FILTER (WHERE l.instruction)`.as('instructions')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reception_sign_ups as u')
      .innerJoin('appeals as a', 'a.id', 'u.appeal_id')
      .where(subtreeOf(p.organizationId, 'u.organization_id'))
      .where('a.registration_date', '>=', p.from)
      .where('a.registration_date', '<=', p.to)
      .select([
        sql<number>`count(*)`.as('registered'),
        sql<number>`count(*) FILTER (WHERE u.session_id IS NOT NULL)`.as('given_session'),
        sql<number>`count(*) FILTER (WHERE u.outcome = 'refused')`.as('refused'),
        sql<number>`count(*) FILTER (WHERE u.outcome = 'notConsidered')`.as('not_considered'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reception_survey_calls as c')
      .where(subtreeOf(p.organizationId, 'c.organization_id'))
      .where('c.period_from', '>=', p.from)
      .where('c.period_to', '<=', p.to)
      .select([sql<number>`count(*)`.as('drawn'), sql<number>`count(*) FILTER (WHERE c.reached)`.as('reached'), sql<string | null>`round(avg(c.satisfaction), 2)::text`.as('average')])
      .executeTakeFirstOrThrow(),
    sessionsIn(db, p)
      .innerJoin('reception_officials as f', 'f.id', 's.official_id')
      .leftJoin('reception_queue as q', (j) => j.onRef('q.session_id', '=', 's.id').on('q.status', '=', 'served'))
      .where('s.status', '=', 'planned')
      .groupBy(['f.id', 'f.full_name', 'f.kind'])
      .select(['f.id', 'f.full_name', 'f.kind', sql<number>`count(DISTINCT s.id)`.as('sessions'), sql<number>`count(q.id)`.as('received')])
      .orderBy('f.full_name')
      .execute(),
  ]);
  return { sessions, visitors, instructions, signUps, calls, byOfficial };
}
