// The SQL of review.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AppealsTable, AssignmentsTable } from '../db/schema.ts';
import type { AppealRow } from '../appeals/store.ts';
import { scopeRoot } from '../domain/scope.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { DEEMED_REFUSAL_PROCEDURES } from '../domain/terms.ts';

/** Users with the organization whose subtree each acts for (src/domain/scope.ts). */
export async function usersActingFor(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organization_closure as c', 'c.descendant_id', 'u.organization_id')
    .innerJoin('organizations as o', 'o.id', 'c.ancestor_id')
    .select(['u.id', 'u.full_name', 'u.organization_id', 'u.roles', 'o.id as ancestor_id', 'o.kind', 'c.depth'])
    .where('u.id', 'in', ids)
    .where('u.active', '=', true)
    .orderBy('c.depth')
    .execute();
  return ids.flatMap((id) => {
    const own = rows.filter((r) => r.id === id);
    if (own.length === 0) return [];
    return [
      {
        id,
        fullName: own[0]!.full_name,
        organizationId: own[0]!.organization_id,
        roles: own[0]!.roles,
        scopeOrganizationId: scopeRoot(own.map((r) => ({ id: r.ancestor_id, kind: r.kind }))),
      },
    ];
  });
}

/** Everyone who executed an earlier appeal of the same applicant on the same issue (p.37). */
export async function earlierExecutorsOfApplicant(db: Db, appeal: AppealRow): Promise<string[]> {
  const rows = await sql<{ executor_id: string }>`
    SELECT DISTINCT s.executor_id
    FROM applicant_cards mine
    JOIN applicant_cards theirs
      ON (theirs.iin = mine.iin OR theirs.bin = mine.bin
          OR (theirs.phone_mobile = mine.phone_mobile AND fold_search(theirs.last_name) = fold_search(mine.last_name)))
     AND theirs.appeal_id <> mine.appeal_id
    JOIN appeals a ON a.id = theirs.appeal_id
    JOIN assignments s ON s.appeal_id = a.id
    WHERE mine.appeal_id = ${appeal.id}
      AND a.registration_date <= ${appeal.registration_date}
      AND (a.issue_category IS NOT DISTINCT FROM ${appeal.issue_category})
  `.execute(db);
  return rows.rows.map((r) => r.executor_id);
}

/** The decision cards of an appeal, in order; `deleted`: removed by a correction (rules p.27), which
 *  no rule counts any more. */
export async function decisionsOf(db: Db, appealId: string) {
  return db
    .selectFrom('decisions as d')
    .selectAll('d')
    .select(sql<boolean>`EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh2' AND x.record_id = d.id)`.as('deleted'))
    .where('d.appeal_id', '=', appealId)
    .orderBy('d.decided_at')
    .orderBy('d.id')
    .execute();
}

/** The latest hearing notice (4.7) in force and when its letter went out (null: not yet). */
export async function latestHearingNotice(db: Db, appealId: string) {
  return db
    .selectFrom('decisions as d')
    .leftJoin('letters as l', 'l.decision_id', 'd.id')
    .select(['d.id', 'l.sent_at'])
    .where('d.appeal_id', '=', appealId)
    .where('d.code', '=', '4.7')
    .where('d.cancelled_at', 'is', null)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh2' AND x.record_id = d.id)`)
    .orderBy('d.decided_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function pendingDraftOf(db: Db, appealId: string) {
  return db.selectFrom('decision_drafts').selectAll().where('appeal_id', '=', appealId).where('status', '=', 'pending').executeTakeFirst();
}

export async function draftsOf(db: Db, appealId: string) {
  return db.selectFrom('decision_drafts as r').leftJoin('letters as l', 'l.draft_id', 'r.id').selectAll('r').select('l.id as letter_id').where('r.appeal_id', '=', appealId).orderBy('r.drafted_at').execute();
}

/** Closes a draft; an unapproved draft's letter never went out and goes with it. */
export async function resolveDraft(db: Db, id: string, status: 'returned' | 'superseded', actor: Actor, at: Date, remark: string | null): Promise<void> {
  await db.updateTable('decision_drafts').set({ status, remark, resolved_by: actor.id, resolved_by_name: actor.fullName, resolved_at: at }).where('id', '=', id).execute();
  await db.deleteFrom('letters').where('draft_id', '=', id).where('decision_id', 'is', null).execute();
}

/** The pending draft of an appeal whose review another decision ended: superseded. */
export async function supersedeDrafts(db: Db, appealId: string, actor: Actor, at: Date): Promise<string[]> {
  const draft = await pendingDraftOf(db, appealId);
  if (!draft) return [];
  await resolveDraft(db, draft.id, 'superseded', actor, at, null);
  return [draft.id];
}

/** The head approved the draft by signing its letter: the draft names its card, the letter too. */
export async function approveDraft(db: Db, draftId: string, letterId: string, decisionId: string, actor: Actor, at: Date) {
  await db.updateTable('decision_drafts').set({ status: 'approved', decision_id: decisionId, resolved_by: actor.id, resolved_by_name: actor.fullName, resolved_at: at }).where('id', '=', draftId).execute();
  return db.updateTable('letters').set({ decision_id: decisionId }).where('id', '=', letterId).returning(['id', 'number']).executeTakeFirstOrThrow();
}

export async function partCount(db: Db, registrationNumber: string): Promise<number> {
  const r = await db
    .selectFrom('appeals')
    .select((e) => e.fn.max('part_number').as('n'))
    .where('registration_number', 'like', `${registrationNumber}/%`)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function organizationOf(db: Db, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function organizationExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function appealOfOrganization(db: Db, id: string, organizationId: number) {
  return db.selectFrom('appeals').select('id').where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function copyApplicantCards(db: Db, fromAppealId: string, toAppealId: string, organizationId: number): Promise<void> {
  const cards = await db.selectFrom('applicant_cards').selectAll().where('appeal_id', '=', fromAppealId).execute();
  if (cards.length === 0) return;
  await db
    .insertInto('applicant_cards')
    .values(cards.map((c) => ({ ...c, id: randomUUID(), appeal_id: toAppealId, organization_id: organizationId })))
    .execute();
}

export async function cancelLatestMoveOut(db: Db, appealId: string, at: Date): Promise<string> {
  const latest = await db.selectFrom('decisions').select('id').where('appeal_id', '=', appealId).where('code', '=', '4.1').where('cancelled_at', 'is', null).orderBy('decided_at', 'desc').executeTakeFirstOrThrow();
  await db.updateTable('decisions').set({ cancelled_at: at }).where('id', '=', latest.id).execute();
  return latest.id;
}

/** When the applicant last brought the appeal into line (the `appealFixed` event), if ever. */
export async function lastFixOf(db: Db, appealId: string): Promise<Date | undefined> {
  const row = await db.selectFrom('events').select('at').where('appeal_id', '=', appealId).where('kind', '=', 'appealFixed').orderBy('id', 'desc').executeTakeFirst();
  return row?.at;
}

/** The appeals an appeal's route links: where it came from, the main appeal it was attached to,
 *  the cards it opened elsewhere (forwarded whole, or its split parts `…/n`), and the appeals
 *  attached to it — each with its organization and whether the actor may open it. */
export async function routeOf(db: Db, appeal: AppealRow, visible: (organizationColumn: string) => ReturnType<typeof sql>) {
  const ids = [appeal.origin_appeal_id, appeal.main_appeal_id].filter((v): v is string => v !== null);
  const rows = await db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.id', 'a.registration_number', 'a.status', 'a.registration_date', 'a.origin_appeal_id', 'a.main_appeal_id', 'o.id as org_id', 'o.code as org_code', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .select(visible('a.organization_id').as('visible'))
    .where((w) => w.or([...(ids.length ? [w('a.id', 'in', ids)] : []), w('a.origin_appeal_id', '=', appeal.id), w('a.main_appeal_id', '=', appeal.id)]))
    .orderBy('a.registration_number')
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => ({ ...r, visible: Boolean(r.visible) }));
}

/** An executor's outcome saved as a draft for the head's approval. */
export async function insertDraft(db: Db, d: { id: string; appeal: AppealRow; code: string; data: unknown; actor: Actor; at: Date }): Promise<void> {
  await db
    .insertInto('decision_drafts')
    .values({
      id: d.id,
      appeal_id: d.appeal.id,
      organization_id: d.appeal.organization_id,
      code: d.code,
      data: JSON.stringify(d.data),
      drafted_by: d.actor.id,
      drafted_by_name: d.actor.fullName,
      drafted_at: d.at,
      status: 'pending',
      remark: null,
      resolved_by: null,
      resolved_by_name: null,
      resolved_at: null,
      decision_id: null,
    })
    .execute();
}

/** A decision card (ТЖ-2), dated `on` (rules p.24). */
export async function insertDecision(db: Db, d: { id: string; appeal: AppealRow; code: string; data: unknown; actor: Actor; at: Date; on: string }): Promise<void> {
  await db
    .insertInto('decisions')
    .values({
      id: d.id,
      appeal_id: d.appeal.id,
      organization_id: d.appeal.organization_id,
      code: d.code,
      decision_date: d.on,
      decided_at: d.at,
      actor_id: d.actor.id,
      actor_name: d.actor.fullName,
      data: JSON.stringify(d.data),
      cancelled_at: null,
    })
    .execute();
}

/** A card opened at a receiving organization (src/review/decide.ts openCard). */
export async function insertAppeal(db: Db, row: Insertable<AppealsTable>): Promise<void> {
  await db.insertInto('appeals').values(row).execute();
}

/** Appeals in review whose decision term ran out before `today` and that are not yet a deemed refusal. */
export async function missedTerms(db: Db, today: string) {
  return db
    .selectFrom('appeals')
    .select(['id', 'due_date'])
    .where('review_ended_on', 'is', null)
    .where('deemed_refusal', '=', false)
    .where('due_date', '<', today)
    .where('procedure', 'in', [...DEEMED_REFUSAL_PROCEDURES])
    .orderBy('id')
    .execute();
}

/** Closes the appeal's current assignment at `at`; the executor and co-executors it had, if any. */
export async function replaceCurrentAssignment(db: Db, appealId: string, at: Date) {
  return db.updateTable('assignments').set({ replaced_at: at }).where('appeal_id', '=', appealId).where('replaced_at', 'is', null).returning(['executor_id', 'co_executor_ids']).executeTakeFirst();
}

/** A new assignment of the responsible executor and co-executors (ТЖ-2 field 4.27). */
export async function insertAssignment(db: Db, row: Insertable<AssignmentsTable>): Promise<void> {
  await db.insertInto('assignments').values(row).execute();
}

/** Appeals in review, in the actor's scope (and under `organizationId`, if given), due before `horizon`. */
export async function appealsDueBefore(db: Db, actor: Actor, horizon: string, organizationId?: number) {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('users as u', 'u.id', 'a.executor_id')
    .select([
      'a.id',
      'a.registration_number',
      'a.document_type',
      'a.summary',
      'a.applicant_name',
      'a.registration_date',
      'a.due_date',
      'a.status',
      'a.organization_id',
      'o.code as organization_code',
      'u.full_name as executor_name',
    ])
    .where('a.review_ended_on', 'is', null)
    .where('a.due_date', '<', horizon)
    .where(inScope(actor, 'a.organization_id'));
  if (organizationId !== undefined) {
    q = q.where('a.organization_id', 'in', (s) => s.selectFrom('organization_closure').select('descendant_id').where('ancestor_id', '=', organizationId));
  }
  return q.orderBy('a.due_date').orderBy('a.registration_number').limit(1000).execute();
}

/** Obligations in the actor's scope: the open ones, or the violated ones (flagged, or open past their term on `today`). */
export async function obligationsOf(db: Db, actor: Actor, which: 'open' | 'violated', today: string) {
  let q = db
    .selectFrom('obligations as b')
    .innerJoin('appeals as a', 'a.id', 'b.appeal_id')
    .select(['b.id', 'b.kind', 'b.due_date', 'b.basis', 'b.met_on', 'b.violated', 'a.id as appeal_id', 'a.registration_number', 'b.organization_id'])
    .where(inScope(actor, 'b.organization_id'));
  q = which === 'open' ? q.where('b.met_on', 'is', null) : q.where((w) => w.or([w('b.violated', '=', true), w.and([w('b.met_on', 'is', null), w('b.due_date', '<', today)])]));
  return q.orderBy('b.due_date').limit(1000).execute();
}

/** An obligation, if it exists. */
export async function obligationById(db: Db, id: string) {
  return db.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an obligation met on `metOn` unless it is met already (the result's numUpdatedRows says whether it was). */
export async function markObligationMet(db: Db, id: string, metOn: string, violated: boolean) {
  return db.updateTable('obligations').set({ met_on: metOn, violated }).where('id', '=', id).where('met_on', 'is', null).executeTakeFirst();
}

/** The open tasks (not answered, not withdrawn) an appeal sent to co-executors. */
export async function openTasksOf(db: Db, appealId: string) {
  return db.selectFrom('correspondence').select(['id', 'co_executor_id']).where('appeal_id', '=', appealId).where('withdrawn_at', 'is', null).where('replied_at', 'is', null).execute();
}

/** Withdraws the tasks `ids` at `at`. */
export async function withdrawTasks(db: Db, ids: string[], at: Date): Promise<void> {
  await db.updateTable('correspondence').set({ withdrawn_at: at }).where('id', 'in', ids).execute();
}

/** A task for each of the co-executors, due on `due`, sent by the actor at `now`. */
export async function insertTasks(db: Db, appeal: AppealRow, actor: Actor, coExecutors: { id: string; organizationId: number }[], due: string, now: Date): Promise<void> {
  await db
    .insertInto('correspondence')
    .values(
      coExecutors.map((c) => ({
        id: randomUUID(),
        appeal_id: appeal.id,
        organization_id: appeal.organization_id,
        recipient_organization_id: c.organizationId,
        co_executor_id: c.id,
        sent_by: actor.id,
        sent_at: now,
        due_date: due,
        reply: null,
        replied_by: null,
        replied_by_name: null,
        replied_at: null,
        withdrawn_at: null,
      })),
    )
    .execute();
}

const correspondenceColumns = [
  'k.id',
  'k.appeal_id',
  'k.organization_id',
  'k.recipient_organization_id',
  'k.co_executor_id',
  'u.full_name as co_executor_name',
  'k.sent_at',
  'k.due_date',
  'k.reply',
  'k.replied_by_name',
  'k.replied_at',
  'k.withdrawn_at',
  'a.registration_number',
  'a.summary',
  'a.text',
  'a.applicant_name',
  'a.due_date as appeal_due_date',
  'o.name_kk',
  'o.name_ru',
  'o.name_en',
] as const;

function correspondenceBase(db: Db) {
  return db
    .selectFrom('correspondence as k')
    .innerJoin('appeals as a', 'a.id', 'k.appeal_id')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .innerJoin('users as u', 'u.id', 'k.co_executor_id')
    .select(correspondenceColumns);
}

/** The tasks addressed to the actor's organizations (only `coExecutorId`'s, if given), open ones or all. */
export async function tasksAddressedTo(db: Db, actor: Actor, coExecutorId: string | null, state: 'open' | 'all') {
  let q = correspondenceBase(db).where(inScope(actor, 'k.recipient_organization_id'));
  if (coExecutorId !== null) q = q.where('k.co_executor_id', '=', coExecutorId);
  if (state === 'open') q = q.where('k.replied_at', 'is', null).where('k.withdrawn_at', 'is', null);
  return q.orderBy('k.due_date').orderBy('k.sent_at').limit(1000).execute();
}

/** The tasks an appeal sent to co-executing organizations, with their replies. */
export async function correspondenceOf(db: Db, appealId: string) {
  return correspondenceBase(db).where('k.appeal_id', '=', appealId).orderBy('k.sent_at').execute();
}

/** A task, with `mine`: whether it is addressed to one of the actor's organizations. */
export async function taskFor(db: Db, actor: Actor, id: string) {
  return db.selectFrom('correspondence as k').selectAll('k').select(inScope(actor, 'k.recipient_organization_id').as('mine')).where('k.id', '=', id).executeTakeFirst();
}

/** The reply to a task, unless it was answered or withdrawn meanwhile (the result's numUpdatedRows says whether it was recorded). */
export async function recordReply(db: Db, id: string, text: string, actor: Actor, now: Date) {
  return db
    .updateTable('correspondence')
    .set({ reply: text, replied_by: actor.id, replied_by_name: actor.fullName, replied_at: now })
    .where('id', '=', id)
    .where('replied_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}
