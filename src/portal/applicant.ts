// The applicant's side of an appeal on the portal (issue 14 §3–§4; EA-03): file it through the
// desk's own registration use case (channel: the public portal), follow it — status, due date and
// the timeline from the same event log as the staff's card — and act on it within the windows the
// law gives: withdraw (4.6), object to a hearing notice (APPC Art. 73), fix a 4.2 notice, rate the
// answer. Every change passes the one door (changeAppeal). Anyone may follow one appeal by its
// registration and talon numbers, seeing the status and dates only.
import { createHash } from 'node:crypto';
import { today as todayOf, type Context } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { registerAppeal, checkDuplicates } from '../intake/register.ts';
import { appealTalon } from '../intake/read.ts';
import { appealTransaction, changeAppeal, storedCard } from '../appeals/change.ts';
import { appealState } from '../review/decide.ts';
import { transition } from '../domain/appeal-status.ts';
import { TIMELINE_WORDS, applicantWindows, type ApplicantAction } from '../domain/portal.ts';
import { bindStaged, checkApplicantFiles, downloadAttachment, portalLimits, takeAttachments } from '../attachments/service.ts';
import { attachmentsOf } from '../attachments/store.ts';
import type { RegistrationInput, ApplicantInput } from '../domain/registration.ts';
import type { DocumentType } from '../domain/vocabulary.ts';
import { letterFile } from '../letters/service.ts';
import { recordFailure, throttleKey, throttleWait } from '../access/throttle.ts';
import * as store from './store.ts';

/** The applicant's own files: staged by POST /public/me/attachments, owned by this key (the
 *  identity they proved), taken by their filing or fix. */
export const applicantKeyOf = (a: store.Applicant) =>
  `applicant:${createHash('sha256')
    .update(JSON.stringify([a.iin, a.phone, ...(a.email ? [a.email] : [])]))
    .digest('hex')}`;
/** What the applicant sees of an appeal's files: their own, not the staff's documents. */
const APPLICANT_PURPOSES = ['filing', 'fix'];

export interface Filing {
  organizationId: number;
  documentType: DocumentType;
  subKind?: string;
  language: string;
  summary: string;
  text: string;
  issueCategory?: string;
  /** No IIN: only an EDS proves one (the session's), so a code-signed applicant cannot claim another's. */
  applicant: { lastName: string; firstName: string; middleName?: string; email?: string; postalAddress?: string };
  complainedOrganizationId?: number;
  challengedAppealId?: string;
  /** files staged by POST /public/me/attachments */
  attachmentIds?: string[];
}

/** The registration the desk would make of the applicant's filing: electronic, through the portal,
 *  the signed-in phone as the applicant's. */
function registrationOf(applicant: store.Applicant, f: Filing): RegistrationInput {
  // the identity the applicant proved wins over what the form says: the phone or e-mail of the code, the IIN of the EDS
  const card: ApplicantInput = {
    kind: 'individual',
    ...f.applicant,
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    ...(applicant.email ? { email: applicant.email } : {}),
    ...(applicant.iin ? { iin: applicant.iin } : {}),
  };
  return {
    documentType: f.documentType,
    ...(f.subKind ? { subKind: f.subKind } : {}),
    form: 'electronic',
    channel: 'publicPortal',
    language: f.language,
    summary: f.summary,
    text: f.text,
    ...(f.issueCategory ? { issueCategory: f.issueCategory } : {}),
    organizationId: f.organizationId,
    applicant: card,
    ...(f.complainedOrganizationId !== undefined ? { complainedOrganizationId: f.complainedOrganizationId } : {}),
    ...(f.challengedAppealId ? { challengedAppealId: f.challengedAppealId } : {}),
  };
}

export interface AnonymousReport {
  organizationId: number;
  language: string;
  summary: string;
  text: string;
  issueCategory?: string;
  /** APPC Art. 88 p.1: it tells of a crime or a threat to state or public security. */
  securityInfo?: boolean;
}

/** The warning the portal shows before an anonymous report is sent (APPC Art. 88). */
export const ANONYMOUS_WARNING_BASIS = 'APPC Art. 88 p.1';

/** An anonymous report without sign-in (issue 14 §2): registered by the desk's use case as the
 *  anonymous appeal it is; only a report of a crime or a threat to security is considered (Art. 88),
 *  the rest is terminated by the body. The numbers let the sender follow it. */
export async function fileAnonymousReport(ctx: Context, r: AnonymousReport) {
  const actor = await store.portalActor(ctx.db);
  const id = await registerAppeal(ctx, actor, {
    documentType: 'report',
    form: 'electronic',
    channel: 'publicPortal',
    language: r.language,
    summary: r.summary,
    text: r.text,
    ...(r.issueCategory ? { issueCategory: r.issueCategory } : {}),
    organizationId: r.organizationId,
    anonymous: true,
    securityInfo: r.securityInfo ?? false,
  });
  return store.appealRow(ctx.db, id);
}

/** A complaint challenges one of the applicant's own appeals, never another's. */
async function ownChallenged(ctx: Context, applicant: store.Applicant, f: Filing): Promise<void> {
  if (f.challengedAppealId && !(await store.appealOf(ctx.db, applicant, f.challengedAppealId))) throw invalid([{ path: '/challengedAppealId', code: 'appeal.unknown' }]);
}

/** Files the appeal: registered by the desk's use case in one transaction with its attachments. */
export async function fileAppeal(ctx: Context, applicant: store.Applicant, f: Filing): Promise<string> {
  const key = applicantKeyOf(applicant);
  checkApplicantFiles(ctx, f.attachmentIds);
  await ownChallenged(ctx, applicant, f);
  const actor = await store.portalActor(ctx.db);
  return appealTransaction(ctx, async (tctx) => {
    const id = await registerAppeal(tctx, actor, registrationOf(applicant, f));
    await takeAttachments(tctx, actor, { applicantKey: key }, id, f.attachmentIds ?? [], 'filing', portalLimits(ctx));
    return id;
  });
}

/** The applicant's earlier appeals like this one (the desk's duplicate check, reduced to the
 *  applicant's own appeals: another person's never shows). */
export async function similarAppeals(ctx: Context, applicant: store.Applicant, f: Filing) {
  await ownChallenged(ctx, applicant, f);
  const actor = await store.portalActor(ctx.db);
  const found = await checkDuplicates(ctx, actor, registrationOf(applicant, f));
  const own = await store.ownedAmong(
    ctx.db,
    applicant,
    found.map((c) => c.appealId),
  );
  return found.filter((c) => own.has(c.appealId)).map((c) => ({ appealId: c.appealId, registrationNumber: c.registrationNumber, registrationDate: c.registrationDate, summary: c.summary, status: c.status }));
}

/** The organizations the applicant may address, found by words of their name. */
export async function findOrganizations(ctx: Context, q: string) {
  return store.organizationsMatching(ctx.db, q, 20);
}

/** The applicant's appeals, newest first. */
export async function myAppeals(ctx: Context, applicant: store.Applicant, page: { limit: number; offset: number }) {
  return store.appealsOf(ctx.db, applicant, page);
}

async function ownAppeal(ctx: Context, applicant: store.Applicant, id: string) {
  const appeal = await store.appealOf(ctx.db, applicant, id);
  if (!appeal) throw notFound();
  return appeal;
}

/** The applicant's card: status, due date, the timeline in the applicant's words, the actions open today. */
export async function applicantCard(ctx: Context, applicant: store.Applicant, id: string) {
  const appeal = await ownAppeal(ctx, applicant, id);
  const row = await store.appealRow(ctx.db, id);
  const [state, events, attachments, rating, letters] = await Promise.all([
    appealState(ctx, row),
    store.eventsOf(ctx.db, id, Object.keys(TIMELINE_WORDS)),
    attachmentsOf(ctx.db, id, APPLICANT_PURPOSES),
    store.ratingOf(ctx.db, id),
    store.signedLettersOf(ctx.db, id),
  ]);
  const windows = applicantWindows(state, todayOf(ctx), ctx.law.calendar);
  return { appeal, events, windows, attachments, rating, letters };
}

/** The talon of the applicant's own appeal. */
export async function applicantTalon(ctx: Context, applicant: store.Applicant, id: string) {
  await ownAppeal(ctx, applicant, id);
  return appealTalon(ctx, await store.portalActor(ctx.db), id);
}

/** A signed letter of the applicant's appeal (EA-03: the answer as a signed document): its PDF and
 *  its detached CMS, checkable without us (openssl cms -verify against the CA). */
export async function applicantLetter(ctx: Context, applicant: store.Applicant, id: string, letterId: string) {
  await ownAppeal(ctx, applicant, id);
  const letter = await store.signedLetter(ctx.db, id, letterId);
  if (!letter?.signature) throw notFound();
  return { number: letter.number, pdf: letterFile(letter), signature: letter.signature };
}

/** One of the applicant's own files of their appeal; the download is an audit event. */
export async function applicantAttachment(ctx: Context, applicant: store.Applicant, id: string, attachmentId: string) {
  await ownAppeal(ctx, applicant, id);
  return downloadAttachment(ctx, await store.portalActor(ctx.db), id, attachmentId, { scopeChecked: true, purposes: APPLICANT_PURPOSES });
}

export interface ActionInput {
  text?: string;
  score?: number;
  attachmentIds?: string[];
}

/** One of the applicant's actions, if its window is open today (409 otherwise), through the door. */
export async function applicantAction(ctx: Context, applicant: store.Applicant, id: string, action: ApplicantAction, input: ActionInput): Promise<void> {
  await ownAppeal(ctx, applicant, id);
  const ids = action === 'fix' ? (input.attachmentIds ?? []) : [];
  checkApplicantFiles(ctx, ids);
  if (action === 'rate' && (input.score === undefined || input.score < 1 || input.score > 5)) throw invalid([{ path: '/score', code: 'portal.score' }]);
  if ((action === 'object' || action === 'fix') && !input.text?.trim() && ids.length === 0) throw invalid([{ path: '/text', code: 'required' }]);
  const actor = await store.portalActor(ctx.db);
  await changeAppeal(
    ctx,
    actor,
    id,
    async ({ trx, appeal, now, today }) => {
      const state = await appealState(ctx, appeal, trx);
      const window = applicantWindows(state, today, ctx.law.calendar).find((w) => w.action === action);
      if (!window?.open) throw new AppError(409, 'portal.windowClosed', [], { until: window?.until ?? '' });
      const by = { by: 'applicant', basis: window.basis };
      const text = input.text?.trim() ?? '';
      switch (action) {
        case 'withdraw':
          // the application to withdraw: the body ends the review by decision 4.6 on its date
          return { change: { event: { kind: 'applicantWithdrew', changes: { ...by, withdrawalReceivedAt: now.toISOString(), text } } } };
        case 'object':
          return { change: { event: { kind: 'applicantObjected', changes: { ...by, text, until: window.until } } } };
        case 'fix': {
          const files = await bindStaged(trx, { applicantKey: applicantKeyOf(applicant) }, appeal.id, ids, 'fix', portalLimits(ctx), '/attachmentIds');
          const t = transition(storedCard(appeal), { kind: 'fixRecorded', state }, today, ctx.law);
          // the same event the desk records for a fix (src/review/decide.ts recordFix)
          return { change: { transition: t, event: { kind: 'appealFixed', changes: { ...by, fixedOn: today, text, attachments: files } } } };
        }
        case 'rate':
          await store.upsertRating(trx, appeal.id, input.score!, text, now);
          return { change: { event: { kind: 'applicantRated', changes: { ...by, score: input.score!, comment: text } } } };
      }
    },
    { scopeChecked: true },
  );
}

/** Status and dates of one appeal by its two numbers; the same 404 for a wrong talon as for an
 *  unknown registration number, so neither can be guessed one at a time. */
/** Wrong talons for one registration number before its look-ups wait: the talon is the registration
 *  date and the same digits (Annex 3), so it is found in at most 366 tries; with waits doubling up to
 *  15 minutes, from any number of addresses, that takes days. Unknown numbers count alike. */
export const STATUS_FREE_FAILURES = 10;

export async function publicStatus(ctx: Context, registrationNumber: string, talonNumber: string) {
  const now = ctx.clock.now();
  const key = throttleKey('appealNumber', registrationNumber.trim());
  // one look-up of a number at a time, so that a burst of guesses cannot all pass the wait together
  const row = await ctx.db.transaction().execute(async (trx) => {
    await store.lockKey(trx, key);
    if ((await throttleWait(trx, [key], now)) > 0) throw new AppError(429, 'rateLimited');
    const found = await store.appealByNumbers(trx, registrationNumber.trim(), talonNumber.trim());
    if (!found) await recordFailure(trx, key, STATUS_FREE_FAILURES, now);
    return found;
  });
  if (!row) throw notFound();
  return row;
}
