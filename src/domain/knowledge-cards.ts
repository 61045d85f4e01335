// Knowledge cards of the contact centre (Order 81/2016, requirements §A3.2): the Annex 1 card of a
// public service, its lifecycle and the terms of each step on the working-day calendar, which
// cards operators may read out, and the search query. Pure rules.
//
// Counting: "within N WD after" an event starts on the day after it (Civil Code Art. 173), so the
// terms use the calendar's 'civilCode' count.
import type { Calendar, IsoDate } from './calendar.ts';

export interface CardStep {
  /** The term in working days after the event that starts it. */
  workingDays: number;
  basis: string;
}

/** The terms of the card's lifecycle as law in data, with their paragraphs. */
export const KNOWLEDGE_CARD_TERMS = {
  send: { workingDays: 5, basis: 'CC-04 (Order 81/2016 p.5): the card is sent within 5 WD of the bylaw’s approval' },
  train: { workingDays: 10, basis: 'CC-06 (p.6): training of the centre’s employee within 10 WD of the card being sent' },
  live: { workingDays: 5, basis: 'CC-08 (p.8): the centre informs recipients 5 WD after the acceptance protocol is signed' },
  update: { workingDays: 5, basis: 'CC-11 (p.11): the card is updated within 5 WD of a change of the bylaw' },
  notifyResponsible: { workingDays: 5, basis: 'CC-12 (p.12): a new responsible person is notified within 5 WD' },
} as const satisfies Record<string, CardStep>;

export type CardStepName = keyof typeof KNOWLEDGE_CARD_TERMS;

/** The dates of a card's lifecycle as stored. */
export interface CardDates {
  bylawApprovedOn: IsoDate;
  sentOn: IsoDate | null;
  trainedOn: IsoDate | null;
  protocolOn: IsoDate | null;
  bylawChangedOn: IsoDate | null;
  updatedOn: IsoDate | null;
  responsibleChangedOn: IsoDate | null;
  responsibleNotifiedOn: IsoDate | null;
}

export const CARD_STATES = ['awaitingCard', 'awaitingTraining', 'awaitingProtocol', 'accepted', 'live'] as const;
export type CardState = (typeof CARD_STATES)[number];

export interface CardTerm {
  step: CardStepName;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  overdue: boolean;
  basis: string;
}

const due = (cal: Calendar, from: IsoDate, step: CardStepName) => cal.addWorkingDays(from, KNOWLEDGE_CARD_TERMS[step].workingDays, 'civilCode');

/** The card's state: which step it waits for, or accepted (CC-07) and live from 5 WD later (CC-08). */
export function cardState(card: CardDates, cal: Calendar, today: IsoDate): CardState {
  if (!card.sentOn) return 'awaitingCard';
  if (!card.trainedOn) return 'awaitingTraining';
  if (!card.protocolOn) return 'awaitingProtocol';
  return today >= liveFrom(card.protocolOn, cal) ? 'live' : 'accepted';
}

/** CC-08: the first day operators inform recipients from the card. */
export function liveFrom(protocolOn: IsoDate, cal: Calendar): IsoDate {
  return due(cal, protocolOn, 'live');
}

/** CC-03, CC-07, CC-08: operators use a card only once it is accepted and its live date came. */
export function shownToOperators(card: CardDates, cal: Calendar, today: IsoDate): boolean {
  return cardState(card, cal, today) === 'live';
}

/** Every term that applies to the card, with its due date and whether it is overdue today (a step
 *  done late stays marked: it was overdue when done). */
export function cardTerms(card: CardDates, cal: Calendar, today: IsoDate): CardTerm[] {
  const out: CardTerm[] = [];
  const add = (step: CardStepName, from: IsoDate, doneOn: IsoDate | null) => {
    const dueOn = due(cal, from, step);
    out.push({ step, dueOn, doneOn, overdue: (doneOn ?? today) > dueOn, basis: KNOWLEDGE_CARD_TERMS[step].basis });
  };
  add('send', card.bylawApprovedOn, card.sentOn);
  if (card.sentOn) add('train', card.sentOn, card.trainedOn);
  if (card.protocolOn) out.push({ step: 'live', dueOn: liveFrom(card.protocolOn, cal), doneOn: null, overdue: false, basis: KNOWLEDGE_CARD_TERMS.live.basis });
  if (card.bylawChangedOn) add('update', card.bylawChangedOn, card.updatedOn && card.updatedOn >= card.bylawChangedOn ? card.updatedOn : null);
  if (card.responsibleChangedOn) {
    const notified = card.responsibleNotifiedOn && card.responsibleNotifiedOn >= card.responsibleChangedOn ? card.responsibleNotifiedOn : null;
    add('notifyResponsible', card.responsibleChangedOn, notified);
  }
  return out;
}

/** The steps overdue today and not done (the list of overdue cards). */
export function overdueSteps(card: CardDates, cal: Calendar, today: IsoDate): CardTerm[] {
  return cardTerms(card, cal, today).filter((t) => t.overdue && t.doneOn === null);
}

/** The search words as a PostgreSQL tsquery over the 'simple' configuration: each word a prefix,
 *  all required; letters and digits of any script only, so nothing the user types is syntax.
 *  null when nothing is left to search for. */
export function cardSearchQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null;
}
