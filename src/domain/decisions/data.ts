// Defaults, applying a decision, cancelling a move-out: the card's data to store (decisionData), the state
// after a decision (applyDecision) and the cancellation of a move-out within its working day.

import { isIsoDate, type Calendar, type IsoDate } from '../calendar.ts';
import { PROCEDURAL_TERMS, applyTerm } from '../terms.ts';
import type { Role } from '../vocabulary.ts';
import type { DecisionCode } from './rule.ts';
import { DECISIONS } from './catalogue.ts';
import { latest, type AppealState, type DecisionData, type DecisionOptions, type TakenDecision } from './state.ts';
import { OK, checkRoles, fail, type DecisionCheck } from './checks.ts';

/**
 * The default term to fix an appeal (4.2 fixBy): the registration date + 5 WD
 * (PROCEDURAL_TERMS.fixDefault, Art. 64 p.6 "reasonable term"); when that has already come by the
 * decision date, 5 WD after the decision date — a term that has run is no reasonable term.
 */
export function defaultFixBy(state: AppealState, today: IsoDate, cal: Calendar, opts: DecisionOptions = {}): IsoDate {
  const term = PROCEDURAL_TERMS.fixDefault.term;
  const fromRegistration = applyTerm(cal, state.registrationDate, term, opts.count ?? 'registrationDayIsDayOne');
  return fromRegistration > today ? fromRegistration : applyTerm(cal, today, term, 'civilCode');
}

export function fixByOf(notice: TakenDecision, state: AppealState, cal: Calendar, opts: DecisionOptions): IsoDate {
  const v = notice.data.fixBy;
  return typeof v === 'string' && isIsoDate(v) ? v : defaultFixBy(state, notice.decisionDate, cal, opts);
}

/** The card's data to store: the input with the defaults applied (4.2 fixBy; 4.4 remainderKept). */
export function decisionData(state: AppealState, code: DecisionCode, input: DecisionData, today: IsoDate, cal: Calendar, opts: DecisionOptions = {}): DecisionData {
  const out: Record<string, unknown> = { ...input };
  for (const spec of DECISIONS[code].fields) {
    const missing = out[spec.name] === undefined || out[spec.name] === null;
    if (spec.defaultValue === 'fixDefault' && missing) out[spec.name] = defaultFixBy(state, today, cal, opts);
  }
  if (code === '4.4' && Array.isArray(out.parts) && out.remainderKept === undefined) out.remainderKept = true;
  return out;
}

/** The state after the decision (appended; 4.14 moves the due date). Does not check: call checkDecision first. */
export function applyDecision(state: AppealState, code: DecisionCode, data: DecisionData, today: IsoDate): AppealState {
  const next: AppealState = { ...state, decisions: [...state.decisions, { code, decisionDate: today, data }] };
  if (code === '4.14' && typeof data.newDueDate === 'string') next.dueDate = data.newDueDate;
  // A new notice has not reached the applicant yet: its letter goes out when the head signs it.
  if (code === '4.7') next.hearingNoticeDeliveredOn = null;
  return next;
}

/** The last day a move-out (4.1) may be cancelled: 1 WD after the decision date (rules p.15). */
export function cancelMoveOutDeadline(moveOutDate: IsoDate, cal: Calendar): IsoDate {
  return applyTerm(cal, moveOutDate, PROCEDURAL_TERMS.moveOutCancel.term, 'civilCode');
}

/**
 * Whether the actor may cancel the move-out (rules p.15: within one working day of the decision;
 * by whoever may take 4.1). The window runs to the end of the next working day after the decision.
 */
export function checkCancelMoveOut(state: AppealState, actorRoles: readonly Role[], today: IsoDate, cal: Calendar): DecisionCheck {
  const moveOut = latest(state, '4.1');
  if (!moveOut) return fail('decision.cancelMoveOut.none');
  const roleCheck = checkRoles(DECISIONS['4.1'].roles, actorRoles, state);
  if (!roleCheck.ok) return roleCheck;
  if (today < moveOut.decisionDate) return fail('decision.beforeLastDecision', { lastDecisionDate: moveOut.decisionDate });
  const until = cancelMoveOutDeadline(moveOut.decisionDate, cal);
  if (today > until) return fail('decision.cancelMoveOut.windowClosed', { until });
  return OK;
}

/** Until when the actor may cancel the move-out now (its last day), or null when they may not. */
export function cancelMoveOutUntil(state: AppealState, actorRoles: readonly Role[], today: IsoDate, cal: Calendar): IsoDate | null {
  const moveOut = latest(state, '4.1');
  if (!moveOut || !checkCancelMoveOut(state, actorRoles, today, cal).ok) return null;
  return cancelMoveOutDeadline(moveOut.decisionDate, cal);
}

/** The state after cancelling the move-out: the 4.1 stays on the list, marked cancelled. */
export function applyCancelMoveOut(state: AppealState, today: IsoDate): AppealState {
  let index = -1;
  state.decisions.forEach((d, i) => {
    if (d.code === '4.1' && !d.cancelledOn) index = i;
  });
  if (index < 0) return state;
  const decisions = state.decisions.map((d, i) => (i === index ? { ...d, cancelledOn: today } : d));
  return { ...state, decisions };
}
