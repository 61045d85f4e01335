// The SQL of instructions under control: the instruction, its appeals, executors, reports,
// extension requests and reminders. Visible to the actor when the controlling organization or an
// executor is in the actor's scope.
import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { InstructionExtensionsTable, InstructionReportsTable, InstructionsTable } from '../db/schema.ts';
import type { Actor } from '../access/actor.ts';

export async function insertInstruction(db: Db, row: Insertable<InstructionsTable>, appealIds: readonly string[], executors: readonly { organizationId: number; main: boolean }[]): Promise<void> {
  await db.insertInto('instructions').values(row).execute();
  if (appealIds.length)
    await db
      .insertInto('instruction_appeals')
      .values(appealIds.map((appeal_id) => ({ instruction_id: row.id, appeal_id })))
      .execute();
  await db
    .insertInto('instruction_executors')
    .values(executors.map((e) => ({ instruction_id: row.id, organization_id: e.organizationId, main: e.main })))
    .execute();
}

/** Whether the actor sees the instruction: it controls it, or an executor is in its scope. */
export function visibleTo(actor: Actor): RawBuilder<SqlBool> {
  if (actor.roles.includes('admin')) return sql<SqlBool>`true`;
  const mine = sql`SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${actor.scopeOrganizationId}`;
  return sql<SqlBool>`(i.organization_id IN (${mine}) OR EXISTS (SELECT 1 FROM instruction_executors x WHERE x.instruction_id = i.id AND x.organization_id IN (${mine})))`;
}

export interface ListFilter {
  state?: 'underControl' | 'overdue' | 'removed';
  issuer?: string;
  executor?: number;
  dueBy?: string;
  appealId?: string;
  id?: string;
  today: string;
}

export async function instructionsFor(db: Db, actor: Actor, f: ListFilter) {
  let q = db
    .selectFrom('instructions as i')
    .selectAll('i')
    .select((e) =>
      e
        .selectFrom('instruction_executors as x')
        .innerJoin('organizations as o', 'o.id', 'x.organization_id')
        .select(sql<string>`json_agg(json_build_object('organizationId', o.id, 'code', o.code, 'name_kk', o.name_kk, 'name_ru', o.name_ru, 'name_en', o.name_en, 'main', x.main) ORDER BY x.main DESC, o.id)::text`.as('j'))
        .whereRef('x.instruction_id', '=', 'i.id')
        .as('executors'),
    )
    .select((e) => e.selectFrom('instruction_appeals as ia').select(sql<string>`coalesce(json_agg(ia.appeal_id), '[]')::text`.as('j')).whereRef('ia.instruction_id', '=', 'i.id').as('appeal_ids'))
    .where(visibleTo(actor));
  if (f.state === 'removed') q = q.where('i.state', '=', 'removed');
  if (f.state === 'overdue') q = q.where('i.state', '=', 'underControl').where('i.due_date', '<', f.today);
  if (f.state === 'underControl') q = q.where('i.state', '=', 'underControl').where('i.due_date', '>=', f.today);
  if (f.id) q = q.where('i.id', '=', f.id);
  if (f.issuer) q = q.where('i.issuer', '=', f.issuer);
  if (f.executor) q = q.where((e) => e.exists(e.selectFrom('instruction_executors as y').select('y.organization_id').whereRef('y.instruction_id', '=', 'i.id').where('y.organization_id', '=', f.executor!)));
  if (f.dueBy) q = q.where('i.state', '=', 'underControl').where('i.due_date', '>=', f.today).where('i.due_date', '<=', f.dueBy);
  if (f.appealId) q = q.where((e) => e.exists(e.selectFrom('instruction_appeals as z').select('z.appeal_id').whereRef('z.instruction_id', '=', 'i.id').where('z.appeal_id', '=', f.appealId!)));
  return q.orderBy('i.due_date').orderBy('i.created_at').limit(1000).execute();
}

export async function instructionById(db: Db, id: string) {
  return db.selectFrom('instructions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockInstruction(db: Db, id: string) {
  return db.selectFrom('instructions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function executorsOf(db: Db, id: string) {
  return db.selectFrom('instruction_executors').selectAll().where('instruction_id', '=', id).execute();
}

export async function reportsOf(db: Db, id: string) {
  return db.selectFrom('instruction_reports').selectAll().where('instruction_id', '=', id).orderBy('submitted_at').execute();
}

export async function extensionsOf(db: Db, id: string) {
  return db.selectFrom('instruction_extensions').selectAll().where('instruction_id', '=', id).orderBy('requested_at').execute();
}

export async function insertReport(db: Db, row: Insertable<InstructionReportsTable>): Promise<void> {
  await db.insertInto('instruction_reports').values(row).execute();
}

export async function decideReport(db: Db, instructionId: string, id: string, set: { accepted: boolean; comment: string | null; decided_by_name: string; decided_at: Date }) {
  return db.updateTable('instruction_reports').set(set).where('id', '=', id).where('instruction_id', '=', instructionId).where('accepted', 'is', null).returningAll().executeTakeFirst();
}

export async function insertExtension(db: Db, row: Insertable<InstructionExtensionsTable>): Promise<void> {
  await db.insertInto('instruction_extensions').values(row).execute();
}

export async function decideExtension(db: Db, instructionId: string, id: string, set: { granted: boolean; decided_by_name: string; decided_at: Date }) {
  return db.updateTable('instruction_extensions').set(set).where('id', '=', id).where('instruction_id', '=', instructionId).where('granted', 'is', null).returningAll().executeTakeFirst();
}

export async function updateInstruction(db: Db, id: string, set: Partial<{ due_date: string; warning_dates: string; state: 'underControl' | 'removed'; removed_by_name: string; removed_at: Date }>) {
  return db.updateTable('instructions').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Instructions under control (for the reminders). */
export async function underControl(db: Db) {
  return db.selectFrom('instructions').select(['id', 'organization_id', 'text', 'due_date', 'warning_dates', 'issuer']).where('state', '=', 'underControl').execute();
}

/** Records a reminder; false when it was sent already. */
export async function recordReminder(db: Db, instructionId: string, kind: string, onDate: string, at: Date): Promise<boolean> {
  const r = await db
    .insertInto('instruction_reminders')
    .values({ instruction_id: instructionId, kind, on_date: onDate, sent_at: at })
    .onConflict((c) => c.doNothing())
    .returning('instruction_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Whom a reminder goes to: the heads and executors of the executor organizations with an e-mail. */
export async function reminderRecipients(db: Db, instructionId: string) {
  return db
    .selectFrom('instruction_executors as x')
    .innerJoin('users as u', 'u.organization_id', 'x.organization_id')
    .select(['x.organization_id', 'u.email', 'u.full_name'])
    .where('x.instruction_id', '=', instructionId)
    .where('u.active', '=', true)
    .where('u.email', 'is not', null)
    .where(sql<SqlBool>`u.roles && ARRAY['head', 'executor']::text[]`)
    .execute();
}
