// The one door through which every change of an appeal passes (docs/architecture.md, "The appeal
// core"). changeAppeal checks the actor's scope, locks the appeal's row, runs the use case's work
// under the lock, and then stores what the work says changed — the status and the other ТЖ-1
// fields the status machine (src/domain/appeal-status.ts) gave, the obligations met and opened,
// the applicant's notices, the audit event — and refreshes the statistics cells and the
// daily-export journal of every card it touched, once, at the end of the transaction. A module
// that changes an appeal cannot forget any of these: it only says what happened.
import type { Updateable } from 'kysely';
import type { Context } from '../context.ts';
import { fixedClock, today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import type { AppealsTable } from '../db/schema.ts';
import type { IsoDate } from '../domain/calendar.ts';
import type { CardFields, StoredCard, Transition } from '../domain/appeal-status.ts';
import type { AppealStatus } from '../domain/decisions.ts';
import type { OpenedObligation } from '../domain/obligations.ts';
import { SEARCHED_FIELDS, searchTextOf } from '../domain/search.ts';
import { appendEvent } from '../audit/log.ts';
import { enqueue, type Attachment, type MessageKind } from '../notifications/outbox.ts';
import { applicantMessages, messageLanguage, type MessageData } from '../notifications/messages.ts';
import { cardsChanged } from '../statistics/cards.ts';
import { noticesOfChange } from '../inbox/notices.ts';
import { detect } from '../control/detectors.ts';
import { appealInScope, contactsOf, dropObligations, insertObligations, lockAppeal, meetObligations, updateAppeal, type AppealRow } from './store.ts';

/** A message to the applicants of the appeal, with what its kind needs besides the appeal's numbers. */
export type Notice = {
  [K in MessageKind]: { kind: K; data: Omit<MessageData[K], 'organizationId' | 'appealId' | 'registrationNumber'> };
}[MessageKind];

/** What a change did, as the door stores it. */
export interface AppealChange {
  /** The audit event: its kind and what it records. */
  event: { kind: string; changes: Record<string, unknown> };
  /** The status machine's answer: the status, the ТЖ-1 fields it sets, and its obligations and
   *  notices (its other effects are the use case's to carry out before it returns). */
  transition?: Transition;
  /** The letter the transition's notices carry. */
  attachment?: Attachment;
  /** Other ТЖ-1 fields the change sets (never the status: only the status machine decides it). */
  set?: Omit<Updateable<AppealsTable>, 'status' | 'updated_at'>;
  /** Obligations met or opened besides the transition's; open ones of `drop`'s kinds no longer apply
   *  and are removed (an unmarked report need not be forwarded at once). */
  meet?: readonly string[];
  open?: readonly OpenedObligation[];
  drop?: readonly string[];
  notify?: readonly Notice[];
  /** Other appeals the change wrote (cards it opened elsewhere): their statistics are refreshed too. */
  alsoChanged?: readonly string[];
}

export interface Work {
  trx: Db;
  /** The appeal's row, locked. */
  appeal: AppealRow;
  now: Date;
  today: IsoDate;
}

/** Transactions opened by the door: their instant, the appeals changed in them so far, and the
 *  rows the changes left. */
const open = new WeakMap<Db, { now: Date; changed: Set<string>; rows: Map<string, AppealRow> }>();

/**
 * Change one appeal: `work` runs under the appeal's row lock and returns what it changed (or null:
 * nothing) and its result, which the door answers with the appeal's row as the change left it.
 * The actor's scope is checked first (404 no such appeal, 403 another territory's; `null`: the
 * system) unless the caller checked it already, or a scope of its own (`scopeChecked`: the
 * statistics authority's, a co-executor's task). `at`: the instant of the change, when the use case took it
 * already. Called inside another change or an appealTransaction, it runs in that transaction, at
 * its instant, and the statistics are refreshed once at its end.
 */
export async function changeAppeal<T extends object = object>(
  ctx: Context,
  actor: Actor | null,
  appealId: string,
  work: (w: Work) => Promise<{ change: AppealChange | null; result?: T }>,
  options: { scopeChecked?: true; at?: Date } = {},
): Promise<T & { appeal: AppealRow }> {
  if (actor && !options.scopeChecked) await appealInScope(ctx.db, actor, appealId);
  return appealTransaction(
    ctx,
    async (tctx) => {
      const trx = tctx.db;
      const { rows, now } = open.get(trx)!;
      const appeal = await lockAppeal(trx, appealId);
      const stored = rows.get(appealId);
      const today = todayOf(tctx);
      const { change, result } = await work({ trx, appeal, now, today });
      // a change inside the work (a draft approved while its letter is signed) moved the row on
      const current = rows.get(appealId) !== stored ? rows.get(appealId)! : appeal;
      const after = change ? await store(trx, actor, current, change, now, today) : current;
      rows.set(appealId, after);
      return { ...(result as T), appeal: after };
    },
    options.at,
  );
}

/**
 * Run `fn` in a transaction in which appeals change through the door (several appeals, or a new
 * one and then a change of it), all at one instant (`at`, or now): the context `fn` gets has its
 * clock fixed there. The statistics of every appeal changed are refreshed at the end. Inside a
 * door transaction already, `fn` runs in it.
 */
export async function appealTransaction<T>(ctx: Context, fn: (tctx: Context) => Promise<T>, at?: Date): Promise<T> {
  if (open.has(ctx.db)) return fn(ctx);
  if (ctx.db.isTransaction) throw new Error('an appeal changes through the door: use appealTransaction or changeAppeal, not a transaction of your own');
  const now = at ?? ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const changed = new Set<string>();
    open.set(trx, { changed, rows: new Map(), now });
    const tctx = { ...ctx, db: trx, clock: fixedClock(now) };
    const result = await fn(tctx);
    // statistics (src/statistics/cards.ts): the cards changed: their 1-ТӨ cells and the daily-export journal;
    // and the violations the changes made (EA-06: the detectors run on every change)
    if (changed.size > 0) {
      await cardsChanged(trx, [...changed], now);
      await detect(trx, { today: todayOf(tctx), timeZone: ctx.config.timeZone, now, appealIds: [...changed] });
    }
    return result;
  });
}

async function store(trx: Db, actor: Actor | null, appeal: AppealRow, change: AppealChange, now: Date, today: IsoDate): Promise<AppealRow> {
  const t = change.transition;
  const set = { ...(t ? fieldsOf(appeal, t, now) : {}), ...change.set };
  if (SEARCHED_FIELDS.some((k) => k in set)) set.search_text = searchTextOf({ ...appeal, ...set });
  const after = Object.keys(set).length > 0 ? await updateAppeal(trx, appeal.id, { ...set, updated_at: now }) : appeal;
  const meet = [...(change.meet ?? [])];
  const opened = [...(change.open ?? [])];
  const notices = [...(change.notify ?? [])];
  for (const e of t?.effects ?? []) {
    if (e.kind === 'meetObligations') meet.push(...e.kinds);
    else if (e.kind === 'openObligations') opened.push(...e.obligations);
    else if (e.kind === 'notify') notices.push({ kind: e.message, data: { ...e.params, ...(change.attachment ? { attachment: change.attachment } : {}) } } as Notice);
  }
  await meetObligations(trx, appeal.id, meet, today);
  await dropObligations(trx, appeal.id, change.drop ?? []);
  await insertObligations(trx, appeal, opened);
  for (const n of notices) await notifyApplicants(trx, appeal, n, now);
  const status = t && t.status !== appeal.status ? { status: { from: appeal.status, to: t.status } } : {};
  await appendEvent(trx, { appealId: appeal.id, organizationId: appeal.organization_id, actor, at: now, kind: change.event.kind, changes: { ...change.event.changes, ...status } });
  // the staff it concerns are told in the same transaction (issue 10, item 13)
  await noticesOfChange(trx, actor, after, change.event, now);
  const { changed } = open.get(trx)!;
  changed.add(appeal.id);
  for (const id of change.alsoChanged ?? []) changed.add(id);
  return after;
}

/** The stored card as the status machine needs it. */
export function storedCard(appeal: AppealRow): StoredCard {
  return { status: appeal.status as AppealStatus, finalDecisionCode: appeal.final_decision_code };
}

/** The ТЖ-1 columns of a transition: the status, and the fields it sets. */
function fieldsOf(appeal: AppealRow, t: Transition, now: Date): Updateable<AppealsTable> {
  const f: CardFields = t.fields;
  return {
    ...(t.status !== appeal.status ? { status: t.status } : {}),
    ...(f.dueDate !== undefined ? { due_date: f.dueDate } : {}),
    ...(f.reviewEndedOn !== undefined ? { review_ended_on: f.reviewEndedOn } : {}),
    ...(f.finalDecisionCode !== undefined ? { final_decision_code: f.finalDecisionCode } : {}),
    ...(f.mainAppealId !== undefined ? { main_appeal_id: f.mainAppealId } : {}),
    ...(f.answerSent ? { answer_sent_at: now } : {}),
  };
}

/** The applicant's messages (e-mail, SMS), enqueued in the transaction of the change they report. */
async function notifyApplicants(trx: Db, appeal: AppealRow, notice: Notice, now: Date): Promise<void> {
  const contacts = await contactsOf(trx, appeal.id);
  const data = { organizationId: appeal.organization_id, appealId: appeal.id, registrationNumber: appeal.registration_number, ...notice.data } as MessageData[MessageKind];
  const lang = messageLanguage(appeal.language);
  const rows = contacts.flatMap((c) => applicantMessages(notice.kind, lang, data, { email: c.email, phone: c.phone_mobile }));
  if (rows.length > 0) await enqueue(trx, rows, now);
}
