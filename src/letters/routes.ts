import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { prepareLetter, signLetter, verifyLetter } from './service.ts';
import { letterParams, signInputBody, verifyParams } from './schemas.ts';
import { demoKey, letterPdf, lettersOfAppeal } from './read.ts';
import { presentLetter, presentVerification } from './present.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { formatDate, formatDateTime } from '../domain/dates.ts';

export async function letterRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/appeals/:id/letters',
    {
      schema: {
        tags: ['letters'],
        summary: 'Cover letters of an appeal, each with its signature checked now',
        params: IdParams,
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
      const items = (await lettersOfAppeal(ctx, req.actor, req.params.id)).map(({ letter, check }) => presentLetter(letter, check));
      return { items, total: items.length };
    },
  );

  app.get('/appeals/:id/letters/:letterId.pdf', { schema: { tags: ['letters'], summary: 'The letter as PDF', params: letterParams, produces: ['application/pdf'] } }, async (req, reply) => {
    const letter = await letterPdf(ctx, req.actor, req.params.id, req.params.letterId);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${encodeURIComponent(letter.number)}.pdf"`)
      .send(letter.pdf);
  });

  app.post(
    '/appeals/:id/letters/:letterId/sign',
    {
      schema: {
        tags: ['letters'],
        summary: "Sign a letter (head): with a PKCS#12 and its password, or a detached CMS made by the signer over the prepared PDF. A draft's letter approves the draft: its decision card is saved now",
        params: letterParams,
        body: signInputBody,
        response: { 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      const appeal = await signLetter(ctx, req.actor, req.params.id, req.params.letterId, req.body);
      return { letterId: req.params.letterId, signed: true, status: appeal.status, answerSentAt: appeal.answer_sent_at?.toISOString() ?? null };
    },
  );

  app.post(
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

  app.get('/me/demo-key.p12', { schema: { tags: ['letters'], summary: 'Demo mode: the signed-in user\'s demo PKCS#12 (password "demo")' } }, async (req, reply) =>
    reply.type('application/x-pkcs12').send(await demoKey(ctx, req.actor)),
  );

  app.get(
    '/verify/:letterId',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['letters'],
        summary: 'Public: is this letter signed, by whom, and do its bytes match the signature',
        security: [],
        params: verifyParams,
      },
    },
    async (req) => presentVerification(await verifyLetter(ctx, req.params.letterId), req.lang),
  );
}

/** The public page the letter's QR code opens: the verification in Kazakh and Russian, dates as
 *  they are written there and the signing time in the office's time zone, not UTC. */
export async function verificationPage(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/verify/:letterId',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { hide: true, params: verifyParams },
    },
    async (req, reply) => {
      const verified = await verifyLetter(ctx, req.params.letterId);
      const kk = presentVerification(verified, 'kk');
      const ru = presentVerification(verified, 'ru');
      const esc = (s: string | null) => (s ?? '—').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      const verdict = kk.valid ? '✔ Қолтаңба жарамды / Подпись действительна' : kk.signed ? '✘ Қолтаңба жарамсыз / Подпись недействительна' : '… Құжатқа әлі қол қойылмаған / Документ ещё не подписан';
      const html = `<!doctype html><html lang="kk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Құжатты тексеру / Проверка документа</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}.ok{color:#0a6b2d}.bad{color:#a30d0d}dt{font-weight:600;margin-top:.6rem}dd{margin:0}</style></head>
<body><h1>Электрондық құжатты тексеру / Проверка электронного документа</h1>
<p class="${kk.valid ? 'ok' : 'bad'}" role="status"><strong>${verdict}</strong></p>
<dl><dt>Хат нөмірі / Номер письма</dt><dd>${esc(kk.number)}, ${esc(kk.letterDate && formatDate(kk.letterDate, 'kk'))}</dd>
<dt>Ұйым / Организация</dt><dd>${esc(kk.organization)} / ${esc(ru.organization)}</dd>
<dt>Қол қойған / Подписал</dt><dd>${esc(kk.signer?.name ?? null)}</dd>
<dt>Қол қойылған уақыты / Время подписания</dt><dd>${esc(kk.signedAt && `${formatDateTime(kk.signedAt, 'kk', ctx.config.timeZone)} (${ctx.config.timeZone})`)}</dd>
<dt>SHA-256</dt><dd><code>${esc(kk.sha256)}</code></dd></dl></body></html>`;
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
