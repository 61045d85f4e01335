// The SQL of outage mode: outage acts and the paper-journal entries made from them.
import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { OutageActsTable, PaperJournalEntriesTable } from '../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { authorityScope, countedPredicate } from '../statistics/scope.ts';

/** Whose outages the actor sees: the statistics authority those of the organizations it counts
 *  (its territory, src/statistics/scope.ts) — it is the one the late entries are reported to —,
 *  everyone else their own organizations. */
export async function visibleOrganizations(db: Db, actor: Actor, column: string): Promise<RawBuilder<SqlBool>> {
  const counted = await authorityScope(db, actor);
  return counted ? countedPredicate(counted, sql.ref(column)) : inScope(actor, column);
}

/** A new outage act. */
export async function insertOutageAct(db: Db, row: Insertable<OutageActsTable>): Promise<void> {
  await db.insertInto('outage_acts').values(row).execute();
}

/** The outage acts `visible` admits, newest first, with how many entries each has and how many were late. */
export async function outageActsWhere(db: Db, visible: RawBuilder<SqlBool>) {
  return db
    .selectFrom('outage_acts as o')
    .innerJoin('organizations as org', 'org.id', 'o.organization_id')
    .select([
      'o.id',
      'o.organization_id',
      'org.code as organization_code',
      'o.started_at',
      'o.ended_at',
      'o.cause',
      'o.recorded_by_name',
      'o.recorded_at',
      (e) =>
        e
          .selectFrom('paper_journal_entries as j')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('j.outage_act_id', '=', 'o.id')
          .as('entries'),
      (e) =>
        e
          .selectFrom('paper_journal_entries as j')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('j.outage_act_id', '=', 'o.id')
          .where('j.late', '=', true)
          .as('late_entries'),
    ])
    .where(visible)
    .orderBy('o.started_at', 'desc')
    .limit(500)
    .execute();
}

/** An outage act, if it exists. */
export async function outageActById(db: Db, id: string) {
  return db.selectFrom('outage_acts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The appeal entered from a page and entry of an act's paper journal, if one was. */
export async function journalEntryAt(db: Db, actId: string, page: number, entry: number) {
  return db.selectFrom('paper_journal_entries').select('appeal_id').where('outage_act_id', '=', actId).where('page', '=', page).where('entry', '=', entry).executeTakeFirst();
}

/** An appeal entered from the paper journal. */
export async function insertJournalEntry(db: Db, row: Insertable<PaperJournalEntriesTable>): Promise<void> {
  await db.insertInto('paper_journal_entries').values(row).execute();
}

/** The late paper-journal entries `visible` admits, newest first. */
export async function lateEntriesWhere(db: Db, visible: RawBuilder<SqlBool>) {
  return db
    .selectFrom('paper_journal_entries as j')
    .innerJoin('outage_acts as o', 'o.id', 'j.outage_act_id')
    .innerJoin('appeals as a', 'a.id', 'j.appeal_id')
    .innerJoin('organizations as org', 'org.id', 'o.organization_id')
    .select(['j.appeal_id', 'a.registration_number', 'j.page', 'j.entry', 'j.received_at', 'j.entered_at', 'o.ended_at', 'o.organization_id', 'org.code as organization_code', 'o.id as outage_act_id'])
    .where('j.late', '=', true)
    .where(visible)
    .orderBy('j.entered_at', 'desc')
    .limit(1000)
    .execute();
}
