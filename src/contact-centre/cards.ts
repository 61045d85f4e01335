// Use cases of knowledge cards (CC-03…CC-12): the contact-centre head (role head) keeps the Annex 1
// cards in Kazakh and Russian and records each step of their lifecycle; operators find the live
// ones by full-text search in either language; the overdue steps are listed.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { canActFor } from '../access/scope.ts';
import { cardSearchQuery, cardState, cardTerms, overdueSteps, shownToOperators, type CardDates } from '../domain/knowledge-cards.ts';
import type { CardInput, CardPatch } from './schemas.ts';
import * as store from './store.ts';

type CardRow = NonNullable<Awaited<ReturnType<typeof store.cardById>>>;

export function cardDates(c: Pick<CardRow, 'bylaw_approved_on' | 'sent_on' | 'trained_on' | 'protocol_on' | 'bylaw_changed_on' | 'updated_on' | 'responsible_changed_on' | 'responsible_notified_on'>): CardDates {
  return {
    bylawApprovedOn: c.bylaw_approved_on,
    sentOn: c.sent_on,
    trainedOn: c.trained_on,
    protocolOn: c.protocol_on,
    bylawChangedOn: c.bylaw_changed_on,
    updatedOn: c.updated_on,
    responsibleChangedOn: c.responsible_changed_on,
    responsibleNotifiedOn: c.responsible_notified_on,
  };
}

/** The contact-centre head keeps the cards (and the administrator). */
const mayKeepCards = (actor: Actor) => hasRole(actor, 'head');

const COLUMNS = {
  serviceKk: 'service_kk',
  serviceRu: 'service_ru',
  bylawKk: 'bylaw_kk',
  bylawRu: 'bylaw_ru',
  bylawApprovedOn: 'bylaw_approved_on',
  changesKk: 'changes_kk',
  changesRu: 'changes_ru',
  webPage: 'web_page',
  responsibleName: 'responsible_name',
  responsiblePosition: 'responsible_position',
  responsiblePhone: 'responsible_phone',
  responsibleEmail: 'responsible_email',
  providerId: 'provider_id',
  providerName: 'provider_name',
  providerContacts: 'provider_contacts',
  answerKk: 'answer_kk',
  answerRu: 'answer_ru',
  sentOn: 'sent_on',
  trainedOn: 'trained_on',
  protocolOn: 'protocol_on',
  bylawChangedOn: 'bylaw_changed_on',
  updatedOn: 'updated_on',
  responsibleChangedOn: 'responsible_changed_on',
  responsibleNotifiedOn: 'responsible_notified_on',
} as const satisfies Record<keyof CardPatch, keyof CardRow>;

const DATE_FIELDS = ['bylawApprovedOn', 'sentOn', 'trainedOn', 'protocolOn', 'bylawChangedOn', 'updatedOn', 'responsibleChangedOn', 'responsibleNotifiedOn'] as const;

function rowOf(input: CardPatch): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [COLUMNS[k as keyof CardPatch], v]));
}

/** A date of the lifecycle is a day that came; each step after the one it follows. */
function checkDates(card: CardDates, now: string): void {
  const errors = DATE_FIELDS.filter((f) => {
    const v = card[f as keyof CardDates];
    return v !== null && v > now;
  }).map((f) => ({ path: `/${f}`, code: 'knowledgeCard.dateInFuture' }));
  const order: [keyof CardDates, keyof CardDates][] = [
    ['sentOn', 'bylawApprovedOn'],
    ['trainedOn', 'sentOn'],
    ['protocolOn', 'trainedOn'],
  ];
  for (const [later, earlier] of order) {
    const l = card[later];
    const e = card[earlier];
    if (l !== null && (e === null || l < e)) errors.push({ path: `/${later}`, code: 'knowledgeCard.stepOutOfOrder' });
  }
  if (errors.length) throw invalid(errors);
}

export async function createCard(ctx: Context, actor: Actor, input: CardInput): Promise<string> {
  if (!mayKeepCards(actor)) throw forbidden();
  const day = today(ctx);
  checkDates({ bylawApprovedOn: input.bylawApprovedOn, sentOn: null, trainedOn: null, protocolOn: null, bylawChangedOn: null, updatedOn: null, responsibleChangedOn: null, responsibleNotifiedOn: null }, day);
  if (input.providerId !== undefined && !(await store.organizationById(ctx.db, input.providerId))) throw invalid([{ path: '/providerId', code: 'organization.unknown' }]);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertCard(trx, {
      ...(rowOf(input) as Omit<Parameters<typeof store.insertCard>[1], 'id' | 'organization_id' | 'created_at' | 'updated_at'>),
      id,
      organization_id: actor.organizationId,
      created_at: now,
      updated_at: now,
    });
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'knowledgeCardCreated', changes: { cardId: id, service: input.serviceKk } });
  });
  return id;
}

export async function changeCard(ctx: Context, actor: Actor, id: string, patch: CardPatch): Promise<void> {
  if (!mayKeepCards(actor)) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const card = await store.cardById(trx, id, true);
    if (!card) throw notFound();
    if (!(await canActFor(trx, actor, card.organization_id))) throw forbidden();
    const set = rowOf(patch);
    checkDates(cardDates({ ...card, ...set }), today(ctx));
    if (patch.providerId !== undefined && !(await store.organizationById(trx, patch.providerId))) throw invalid([{ path: '/providerId', code: 'organization.unknown' }]);
    const now = ctx.clock.now();
    await store.updateCard(trx, id, { ...set, updated_at: now });
    await appendEvent(trx, { appealId: null, organizationId: card.organization_id, actor, at: now, kind: 'knowledgeCardChanged', changes: { cardId: id, ...patch } });
  });
}

/** The cards the actor may read: operators the live ones only (CC-03, CC-08), the head every card
 *  with its state and terms; `q` searches both languages; `overdue` keeps cards with a step overdue. */
export async function findCards(ctx: Context, actor: Actor, q: string | undefined, overdue: boolean) {
  const keeper = mayKeepCards(actor);
  if (!keeper && !hasRole(actor, 'operator')) throw forbidden();
  const tsquery = q ? cardSearchQuery(q) : null;
  if (q && !tsquery) return [];
  const day = today(ctx);
  const cal = ctx.law.calendar;
  return (await store.cardsMatching(ctx.db, actor, tsquery))
    .map((card) => ({ card, state: cardState(cardDates(card), cal, day), terms: cardTerms(cardDates(card), cal, day), overdue: overdueSteps(cardDates(card), cal, day) }))
    .filter((c) => (keeper || shownToOperators(cardDates(c.card), cal, day)) && (!overdue || c.overdue.length > 0));
}

export async function cardOf(ctx: Context, actor: Actor, id: string) {
  const keeper = mayKeepCards(actor);
  if (!keeper && !hasRole(actor, 'operator')) throw forbidden();
  const card = await store.cardById(ctx.db, id);
  if (!card) throw notFound();
  if (!(await canActFor(ctx.db, actor, card.organization_id))) throw forbidden();
  const day = today(ctx);
  const dates = cardDates(card);
  if (!keeper && !shownToOperators(dates, ctx.law.calendar, day)) throw notFound();
  return { card, state: cardState(dates, ctx.law.calendar, day), terms: cardTerms(dates, ctx.law.calendar, day), overdue: overdueSteps(dates, ctx.law.calendar, day) };
}
