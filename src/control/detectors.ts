// The SQL of the violation detectors (EA-06): for each kind of src/domain/violations.ts, the rows
// that break its rule — the subject (with the kind, the unique key), the organization, the appeal
// or instruction, the responsible employee. computed from the event log's tables (decisions,
// assignments, journal entries, petitions) and the obligations. `detect` inserts what is new and
// leaves what is stored: running it on every change of an appeal (for that appeal, in the door's
// transaction: src/appeals/change.ts) and hourly over everything (src/control/daily.ts: what time
// alone breaks, as a term passing) never repeats a violation. Reading the register detects nothing:
// at an oblast's size that would scan the territory on every look.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { IsoDate } from '../domain/calendar.ts';
import { DECISIONS, type DecisionCode } from '../domain/decisions.ts';
import { VIOLATION_KINDS, VIOLATION_RULES, type ViolationKind } from '../domain/violations.ts';

/** What a detector selects: subject_key, organization_id, appeal_id, instruction_id, employee_id. */
type Detector = (p: { today: IsoDate; timeZone: string }) => RawBuilder<unknown>;

const codesWithHearing = (h: 'always' | 'ifUnfavourable') => (Object.keys(DECISIONS) as DecisionCode[]).filter((c) => DECISIONS[c].hearing === h);

/** An obligation of these kinds violated today: fulfilled after its term, or still open past it (as isViolated). */
const obligationViolated = (kind: string, today: IsoDate) => sql`
  SELECT o.id::text AS subject_key, o.organization_id, o.appeal_id, NULL::uuid AS instruction_id, a.executor_id AS employee_id
  FROM obligations o JOIN appeals a ON a.id = o.appeal_id
  WHERE o.kind = ${kind} AND ((o.met_on IS NULL AND o.due_date < ${today}) OR o.met_on > o.due_date)`;

export const DETECTORS: Record<ViolationKind, Detector> = {
  // the review ended after the due date, or is still open past it
  answerOverdue: ({ today }) => sql`
    SELECT a.id::text AS subject_key, a.organization_id, a.id AS appeal_id, NULL::uuid AS instruction_id, a.executor_id AS employee_id
    FROM appeals a
    WHERE (a.review_ended_on IS NULL AND a.due_date < ${today}) OR a.review_ended_on > a.due_date`,
  forwardLate: ({ today }) => obligationViolated('forward', today),
  extensionNoticeLate: ({ today }) => obligationViolated('notifyExtension', today),
  // an unfavourable act (not cancelled) with no hearing notice (4.7) before it and no Art. 73 p.2 exception
  refusalWithoutHearing: () => sql`
    SELECT d.id::text AS subject_key, d.organization_id, d.appeal_id, NULL::uuid AS instruction_id, d.actor_id AS employee_id
    FROM decisions d JOIN appeals a ON a.id = d.appeal_id
    WHERE d.cancelled_at IS NULL AND a.procedure <> 'simplified'
      AND (d.code IN (${sql.join(codesWithHearing('always'))})
           OR (d.code IN (${sql.join(codesWithHearing('ifUnfavourable'))}) AND d.data->>'favourable' = 'false'))
      AND d.data->>'hearingException' IS NULL
      AND NOT EXISTS (SELECT 1 FROM decisions h WHERE h.appeal_id = d.appeal_id AND h.code = '4.7' AND h.cancelled_at IS NULL AND h.decided_at < d.decided_at)`,
  // PR-43: a reception appeal given to an employee who earlier reviewed the same applicant's appeal
  // on the same issue (the same match as src/review/store.ts earlierExecutorsOfApplicant)
  receptionReviewerConflict: () => sql`
    SELECT s.id::text AS subject_key, s.organization_id, s.appeal_id, NULL::uuid AS instruction_id, s.executor_id AS employee_id
    FROM assignments s JOIN appeals a ON a.id = s.appeal_id
    WHERE (a.channel = 'personalReception' OR a.from_reception)
      AND EXISTS (
        SELECT 1 FROM applicant_cards mine
        JOIN applicant_cards theirs
          ON (theirs.iin = mine.iin OR theirs.bin = mine.bin
              OR (theirs.phone_mobile = mine.phone_mobile AND fold_search(theirs.last_name) = fold_search(mine.last_name)))
         AND theirs.appeal_id <> mine.appeal_id
        JOIN appeals e ON e.id = theirs.appeal_id
        JOIN assignments es ON es.appeal_id = e.id
        WHERE mine.appeal_id = a.id AND e.registration_date <= a.registration_date
          AND e.issue_category IS NOT DISTINCT FROM a.issue_category
          AND es.executor_id = s.executor_id AND es.assigned_at < s.assigned_at)`,
  // PR-13: an active receiving official with no session held (not cancelled) in a finished calendar
  // month; counted from the first whole month the official was on record; one per official and month
  receptionMonthWithoutSession: ({ today, timeZone }) => sql`
    SELECT f.id::text || ':' || to_char(m.month, 'YYYY-MM') AS subject_key, f.organization_id, NULL::uuid AS appeal_id, NULL::uuid AS instruction_id, NULL::uuid AS employee_id
    FROM reception_officials f
    CROSS JOIN LATERAL generate_series(
      date_trunc('month', ((f.created_at AT TIME ZONE ${timeZone})::date - 1)::timestamp) + interval '1 month',
      date_trunc('month', ${today}::date::timestamp) - interval '1 month',
      interval '1 month') AS m(month)
    WHERE f.active
      AND NOT EXISTS (
        SELECT 1 FROM reception_sessions s
        WHERE s.official_id = f.id AND s.status <> 'cancelled'
          AND s.reception_date >= m.month::date AND s.reception_date < (m.month + interval '1 month')::date)`,
  outageEntryLate: () => sql`
    SELECT j.appeal_id::text AS subject_key, o.organization_id, j.appeal_id, NULL::uuid AS instruction_id, a.registered_by AS employee_id
    FROM paper_journal_entries j JOIN outage_acts o ON o.id = j.outage_act_id JOIN appeals a ON a.id = j.appeal_id
    WHERE j.late`,
  correctionDecidedLate: ({ today, timeZone }) => sql`
    SELECT p.id::text AS subject_key, p.organization_id, p.appeal_id, NULL::uuid AS instruction_id, p.reviewer_id AS employee_id
    FROM correction_petitions p
    WHERE (p.status = 'pending' AND p.review_due < ${today})
       OR (p.reviewed_at IS NOT NULL AND (p.reviewed_at AT TIME ZONE ${timeZone})::date > p.review_due)`,
  // under control past its due date; the organization is the main executor's
  instructionOverdue: ({ today }) => sql`
    SELECT i.id::text AS subject_key, e.organization_id, NULL::uuid AS appeal_id, i.id AS instruction_id, NULL::uuid AS employee_id
    FROM instructions i JOIN instruction_executors e ON e.instruction_id = i.id AND e.main
    WHERE i.state = 'underControl' AND i.due_date < ${today}`,
};

/** These detectors in one statement, each row with its kind and legal basis. */
const detectors = (kinds: readonly ViolationKind[], p: { today: IsoDate; timeZone: string }) =>
  sql.join(
    kinds.map((kind) => sql`SELECT ${kind}::text AS kind, ${VIOLATION_RULES[kind].basis}::text AS basis, d.* FROM (${DETECTORS[kind](p)}) d`),
    sql` UNION ALL `,
  );

/**
 * Runs the detectors and stores the violations not stored yet: of these appeals only (a change's,
 * the filter reaching into every detector: one statement), or of everything (`appealIds` absent:
 * the hourly run, a statement per kind, so that each commits on its own and holds what it stored
 * only so long). Returns how many were new, by kind.
 */
export async function detect(db: Db, p: { today: IsoDate; timeZone: string; now: Date; appealIds?: readonly string[] }): Promise<Partial<Record<ViolationKind, number>>> {
  const scope = p.appealIds ? sql`v.appeal_id = ANY(${sql.val([...p.appealIds])}::uuid[])` : sql`true`;
  const out: Partial<Record<ViolationKind, number>> = {};
  for (const kinds of p.appealIds ? [VIOLATION_KINDS] : VIOLATION_KINDS.map((k) => [k])) {
    for (const [kind, n] of Object.entries(await store(db, detectors(kinds, p), scope, p.now))) out[kind as ViolationKind] = n;
  }
  return out;
}

async function store(db: Db, found: RawBuilder<unknown>, scope: RawBuilder<unknown>, now: Date): Promise<Record<string, number>> {
  const r = await sql<{ kind: ViolationKind; n: number }>`
    WITH stored AS (
      INSERT INTO violations (id, kind, subject_key, basis, organization_id, appeal_id, instruction_id, employee_id, detected_at)
      SELECT gen_random_uuid(), v.kind, v.subject_key, v.basis, v.organization_id, v.appeal_id, v.instruction_id, v.employee_id, ${now}
      FROM (${found}) v
      WHERE ${scope}
      ON CONFLICT (kind, subject_key) DO NOTHING
      RETURNING kind)
    SELECT kind, count(*)::integer AS n FROM stored GROUP BY kind`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.kind, Number(x.n)]));
}
