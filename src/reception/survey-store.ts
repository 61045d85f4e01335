// The SQL of the satisfaction survey (PR-44): the two populations it is drawn from, at random, and
// the calls' results.
import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ReceptionSurveyCallsTable } from '../db/schema.ts';
import { subtreeOf } from './store.ts';

/** The applicant's mobile phone of an appeal (its first card), as a subquery. */
const phoneOf = (appealColumn: string) => sql<string | null>`(SELECT c.phone_mobile FROM applicant_cards c WHERE c.appeal_id = ${sql.ref(appealColumn)} ORDER BY c.position LIMIT 1)`;

/** Those who got a consultation in the period (served at a session of the organization's subtree),
 *  not drawn before: `size` of them at random. */
export async function consultationsToDraw(db: Db, organizationId: number, from: string, to: string, size: number) {
  return db
    .selectFrom('reception_queue as q')
    .innerJoin('reception_sessions as s', 's.id', 'q.session_id')
    .select(['q.id', 'q.name', 'q.sign_up_appeal_id', phoneOf('q.sign_up_appeal_id').as('phone')])
    .where('q.status', '=', 'served')
    .where(subtreeOf(organizationId, 's.organization_id'))
    .where('s.reception_date', '>=', from)
    .where('s.reception_date', '<=', to)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('reception_survey_calls as c').select('c.id').whereRef('c.queue_entry_id', '=', 'q.id'))))
    .orderBy(sql`random()`)
    .limit(size)
    .execute();
}

/** Those refused sign-up in the period, not drawn before: `size` of them at random. */
export async function refusalsToDraw(db: Db, organizationId: number, from: string, to: string, size: number, timeZone: string) {
  return db
    .selectFrom('reception_sign_ups as u')
    .innerJoin('appeals as a', 'a.id', 'u.appeal_id')
    .select(['u.appeal_id', 'a.applicant_name', phoneOf('u.appeal_id').as('phone')])
    .where('u.outcome', '=', 'refused')
    .where(subtreeOf(organizationId, 'u.organization_id'))
    .where(sql<SqlBool>`(u.outcome_at AT TIME ZONE ${timeZone})::date BETWEEN ${from}::date AND ${to}::date`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('reception_survey_calls as c').select('c.id').whereRef('c.appeal_id', '=', 'u.appeal_id').where('c.population', '=', 'refusedSignUp'))))
    .orderBy(sql`random()`)
    .limit(size)
    .execute();
}

export async function insertCalls(db: Db, rows: Insertable<ReceptionSurveyCallsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('reception_survey_calls').values(rows).execute();
}

export async function callById(db: Db, id: string) {
  return db.selectFrom('reception_survey_calls').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCall(db: Db, id: string, set: Updateable<ReceptionSurveyCallsTable>): Promise<void> {
  await db.updateTable('reception_survey_calls').set(set).where('id', '=', id).execute();
}

/** The calls `visible` admits, newest draw first. */
export async function callsWhere(db: Db, visible: RawBuilder<SqlBool>) {
  return db.selectFrom('reception_survey_calls').selectAll().where(visible).orderBy('drawn_at', 'desc').orderBy('population').orderBy('name').limit(2000).execute();
}
