import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { appealInScope } from '../appeals/store.ts';
import { errorSchema } from '../intake/schemas.ts';
import { letterSignatureStatus, prepareLetter, signLetter, verifyLetter } from './service.ts';
import { signInputSchema, type SignInput } from './signing.ts';
import { forbidden, notFound } from '../errors.ts';

const letterParams = {
  type: 'object',
  required: ['id', 'letterId'],
  properties: { id: { type: 'string', format: 'uuid' }, letterId: { type: 'string', format: 'uuid' } },
} as const;

export async function letterRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/appeals/:id/letters',
    {
      schema: {
        tags: ['letters'],
        summary: 'Cover letters of an appeal, each with its signature checked now',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'number', 'decisionCode', 'language', 'letterDate', 'sha256', 'signed', 'signedAt', 'signerName', 'sentAt', 'signature'],
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    number: { type: 'string' },
                    decisionCode: { type: 'string' },
                    decisionId: { type: ['string', 'null'], description: 'null: the letter of a draft, which the head approves by signing it' },
                    draftId: { type: ['string', 'null'] },
                    signatory: {
                      type: ['object', 'null'],
                      description: 'the head the letter names; another head signing it renders it anew in their name',
                      properties: { id: { type: 'string' }, name: { type: ['string', 'null'] } },
                    },
                    language: { type: 'string' },
                    letterDate: { type: 'string', format: 'date' },
                    sha256: { type: 'string' },
                    signed: { type: 'boolean' },
                    signedAt: { type: ['string', 'null'] },
                    signerName: { type: ['string', 'null'] },
                    sentAt: { type: ['string', 'null'] },
                    signature: {
                      type: ['object', 'null'],
                      properties: {
                        valid: { type: 'boolean' },
                        reason: { type: ['string', 'null'] },
                        signer: { type: ['object', 'null'], additionalProperties: true },
                      },
                    },
                  },
                },
              },
              total: { type: 'integer' },
            },
          },
        },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const rows = await ctx.db
        .selectFrom('letters as l')
        .leftJoin('decisions as d', 'd.id', 'l.decision_id')
        .leftJoin('decision_drafts as r', 'r.id', 'l.draft_id')
        .leftJoin('users as s', 's.id', 'l.signatory_id')
        .select(['l.id', 'l.number', 'l.language', 'l.letter_date', 'l.pdf', 'l.sha256', 'l.signature', 'l.signer_name', 'l.signed_at', 'l.sent_at'])
        .select(['l.decision_id', 'l.draft_id', 'l.signatory_id', 's.full_name as signatory_name'])
        .select((e) => e.fn.coalesce('d.code', 'r.code').as('code'))
        .where('l.appeal_id', '=', appeal.id)
        .orderBy('l.created_at')
        .execute();
      const items = await Promise.all(
        rows.map(async (l) => {
          const check = await letterSignatureStatus(ctx.db, l);
          return {
            id: l.id,
            number: l.number,
            decisionCode: l.code!,
            decisionId: l.decision_id,
            draftId: l.draft_id,
            signatory: l.signatory_id ? { id: l.signatory_id, name: l.signatory_name } : null,
            language: l.language,
            letterDate: l.letter_date,
            sha256: l.sha256,
            signed: l.signed_at !== null,
            signedAt: l.signed_at?.toISOString() ?? null,
            signerName: l.signer_name,
            sentAt: l.sent_at?.toISOString() ?? null,
            signature: check ? { valid: check.valid, reason: check.reason ?? null, signer: check.signer ?? null } : null,
          };
        }),
      );
      return { items, total: items.length };
    },
  );

  app.get<{ Params: { id: string; letterId: string } }>(
    '/appeals/:id/letters/:letterId.pdf',
    { schema: { tags: ['letters'], summary: 'The letter as PDF', params: letterParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const letter = await ctx.db
        .selectFrom('letters')
        .select(['pdf', 'number'])
        .where('id', '=', req.params.letterId)
        .where('appeal_id', '=', appeal.id)
        .executeTakeFirst();
      if (!letter) throw notFound();
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${encodeURIComponent(letter.number)}.pdf"`).send(letter.pdf);
    },
  );

  app.post<{ Params: { id: string; letterId: string }; Body: SignInput }>(
    '/appeals/:id/letters/:letterId/sign',
    {
      schema: {
        tags: ['letters'],
        summary: "Sign a letter (head): with a PKCS#12 and its password, or a detached CMS made by the signer over the prepared PDF. A draft's letter approves the draft: its decision card is saved now",
        params: letterParams,
        body: signInputSchema,
        response: { 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await signLetter(ctx, req.actor, req.params.id, req.params.letterId, req.body);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return { letterId: req.params.letterId, signed: true, status: appeal.status, answerSentAt: appeal.answer_sent_at?.toISOString() ?? null };
    },
  );

  app.post<{ Params: { id: string; letterId: string } }>(
    '/appeals/:id/letters/:letterId/prepare',
    {
      schema: {
        tags: ['letters'],
        summary: "Make an unsigned letter ready for my signature (head): in my name, a draft's letter dated today; then fetch the PDF and sign it with your own tool (NCALayer)",
        params: letterParams,
        response: {
          200: {
            type: 'object',
            required: ['letterId', 'letterDate', 'sha256'],
            properties: { letterId: { type: 'string' }, letterDate: { type: 'string', format: 'date' }, sha256: { type: 'string' } },
          },
          403: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (req) => {
      const letter = await prepareLetter(ctx, req.actor, req.params.id, req.params.letterId);
      return { letterId: letter.id, letterDate: letter.letter_date, sha256: letter.sha256 };
    },
  );

  app.get('/me/demo-key.p12', { schema: { tags: ['letters'], summary: "Demo mode: the signed-in user's demo PKCS#12 (password \"demo\")" } }, async (req, reply) => {
    if (!ctx.config.demo) throw forbidden();
    const key = await ctx.db.selectFrom('demo_keys').select('pkcs12').where('user_id', '=', req.actor.id).executeTakeFirst();
    if (!key) throw notFound();
    return reply.type('application/x-pkcs12').send(key.pkcs12);
  });

  app.get<{ Params: { letterId: string } }>(
    '/verify/:letterId',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['letters'],
        summary: 'Public: is this letter signed, by whom, and do its bytes match the signature',
        security: [],
        params: { type: 'object', required: ['letterId'], properties: { letterId: { type: 'string', format: 'uuid' } } },
      },
    },
    async (req) => presentVerification(await verifyLetter(ctx, req.params.letterId), req.lang),
  );
}

export function presentVerification({ letter, result }: Awaited<ReturnType<typeof verifyLetter>>, lang: 'kk' | 'ru' | 'en') {
  return {
    letterId: letter.id,
    number: letter.number,
    letterDate: letter.letter_date,
    organization: lang === 'ru' ? letter.name_ru : lang === 'en' ? letter.name_en : letter.name_kk,
    sha256: letter.sha256,
    signed: result !== null,
    valid: result?.valid ?? false,
    reason: result?.reason ?? (result ? null : 'notSigned'),
    signer: result?.signer ? { name: result.signer.commonName, organization: result.signer.organization ?? null } : null,
    signedAt: result?.signingTime ?? null,
  };
}

/** The public page the letter's QR code opens: the verification in Kazakh and Russian. */
export async function verificationPage(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Params: { letterId: string } }>(
    '/verify/:letterId',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { hide: true, params: { type: 'object', required: ['letterId'], properties: { letterId: { type: 'string', format: 'uuid' } } } },
    },
    async (req, reply) => {
      const verified = await verifyLetter(ctx, req.params.letterId);
      const kk = presentVerification(verified, 'kk');
      const ru = presentVerification(verified, 'ru');
      const esc = (s: string | null) => (s ?? '—').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      const verdict = kk.valid
        ? '✔ Қолтаңба жарамды / Подпись действительна'
        : kk.signed
          ? '✘ Қолтаңба жарамсыз / Подпись недействительна'
          : '… Құжатқа әлі қол қойылмаған / Документ ещё не подписан';
      const html = `<!doctype html><html lang="kk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Құжатты тексеру / Проверка документа</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}.ok{color:#0a6b2d}.bad{color:#a30d0d}dt{font-weight:600;margin-top:.6rem}dd{margin:0}</style></head>
<body><h1>Электрондық құжатты тексеру / Проверка электронного документа</h1>
<p class="${kk.valid ? 'ok' : 'bad'}" role="status"><strong>${verdict}</strong></p>
<dl><dt>Хат нөмірі / Номер письма</dt><dd>${esc(kk.number)}, ${esc(kk.letterDate)}</dd>
<dt>Ұйым / Организация</dt><dd>${esc(kk.organization)} / ${esc(ru.organization)}</dd>
<dt>Қол қойған / Подписал</dt><dd>${esc(kk.signer?.name ?? null)}</dd>
<dt>Қол қойылған уақыты / Время подписания</dt><dd>${esc(kk.signedAt)}</dd>
<dt>SHA-256</dt><dd><code>${esc(kk.sha256)}</code></dd></dl></body></html>`;
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
