// The SQL of the violation detectors (EA-06): for each kind of src/domain/violations.ts, the rows
// that break its rule — the subject (with the kind, the unique key), the organization, the appeal
// or instruction, the responsible employee — computed from the event log's tables (decisions,
// assignments, journal entries, petitions) and the obligations. Each kind has its full form (every
// row that breaks the rule) and, when time alone can break the rule, its time form: only the open
// rows past their term, which partial indexes serve (migrations 0002, 0013, 0031). `detect`
// inserts what is new and leaves what is stored, so no run ever repeats a violation:
// - on every change of an appeal, the full forms for that change's appeals, in the door's
//   transaction (src/appeals/change.ts): what a change makes (a refusal without a hearing, a late
//   journal entry, an appeal ended late) is found there;
// - hourly, the time forms over everything (a term passing, which no change sees);
// - nightly, and when a controller asks, the full forms over everything, for what was written
//   around the door (imports, migrations) (src/control/daily.ts).
// Reading the register detects nothing: at an oblast's size that would scan the territory on every look.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { IsoDate } from '../domain/calendar.ts';
import { DECISIONS, type DecisionCode } from '../domain/decisions.ts';
import { VIOLATION_KINDS, VIOLATION_RULES, type ViolationKind } from '../domain/violations.ts';

type Params = { today: IsoDate; timeZone: string };
/** What a detector's form selects: subject_key, organization_id, appeal_id, instruction_id, employee_id. */
type Form = (p: Params) => RawBuilder<unknown>;
/** A kind's full form, and its time form exactly when its rule says time alone can break it. */
type Detector<K extends ViolationKind> = (typeof VIOLATION_RULES)[K]['time']['breaks'] extends true ? { all: Form; time: Form } : { all: Form; time?: never };

const codesWithHearing = (h: 'always' | 'ifUnfavourable') => (Object.keys(DECISIONS) as DecisionCode[]).filter((c) => DECISIONS[c].hearing === h);

const appealRow = sql`SELECT a.id::text AS subject_key, a.organization_id, a.id AS appeal_id, NULL::uuid AS instruction_id, a.executor_id AS employee_id FROM appeals a`;
/** Still open past its due date (the index appeals_open_due). */
const appealOpenPastDue = (today: IsoDate) => sql`a.review_ended_on IS NULL AND a.due_date < ${today}`;

const obligationRow = (kind: string, where: RawBuilder<unknown>) => sql`
  SELECT o.id::text AS subject_key, o.organization_id, o.appeal_id, NULL::uuid AS instruction_id, a.executor_id AS employee_id
  FROM obligations o JOIN appeals a ON a.id = o.appeal_id
  WHERE o.kind = ${kind} AND (${where})`;
/** Still open past its term (the index obligations_open_kind). */
const obligationOpenPastDue = (today: IsoDate) => sql`o.met_on IS NULL AND o.due_date < ${today}`;
/** An obligation of this kind violated: fulfilled after its term, or still open past it (as isViolated). */
const obligationDetector = (kind: string) => ({
  all: ({ today }: Params) => obligationRow(kind, sql`(${obligationOpenPastDue(today)}) OR o.met_on > o.due_date`),
  time: ({ today }: Params) => obligationRow(kind, obligationOpenPastDue(today)),
});

const petitionRow = sql`SELECT p.id::text AS subject_key, p.organization_id, p.appeal_id, NULL::uuid AS instruction_id, p.reviewer_id AS employee_id FROM correction_petitions p`;
/** Still pending past its term (the index correction_petitions_pending_due). */
const petitionPendingPastDue = (today: IsoDate) => sql`p.status = 'pending' AND p.review_due < ${today}`;

// PR-13: an active receiving official with no session held (not cancelled) in a finished calendar
// month; counted from the first whole month the official was on record; one per official and month.
// Only a month ending breaks it: its full form is its time form.
const receptionMonthWithoutSession: Form = ({ today, timeZone }) => sql`
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
        AND s.reception_date >= m.month::date AND s.reception_date < (m.month + interval '1 month')::date)`;

// the organization is the main executor's
const instructionRow = sql`
  SELECT i.id::text AS subject_key, e.organization_id, NULL::uuid AS appeal_id, i.id AS instruction_id, NULL::uuid AS employee_id
  FROM instructions i JOIN instruction_executors e ON e.instruction_id = i.id AND e.main`;
/** Still under control past its due date (the index instructions_due). */
const instructionUnderControlPastDue = (today: IsoDate) => sql`i.state = 'underControl' AND i.due_date < ${today}`;

export const DETECTORS: { [K in ViolationKind]: Detector<K> } = {
  answerOverdue: {
    // the review ended after the due date, or is still open past it
    all: ({ today }) => sql`${appealRow} WHERE (${appealOpenPastDue(today)}) OR a.review_ended_on > a.due_date`,
    time: ({ today }) => sql`${appealRow} WHERE ${appealOpenPastDue(today)}`,
  },
  forwardLate: obligationDetector('forward'),
  extensionNoticeLate: obligationDetector('notifyExtension'),
  refusalWithoutHearing: {
    // an unfavourable act (not cancelled) with no hearing notice (4.7) before it and no Art. 73 p.2 exception
    all: () => sql`
      SELECT d.id::text AS subject_key, d.organization_id, d.appeal_id, NULL::uuid AS instruction_id, d.actor_id AS employee_id
      FROM decisions d JOIN appeals a ON a.id = d.appeal_id
      WHERE d.cancelled_at IS NULL AND a.procedure <> 'simplified'
        AND (d.code IN (${sql.join(codesWithHearing('always'))})
             OR (d.code IN (${sql.join(codesWithHearing('ifUnfavourable'))}) AND d.data->>'favourable' = 'false'))
        AND d.data->>'hearingException' IS NULL
        AND NOT EXISTS (SELECT 1 FROM decisions h WHERE h.appeal_id = d.appeal_id AND h.code = '4.7' AND h.cancelled_at IS NULL AND h.decided_at < d.decided_at)`,
  },
  receptionReviewerConflict: {
    // PR-43: a reception appeal given to an employee who earlier reviewed the same applicant's appeal
    // on the same issue (the same match as src/review/store.ts earlierExecutorsOfApplicant)
    all: () => sql`
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
  },
  receptionMonthWithoutSession: { all: receptionMonthWithoutSession, time: receptionMonthWithoutSession },
  outageEntryLate: {
    all: () => sql`
      SELECT j.appeal_id::text AS subject_key, o.organization_id, j.appeal_id, NULL::uuid AS instruction_id, a.registered_by AS employee_id
      FROM paper_journal_entries j JOIN outage_acts o ON o.id = j.outage_act_id JOIN appeals a ON a.id = j.appeal_id
      WHERE j.late`,
  },
  correctionDecidedLate: {
    // decided after its review date, or still pending past it
    all: ({ today, timeZone }) => sql`${petitionRow}
      WHERE (${petitionPendingPastDue(today)})
         OR (p.reviewed_at IS NOT NULL AND (p.reviewed_at AT TIME ZONE ${timeZone})::date > p.review_due)`,
    time: ({ today }) => sql`${petitionRow} WHERE ${petitionPendingPastDue(today)}`,
  },
  instructionOverdue: {
    // still under control past its due date, or taken off control after it (executed late) — the
    // full run finds one taken off control before an hourly run saw it overdue
    all: ({ today, timeZone }) => sql`${instructionRow}
      WHERE (${instructionUnderControlPastDue(today)})
         OR (i.state = 'removed' AND (i.removed_at AT TIME ZONE ${timeZone})::date > i.due_date)`,
    time: ({ today }) => sql`${instructionRow} WHERE ${instructionUnderControlPastDue(today)}`,
  },
};

/** The kinds time alone can break: the hourly run's. */
export const TIME_KINDS = VIOLATION_KINDS.filter((k) => VIOLATION_RULES[k].time.breaks);

/** These detectors' forms in one statement, each row with its kind and legal basis. */
const detectors = (kinds: readonly ViolationKind[], form: 'all' | 'time', p: Params) =>
  sql.join(
    kinds.map((kind) => {
      const d: { all: Form; time?: Form } = DETECTORS[kind];
      return sql`SELECT ${kind}::text AS kind, ${VIOLATION_RULES[kind].basis}::text AS basis, d.* FROM (${(form === 'time' ? d.time! : d.all)(p)}) d`;
    }),
    sql` UNION ALL `,
  );

/**
 * Runs the detectors and stores the violations not stored yet. Of a change's appeals (`appealIds`):
 * every kind's full form, the filter reaching into each, in one statement. Over everything, a
 * statement per kind, so that each commits on its own and holds what it stored only so long:
 * `everything`, every kind's full form (the nightly run, a controller's "run now"); `time`, the
 * time forms of the kinds time alone can break (the hourly run). Returns how many were new, by kind.
 */
export async function detect(db: Db, p: Params & { now: Date } & ({ appealIds: readonly string[] } | { over: 'everything' | 'time' })): Promise<Partial<Record<ViolationKind, number>>> {
  const out: Partial<Record<ViolationKind, number>> = {};
  const save = (found: Record<string, number>) => {
    for (const [kind, n] of Object.entries(found)) out[kind as ViolationKind] = n;
  };
  if ('appealIds' in p) {
    save(await store(db, detectors(VIOLATION_KINDS, 'all', p), sql`v.appeal_id = ANY(${sql.val([...p.appealIds])}::uuid[])`, p.now));
    return out;
  }
  const form = p.over === 'time' ? 'time' : 'all';
  for (const kind of form === 'time' ? TIME_KINDS : VIOLATION_KINDS) save(await store(db, detectors([kind], form, p), sql`true`, p.now));
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
