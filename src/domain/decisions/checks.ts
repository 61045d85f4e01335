// Checks: which decisions an actor may take on an appeal today (allowedDecisions) and whether one may be
// taken with this data (checkDecision); who must have a draft approved (needsApproval); the hearing rule.

import { isIsoDate, plusDays, type Calendar, type IsoDate } from '../calendar.ts';
import type { FieldError } from '../registration.ts';
import { PROCEDURAL_TERMS, applyTerm, extensionCap } from '../terms.ts';
import type { Role } from '../vocabulary.ts';
import { ACT_CODES, DECISION_CODES, isDecisionCode, type DecisionCode, type DecisionRole } from './rule.ts';
import { ANONYMOUS_RULE, DECISIONS } from './catalogue.ts';
import { activeDecisions, endingDecision, isReviewEnded, latest, type AppealState, type DecisionData, type DecisionOptions } from './state.ts';
import { isFixed } from './status.ts';
import { validateFields } from './validation.ts';
import { fixByOf } from './data.ts';
import { HEARING_EXCEPTIONS, type VocabularyItem } from './vocabularies.ts';

export type DecisionCheck = { ok: true } | { ok: false; code: string; params?: Record<string, string | number>; fields?: FieldError[] };

export interface AllowedDecision {
  code: DecisionCode;
  allowed: boolean;
  /** Why not (an error code of checkDecision). */
  reason?: string;
  /** Whether the actor's roles may take this decision at all (whatever the appeal's state). */
  forMyRoles: boolean;
  params?: Record<string, string | number>;
  /** Allowed as a draft for the head's approval (needsApproval). */
  approval?: boolean;
  /** Allowed, but some data will be refused now (e.g. an unfavourable act while the hearing window is open). */
  caveat?: string;
  caveatParams?: Record<string, string | number>;
}

export const fail = (code: string, params?: Record<string, string | number>): DecisionCheck => (params ? { ok: false, code, params } : { ok: false, code });
export const OK: DecisionCheck = { ok: true };

/** The checks that do not need the card's data. */
function checkState(state: AppealState, code: DecisionCode, roles: readonly Role[], today: IsoDate, cal: Calendar, opts: DecisionOptions): DecisionCheck {
  const rule = DECISIONS[code];
  if (!isIsoDate(today)) return fail('decision.invalidDate', { date: String(today) });
  if (today < state.registrationDate) return fail('decision.beforeRegistration', { registrationDate: state.registrationDate });
  const active = activeDecisions(state);
  const last = active[active.length - 1];
  if (last && today < last.decisionDate) return fail('decision.beforeLastDecision', { lastDecisionDate: last.decisionDate });

  // Nothing after the end of the review (a second final decision is refused) — except 4.17 in an
  // act already adopted (Art. 82).
  if (isReviewEnded(state)) {
    const ended = endingDecision(state);
    const byAct = ended !== undefined && ACT_CODES.includes(ended.code);
    if (!(rule.afterEnd && byAct)) return fail('decision.reviewEnded', ended ? { endedBy: ended.code } : undefined);
  }

  if (!rule.procedures.includes(state.procedure)) return fail('decision.notForProcedure', { procedure: state.procedure });

  if (state.procedure === 'complaint') {
    if (rule.complaintStage === 'reviewingBody' && !state.receivedByReviewingBody) return fail('decision.onlyAtReviewingBody');
    if (rule.complaintStage === 'bodyComplainedAbout' && state.receivedByReviewingBody) return fail('decision.onlyAtBodyComplainedAbout');
  }

  if (state.anonymous && ANONYMOUS_RULE.procedures.includes(state.procedure)) {
    if (state.containsCrimeOrSecurityInfo) {
      if (!ANONYMOUS_RULE.crimeOrSecurity.includes(code)) return fail('decision.anonymousMustBeForwarded');
    } else if (!ANONYMOUS_RULE.plain.includes(code)) {
      return fail('decision.anonymousMustBeTerminated');
    }
  }

  const roleCheck = checkRoles(rule.roles, roles, state);
  if (!roleCheck.ok) return roleCheck;
  if (state.draftPending && needsApproval(state, code, roles)) return fail('decision.draftPending');

  for (const group of rule.after) {
    if (!active.some((d) => group.includes(d.code))) return fail('decision.requires', { anyOf: group.join('|') });
  }

  const count = opts.count ?? 'registrationDayIsDayOne';
  for (const c of rule.stateConditions) {
    switch (c) {
      case 'fixTermExpired': {
        const notice = latest(state, '4.2');
        if (notice && isFixed(state, notice)) return fail('decision.appealFixed', { fixedOn: state.fixedOn! });
        const fixBy = notice ? fixByOf(notice, state, cal, opts) : undefined;
        if (fixBy && today <= fixBy) return fail('decision.fixTermNotExpired', { fixBy });
        break;
      }
      case 'termExtendable':
        if (!(state.extendable ?? state.procedure !== 'complaint')) return fail('decision.extensionNotAllowed');
        break;
      case 'termRunning':
        if (today > state.dueDate) return fail('decision.termExpired', { dueDate: state.dueDate });
        break;
      case 'complaintGrantWindow':
        if (state.procedure === 'complaint') {
          const until = applyTerm(cal, state.registrationDate, PROCEDURAL_TERMS.complaintForward.term, count);
          if (today > until) return fail('decision.complaintGrantWindowClosed', { until });
        }
        break;
    }
  }
  return OK;
}

/**
 * Whether this actor's card of the decision is a draft for the head to approve: an approval
 * decision taken by someone who is not a head (or deputy) — except the desk's routing on receipt
 * (a registrar before an executor is assigned), which the office does itself.
 */
export function needsApproval(state: AppealState, code: DecisionCode, roles: readonly Role[]): boolean {
  const rule = DECISIONS[code];
  if (!rule.approval || roles.includes('head')) return false;
  const atDesk = roles.includes('registrar') && rule.roles.includes('registrar') && !state.executorAssigned;
  return !atDesk;
}

export function checkRoles(allowed: readonly DecisionRole[], actor: readonly Role[], state: AppealState): DecisionCheck {
  if (actor.some((r) => r !== 'registrar' && (allowed as readonly Role[]).includes(r))) return OK;
  if (actor.includes('registrar') && allowed.includes('registrar')) {
    return state.executorAssigned ? fail('decision.registrarDeskOnly') : OK;
  }
  if (allowed.length === 1 && allowed[0] === 'head') return fail('decision.headOnly');
  return fail('decision.roleNotAllowed', { roles: allowed.join('|') });
}

/** The latest date the hearing window of the latest 4.7 keeps an unfavourable act from being adopted, or a refusal. */
function checkHearing(state: AppealState, today: IsoDate, cal: Calendar): DecisionCheck {
  const notice = latest(state, '4.7');
  if (!notice) return fail('decision.hearingNoticeMissing');
  // Art. 73 p.1: the notice at least 3 WD before the act; Art. 73 p.3: objections within 2 WD of
  // receipt. Both count from the day after (Civil Code Art. 173): notice on Monday → act on Thursday.
  const delivered = state.hearingNoticeDeliveredOn;
  if (delivered === null) return fail('decision.hearingNoticeNotSent');
  const received = delivered && delivered > notice.decisionDate ? delivered : notice.decisionDate;
  const byNotice = cal.addWorkingDays(received, PROCEDURAL_TERMS.preliminaryNotice.term.count, 'civilCode');
  const objectionEnds = cal.addWorkingDays(received, PROCEDURAL_TERMS.objection.term.count, 'civilCode');
  const afterObjection = plusDays(objectionEnds, 1);
  const earliest = byNotice > afterObjection ? byNotice : afterObjection;
  if (today < earliest) return fail('decision.hearingWindowOpen', { earliest });
  // A scheduled hearing that has not come yet (and was not held) also keeps the act back.
  const at = typeof notice.data.hearingAt === 'string' ? notice.data.hearingAt.slice(0, 10) : undefined;
  const held = activeDecisions(state).some((d) => d.code === '4.11' && d.decisionDate >= notice.decisionDate);
  if (at && isIsoDate(at) && today < at && !held) return fail('decision.hearingScheduled', { hearingAt: String(notice.data.hearingAt) });
  return OK;
}

/** Whether the decision with this data is unfavourable to the applicant (needs the hearing). */
export function isUnfavourable(code: DecisionCode, data: DecisionData): boolean {
  const h = DECISIONS[code].hearing;
  if (h === 'always') return true;
  if (h === 'ifUnfavourable') return data.favourable === false;
  return false;
}

/**
 * Which decisions the actor may take on the appeal today: every code with allowed, and the reason
 * (an error code of checkDecision) when not. Checks everything that does not depend on the card's
 * data; what depends on it is left to checkDecision (a caveat says when part of it is refused now).
 */
export function allowedDecisions(state: AppealState, actorRoles: readonly Role[], today: IsoDate, cal: Calendar, opts: DecisionOptions = {}): AllowedDecision[] {
  return DECISION_CODES.map((code) => {
    const forMyRoles = checkRoles(DECISIONS[code].roles, actorRoles, { ...state, executorAssigned: false }).ok;
    const r = checkState(state, code, actorRoles, today, cal, opts);
    if (!r.ok) return r.params ? { code, allowed: false, forMyRoles, reason: r.code, params: r.params } : { code, allowed: false, forMyRoles, reason: r.code };
    const item: AllowedDecision = { code, allowed: true, forMyRoles };
    if (needsApproval(state, code, actorRoles)) item.approval = true;
    const rule = DECISIONS[code];
    // A complaint granted by the body complained about is favourable by rule: no hearing caveat.
    const alwaysFavourable = state.procedure === 'complaint' && rule.inputConditions.includes('complaintGrantFavourable');
    if (rule.hearing !== 'never' && state.procedure !== 'simplified' && !alwaysFavourable) {
      const h = checkHearing(state, today, cal);
      if (!h.ok) {
        item.caveat = h.code;
        if (h.params) item.caveatParams = h.params;
      }
    }
    return item;
  });
}

/**
 * Whether the actor may take the decision with this data today. `input` is the card's data as
 * entered (defaults not yet applied: see decisionData).
 */
export function checkDecision(state: AppealState, code: DecisionCode, input: DecisionData, actorRoles: readonly Role[], today: IsoDate, cal: Calendar, opts: DecisionOptions = {}): DecisionCheck {
  if (!isDecisionCode(code)) return fail('decision.unknownCode', { code: String(code) });
  const s = checkState(state, code, actorRoles, today, cal, opts);
  if (!s.ok) return s;
  const rule = DECISIONS[code];

  const errors = validateFields(rule.fields, input, '', state.procedure, today);
  if (rule.exactlyOneOf) {
    const given = rule.exactlyOneOf.filter((f) => input[f] !== undefined && input[f] !== null);
    if (given.length !== 1) errors.push({ path: '/', code: 'decision.exactlyOneOf', params: { fields: rule.exactlyOneOf.join('|') } });
  }
  if (errors.length) return { ok: false, code: 'decision.invalidInput', fields: errors };

  for (const c of rule.inputConditions) {
    switch (c) {
      case 'extensionDate': {
        const newDueDate = String(input.newDueDate);
        if (newDueDate <= state.dueDate) return fail('decision.extensionNotLater', { dueDate: state.dueDate });
        const cap = extensionCap(cal, state.registrationDate);
        if (newDueDate > cap) return fail('decision.extensionBeyondCap', { cap });
        if (!cal.isWorkingDay(newDueDate)) return fail('decision.notWorkingDay', { date: newDueDate });
        break;
      }
      case 'complaintGrantFavourable':
        if (state.procedure === 'complaint' && input.favourable !== true) return fail('decision.complaintGrantMustBeFavourable');
        break;
      case 'reasonApplies':
        if (input.reason === 'anonymous' && !state.anonymous) return fail('decision.reasonNotApplicable', { reason: 'anonymous' });
        break;
      case 'notAttachedToItself':
        if (state.id !== undefined && input.mainAppealId === state.id) return fail('decision.attachToItself');
        break;
    }
  }

  // The hearing (Art. 73): an unfavourable outcome waits for the notice and the objection window,
  // unless an Art. 73 p.2 exception is recorded; the simplified procedure has none (p.2 sub.6).
  if (isUnfavourable(code, input) && state.procedure !== 'simplified') {
    if (input.hearingException === 'simplifiedProcedure') return fail('decision.reasonNotApplicable', { reason: 'simplifiedProcedure' });
    // each exception checked against the act it is offered for: an unfavourable act cannot fully grant
    const exception = HEARING_EXCEPTIONS.find((e) => e.code === input.hearingException) as VocabularyItem | undefined;
    if (exception?.excusesUnfavourableAct === false) return fail('decision.hearingExceptionNotForUnfavourable', { exception: exception.code });
    if (input.hearingException === undefined) {
      const h = checkHearing(state, today, cal);
      if (!h.ok) return h;
    }
  }
  return OK;
}
