// The SQL of the control department's own work (0023): disciplinary proposals (CD-34), briefings
// of new employees (CD-38), signatories and outgoing documents (CD-04). Scope is a predicate over
// the closure table, as in store.ts.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ControlDocumentsTable, ControlSignatoriesTable, DisciplinaryProposalsTable, EmployeeBriefingsTable } from '../db/schema.ts';
import type { Signatory } from '../domain/control-department.ts';
import { below } from './store.ts';

export async function organizationKind(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('organizations').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}

export async function userOf(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'full_name', 'position', 'organization_id', 'created_at']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function instructionById(db: Db, id: string) {
  return db.selectFrom('instructions').select(['id', 'organization_id']).where('id', '=', id).executeTakeFirst();
}

export async function insertProposal(db: Db, row: Insertable<DisciplinaryProposalsTable>): Promise<void> {
  await db.insertInto('disciplinary_proposals').values(row).execute();
}

export async function proposalById(db: Db, id: string) {
  return db.selectFrom('disciplinary_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordOutcome(
  db: Db,
  id: string,
  set: { outcome: 'imposed' | 'notImposed'; penalty: string | null; outcome_note: string | null; decided_on: string; outcome_recorded_by_name: string; outcome_recorded_at: Date },
) {
  return db.updateTable('disciplinary_proposals').set(set).where('id', '=', id).where('outcome', 'is', null).returningAll().executeTakeFirst();
}

export async function proposalsBelow(db: Db, root: number) {
  return db
    .selectFrom('disciplinary_proposals as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('p')
    .select(['o.code', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .where(below(root, 'p.organization_id'))
    .orderBy('p.due_date')
    .limit(1000)
    .execute();
}

export async function insertBriefing(db: Db, row: Insertable<EmployeeBriefingsTable>): Promise<void> {
  await db.insertInto('employee_briefings').values(row).execute();
}

export async function briefingsBelow(db: Db, root: number) {
  return db
    .selectFrom('employee_briefings as b')
    .innerJoin('users as u', 'u.id', 'b.employee_id')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select(['b.id', 'b.employee_id', 'u.full_name', 'u.position', 'b.organization_id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', 'b.briefed_on', 'b.topic', 'b.conducted_by_name'])
    .where(below(root, 'b.organization_id'))
    .orderBy('b.briefed_on', 'desc')
    .limit(1000)
    .execute();
}

/** CD-38: active employees of the bodies below whose account was opened since `since` and who have
 *  no briefing on record. */
export async function notBriefedBelow(db: Db, root: number, since: Date) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.full_name', 'u.position', 'u.organization_id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', sql<Date>`u.created_at`.as('created_at')])
    .where(below(root, 'u.organization_id'))
    .where('u.active', '=', true)
    .where(sql<boolean>`u.created_at >= ${since}`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('employee_briefings as b').select('b.id').whereRef('b.employee_id', '=', 'u.id'))))
    .orderBy('u.created_at')
    .limit(1000)
    .execute();
}

export async function signatoriesOf(db: Db, organizationId: number): Promise<(Signatory & { id: string; fullName: string; designatedBy: string })[]> {
  const rows = await db
    .selectFrom('control_signatories as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 'u.full_name', 's.kind', 's.valid_from', 's.valid_to', 's.designated_by_name'])
    .where('s.organization_id', '=', organizationId)
    .orderBy('s.valid_from')
    .execute();
  return rows.map((r) => ({ id: r.id, userId: r.user_id, fullName: r.full_name, kind: r.kind, validFrom: r.valid_from, validTo: r.valid_to, designatedBy: r.designated_by_name }));
}

export async function insertSignatory(db: Db, row: Insertable<ControlSignatoriesTable>): Promise<void> {
  await db.insertInto('control_signatories').values(row).execute();
}

/** A new head ends the designation of the one before on the day before. */
export async function closeHeads(db: Db, organizationId: number, lastDay: string): Promise<void> {
  await db.updateTable('control_signatories').set({ valid_to: lastDay }).where('organization_id', '=', organizationId).where('kind', '=', 'head').where('valid_to', 'is', null).execute();
}

export async function insertDocument(db: Db, row: Insertable<ControlDocumentsTable>): Promise<void> {
  await db.insertInto('control_documents').values(row).execute();
}

export async function documentById(db: Db, id: string) {
  return db.selectFrom('control_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function documentsOf(db: Db, organizationId: number) {
  return db
    .selectFrom('control_documents')
    .select(['id', 'kind', 'addressee', 'period_from', 'period_to', 'created_by_name', 'created_at', 'signed_by_name', 'signed_as', 'signed_at', 'sent_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export async function signDocument(db: Db, id: string, set: { signed_by: string; signed_by_name: string; signed_as: 'head' | 'substitute'; signed_at: Date }) {
  return db.updateTable('control_documents').set(set).where('id', '=', id).where('signed_at', 'is', null).returning('id').executeTakeFirst();
}

export async function sendDocument(db: Db, id: string, set: { sent_by_name: string; sent_at: Date }) {
  return db.updateTable('control_documents').set(set).where('id', '=', id).where('sent_at', 'is', null).where('signed_at', 'is not', null).returning('id').executeTakeFirst();
}
