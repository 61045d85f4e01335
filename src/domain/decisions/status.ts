// Statuses: the status the decisions lead an appeal to (statusOf, nextStatus, finalStatusOf) and whether
// the applicant's fix of the appeal may be recorded (canRecordFix).

import type { Role } from '../vocabulary.ts';
import type { DecisionCode } from './rule.ts';
import { activeDecisions, endsReviewWith, isReviewEnded, latest, type AppealState, type DecisionData, type TakenDecision } from './state.ts';

export const APPEAL_STATUSES = [
  'registered', // registered, awaiting routing or the assignment of an executor
  'inExecution', // an executor reviews it
  'awaitingFix', // 4.2 sent: the applicant has until fixBy to bring it into line (Art. 64 p.6)
  'hearing', // 4.7 sent: the hearing runs until the act (Art. 73)
  'toSign', // a final decision's cover letter awaits the head's signature (set by the review layer)
  'completed', // decided on the merits: 4.15, 4.18–4.23, 4.25, 4.26
  'forwarded', // sent to another organization: 4.4 (whole), 4.24
  'attached', // attached to a main appeal: 4.5
  'movedOut', // moved to another information system: 4.1 (cancellable within 1 WD)
  'returned', // returned after the fix term expired: 4.3
  'withdrawn', // withdrawn by the applicant: 4.6
  'terminated', // procedure terminated: 4.13
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

const FINAL_STATUS: Partial<Record<DecisionCode, AppealStatus>> = {
  '4.1': 'movedOut',
  '4.3': 'returned',
  '4.4': 'forwarded',
  '4.5': 'attached',
  '4.6': 'withdrawn',
  '4.13': 'terminated',
  '4.15': 'completed',
  '4.18': 'completed',
  '4.19': 'completed',
  '4.20': 'completed',
  '4.21': 'completed',
  '4.22': 'completed',
  '4.23': 'completed',
  '4.24': 'forwarded',
  '4.25': 'completed',
  '4.26': 'completed',
};

const ENDED_STATUSES: ReadonlySet<AppealStatus> = new Set(['completed', 'forwarded', 'attached', 'movedOut', 'returned', 'withdrawn', 'terminated']);

/** The final status a decision puts the appeal into, or null when it does not end the review. */
export function finalStatusOf(code: DecisionCode, data: DecisionData): AppealStatus | null {
  if (!endsReviewWith(code, data)) return null;
  return FINAL_STATUS[code] ?? 'completed';
}

function step(current: AppealStatus, code: DecisionCode, data: DecisionData): AppealStatus {
  const final = finalStatusOf(code, data);
  if (final) return final;
  if (ENDED_STATUSES.has(current)) return current; // 4.17 after the act
  switch (code) {
    case '4.2':
      return 'awaitingFix';
    case '4.7':
    case '4.11':
    case '4.12':
      return 'hearing';
    default:
      // routing follows the assignment of an executor, not a decision: an extension or a
      // recusal before anyone is assigned leaves the appeal awaiting routing
      return current;
  }
}

/** The status the decisions on the appeal lead to ('toSign' is the review layer's). */
export function statusOf(state: AppealState): AppealStatus {
  const initial: AppealStatus = state.executorAssigned ? 'inExecution' : 'registered';
  let s: AppealStatus = initial;
  for (const d of activeDecisions(state)) s = step(s, d.code, d.data);
  // Brought into line in time: the review goes on (Art. 64 p.6).
  const notice = latest(state, '4.2');
  if (s === 'awaitingFix' && notice && isFixed(state, notice)) s = initial;
  return s;
}

export function isFixed(state: AppealState, notice: TakenDecision): boolean {
  return state.fixedOn !== undefined && state.fixedOn >= notice.decisionDate;
}

/** Who records that the applicant brought the appeal into line: the desk, the executor, the head. */
export const FIX_RECORDED_BY: readonly Role[] = ['registrar', 'executor', 'head'];

/** Whether the applicant's fix of the appeal may be recorded now: a 4.2 notice awaits it. */
export function canRecordFix(state: AppealState): boolean {
  const notice = latest(state, '4.2');
  return notice !== undefined && !isFixed(state, notice) && !isReviewEnded(state);
}

/** The appeal's status after taking the decision. */
export function nextStatus(state: AppealState, code: DecisionCode, data: DecisionData): AppealStatus {
  return step(statusOf(state), code, data);
}
