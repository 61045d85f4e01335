// The SQL of personal reception: officials, sessions, schedules' approvals, restrictive regimes,
// sign-ups, the live queue, participants and the protocol.
import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type {
  ReceptionOfficialsTable,
  ReceptionParticipantsTable,
  ReceptionProtocolLinesTable,
  ReceptionQueueTable,
  ReceptionRestrictionsTable,
  ReceptionSchedulesTable,
  ReceptionSessionsTable,
  ReceptionSignUpsTable,
} from '../db/schema.ts';
import { DEFAULT_VIDEO_URL_TEMPLATE } from '../domain/reception.ts';

export async function organizationById(db: Db, id: number) {
  return db.selectFrom('organizations').select(['id', 'code', 'name_kk', 'name_ru', 'name_en', 'time_zone', 'work_end', 'address', 'phone', 'email']).where('id', '=', id).executeTakeFirst();
}

// ---- officials

export async function insertOfficial(db: Db, row: Insertable<ReceptionOfficialsTable>): Promise<void> {
  await db.insertInto('reception_officials').values(row).execute();
}

export async function officialById(db: Db, id: string) {
  return db.selectFrom('reception_officials').selectAll().where('id', '=', id).executeTakeFirst();
}

const officialColumns = ['f.id', 'f.organization_id', 'f.full_name', 'f.position_kk', 'f.position_ru', 'f.kind', 'f.phone', 'f.email', 'f.active', 'o.name_kk as organization_kk', 'o.name_ru as organization_ru'] as const;

/** The active officials `visible` admits (optionally of one organization's subtree), by organization and name. */
export async function officialsWhere(db: Db, visible: RawBuilder<SqlBool>, organizationId?: number) {
  let q = db.selectFrom('reception_officials as f').innerJoin('organizations as o', 'o.id', 'f.organization_id').select(officialColumns).where(visible).where('f.active', '=', true);
  if (organizationId !== undefined) q = q.where(subtreeOf(organizationId, 'f.organization_id'));
  return q.orderBy('o.name_kk').orderBy('f.full_name').limit(2000).execute();
}

/** `column` is the organization or one below it. */
export function subtreeOf(organizationId: number, column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${organizationId})`;
}

// ---- sessions

export async function insertSession(db: Db, row: Insertable<ReceptionSessionsTable>): Promise<void> {
  await db.insertInto('reception_sessions').values(row).execute();
}

export async function updateSession(db: Db, id: string, set: Updateable<ReceptionSessionsTable>): Promise<void> {
  await db.updateTable('reception_sessions').set(set).where('id', '=', id).execute();
}

function sessionsQuery(db: Db) {
  return db
    .selectFrom('reception_sessions as s')
    .innerJoin('reception_officials as f', 'f.id', 's.official_id')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.organization_id',
      's.official_id',
      's.starts_at',
      's.ends_at',
      's.reception_date',
      's.place',
      's.format',
      's.occasion',
      's.instruction_issuer',
      's.instruction_date',
      's.settlement',
      's.video_url',
      's.status',
      's.cancel_reason',
      's.cancel_late',
      's.cancel_notice_on',
      'f.full_name',
      'f.position_kk',
      'f.position_ru',
      'f.kind',
      'f.phone',
      'f.email',
      'o.name_kk as organization_kk',
      'o.name_ru as organization_ru',
      'o.phone as organization_phone',
      'o.email as organization_email',
      'o.time_zone',
    ]);
}
export type SessionRow = Awaited<ReturnType<typeof sessionById>> & object;

export async function sessionById(db: Db, id: string) {
  return sessionsQuery(db).where('s.id', '=', id).executeTakeFirst();
}

/** Locks a session's row: changes of its queue and sign-ups go one at a time. */
/** Locks the session and answers its status as it is under the lock (a cancellation and a sign-up
 *  given this session wait for each other). */
export async function lockSession(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('reception_sessions').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return row.status;
}

/** Sessions `visible` admits (null: every one, the public schedule) in a period (by their local
 *  date), optionally of one organization's subtree. */
export async function sessionsWhere(db: Db, visible: RawBuilder<SqlBool> | null, filter: { organizationId?: number; from?: string; to?: string; plannedOnly?: boolean }) {
  let q = sessionsQuery(db);
  if (visible) q = q.where(visible);
  if (filter.organizationId !== undefined) q = q.where(subtreeOf(filter.organizationId, 's.organization_id'));
  if (filter.from) q = q.where('s.reception_date', '>=', filter.from);
  if (filter.to) q = q.where('s.reception_date', '<=', filter.to);
  if (filter.plannedOnly) q = q.where('s.status', '=', 'planned');
  return q.orderBy('s.starts_at').orderBy('f.full_name').limit(2000).execute();
}

/** The next planned session of an official after an instant. */
export async function nextSessionOf(db: Db, officialId: string, after: Date, except: string) {
  return sessionsQuery(db).where('s.official_id', '=', officialId).where('s.status', '=', 'planned').where('s.starts_at', '>', after).where('s.id', '!=', except).orderBy('s.starts_at').limit(1).executeTakeFirst();
}

// ---- restrictive regimes, schedules' approvals, settings

/** PR-23: whether a restrictive regime covers the organization (itself or one above it) on a date. */
export async function restrictiveRegimeOn(db: Db, organizationId: number, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('reception_restrictions as r')
    .select('r.id')
    .where(sql<SqlBool>`r.organization_id IN (SELECT ancestor_id FROM organization_closure WHERE descendant_id = ${organizationId})`)
    .where('r.starts_on', '<=', date)
    .where('r.ends_on', '>=', date)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRestriction(db: Db, row: Insertable<ReceptionRestrictionsTable>): Promise<void> {
  await db.insertInto('reception_restrictions').values(row).execute();
}

export async function approvalOf(db: Db, organizationId: number, month: string) {
  return db.selectFrom('reception_schedules').selectAll().where('organization_id', '=', organizationId).where('month', '=', month).executeTakeFirst();
}

export async function insertApproval(db: Db, row: Insertable<ReceptionSchedulesTable>): Promise<void> {
  await db.insertInto('reception_schedules').values(row).execute();
}

/** The approved months of the organizations in a period's months. */
export async function approvalsWhere(db: Db, organizationIds: readonly number[], months: readonly string[]) {
  if (organizationIds.length === 0 || months.length === 0) return [];
  return db.selectFrom('reception_schedules').select(['organization_id', 'month']).where('organization_id', 'in', organizationIds).where('month', 'in', months).execute();
}

export async function videoUrlTemplate(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'receptionVideoUrlTemplate').executeTakeFirst();
  const value = row?.value as unknown;
  const parsed = typeof value === 'string' ? (value.startsWith('"') ? (JSON.parse(value) as unknown) : value) : value;
  return typeof parsed === 'string' && parsed ? parsed : DEFAULT_VIDEO_URL_TEMPLATE;
}

/** PR-38: what the 2-month cap of a reasoned extension counts from (settings key
 *  receptionExtensionBase: "registration", the default, or "dueDate"). */
export async function extensionBase(db: Db): Promise<'registration' | 'dueDate'> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'receptionExtensionBase').executeTakeFirst();
  const value = row?.value as unknown;
  return value === 'dueDate' || value === '"dueDate"' ? 'dueDate' : 'registration';
}

// ---- compliance (PR-13, CD-17)

/** The sessions (not cancelled) of the officials `visible` admits in a month. */
export async function sessionsInMonth(db: Db, visible: RawBuilder<SqlBool>, month: string, organizationId?: number) {
  let q = db.selectFrom('reception_sessions as s').select(['s.official_id', 's.reception_date', 's.status']).where(visible).where(sql<SqlBool>`to_char(s.reception_date, 'YYYY-MM') = ${month}`);
  if (organizationId !== undefined) q = q.where(subtreeOf(organizationId, 's.organization_id'));
  return q.execute();
}

// ---- sign-ups

export async function insertSignUp(db: Db, row: Insertable<ReceptionSignUpsTable>): Promise<void> {
  await db.insertInto('reception_sign_ups').values(row).execute();
}

export async function signUpOf(db: Db, appealId: string) {
  return db.selectFrom('reception_sign_ups').selectAll().where('appeal_id', '=', appealId).executeTakeFirst();
}

export async function updateSignUp(db: Db, appealId: string, set: Updateable<ReceptionSignUpsTable>): Promise<void> {
  await db.updateTable('reception_sign_ups').set(set).where('appeal_id', '=', appealId).execute();
}

/** PR-34, PR-35: the sign-ups of a session in queue order (order of application: registration). */
export async function signUpsOfSession(db: Db, sessionId: string) {
  return signUpsQuery(db).where('u.session_id', '=', sessionId).orderBy('a.received_at').orderBy('a.registration_number').execute();
}

/** Sign-ups `visible` admits with nothing decided yet (no session, no refusal), oldest first. */
export async function unscheduledSignUps(db: Db, visible: RawBuilder<SqlBool>) {
  return signUpsQuery(db).where(visible).where('u.session_id', 'is', null).where('u.outcome', 'is', null).orderBy('a.received_at').limit(500).execute();
}

function signUpsQuery(db: Db) {
  return db
    .selectFrom('reception_sign_ups as u')
    .innerJoin('appeals as a', 'a.id', 'u.appeal_id')
    .select([
      'u.appeal_id',
      'u.organization_id',
      'u.official_id',
      'u.question',
      'u.video_consent',
      'u.reception_language',
      'u.session_id',
      'u.reference_proposal',
      'u.reference_at',
      'u.outcome',
      'a.registration_number',
      'a.registration_date',
      'a.due_date',
      'a.applicant_name',
      'a.status',
    ]);
}

// ---- queue

export async function nextTicket(db: Db, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('reception_queue')
    .select((e) => e.fn.max('ticket').as('max'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertQueueEntry(db: Db, row: Insertable<ReceptionQueueTable>): Promise<void> {
  await db.insertInto('reception_queue').values(row).execute();
}

export async function updateQueueEntry(db: Db, id: string, set: Updateable<ReceptionQueueTable>): Promise<void> {
  await db.updateTable('reception_queue').set(set).where('id', '=', id).execute();
}

export async function queueOf(db: Db, sessionId: string) {
  return db.selectFrom('reception_queue').selectAll().where('session_id', '=', sessionId).orderBy('ticket').execute();
}
export type QueueRow = Awaited<ReturnType<typeof queueOf>>[number];

// ---- participants and protocol

export async function insertParticipant(db: Db, row: Insertable<ReceptionParticipantsTable>): Promise<void> {
  await db.insertInto('reception_participants').values(row).execute();
}

export async function participantsOf(db: Db, sessionId: string) {
  return db.selectFrom('reception_participants').selectAll().where('session_id', '=', sessionId).orderBy('added_at').execute();
}

export async function nextLineNo(db: Db, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('reception_protocol_lines')
    .select((e) => e.fn.max('line_no').as('max'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertProtocolLine(db: Db, row: Insertable<ReceptionProtocolLinesTable>): Promise<void> {
  await db.insertInto('reception_protocol_lines').values(row).execute();
}

export async function protocolOf(db: Db, sessionId: string) {
  return db
    .selectFrom('reception_protocol_lines as p')
    .leftJoin('reception_queue as q', 'q.id', 'p.queue_entry_id')
    .leftJoin('organizations as o', 'o.id', 'p.executor_organization_id')
    .leftJoin('instructions as i', 'i.id', 'p.instruction_id')
    .select([
      'p.id',
      'p.line_no',
      'p.queue_entry_id',
      'q.name as visitor',
      'p.question',
      'p.decision',
      'p.instruction',
      'p.executor_organization_id',
      'o.name_kk as executor_kk',
      'o.name_ru as executor_ru',
      'p.due_date',
      'p.appeal_id',
      'p.recorded_at',
      'p.instruction_id',
      'i.state as instruction_state',
      'i.due_date as instruction_due_date',
    ])
    .where('p.session_id', '=', sessionId)
    .orderBy('p.line_no')
    .execute();
}
