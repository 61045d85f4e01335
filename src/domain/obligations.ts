// Obligations: the steps of a procedure that have a term of their own besides the review term
// (docs/legal-basis.md#procedural-terms) — which event opens each, from which day its term runs, and what fulfils it. Pure
// rules; the review layer stores them (table obligations), lists the open and the violated ones,
// and marks them met.
import type { Calendar, CountMode, IsoDate } from './calendar.ts';
import type { DecisionCode, DecisionData } from './decisions.ts';
import { PROCEDURAL_TERMS, applyTerm, type ProceduralTermName } from './terms.ts';
import type { Procedure } from './vocabulary.ts';

/** How an obligation is fulfilled: by the decision that opens it (recorded met at once, late ones
 *  violated), by the letter of its decision going out, by one of these later decisions, or by the
 *  organization recording that it was done (the case sent back, access to the file given). */
export type Fulfilment = { by: 'theDecision' } | { by: 'letter' } | { by: 'decision'; codes: readonly DecisionCode[] } | { by: 'record' };

export interface ObligationRule {
  kind: ProceduralTermName;
  /** The term runs from the registration date (receipt), the day of the event that opens it (a
   *  decision, a marking), or a date on the card. */
  from: 'registration' | 'decision' | { field: string };
  fulfilment: Fulfilment;
}

const rule = (kind: ProceduralTermName, from: ObligationRule['from'], fulfilment: Fulfilment): ObligationRule => ({ kind, from, fulfilment });

/** What an organization knows of an appeal when it receives it. */
export interface Receipt {
  procedure: Procedure;
  atReviewingBody: boolean;
  anonymous: boolean;
  /** Marked as concerning a crime or a threat to state or public security (APPC Art. 88 p.1). */
  securityInfo: boolean;
}

/** What receipt opens, and when. A complaint filed with the body complained about: that body sends
 *  it on with the case (4.24) or grants it in full (4.15) within 3 WD of receipt (APPC Art. 91 p.4).
 *  An anonymous report of a crime or a threat to security: forwarded at once (4.4, Art. 88 p.1). */
export const ON_RECEIPT: readonly (ObligationRule & { when(r: Receipt): boolean })[] = [
  { ...rule('complaintForward', 'registration', { by: 'decision', codes: ['4.24', '4.15'] }), when: (r) => r.procedure === 'complaint' && !r.atReviewingBody },
  { ...rule('forwardAtOnce', 'registration', { by: 'decision', codes: ['4.4'] }), when: (r) => r.anonymous && r.securityInfo },
];

/** Marked later (Art. 88 p.1): an anonymous report is forwarded at once from the day of the marking. */
export const ON_SECURITY_INFO_MARKED: ObligationRule = rule('forwardAtOnce', 'decision', { by: 'decision', codes: ['4.4'] });

/** What each decision opens. 4.1 and 4.4 fulfil a term counted from receipt themselves (4.24 fulfils
 *  the complaint's, opened on receipt: ON_RECEIPT). */
export const ON_DECISION: Partial<Record<DecisionCode, readonly ObligationRule[]>> = {
  '4.1': [rule('moveOut', 'registration', { by: 'theDecision' })],
  '4.3': [rule('notifyTerminationOrReturn', 'decision', { by: 'letter' })],
  '4.4': [rule('forward', 'registration', { by: 'theDecision' })],
  '4.13': [rule('notifyTerminationOrReturn', 'decision', { by: 'letter' })],
  '4.14': [rule('notifyExtension', 'decision', { by: 'letter' })],
  '4.16': [rule('caseAccess', { field: 'requestedAt' }, { by: 'record' })],
  // The reviewing body sends the case back to the body complained about (Art. 100 p.2).
  '4.18': [rule('caseReturn', 'decision', { by: 'record' })],
  '4.19': [rule('caseReturn', 'decision', { by: 'record' })],
  '4.20': [rule('caseReturn', 'decision', { by: 'record' })],
  '4.21': [rule('caseReturn', 'decision', { by: 'record' })],
  '4.22': [rule('caseReturn', 'decision', { by: 'record' })],
  '4.23': [rule('complaintLeftWithoutConsideration', 'decision', { by: 'letter' }), rule('caseReturn', 'decision', { by: 'record' })],
};

export interface OpenedObligation {
  kind: ProceduralTermName;
  dueDate: IsoDate;
  basis: string;
  /** Fulfilled by the same act: the day, and whether it was late. */
  metOn: IsoDate | null;
}

function dueOf(r: ObligationRule, cal: Calendar, registrationDate: IsoDate, decisionDate: IsoDate, data: DecisionData, count: CountMode): IsoDate {
  const term = PROCEDURAL_TERMS[r.kind].term;
  if (term.unit === 'hours') throw new RangeError(`${r.kind}: not a term in days`);
  if (r.from === 'registration') return applyTerm(cal, registrationDate, term, count);
  const start = r.from === 'decision' ? decisionDate : String(data[r.from.field] ?? decisionDate);
  // Counted from an event other than receipt: from the next day (Civil Code Art. 173).
  return applyTerm(cal, start, term, 'civilCode');
}

/** The obligations an appeal's receipt opens at an organization. */
export function obligationsOnReceipt(receipt: Receipt, cal: Calendar, registrationDate: IsoDate, count: CountMode): OpenedObligation[] {
  return ON_RECEIPT.filter((r) => r.when(receipt)).map((r) => ({
    kind: r.kind,
    dueDate: dueOf(r, cal, registrationDate, registrationDate, {}, count),
    basis: PROCEDURAL_TERMS[r.kind].basis,
    metOn: null,
  }));
}

/** The obligations marking an appeal as concerning a crime or security opens (only an anonymous one
 *  must be forwarded at once: an identified applicant's appeal is reviewed as any other). */
export function obligationsOnSecurityInfoMarked(anonymous: boolean, cal: Calendar, registrationDate: IsoDate, markedOn: IsoDate, count: CountMode): OpenedObligation[] {
  if (!anonymous) return [];
  const r = ON_SECURITY_INFO_MARKED;
  return [{ kind: r.kind, dueDate: dueOf(r, cal, registrationDate, markedOn, {}, count), basis: PROCEDURAL_TERMS[r.kind].basis, metOn: null }];
}

/** The obligations a decision opens, dated. */
export function obligationsOnDecision(code: DecisionCode, data: DecisionData, cal: Calendar, registrationDate: IsoDate, decisionDate: IsoDate, count: CountMode): OpenedObligation[] {
  return (ON_DECISION[code] ?? []).map((r) => ({
    kind: r.kind,
    dueDate: dueOf(r, cal, registrationDate, decisionDate, data, count),
    basis: PROCEDURAL_TERMS[r.kind].basis,
    metOn: r.fulfilment.by === 'theDecision' ? decisionDate : null,
  }));
}

/** The kinds of open obligations a decision, or its letter going out, fulfils. */
export function fulfilledBy(event: { decision: DecisionCode } | { letterOf: DecisionCode }): ProceduralTermName[] {
  const rules = [...ON_RECEIPT, ...Object.values(ON_DECISION).flat()];
  const kinds = rules.filter((r) =>
    'decision' in event ? r.fulfilment.by === 'decision' && r.fulfilment.codes.includes(event.decision) : r.fulfilment.by === 'letter' && (ON_DECISION[event.letterOf] ?? []).includes(r),
  );
  return [...new Set(kinds.map((r) => r.kind))];
}

/** Whether an obligation is violated today: fulfilled after its term, or still open past it (the
 *  list's SQL filter, src/review/terms.ts, says the same). */
export function isViolated(o: { dueDate: IsoDate; metOn: IsoDate | null }, today: IsoDate): boolean {
  return o.metOn === null ? o.dueDate < today : o.metOn > o.dueDate;
}

/** Whether the organization fulfils obligations of this kind by recording it (POST …/met). */
export function isRecordedByOrganization(kind: string): boolean {
  return Object.values(ON_DECISION).some((rs) => rs!.some((r) => r.kind === kind && r.fulfilment.by === 'record'));
}
