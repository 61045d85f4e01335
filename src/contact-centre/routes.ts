// Routes of the contact centre (issue 13): contacts and their outcomes, the caller's history, the
// competent organization, the screen pop, knowledge cards, the Annex 2 report.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { closeContact, competentOrganization, contactWithHistory, openContact } from './service.ts';
import { cardOf, changeCard, createCard, findCards } from './cards.ts';
import { annex2Pdf, annex2Report, annex2Xlsx, centreFiguresOf } from './reports.ts';
import { presentCard, presentContact, presentStatus } from './present.ts';
import { subscribeScreenPops } from './screen-pop.ts';
import { recordRefusal, refusalNoticesOf } from './refusals.ts';
import { chatTranscript, chatUpgrade, openChatsOf, startChat } from './chat.ts';
import { annex2Query, chatBody, figuresQuery, refusalBody, cardBody, cardPatchBody, cardsQuery, closeContactBody, openContactBody, suggestionQuery } from './schemas.ts';
import { hasRole } from '../access/actor.ts';
import { forbidden } from '../errors.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const labels = { type: 'object', required: ['kk', 'ru', 'en'], properties: { kk: str, ru: str, en: str } } as const;
const idSchema = { type: 'object', required: ['id'], properties: { id: str } } as const;

const statusSchema = {
  type: 'object',
  required: ['id', 'registrationNumber', 'talonNumber', 'registrationDate', 'dueDate', 'status'],
  properties: { id: str, registrationNumber: str, talonNumber: str, registrationDate: str, dueDate: str, status: str },
} as const;

const contactSchema = {
  type: 'object',
  required: ['id', 'organizationId', 'channel', 'startedAt', 'history'],
  properties: {
    id: str,
    organizationId: int,
    channel: str,
    callerPhone: nstr,
    callerAddress: nstr,
    operatorName: nstr,
    language: nstr,
    concernsOrganizationId: { type: ['integer', 'null'] },
    startedAt: str,
    answeredAt: nstr,
    endedAt: nstr,
    closedAt: nstr,
    callId: nstr,
    outcome: nstr,
    knowledgeCardId: nstr,
    appealId: nstr,
    history: {
      type: 'object',
      required: ['contacts', 'appeals'],
      properties: {
        contacts: {
          type: 'array',
          items: { type: 'object', required: ['id', 'channel', 'startedAt'], properties: { id: str, channel: str, startedAt: str, outcome: nstr, operatorName: nstr, registrationNumber: nstr } },
        },
        appeals: { type: 'array', items: { ...statusSchema, properties: { ...statusSchema.properties, summary: str } } },
      },
    },
  },
} as const;

const termSchema = { type: 'object', required: ['step', 'dueOn', 'overdue', 'basis'], properties: { step: str, dueOn: str, doneOn: nstr, overdue: { type: 'boolean' }, basis: str } } as const;
const cardFields = ['serviceKk', 'serviceRu', 'bylawKk', 'bylawRu', 'bylawApprovedOn', 'changesKk', 'changesRu', 'responsibleName', 'responsiblePosition', 'providerName', 'answerKk', 'answerRu'] as const;
const cardNullable = ['webPage', 'responsiblePhone', 'responsibleEmail', 'providerContacts', 'sentOn', 'trainedOn', 'protocolOn', 'bylawChangedOn', 'updatedOn', 'responsibleChangedOn', 'responsibleNotifiedOn'] as const;
const cardSchema = {
  type: 'object',
  required: ['id', ...cardFields, 'usageCount', 'state', 'terms', 'overdue'],
  properties: {
    id: str,
    ...Object.fromEntries(cardFields.map((f) => [f, str])),
    ...Object.fromEntries(cardNullable.map((f) => [f, nstr])),
    providerId: { type: ['integer', 'null'] },
    usageCount: int,
    state: { type: 'string', enum: ['awaitingCard', 'awaitingTraining', 'awaitingProtocol', 'accepted', 'live'] },
    terms: { type: 'array', items: termSchema },
    overdue: { type: 'array', items: str },
  },
} as const;

const annex2Schema = {
  type: 'object',
  required: ['month', 'dueOn', 'dueOnWorkingDay', 'pastDue', 'columns', 'rows'],
  properties: {
    month: str,
    provider: { type: ['object', 'null'], properties: { id: int, code: str, name: labels } },
    dueOn: str,
    dueOnWorkingDay: { type: 'boolean' },
    pastDue: { type: 'boolean' },
    columns: { type: 'array', items: { type: 'object', required: ['n', 'key', 'title'], properties: { n: int, key: str, title: labels } } },
    rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'integer'] } } },
  },
} as const;

export async function contactCentreRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.post(
    '/contact-centre/contacts',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['contact centre'],
        summary: 'Open a contact (a call, chat, web form or e-mail) on my console (EA-05)',
        body: openContactBody,
        response: { 201: idSchema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await openContact(ctx, req.actor, req.body) }),
  );

  app.get(
    '/contact-centre/contacts/:id',
    { schema: { tags: ['contact centre'], summary: "A contact with the caller's earlier contacts and appeals by phone number (audited)", params: IdParams, response: { 200: contactSchema } } },
    async (req) => {
      const { contact, history } = await contactWithHistory(ctx, req.actor, req.params.id);
      return presentContact(contact, history);
    },
  );

  app.post(
    '/contact-centre/contacts/:id/close',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['contact centre'],
        summary:
          'Close a contact with exactly one outcome: consultation (the live knowledge card used), statusAnswer (by registration and talon numbers, or IIN), publicServiceComplaint (Annex 2 fields; never an appeal, CC-25), appeal (registered for the competent organization, channel contact centre, talon by SMS)',
        params: IdParams,
        body: closeContactBody,
        response: {
          200: {
            type: 'object',
            required: ['outcome'],
            properties: {
              outcome: str,
              appeal: { type: 'object', required: ['id', 'registrationNumber', 'talonNumber'], properties: { id: str, registrationNumber: str, talonNumber: str } },
              appeals: { type: 'array', items: statusSchema },
              complaintId: str,
            },
          },
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req) => {
      const r = await closeContact(ctx, req.actor, req.params.id, req.body);
      return { outcome: r.outcome, ...(r.appeal ? { appeal: r.appeal } : {}), ...(r.appeals ? { appeals: r.appeals.map(presentStatus) } : {}), ...(r.complaintId ? { complaintId: r.complaintId } : {}) };
    },
  );

  app.get(
    '/contact-centre/competent-organization',
    {
      schema: {
        tags: ['contact centre'],
        summary: "The competent organization suggested for an issue category in the caller's territory (an organization id)",
        querystring: suggestionQuery,
        response: { 200: { type: 'object', required: ['organizationId', 'code', 'name', 'level'], properties: { organizationId: int, code: str, name: labels, level: str } }, 422: errorSchema },
      },
    },
    async (req) => competentOrganization(ctx, req.actor, req.query.issueCategory, req.query.territory),
  );

  // Server-sent events: the screen pop of the operator's calls (EA-10). Not in the OpenAPI
  // document: a stream that never ends is no operation for API clients (nor for the fuzz test).
  app.get('/contact-centre/screen-pop', { schema: { hide: true } }, async (req, reply) => {
    if (!hasRole(req.actor, 'operator')) throw forbidden();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write(': screen pop\n\n');
    const stop = subscribeScreenPops(ctx.config, req.actor.id, (pop) => res.write(`event: ${pop.kind}\ndata: ${JSON.stringify(pop)}\n\n`));
    // a comment now and then keeps proxies from closing an idle stream
    const beat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    beat.unref();
    req.raw.on('close', () => {
      clearInterval(beat);
      stop();
    });
  });

  app.post(
    '/contact-centre/knowledge-cards',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['contact centre'],
        summary: 'Add a knowledge card: the Annex 1 fields in Kazakh and Russian (CC-05); the contact-centre head',
        body: cardBody,
        response: { 201: idSchema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createCard(ctx, req.actor, req.body) }),
  );

  app.patch(
    '/contact-centre/knowledge-cards/:id',
    {
      schema: {
        tags: ['contact centre'],
        summary: 'Change a knowledge card: Annex 1 fields and the dates of its lifecycle (sent, trained, protocol, bylaw changed, updated, responsible changed and notified)',
        params: IdParams,
        body: cardPatchBody,
        response: { 200: cardSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await changeCard(ctx, req.actor, req.params.id, req.body);
      return presentCard(await cardOf(ctx, req.actor, req.params.id));
    },
  );

  app.get(
    '/contact-centre/knowledge-cards',
    {
      schema: {
        tags: ['contact centre'],
        summary: 'Knowledge cards: operators the live ones only (CC-03, CC-08); full-text search in Kazakh and Russian (q); overdue=true: the cards with a step overdue',
        querystring: cardsQuery,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: cardSchema }, total: int } } },
      },
    },
    async (req) => {
      const items = (await findCards(ctx, req.actor, req.query.q, req.query.overdue)).map(presentCard);
      return { items, total: items.length };
    },
  );

  app.get('/contact-centre/knowledge-cards/:id', { schema: { tags: ['contact centre'], summary: 'A knowledge card with its state and terms', params: IdParams, response: { 200: cardSchema } } }, async (req) =>
    presentCard(await cardOf(ctx, req.actor, req.params.id)),
  );

  app.get(
    '/contact-centre/reports/annex2',
    {
      schema: {
        tags: ['contact centre'],
        summary: 'The Annex 2 report of a month (CC-16, CC-17): public-service complaints, all or of one provider; due by the 5th of the next month',
        querystring: annex2Query,
        response: { 200: annex2Schema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => annex2Report(ctx, req.actor, req.query),
  );

  // EA-05: the chat. The citizens' pages start it (public, limited per address); caller and
  // operator talk over the WebSocket /api/v1/contact-centre/chats/:id/socket (src/contact-centre/chat.ts).
  server.server.on('upgrade', (req, socket) => {
    chatUpgrade(ctx, req, socket).catch(() => socket.destroy());
  });
  app.post(
    '/contact-centre/chats',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['contact centre'],
        summary:
          'Start a chat with an organization’s contact centre (the citizens’ pages): the contact and the caller’s token for the WebSocket /api/v1/contact-centre/chats/{contactId}/socket?token=…; messages are {"text": "…"} both ways, kept as the transcript',
        security: [],
        body: chatBody,
        response: { 201: { type: 'object', required: ['contactId', 'token'], properties: { contactId: str, token: str } }, 400: errorSchema, 422: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await startChat(ctx, req.body)),
  );

  app.get(
    '/contact-centre/chats',
    {
      schema: {
        tags: ['contact centre'],
        summary: 'Chats not yet closed (operators): taken by whom, the last message',
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { type: 'object', required: ['id', 'startedAt'], properties: { id: str, startedAt: str, operatorName: nstr, language: nstr, lastMessage: nstr } } } },
          },
          403: errorSchema,
        },
      },
    },
    async (req) => ({
      items: (await openChatsOf(ctx, req.actor)).map((c) => ({ id: c.id, startedAt: c.started_at.toISOString(), operatorName: c.operator_name, language: c.language, lastMessage: c.last_message ?? null })),
    }),
  );

  app.get(
    '/contact-centre/contacts/:id/transcript',
    {
      schema: {
        tags: ['contact centre'],
        summary: 'The transcript of a chat contact',
        params: IdParams,
        response: {
          200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['author', 'text', 'at'], properties: { author: str, text: str, at: str } } } } },
        },
      },
    },
    async (req) => {
      const { contact } = await contactWithHistory(ctx, req.actor, req.params.id);
      return { items: (await chatTranscript(ctx, contact.id)).map((m) => ({ author: m.author, text: m.text, at: m.at.toISOString() })) };
    },
  );

  app.post(
    '/contact-centre/provider-refusals',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['contact centre'],
        summary: 'Record a provider’s refusal to give the centre information (CC-10, CC-13)',
        body: refusalBody,
        response: { 201: idSchema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await recordRefusal(ctx, req.actor, req.body) }),
  );

  app.get(
    '/contact-centre/provider-refusals/notices',
    {
      schema: {
        tags: ['contact centre'],
        summary: 'Draft notices to the service-quality authority (CC-13): the providers that refused two or more times in the month, with the refusal records',
        querystring: figuresQuery,
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['provider', 'month', 'threshold', 'refusals', 'draft'],
                  properties: {
                    provider: { type: 'object', required: ['id', 'code', 'name'], properties: { id: int, code: str, name: labels } },
                    month: str,
                    threshold: int,
                    refusals: { type: 'array', items: { type: 'object', required: ['id', 'refusedOn', 'request', 'recordedBy'], properties: { id: str, refusedOn: str, request: str, note: nstr, recordedBy: str } } },
                    draft: { type: 'object', required: ['kk', 'ru'], properties: { kk: str, ru: str } },
                  },
                },
              },
            },
          },
          403: errorSchema,
        },
      },
    },
    async (req) => ({ items: await refusalNoticesOf(ctx, req.actor, req.query.month) }),
  );

  const counts = { type: 'object', additionalProperties: int } as const;
  app.get(
    '/contact-centre/reports/figures',
    {
      schema: {
        tags: ['contact centre'],
        summary:
          'The centre’s figures of a month: contacts by channel and outcome, calls answered within 20 s, average handling time (s), first-contact resolution (no contact again within 7 days), appeals registered, public-service complaints, the cards that answered most',
        querystring: figuresQuery,
        response: {
          200: {
            type: 'object',
            required: ['month', 'contacts', 'byChannel', 'byOutcome', 'calls', 'answeredInTime', 'averageHandlingSeconds', 'firstContactResolution', 'appealsRegistered', 'publicServiceComplaints', 'topCards'],
            properties: {
              month: str,
              contacts: int,
              byChannel: counts,
              byOutcome: counts,
              calls: int,
              answeredInTime: int,
              averageHandlingSeconds: { type: ['integer', 'null'] },
              firstContactResolution: { type: 'object', required: ['resolved', 'closed'], properties: { resolved: int, closed: int } },
              appealsRegistered: int,
              publicServiceComplaints: int,
              topCards: { type: 'array', items: { type: 'object', required: ['knowledgeCardId', 'uses', 'serviceKk', 'serviceRu'], properties: { knowledgeCardId: str, uses: int, serviceKk: str, serviceRu: str } } },
            },
          },
          403: errorSchema,
        },
      },
    },
    async (req) => centreFiguresOf(ctx, req.actor, req.query.month),
  );

  app.get(
    '/contact-centre/reports/annex2.xlsx',
    { schema: { tags: ['contact centre'], summary: 'The Annex 2 report as a spreadsheet (the columns in order, kk/ru headings)', querystring: annex2Query, produces: [XLSX] } },
    async (req, reply) => {
      const report = await annex2Report(ctx, req.actor, req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="annex2-${report.month}${report.provider ? `-${report.provider.code}` : ''}.xlsx"`)
        .send(await annex2Xlsx(report, ctx.clock.now()));
    },
  );

  app.get('/contact-centre/reports/annex2.pdf', { schema: { tags: ['contact centre'], summary: 'The Annex 2 report as PDF', querystring: annex2Query, produces: ['application/pdf'] } }, async (req, reply) => {
    const report = await annex2Report(ctx, req.actor, req.query);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="annex2-${report.month}${report.provider ? `-${report.provider.code}` : ''}.pdf"`)
      .send(await annex2Pdf(report, ctx.clock.now()));
  });
}
