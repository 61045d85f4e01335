// The SQL of the control department: appeals under control, quality reviews, reworks, violations
// and explanation requests. Scope is always a predicate over the closure table.
import { COUNT_CAP } from '../domain/queues.ts';
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AppealControlsTable, ExplanationRequestsTable, QualityReviewsTable, ReworksTable } from '../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { inQualitySample } from '../domain/quality.ts';

/** `column IN (root and every organization below it)`. */
export const below = (root: number, column: string) => sql<boolean>`${sql.ref(column)} IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${root})`;

export async function controlOf(db: Db, appealId: string) {
  return db.selectFrom('appeal_controls').selectAll().where('appeal_id', '=', appealId).executeTakeFirst();
}

export async function insertControl(db: Db, row: Insertable<AppealControlsTable>): Promise<void> {
  await db.insertInto('appeal_controls').values(row).execute();
}

export async function hasPendingDraft(db: Db, appealId: string): Promise<boolean> {
  const r = await db.selectFrom('decision_drafts').select('id').where('appeal_id', '=', appealId).where('status', '=', 'pending').executeTakeFirst();
  return r !== undefined;
}

export async function insertRework(db: Db, row: Insertable<ReworksTable>): Promise<void> {
  await db.insertInto('reworks').values(row).execute();
}

export async function reworkById(db: Db, id: string) {
  return db.selectFrom('reworks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function answerRework(db: Db, id: string, set: { answer: string; answered_by_name: string; answered_at: Date }) {
  return db.updateTable('reworks').set(set).where('id', '=', id).where('answered_at', 'is', null).returningAll().executeTakeFirst();
}

export async function reworksOfAppeal(db: Db, appealId: string) {
  return db.selectFrom('reworks').selectAll().where('appeal_id', '=', appealId).orderBy('returned_at').execute();
}

/** Unanswered reworks of the actor's organizations (of the appeals one executor executes now,
 *  when `executorId`). */
export async function openReworksFor(db: Db, actor: Actor, executorId: string | null) {
  let q = db
    .selectFrom('reworks as r')
    .innerJoin('appeals as a', 'a.id', 'r.appeal_id')
    .select(['r.id', 'r.appeal_id', 'a.registration_number', 'r.remark', 'r.due_date', 'r.returned_by_name', 'r.returned_at', 'r.executor_id'])
    .where('r.answered_at', 'is', null)
    .where(inScope(actor, 'r.organization_id'));
  if (executorId) q = q.where('a.executor_id', '=', executorId);
  return q.orderBy('r.due_date').limit(500).execute();
}

/** CD-10: returns per organization and executor in a period (by the day they were returned). */
export async function reworkCounts(db: Db, root: number, from: string, to: string, timeZone: string) {
  return db
    .selectFrom('reworks as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('users as u', 'u.id', 'r.executor_id')
    .select(['o.id as organization_id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', 'r.executor_id', 'u.full_name as executor_name', (e) => e.fn.countAll<number>().as('n')])
    .where(below(root, 'r.organization_id'))
    .where(sql<boolean>`(r.returned_at AT TIME ZONE ${timeZone})::date BETWEEN ${from} AND ${to}`)
    .groupBy(['o.id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', 'r.executor_id', 'u.full_name'])
    .orderBy('n', 'desc')
    .execute();
}

export async function insertQualityReview(db: Db, row: Insertable<QualityReviewsTable>): Promise<void> {
  await db.insertInto('quality_reviews').values(row).execute();
}

/** Answered appeals not reviewed yet: those under control, and the sample of the others. */
export async function qualityQueue(db: Db, root: number) {
  const rows = await db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('appeal_controls as c', 'c.appeal_id', 'a.id')
    .select(['a.id', 'a.registration_number', 'a.summary', 'a.language', 'a.due_date', 'a.review_ended_on', 'a.organization_id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', 'c.reason as control_reason'])
    .select((e) =>
      e.selectFrom('decisions as d').select(sql<string>`d.data->>'text'`.as('t')).whereRef('d.appeal_id', '=', 'a.id').where('d.cancelled_at', 'is', null).orderBy('d.decided_at', 'desc').limit(1).as('answer'),
    )
    .where(below(root, 'a.organization_id'))
    .where('a.review_ended_on', 'is not', null)
    .where((w) => w.not(w.exists(w.selectFrom('quality_reviews as q').select('q.id').whereRef('q.appeal_id', '=', 'a.id'))))
    .orderBy('a.review_ended_on', 'desc')
    .limit(2000)
    .execute();
  return rows.filter((r) => r.control_reason !== null || inQualitySample(r.id)).slice(0, 200);
}

/** The register's page — the newest 1,000 — and how many it holds, counted up to COUNT_CAP. */
export async function violationsBelow(db: Db, root: number, q: { kind?: string; from?: string; to?: string }, timeZone: string) {
  let found = db.selectFrom('violations as v').where(below(root, 'v.organization_id'));
  if (q.kind) found = found.where('v.kind', '=', q.kind);
  // the local days as bounds of detected_at itself: estimated right, so the register is sorted before
  // its joins (docs/performance.md, country scale)
  if (q.from) found = found.where(sql<boolean>`v.detected_at >= (${q.from}::date::timestamp AT TIME ZONE ${timeZone})`);
  if (q.to) found = found.where(sql<boolean>`v.detected_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`);
  const [rows, count] = await Promise.all([
    found
      .innerJoin('organizations as o', 'o.id', 'v.organization_id')
      .leftJoin('appeals as a', 'a.id', 'v.appeal_id')
      .leftJoin('users as u', 'u.id', 'v.employee_id')
      .select([
        'v.id',
        'v.kind',
        'v.basis',
        'v.appeal_id',
        'v.instruction_id',
        'v.detected_at',
        'v.organization_id',
        'o.code',
        'o.name_kk',
        'o.name_ru',
        'o.name_en',
        'a.registration_number',
        'u.full_name as employee_name',
      ])
      .select((e) =>
        e
          .selectFrom('explanation_requests as x')
          .select(sql<string>`coalesce(json_agg(json_build_object('id', x.id, 'form', x.form, 'dueDate', x.due_date, 'explanation', x.explanation) ORDER BY x.requested_at), '[]')::text`.as('j'))
          .whereRef('x.violation_id', '=', 'v.id')
          .as('explanations'),
      )
      .orderBy('v.detected_at', 'desc')
      .orderBy('v.kind')
      .limit(1000)
      .execute(),
    db
      .selectFrom(
        found
          .select(sql<number>`1`.as('one'))
          .limit(COUNT_CAP + 1)
          .as('x'),
      )
      .select(sql<number>`count(*)::integer`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

export async function violationById(db: Db, id: string) {
  return db.selectFrom('violations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertExplanationRequest(db: Db, row: Insertable<ExplanationRequestsTable>): Promise<void> {
  await db.insertInto('explanation_requests').values(row).execute();
}

export async function recordExplanation(db: Db, violationId: string, id: string, set: { explanation: string; recorded_by_name: string; recorded_at: Date }): Promise<boolean> {
  const r = await db.updateTable('explanation_requests').set(set).where('id', '=', id).where('violation_id', '=', violationId).where('recorded_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The dashboard's figures over a subtree and period (CD-08, CD-12, CD-17): appeals registered,
 *  answered on time, overdue (ended late or open past the due date), returns, the mean quality
 *  score, violations detected, instructions under control and overdue, reception sessions held
 *  (CD-17: not cancelled, on a day up to today). */
export async function dashboardFigures(db: Db, root: number, from: string, to: string, today: string, timeZone: string) {
  const r = await sql<Record<string, number | null>>`
    SELECT
      (SELECT count(*) FROM appeals a WHERE ${below(root, 'a.organization_id')} AND a.registration_date BETWEEN ${from} AND ${to})::int AS appeals,
      (SELECT count(*) FROM appeals a WHERE ${below(root, 'a.organization_id')} AND a.registration_date BETWEEN ${from} AND ${to}
         AND a.review_ended_on IS NOT NULL AND a.review_ended_on <= a.due_date)::int AS on_time,
      (SELECT count(*) FROM appeals a WHERE ${below(root, 'a.organization_id')} AND a.registration_date BETWEEN ${from} AND ${to}
         AND ((a.review_ended_on IS NULL AND a.due_date < ${today}) OR a.review_ended_on > a.due_date))::int AS overdue,
      (SELECT count(*) FROM appeal_controls c WHERE ${below(root, 'c.organization_id')})::int AS under_control,
      (SELECT count(*) FROM reworks w WHERE ${below(root, 'w.organization_id')} AND (w.returned_at AT TIME ZONE ${timeZone})::date BETWEEN ${from} AND ${to})::int AS returns,
      (SELECT round(avg(q.score)) FROM quality_reviews q WHERE ${below(root, 'q.organization_id')} AND (q.reviewed_at AT TIME ZONE ${timeZone})::date BETWEEN ${from} AND ${to})::int AS quality,
      (SELECT count(*) FROM violations v WHERE ${below(root, 'v.organization_id')} AND (v.detected_at AT TIME ZONE ${timeZone})::date BETWEEN ${from} AND ${to})::int AS violations,
      (SELECT count(*) FROM instructions i WHERE i.state = 'underControl' AND ${below(root, 'i.organization_id')})::int AS instructions,
      (SELECT count(*) FROM instructions i WHERE i.state = 'underControl' AND i.due_date < ${today} AND ${below(root, 'i.organization_id')})::int AS instructions_overdue,
      (SELECT count(*) FROM reception_sessions s WHERE s.status <> 'cancelled' AND ${below(root, 's.organization_id')}
         AND s.reception_date BETWEEN ${from} AND ${to} AND s.reception_date <= ${today})::int AS receptions_held`.execute(db);
  const x = r.rows[0]!;
  const n = (k: string) => Number(x[k] ?? 0);
  return {
    appeals: n('appeals'),
    onTime: n('on_time'),
    overdue: n('overdue'),
    underControl: n('under_control'),
    returns: n('returns'),
    quality: x.quality === null ? null : Number(x.quality),
    violations: n('violations'),
    instructions: n('instructions'),
    instructionsOverdue: n('instructions_overdue'),
    receptionsHeld: n('receptions_held'),
  };
}
