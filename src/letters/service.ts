// Cover letters (rules p.24): generated when a decision card is saved, in the appeal's language,
// signed by the head with a CMS signature, verified on display and publicly, then sent.
import { createHash, randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { AppealRow } from '../intake/store.ts';
import { appealInScope } from '../intake/store.ts';
import { appendEvent } from '../audit/log.ts';
import { DECISIONS, finalStatusOf, type DecisionCode, type DecisionData } from '../domain/decisions.ts';
import { letterContent, type LetterData } from './templates.ts';
import { renderLetter } from './letter-pdf.ts';
import { verifyDetached, type VerifyResult } from './cms.ts';
import { signatureBy, trustedRoots, type SignInput } from './signing.ts';
import { meetObligations } from '../review/store.ts';
import { notifyApplicants } from '../review/notify.ts';
import { formatAddress } from '../domain/registration.ts';
import { cardsChanged } from '../statistics/cards.ts';

/** A move to another information system (4.1) is no answer to anyone: no letter. */
const NO_LETTER: ReadonlySet<DecisionCode> = new Set(['4.1']);

/** Obligations fulfilled when a decision's letter goes out. */
const NOTICE_OBLIGATIONS: Partial<Record<DecisionCode, string[]>> = {
  '4.14': ['notifyExtension'],
  '4.3': ['notifyTerminationOrReturn'],
  '4.13': ['notifyTerminationOrReturn'],
};

type LetterLanguage = 'kk' | 'ru' | 'en';
const letterLanguage = (appealLanguage: string): LetterLanguage =>
  appealLanguage === 'kk' || appealLanguage === 'en' ? appealLanguage : 'ru';

export async function draftLetter(
  ctx: Context,
  trx: Db,
  appeal: AppealRow,
  decision: { id: string; code: DecisionCode; data: DecisionData; decisionDate: string },
  actor: Actor,
): Promise<{ id: string; number: string } | null> {
  if (NO_LETTER.has(decision.code)) return null;
  const lang = letterLanguage(appeal.language);
  const [org, applicant, executor, signer, count, names] = await Promise.all([
    trx.selectFrom('organizations').selectAll().where('id', '=', appeal.organization_id).executeTakeFirstOrThrow(),
    trx.selectFrom('applicant_cards').selectAll().where('appeal_id', '=', appeal.id).orderBy('position').executeTakeFirst(),
    appeal.executor_id
      ? trx.selectFrom('users').select(['full_name', 'phone', 'email']).where('id', '=', appeal.executor_id).executeTakeFirst()
      : undefined,
    headOf(trx, appeal.organization_id),
    trx.selectFrom('letters').select((e) => e.fn.countAll<number>().as('n')).where('appeal_id', '=', appeal.id).executeTakeFirstOrThrow(),
    referencedNames(trx, decision.data),
  ]);
  const id = randomUUID();
  const number = `${appeal.registration_number}-${Number(count.n) + 1}`;
  const orgName = lang === 'ru' ? org.name_ru : lang === 'en' ? org.name_en : org.name_kk;
  const data: LetterData = {
    organization: { name: orgName, address: org.address, phone: org.phone, email: org.email },
    applicant: {
      name: appeal.applicant_name,
      address: applicant
        ? applicant.postal_address ??
          formatAddress({
            region: applicant.address_region ?? undefined,
            district: applicant.address_district ?? undefined,
            settlement: applicant.address_settlement ?? undefined,
            street: applicant.address_street ?? undefined,
            house: applicant.address_house ?? undefined,
            flat: applicant.address_flat ?? undefined,
          })
        : null,
    },
    registrationNumber: appeal.registration_number,
    registrationDate: appeal.registration_date,
    appealSummary: appeal.summary,
    decisionDate: decision.decisionDate,
    decision: { ...decision.data, ...names(lang) },
    executor: { name: executor?.full_name ?? actor.fullName, phone: executor?.phone ?? org.phone, email: executor?.email ?? org.email },
    signer: { name: signer?.full_name ?? actor.fullName, position: signer?.position ?? actor.position },
  };
  const content = letterContent(decision.code, lang, data);
  const pdf = await renderLetter({
    lang,
    content,
    organization: { name: { kk: org.name_kk, ru: org.name_ru }, address: org.address, phone: org.phone, email: org.email },
    applicant: data.applicant,
    registrationNumber: appeal.registration_number,
    letterNumber: number,
    letterDate: decision.decisionDate,
    signer: data.signer,
    verifyUrl: `${ctx.config.publicUrl}/verify/${id}`,
  });
  await trx
    .insertInto('letters')
    .values({
      id,
      appeal_id: appeal.id,
      organization_id: appeal.organization_id,
      decision_id: decision.id,
      number,
      language: lang,
      letter_date: decision.decisionDate,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      signature: null,
      signer_id: null,
      signer_name: null,
      signed_at: null,
      sent_at: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  return { id, number };
}

/** The head who signs the organization's letters: the first active user with the role. */
async function headOf(db: Db, organizationId: number) {
  return db
    .selectFrom('users')
    .select(['full_name', 'position'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where(({ eb, val }) => eb(val('head'), '=', eb.fn.any('roles')))
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Names of the organizations and appeals a decision refers to, for the letter's text. */
async function referencedNames(db: Db, data: DecisionData) {
  const orgIds = [data.targetOrganizationId, ...(Array.isArray(data.parts) ? data.parts.map((p: { targetOrganizationId: number }) => p.targetOrganizationId) : [])]
    .filter((v): v is number => typeof v === 'number');
  const orgs = orgIds.length
    ? await db.selectFrom('organizations').select(['id', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', orgIds).execute()
    : [];
  const main = typeof data.mainAppealId === 'string'
    ? await db.selectFrom('appeals').select('registration_number').where('id', '=', data.mainAppealId).executeTakeFirst()
    : undefined;
  return (lang: LetterLanguage) => {
    const name = (id: unknown) => {
      const o = orgs.find((x) => x.id === id);
      return o ? (lang === 'ru' ? o.name_ru : lang === 'en' ? o.name_en : o.name_kk) : undefined;
    };
    return {
      ...(data.targetOrganizationId !== undefined ? { targetOrganizationName: name(data.targetOrganizationId) } : {}),
      ...(Array.isArray(data.parts)
        ? { parts: data.parts.map((p: { summary: string; targetOrganizationId: number }) => ({ ...p, targetOrganizationName: name(p.targetOrganizationId) })) }
        : {}),
      ...(main ? { mainAppealNumber: main.registration_number } : {}),
    };
  };
}

export async function signLetter(ctx: Context, actor: Actor, appealId: string, letterId: string, input: SignInput) {
  if (!hasRole(actor, 'head')) throw forbidden();
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const letter = await ctx.db.selectFrom('letters').selectAll().where('id', '=', letterId).where('appeal_id', '=', appeal.id).executeTakeFirst();
  if (!letter) throw notFound();
  if (letter.signed_at) throw new AppError(409, 'letter.alreadySigned');
  const now = ctx.clock.now();
  const { cms, signer } = await signatureBy(ctx, actor, letter.pdf, input, now);

  const decision = await ctx.db.selectFrom('decisions').select(['code', 'data']).where('id', '=', letter.decision_id).executeTakeFirstOrThrow();
  const code = decision.code as DecisionCode;
  const final = finalStatusOf(code, decision.data);
  const today = todayOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('letters')
      .set({ signature: Buffer.from(cms), signer_id: actor.id, signer_name: actor.fullName, signed_at: now, sent_at: now })
      .where('id', '=', letter.id)
      .execute();
    if (final && appeal.status === 'toSign') {
      await trx.updateTable('appeals').set({ status: final, answer_sent_at: now, updated_at: now }).where('id', '=', appeal.id).execute();
    }
    await meetObligations(trx, appeal.id, NOTICE_OBLIGATIONS[code] ?? [], today);
    const attachment = { name: `${letter.number}.pdf`, content: letter.pdf };
    if (code === '4.14') {
      await notifyApplicants(trx, appeal, 'extended', { dueDate: String(decision.data.newDueDate), reason: String(decision.data.reason ?? ''), attachment }, now);
    } else if (code === '4.7') {
      const at = String(decision.data.hearingAt);
      await notifyApplicants(trx, appeal, 'hearingNotice', { date: at.slice(0, 10), time: at.slice(11, 16), place: String(decision.data.place ?? ''), attachment }, now);
    } else {
      await notifyApplicants(trx, appeal, 'decision', { decision: DECISIONS[code].label[letter.language as LetterLanguage], attachment }, now);
    }
    await appendEvent(trx, {
      appealId: appeal.id,
      organizationId: appeal.organization_id,
      actor,
      at: now,
      kind: 'letterSigned',
      changes: {
        letter: letter.number,
        signer,
        ...(final && appeal.status === 'toSign' ? { status: { from: 'toSign', to: final }, answerSentAt: now.toISOString() } : {}),
      },
    });
    // statistics (src/statistics/cards.ts): the card changed: its 1-ТӨ cells and the daily-export journal
    await cardsChanged(trx, [appeal.id], now);
  });
}


/** The signature status of a letter, checked now against its stored bytes. */
export async function letterSignatureStatus(db: Db, letter: { pdf: Buffer; signature: Buffer | null }): Promise<VerifyResult | null> {
  if (!letter.signature) return null;
  return verifyDetached(letter.pdf, letter.signature, await trustedRoots(db));
}

export async function verifyLetter(ctx: Context, letterId: string) {
  const letter = await ctx.db
    .selectFrom('letters as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .select(['l.id', 'l.number', 'l.letter_date', 'l.pdf', 'l.sha256', 'l.signature', 'l.signed_at', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .where('l.id', '=', letterId)
    .executeTakeFirst();
  if (!letter) throw notFound();
  const result = await letterSignatureStatus(ctx.db, letter);
  return { letter, result };
}
