// Routes of the citizen portal's API under /api/v1/public (issue 14, Contract): public ones (the
// status of one appeal by its two numbers, the sign-in code) and the applicant's, with the portal
// token of POST /public/auth/verify as `Authorization: Bearer`. Staff sessions play no part here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { errorSchema } from '../intake/schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { ownIdempotencyKey } from '../http/idempotent-requests.ts';
import { TIMELINE_WORDS } from '../domain/portal.ts';
import type { Language } from '../domain/vocabulary.ts';
import { applicantOf, edsChallenge, edsVerify, requestCode, signOut, verifyCode } from './identification.ts';
import {
  ANONYMOUS_WARNING_BASIS,
  applicantAction,
  applicantAttachment,
  applicantCard,
  applicantLetter,
  fileAnonymousReport,
  applicantKeyOf,
  applicantTalon,
  fileAppeal,
  findOrganizations,
  myAppeals,
  publicStatus,
  similarAppeals,
} from './applicant.ts';
import type { Applicant } from './store.ts';
import { bookReception } from './reception.ts';
import { attachmentSchema, rawBodies, rawBodyDocs, rawBodyOpenApi, sendFile, uploadOf } from '../attachments/routes.ts';
import { portalLimits, stageAttachment } from '../attachments/service.ts';
import {
  anonymousBody,
  bookingBody,
  edsBody,
  orgQuery,
  actionBody,
  actionParams,
  attachmentParams,
  filingBody,
  myAppealCardSchema,
  myAppealSchema,
  pageQuery,
  codeBody,
  publicStatusSchema,
  similarSchema,
  statusQuery,
  verifyBody,
  letterParams,
} from './schemas.ts';

type Named = { name_kk: string; name_ru: string; name_en: string };
const nameIn = (o: Named, lang: Language) => (lang === 'ru' ? o.name_ru : lang === 'en' ? o.name_en : o.name_kk);

type Row = Named & {
  id: string;
  organization_id: number;
  registration_number: string;
  talon_number: string;
  registration_date: string;
  due_date: string;
  review_ended_on: string | null;
  status: string;
  document_type: string;
  channel: string;
  summary: string;
};

const presentMine = (a: Row, lang: Language) => ({
  id: a.id,
  registrationNumber: a.registration_number,
  talonNumber: a.talon_number,
  registrationDate: a.registration_date,
  dueDate: a.due_date,
  reviewEndedOn: a.review_ended_on,
  status: a.status,
  documentType: a.document_type,
  channel: a.channel,
  summary: a.summary,
  organization: { id: a.organization_id, name: nameIn(a, lang) },
});

/** The bearer token as given, or undefined. */
function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export async function portalRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  // per client address; the code's own per-phone limit is the use case's
  const limit = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });
  const applicants = new WeakMap<FastifyRequest, Applicant>();
  const signedIn = async (req: FastifyRequest) => {
    const token = bearer(req);
    const applicant = token ? await applicantOf(ctx, token) : null;
    if (!applicant) throw new AppError(401, 'unauthorized');
    applicants.set(req, applicant);
    // the applicant owns the Idempotency-Key, not the shared 'public': a replay answers them alone
    ownIdempotencyKey(req, applicantKeyOf(applicant));
  };
  const me = (req: FastifyRequest) => applicants.get(req)!;
  const tags = ['portal'];

  app.get(
    '/public/appeals/status',
    {
      config: limit(ctx.config.loginRateLimit),
      schema: {
        tags,
        summary: 'Status and dates of one appeal by its registration and talon numbers, without signing in; 404 alike for an unknown number and a wrong talon',
        security: [],
        querystring: statusQuery,
        response: { 200: publicStatusSchema, 404: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const r = await publicStatus(ctx, req.query.registrationNumber, req.query.talonNumber);
      return { status: r.status, registrationDate: r.registration_date, dueDate: r.due_date, reviewEndedOn: r.review_ended_on, organization: { name: nameIn(r, req.lang) } };
    },
  );

  app.post(
    '/public/appeals/anonymous',
    {
      config: limit(5),
      schema: {
        tags,
        summary:
          "An anonymous report without sign-in (APPC Art. 88): registered as an anonymous report through the desk's use case; considered only when it tells of a crime or a threat to security, otherwise terminated; the numbers let the sender follow it at /public/appeals/status",
        security: [],
        body: anonymousBody,
        response: {
          201: {
            type: 'object',
            properties: { registrationNumber: { type: 'string' }, talonNumber: { type: 'string' }, registrationDate: { type: 'string' }, dueDate: { type: 'string' }, basis: { type: 'string' } },
          },
          400: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const a = await fileAnonymousReport(ctx, req.body);
      return reply.status(201).send({ registrationNumber: a.registration_number, talonNumber: a.talon_number, registrationDate: a.registration_date, dueDate: a.due_date, basis: ANONYMOUS_WARNING_BASIS });
    },
  );

  app.get(
    '/public/organizations',
    {
      config: limit(120),
      schema: {
        tags,
        summary: 'Organizations the applicant may address, by words of their name (at most 20)',
        security: [],
        querystring: orgQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' } } } } } } },
      },
    },
    async (req) => ({ items: (await findOrganizations(ctx, req.query.q)).map((o) => ({ id: o.id, code: o.code, name: nameIn(o, req.lang) })) }),
  );

  app.post(
    '/public/auth/code',
    {
      config: limit(ctx.config.loginRateLimit),
      schema: {
        tags,
        summary: 'Send a one-time sign-in code by SMS to a mobile number `{phone}` or by e-mail `{email}` (expires in 5 minutes; 3 codes an address in 15 minutes)',
        security: [],
        body: codeBody,
        response: { 202: { type: 'object', properties: { sentTo: { type: 'string' }, expiresAt: { type: 'string' } } }, 400: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await requestCode(ctx, req.body, req.lang)),
  );

  app.post(
    '/public/auth/verify',
    {
      config: limit(ctx.config.loginRateLimit),
      schema: {
        tags,
        summary: 'Exchange the code for a portal token, with the `phone` or `email` it was sent to (5 attempts a code); send it as `Authorization: Bearer` to /public/me/…',
        security: [],
        body: verifyBody,
        response: { 200: { type: 'object', required: ['token'], properties: { token: { type: 'string' }, expiresAt: { type: 'string' } } }, 400: errorSchema, 429: errorSchema },
      },
    },
    async (req) => verifyCode(ctx, req.body, req.body.code),
  );

  app.post(
    '/public/auth/eds/challenge',
    {
      config: limit(ctx.config.loginRateLimit),
      schema: {
        tags,
        summary: 'A random challenge (base64, 5 minutes, once) for the AUTH key of an EDS to sign through NCALayer',
        security: [],
        response: { 200: { type: 'object', properties: { challenge: { type: 'string' }, expiresAt: { type: 'string' }, ncaLayerUrl: { type: ['string', 'null'] } } } },
      },
    },
    async () => edsChallenge(ctx),
  );

  app.post(
    '/public/auth/eds/verify',
    {
      config: limit(ctx.config.loginRateLimit),
      schema: {
        tags,
        summary: 'The challenge signed (detached CMS, base64, as NCALayer makes it) → a portal token for the IIN of the certificate, checked against the trusted CAs',
        security: [],
        body: edsBody,
        response: { 200: { type: 'object', required: ['token'], properties: { token: { type: 'string' }, expiresAt: { type: 'string' }, name: { type: 'string' } } }, 400: errorSchema },
      },
    },
    async (req) => edsVerify(ctx, req.body.challenge, req.body.signature),
  );

  app.post('/public/auth/sign-out', { config: limit(20), preHandler: signedIn, schema: { tags, summary: 'End the portal session', response: { 204: { type: 'null' } } } }, async (req, reply) => {
    await signOut(ctx, bearer(req)!);
    return reply.status(204).send();
  });

  app.get(
    '/public/me/appeals',
    {
      config: limit(120),
      preHandler: signedIn,
      schema: {
        tags,
        summary: "The signed-in applicant's appeals (linked by the phone, e-mail or IIN on their applicant cards), newest first",
        querystring: pageQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: myAppealSchema }, total: { type: 'integer' } } }, 401: errorSchema },
      },
    },
    async (req) => {
      const { items, total } = await myAppeals(ctx, me(req), req.query);
      return { items: items.map((a) => presentMine(a, req.lang)), total };
    },
  );

  const files = portalLimits(ctx);
  await server.register(async (scope) => {
    rawBodies(scope, files.maxBytes);
    typed(scope).post(
      '/public/me/attachments',
      {
        config: { ...limit(30), idempotent: true, openapiBody: rawBodyOpenApi },
        bodyLimit: files.maxBytes,
        preHandler: signedIn,
        schema: {
          tags,
          summary: `Upload a file for a filing or a fix (issue 14 §3): PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX by its content, at most ${files.maxBytes / 1024 / 1024} MB, ${files.maxFiles} a filing; then name its id in attachmentIds. Only its uploader can use it`,
          ...rawBodyDocs,
          response: { 201: attachmentSchema, 400: errorSchema, 401: errorSchema, 413: errorSchema, 422: errorSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await stageAttachment(ctx, { applicantKey: applicantKeyOf(me(req)) }, null, uploadOf(req), files)),
    );
  });

  app.post(
    '/public/me/appeals',
    {
      config: { ...limit(10), idempotent: true },
      preHandler: signedIn,
      schema: {
        tags,
        headers: idempotencyHeaders,
        summary:
          "File an appeal: registered by the desk's use case (form electronic, channel publicPortal), the talon at …/talon.pdf, the numbers sent by SMS; attachmentIds: the applicant's files staged by POST /public/me/attachments",
        body: filingBody,
        response: { 201: myAppealSchema, 400: errorSchema, 401: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await fileAppeal(ctx, me(req), req.body);
      const { appeal } = await applicantCard(ctx, me(req), id);
      return reply.status(201).send(presentMine(appeal, req.lang));
    },
  );

  app.post(
    '/public/me/reception/sign-ups',
    {
      config: { ...limit(10), idempotent: true },
      preHandler: signedIn,
      schema: {
        tags,
        headers: idempotencyHeaders,
        summary:
          "Sign up for a personal reception (EA-04, PR-05): a planned session of /public/reception/schedule and the question; registered by reception's sign-up use case (channel publicPortal, 15 WD, PR-36) for the session's official, the chosen session recorded for the staff; it then shows among my appeals",
        body: bookingBody,
        response: { 201: myAppealSchema, 400: errorSchema, 401: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await bookReception(ctx, me(req), req.body);
      const { appeal } = await applicantCard(ctx, me(req), id);
      return reply.status(201).send(presentMine(appeal, req.lang));
    },
  );

  app.post(
    '/public/me/appeals/similar',
    {
      config: limit(30),
      preHandler: signedIn,
      schema: { tags, summary: "The applicant's own earlier appeals like this one (the desk's duplicate check), before sending", body: filingBody, response: { 200: similarSchema, 401: errorSchema } },
    },
    async (req) => ({ items: await similarAppeals(ctx, me(req), req.body) }),
  );

  app.get(
    '/public/me/appeals/:id',
    {
      config: limit(120),
      preHandler: signedIn,
      schema: {
        tags,
        summary: "The applicant's card: status, due date, the timeline in the applicant's words, the actions open today",
        params: IdParams,
        response: { 200: myAppealCardSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const card = await applicantCard(ctx, me(req), req.params.id);
      const words = (kind: string) => TIMELINE_WORDS[kind]![req.lang];
      return {
        ...presentMine(card.appeal, req.lang),
        timeline: card.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, text: words(e.kind), decision: typeof e.changes.code === 'string' ? e.changes.code : null })),
        actions: card.windows,
        attachments: card.attachments.map((f) => ({ id: f.id, name: f.name, mediaType: f.media_type, size: f.size, sha256: f.sha256, purpose: f.purpose })),
        rating: card.rating ? { score: card.rating.score, comment: card.rating.comment } : null,
        letters: card.letters.map((l) => ({ id: l.id, number: l.number, letterDate: l.letter_date, signerName: l.signer_name, signedAt: l.signed_at?.toISOString() ?? null, sha256: l.sha256 })),
      };
    },
  );

  app.get(
    '/public/me/appeals/:id/talon.pdf',
    { config: limit(30), preHandler: signedIn, schema: { tags, summary: "The talon of the applicant's appeal (PDF, download)", params: IdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { talonNumber, pdf } = await applicantTalon(ctx, me(req), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="talon-${talonNumber}.pdf"`).send(pdf);
    },
  );

  app.get(
    '/public/me/appeals/:id/letters/:letterId.:format',
    {
      config: limit(60),
      preHandler: signedIn,
      schema: {
        tags,
        summary: "A signed letter of the applicant's appeal: the PDF with its signature inside (PAdES), or the detached CMS (.cms) as NCALayer makes it, over the PDF's /ByteRange; check it at /verify/{letterId}",
        params: letterParams,
      },
    },
    async (req, reply) => {
      const l = await applicantLetter(ctx, me(req), req.params.id, req.params.letterId);
      const cms = req.params.format === 'cms';
      return reply
        .type(cms ? 'application/pkcs7-signature' : 'application/pdf')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="letter-${req.params.letterId}.${cms ? 'p7s' : 'pdf'}"`)
        .send(cms ? l.signature : l.pdf);
    },
  );

  app.get(
    '/public/me/appeals/:id/attachments/:attachmentId',
    { config: limit(60), preHandler: signedIn, schema: { tags, summary: 'A file the applicant attached: always a download, never shown inline', params: attachmentParams } },
    async (req, reply) => {
      return sendFile(reply, await applicantAttachment(ctx, me(req), req.params.id, req.params.attachmentId));
    },
  );

  app.post(
    '/public/me/appeals/:id/:action',
    {
      config: limit(20),
      preHandler: signedIn,
      schema: {
        tags,
        summary: "The applicant's action within its legal window: withdraw (4.6), object to a hearing notice (APPC Art. 73 p.3), fix a 4.2 notice (Art. 64 p.6), rate the answer; 409 portal.windowClosed outside it",
        params: actionParams,
        body: actionBody,
        response: { 204: { type: 'null' }, 400: errorSchema, 401: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await applicantAction(ctx, me(req), req.params.id, req.params.action, req.body);
      return reply.status(204).send();
    },
  );
}
