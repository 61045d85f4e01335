// Cover letters (rules p.24): generated when a decision card is saved, in the appeal's language,
// signed by the head with a CMS signature, verified on display and publicly, then sent.
import { createHash, randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { LETTERS_SIGNED_BY } from '../domain/actions.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { AppealRow } from '../appeals/store.ts';
import { changeAppeal, storedCard, type AppealChange } from '../appeals/change.ts';
import type { Selectable } from 'kysely';
import type { LettersTable } from '../db/schema.ts';
import { decisionData, type DecisionCode, type DecisionData } from '../domain/decisions.ts';
import { transition } from '../domain/appeal-status.ts';
import { letterContent, type LetterData } from './templates.ts';
import { renderLetter } from './letter-pdf.ts';
import { embedSignature, signatureFits, signaturePlaceholder } from './pades.ts';
import { verifyDetached, type VerifyResult } from './cms.ts';
import { signatureBy, trustedRoots, type SignInput } from './signing.ts';
import { appealState, assertDecisionAllowed, saveDecision } from '../review/decide.ts';
import { formatAddress } from '../domain/registration.ts';
import {
  decisionById,
  decisionCodeAndData,
  draftById,
  executorContact,
  firstApplicantCard,
  headOf,
  highestLetterNumber,
  insertLetter,
  letterForUpdate,
  letterToVerify,
  markLetterSigned,
  organizationNames,
  organizationOf,
  registrationNumberOf,
  updateLetterPdf,
} from './store.ts';

/** A move to another information system (4.1) is no answer to anyone: no letter. */
const NO_LETTER: ReadonlySet<DecisionCode> = new Set(['4.1']);

type LetterLanguage = 'kk' | 'ru' | 'en';
const letterLanguage = (appealLanguage: string): LetterLanguage => (appealLanguage === 'kk' || appealLanguage === 'en' ? appealLanguage : 'ru');

/** What a letter states: its decision card, or the draft of one (decisionDate: the day the letter is dated). */
export interface LetterDecision {
  id?: string;
  draftId?: string;
  code: DecisionCode;
  data: DecisionData;
  decisionDate: string;
  /** Who took or drafted the card: the letter's contact when no executor is assigned. */
  author: string;
}

interface Signatory {
  id: string;
  full_name: string;
  position: string;
}

/**
 * Generate the cover letter of a decision card or of an executor's draft (rules p.24). It names the
 * head who signs it: `signatory`, or else the organization's head; signing it as another head
 * first re-renders it in their name (prepareLetter).
 */
export async function draftLetter(ctx: Context, trx: Db, appeal: AppealRow, decision: LetterDecision, signatory: Signatory | Actor | null): Promise<{ id: string; number: string } | null> {
  if (NO_LETTER.has(decision.code)) return null;
  const named = signatory ? toSignatory(signatory) : await headOf(trx, appeal.organization_id);
  // after the highest number given: a returned draft's letter is gone, its number is not reused
  const last = await highestLetterNumber(trx, appeal.id);
  const id = randomUUID();
  const number = `${appeal.registration_number}-${Number(last.n ?? 0) + 1}`;
  const lang = letterLanguage(appeal.language);
  const pdf = await composeLetter(ctx, trx, appeal, decision, named, { id, number, lang, draft: true });
  await insertLetter(trx, {
    id,
    appeal_id: appeal.id,
    organization_id: appeal.organization_id,
    decision_id: decision.id ?? null,
    draft_id: decision.draftId ?? null,
    signatory_id: named?.id ?? null,
    number,
    language: lang,
    letter_date: decision.decisionDate,
    pdf,
    sha256: sha256(pdf),
    signature: null,
    signer_id: null,
    signer_name: null,
    signed_at: null,
    sent_at: null,
    created_at: ctx.clock.now(),
  });
  return { id, number };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function toSignatory(s: Signatory | Actor): Signatory {
  return 'fullName' in s ? { id: s.id, full_name: s.fullName, position: s.position } : s;
}

async function composeLetter(
  ctx: Context,
  db: Db,
  appeal: AppealRow,
  decision: LetterDecision,
  signer: Signatory | undefined,
  letter: { id: string; number: string; lang: LetterLanguage; draft: boolean },
): Promise<Buffer> {
  const { lang } = letter;
  const [org, applicant, executor, names] = await Promise.all([
    organizationOf(db, appeal.organization_id),
    firstApplicantCard(db, appeal.id),
    appeal.executor_id ? executorContact(db, appeal.executor_id) : undefined,
    referencedNames(db, decision.data),
  ]);
  const orgName = lang === 'ru' ? org.name_ru : lang === 'en' ? org.name_en : org.name_kk;
  const data: LetterData = {
    organization: { name: orgName, address: org.address, phone: org.phone, email: org.email },
    applicant: {
      name: appeal.applicant_name,
      address: applicant
        ? (applicant.postal_address ??
          formatAddress({
            region: applicant.address_region ?? undefined,
            district: applicant.address_district ?? undefined,
            settlement: applicant.address_settlement ?? undefined,
            street: applicant.address_street ?? undefined,
            house: applicant.address_house ?? undefined,
            flat: applicant.address_flat ?? undefined,
          }))
        : null,
    },
    registrationNumber: appeal.registration_number,
    registrationDate: appeal.registration_date,
    appealSummary: appeal.summary,
    decisionDate: decision.decisionDate,
    decision: { ...decision.data, ...names(lang) },
    executor: { name: executor?.full_name ?? decision.author, phone: executor?.phone ?? org.phone, email: executor?.email ?? org.email },
    signer: { name: signer?.full_name ?? '', position: signer?.position ?? '' },
  };
  return renderLetter({
    lang,
    content: letterContent(decision.code, lang, data),
    organization: { name: { kk: org.name_kk, ru: org.name_ru }, address: org.address, phone: org.phone, email: org.email },
    applicant: data.applicant,
    registrationNumber: appeal.registration_number,
    letterNumber: letter.number,
    letterDate: decision.decisionDate,
    signer: data.signer,
    verifyUrl: `${ctx.config.publicUrl}/verify/${letter.id}`,
    draft: letter.draft,
  });
}

/** Names of the organizations and appeals a decision refers to, for the letter's text. */
async function referencedNames(db: Db, data: DecisionData) {
  const orgIds = [data.targetOrganizationId, ...(Array.isArray(data.parts) ? data.parts.map((p: { targetOrganizationId: number }) => p.targetOrganizationId) : [])].filter((v): v is number => typeof v === 'number');
  const orgs = orgIds.length ? await organizationNames(db, orgIds) : [];
  const main = typeof data.mainAppealId === 'string' ? await registrationNumberOf(db, data.mainAppealId) : undefined;
  return (lang: LetterLanguage) => {
    const name = (id: unknown) => {
      const o = orgs.find((x) => x.id === id);
      return o ? (lang === 'ru' ? o.name_ru : lang === 'en' ? o.name_en : o.name_kk) : undefined;
    };
    return {
      ...(data.targetOrganizationId !== undefined ? { targetOrganizationName: name(data.targetOrganizationId) } : {}),
      ...(Array.isArray(data.parts) ? { parts: data.parts.map((p: { summary: string; targetOrganizationId: number }) => ({ ...p, targetOrganizationName: name(p.targetOrganizationId) })) } : {}),
      ...(main ? { mainAppealNumber: main.registration_number } : {}),
    };
  };
}

type LetterRow = Selectable<LettersTable>;

/** What a letter states, read back for re-rendering: its card, or its draft as the card it becomes
 *  today (with the defaults saveDecision applies). */
async function letterDecision(ctx: Context, db: Db, appeal: AppealRow, letter: LetterRow): Promise<LetterDecision> {
  if (letter.decision_id) {
    const d = await decisionById(db, letter.decision_id);
    return { id: d.id, code: d.code as DecisionCode, data: d.data, decisionDate: d.decision_date, author: d.actor_name };
  }
  const draft = await draftById(db, letter.draft_id!);
  const code = draft.code as DecisionCode;
  const today = todayOf(ctx);
  const data = decisionData(await appealState(ctx, appeal, db), code, draft.data, today, ctx.law.calendar, { count: ctx.law.count });
  return { draftId: draft.id, code, data, decisionDate: today, author: draft.drafted_by_name };
}

/**
 * Whether the letter must be rendered anew before this head signs it: it is still marked as a draft
 * (no signature field), it names another head, or it is a draft's letter dated before today (the
 * card, and so the letter, takes the day of approval).
 */
function stale(ctx: Context, letter: LetterRow, actor: Actor): boolean {
  return signaturePlaceholder(letter.pdf) === null || letter.signatory_id !== actor.id || (letter.decision_id === null && letter.letter_date !== todayOf(ctx));
}

async function rerender(ctx: Context, db: Db, appeal: AppealRow, letter: LetterRow, actor: Actor): Promise<LetterRow> {
  const decision = await letterDecision(ctx, db, appeal, letter);
  const lang = letter.language as LetterLanguage;
  const pdf = await composeLetter(ctx, db, appeal, decision, toSignatory(actor), { id: letter.id, number: letter.number, lang, draft: false });
  return updateLetterPdf(db, letter.id, { pdf, sha256: sha256(pdf), letter_date: decision.decisionDate, signatory_id: actor.id });
}

async function unsignedLetter(db: Db, appealId: string, letterId: string): Promise<LetterRow> {
  const letter = await letterForUpdate(db, appealId, letterId);
  if (!letter) throw notFound();
  if (letter.signed_at) throw new AppError(409, 'letter.alreadySigned');
  return letter;
}

/**
 * Make an unsigned letter ready for this head's signature: in their name, and a draft's letter
 * dated today. A signing tool that signs the bytes itself (NCALayer) fetches the PDF after this.
 */
export async function prepareLetter(ctx: Context, actor: Actor, appealId: string, letterId: string): Promise<LetterRow> {
  if (!hasRole(actor, ...LETTERS_SIGNED_BY)) throw forbidden();
  const { letter } = await changeAppeal(ctx, actor, appealId, async ({ trx, appeal }) => {
    const letter = await unsignedLetter(trx, appeal.id, letterId);
    return { change: null, result: { letter: stale(ctx, letter, actor) ? await rerender(ctx, trx, appeal, letter, actor) : letter } };
  });
  return letter;
}

/**
 * Sign a letter (the head or a deputy). A draft's letter is its approval: the decision card is
 * saved now, with the effects of the decision, after checking it again as the head's own. Signed,
 * the letter goes out: the appeal counts as answered, the obligations its sending fulfils are met,
 * and the applicant gets it.
 */
export async function signLetter(ctx: Context, actor: Actor, appealId: string, letterId: string, input: SignInput): Promise<AppealRow> {
  if (!hasRole(actor, ...LETTERS_SIGNED_BY)) throw forbidden();
  const { appeal: after } = await changeAppeal(ctx, actor, appealId, async (w) => {
    const { trx, now, today } = w;
    let appeal = w.appeal;
    let letter = await unsignedLetter(trx, appeal.id, letterId);
    // A signature made elsewhere signs the bytes as they are: they must be ready for this head.
    if (stale(ctx, letter, actor)) {
      if (input.signature) throw new AppError(409, 'letter.notPrepared');
      letter = await rerender(ctx, trx, appeal, letter, actor);
    }
    const { cms, signer } = await signatureBy({ ...ctx, db: trx }, actor, letter.pdf, input, now);
    if (!signatureFits(letter.pdf, cms)) throw new AppError(422, 'letter.signature.tooLarge');

    let code: DecisionCode;
    let data: DecisionData;
    if (letter.decision_id === null) {
      const draft = await draftById(trx, letter.draft_id!);
      code = draft.code as DecisionCode;
      const state = await appealState(ctx, appeal, trx);
      assertDecisionAllowed(ctx, actor, state, code, draft.data, today);
      // the approval is a change of its own (the decision event), then the signature's
      const saved = await changeAppeal(
        { ...ctx, db: trx },
        actor,
        appeal.id,
        async (inner) => {
          const s = await saveDecision(ctx, inner, actor, state, code, draft.data, { id: draft.id, letterId: letter.id, draftedBy: draft.drafted_by_name });
          return { change: s.change, result: s };
        },
        { scopeChecked: true }, // by the signature's change, which this one is inside
      );
      appeal = saved.appeal;
      data = saved.data;
    } else {
      const decision = await decisionCodeAndData(trx, letter.decision_id);
      code = decision.code as DecisionCode;
      data = decision.data;
    }
    await markLetterSigned(trx, letter.id, cms, actor, now);
    const t = transition(storedCard(appeal), { kind: 'letterSent', code, data, language: letter.language as LetterLanguage }, today, ctx.law);
    const answered = t.fields.answerSent === true;
    const change: AppealChange = {
      transition: t,
      attachment: { name: `${letter.number}.pdf`, content: embedSignature(letter.pdf, cms) },
      event: { kind: 'letterSigned', changes: { letter: letter.number, signer, ...(answered ? { answerSentAt: now.toISOString() } : {}) } },
    };
    return { change };
  });
  return after;
}

/** The letter as the applicant and the staff download it: signed, with its signature inside (PAdES);
 *  the stored bytes are those signed, which the detached CMS verifies. */
export function letterFile(letter: { pdf: Buffer; signature: Buffer | null }): Buffer {
  return letter.signature ? embedSignature(letter.pdf, letter.signature) : letter.pdf;
}

/** The signature status of a letter, checked now against its stored bytes. */
export async function letterSignatureStatus(db: Db, letter: { pdf: Buffer; signature: Buffer | null }): Promise<VerifyResult | null> {
  if (!letter.signature) return null;
  return verifyDetached(letter.pdf, letter.signature, await trustedRoots(db));
}

export async function verifyLetter(ctx: Context, letterId: string) {
  const letter = await letterToVerify(ctx.db, letterId);
  if (!letter) throw notFound();
  const result = await letterSignatureStatus(ctx.db, letter);
  return { letter, result };
}
