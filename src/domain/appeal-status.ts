// The appeal's status machine: from the appeal as the rules see it and one event — an executor
// assigned, a decision taken, its letter sent, a move-out cancelled, a fix recorded, a decision
// card deleted by a correction — to the new status, the other ТЖ-1 fields the event sets, and the
// effects to carry out. Pure: the use cases carry the effects out, and every change is stored
// through the one door (src/appeals/change.ts). No other code decides a status
// (docs/architecture.md, "The appeal core").
import type { Calendar, CountMode, IsoDate } from './calendar.ts';
import { applyCancelMoveOut, applyDecision, DECISIONS, endingDecision, endsReviewWith, finalStatusOf, statusOf, type AppealState, type AppealStatus, type DecisionCode, type DecisionData } from './decisions.ts';
import { fulfilledBy, obligationsOnDecision, type OpenedObligation } from './obligations.ts';
import type { Labels } from './vocabulary.ts';

/** A card is registered awaiting routing: a new registration, or one opened by forwarding. */
export const INITIAL_STATUS: AppealStatus = 'registered';

/** The card as stored, besides what AppealState holds. */
export interface StoredCard {
  status: AppealStatus;
  finalDecisionCode: string | null;
}

/** What happened to the appeal; `state` is the appeal as the rules see it, before the event. */
export type AppealEvent =
  | { kind: 'assigned' }
  /** `withLetter`: a cover letter was drafted for the head's signature. */
  | { kind: 'decisionTaken'; state: AppealState; code: DecisionCode; data: DecisionData; withLetter: boolean }
  /** The decision's letter was signed and went out, in this language. */
  | { kind: 'letterSent'; code: DecisionCode; data: DecisionData; language: keyof Labels }
  | { kind: 'moveOutCancelled'; state: AppealState }
  | { kind: 'fixRecorded'; state: AppealState }
  /** A correction deleted a decision card; `state` is the appeal without it. */
  | { kind: 'decisionDeleted'; state: AppealState };

/** The ТЖ-1 fields besides the status that an event sets (absent: unchanged). */
export interface CardFields {
  dueDate?: IsoDate;
  reviewEndedOn?: IsoDate | null;
  finalDecisionCode?: DecisionCode | null;
  mainAppealId?: string;
  /** The answer went out now. */
  answerSent?: true;
}

/** A card opened at another organization: the whole appeal (4.4, 4.24) or a part of it (4.4, p.11). */
export interface CardToOpen {
  targetOrganizationId: number;
  part?: { summary: string };
  atReviewingBody: boolean;
}

export type AppealEffect =
  /** Open the cards; the applicant is told at once where the appeal went (Art. 65). */
  | { kind: 'openCards'; cards: CardToOpen[] }
  /** A decision that ends the review leaves no draft to approve. */
  | { kind: 'supersedeDrafts' }
  | { kind: 'meetObligations'; kinds: readonly string[] }
  | { kind: 'openObligations'; obligations: readonly OpenedObligation[] }
  /** Tell the applicant, with the signed letter attached. */
  | { kind: 'notify'; message: 'extended' | 'hearingNotice' | 'decision'; params: Record<string, string> };

export interface Transition {
  status: AppealStatus;
  fields: CardFields;
  effects: AppealEffect[];
}

export interface Law {
  calendar: Calendar;
  count: CountMode;
}

/** The status, fields and effects of one event on the stored card, on the day `today`. */
export function transition(card: StoredCard, event: AppealEvent, today: IsoDate, law: Law): Transition {
  switch (event.kind) {
    case 'assigned':
      return { status: card.status === INITIAL_STATUS ? 'inExecution' : card.status, fields: {}, effects: [] };
    case 'decisionTaken':
      return decisionTaken(event.state, event.code, event.data, event.withLetter, today, law);
    case 'letterSent':
      return letterSent(card, event.code, event.data, event.language);
    case 'moveOutCancelled':
      return { status: statusOf(applyCancelMoveOut(event.state, today)), fields: { reviewEndedOn: null, finalDecisionCode: null }, effects: [] };
    case 'fixRecorded':
      return { status: statusOf({ ...event.state, fixedOn: today }), fields: {}, effects: [] };
    case 'decisionDeleted': {
      const state = event.state;
      const ending = endingDecision(state);
      // the deleted card was not the one whose letter awaits signature: the appeal still awaits it
      const status = ending ? (ending.code === card.finalDecisionCode && card.status === 'toSign' ? 'toSign' : finalStatusOf(ending.code, ending.data)!) : statusOf(state);
      return { status, fields: { reviewEndedOn: ending?.decisionDate ?? null, finalDecisionCode: ending?.code ?? null }, effects: [] };
    }
  }
}

function decisionTaken(state: AppealState, code: DecisionCode, data: DecisionData, withLetter: boolean, today: IsoDate, law: Law): Transition {
  const next = applyDecision(state, code, data, today);
  const ends = endsReviewWith(code, data);
  const effects: AppealEffect[] = [
    { kind: 'meetObligations', kinds: fulfilledBy({ decision: code }) },
    { kind: 'openObligations', obligations: obligationsOnDecision(code, data, law.calendar, state.registrationDate, today, law.count) },
  ];
  const cards = cardsOpenedBy(code, data);
  if (cards.length > 0) effects.push({ kind: 'openCards', cards });
  if (ends) effects.push({ kind: 'supersedeDrafts' });
  return {
    // A final decision's letter waits for the head's signature before the appeal counts as answered.
    status: ends && withLetter ? 'toSign' : statusOf(next),
    fields: {
      dueDate: next.dueDate,
      ...(ends ? { reviewEndedOn: today, finalDecisionCode: code } : {}),
      ...(code === '4.5' ? { mainAppealId: String(data.mainAppealId) } : {}),
    },
    effects,
  };
}

/** Forwarding by competence (4.4, rules p.10; in parts, p.11) and a complaint sent to its reviewing
 *  body (4.24, Art. 91 p.4) open cards at the receiving organizations. */
function cardsOpenedBy(code: DecisionCode, data: DecisionData): CardToOpen[] {
  if (code === '4.4') {
    const parts = Array.isArray(data.parts) ? (data.parts as { summary: string; targetOrganizationId: number }[]) : null;
    if (parts) return parts.map((p) => ({ targetOrganizationId: p.targetOrganizationId, part: { summary: p.summary }, atReviewingBody: false }));
    return [{ targetOrganizationId: Number(data.targetOrganizationId), atReviewingBody: false }];
  }
  if (code === '4.24') return [{ targetOrganizationId: Number(data.targetOrganizationId), atReviewingBody: true }];
  return [];
}

function letterSent(card: StoredCard, code: DecisionCode, data: DecisionData, language: keyof Labels): Transition {
  const final = finalStatusOf(code, data);
  const answered = final !== null && card.status === 'toSign';
  const effects: AppealEffect[] = [{ kind: 'meetObligations', kinds: fulfilledBy({ letterOf: code }) }];
  if (code === '4.14') {
    effects.push({ kind: 'notify', message: 'extended', params: { dueDate: String(data.newDueDate), reason: String(data.reason ?? '') } });
  } else if (code === '4.7') {
    const at = String(data.hearingAt);
    effects.push({ kind: 'notify', message: 'hearingNotice', params: { date: at.slice(0, 10), time: at.slice(11, 16), place: String(data.place ?? '') } });
  } else {
    effects.push({ kind: 'notify', message: 'decision', params: { decision: DECISIONS[code].label[language] } });
  }
  return { status: answered ? final : card.status, fields: answered ? { answerSent: true } : {}, effects };
}
