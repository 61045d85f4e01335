// Routes of decision cards (ТЖ-2) and executors' drafts: schema → use case (decide.ts, read.ts) →
// presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { decisionInputSchema, DECISION_CODES, DECISIONS } from '../domain/decisions.ts';
import { returnDraft, takeDecision } from './decide.ts';
import { decisionCards, draftCards, takenCard } from './read.ts';
import { decisionCardSchema, presentDecision, presentDraft } from './present.ts';
import { decisionBody, draftParams, returnDraftBody } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

/** OpenAPI: the body of POST …/decisions for each code (fields and vocabularies of the administrative procedure). */
const decisionBodyDocs = {
  oneOf: DECISION_CODES.map((code) => {
    const s = decisionInputSchema(code, 'administrative') as { properties: object; required: string[] };
    return { ...s, title: `${code} ${DECISIONS[code].label.en}`, properties: { code: { type: 'string', enum: [code] }, ...s.properties }, required: ['code', ...s.required] };
  }),
  discriminator: { propertyName: 'code' },
};

/** POST and GET /appeals/:id/decisions, GET /appeals/:id/drafts, POST /appeals/:id/drafts/:draftId/return. */
export async function decisionRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.post(
    '/appeals/:id/decisions',
    {
      // The body is documented per decision (decisionBodyDocs) and validated by the domain, which
      // answers field by field in the caller's language.
      config: { idempotent: true, openapiBody: decisionBodyDocs },
      schema: {
        headers: idempotencyHeaders,
        tags: ['review'],
        summary: 'Take a decision (card ТЖ-2): {code: "4.4", …its fields}; an executor\'s outcome is a draft the head approves by signing its letter',
        description:
          'Fields by decision: targetOrganizationId (4.4, 4.24), parts [{summary, targetOrganizationId}] (4.4 split), mainAppealId (4.5), ' +
          'fixBy and missing (4.2), newDueDate and reason (4.14), favourable and text (4.15), hearingAt, place and contacts (4.7), reason (4.13), text (4.18–4.26). ' +
          'GET /appeals/:id/decisions/allowed lists what this user may take now (approval: true — saved as a draft for the head). ' +
          'The answer carries the card (state "taken") or the draft (state "draft", with its letter), the appeal\'s status and due date. 409 when the domain does not allow it now; nothing changes.',
        params: IdParams,
        body: decisionBody,
        response: {
          201: {
            type: 'object',
            required: ['decision', 'status', 'dueDate'],
            properties: { decision: decisionCardSchema, status: { type: 'string' }, dueDate: { type: 'string', format: 'date' } },
          },
          400: errorSchema,
          403: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const taken = await takeDecision(ctx, req.actor, req.params.id, req.body);
      const card = await takenCard(ctx, taken);
      const { appeal } = taken;
      const decision = card.state === 'taken' ? presentDecision(card.decision, req.lang) : presentDraft(card.draft, req.lang);
      return reply.status(201).send({ decision, status: appeal.status, dueDate: appeal.due_date });
    },
  );

  app.get(
    '/appeals/:id/decisions',
    {
      schema: {
        tags: ['review'],
        summary: 'The decision cards (ТЖ-2) of an appeal at its organization (deleted: removed by a correction)',
        params: IdParams,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: decisionCardSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await decisionCards(ctx, req.actor, req.params.id)).map((d) => presentDecision(d, req.lang));
      return { items, total: items.length };
    },
  );

  app.get(
    '/appeals/:id/drafts',
    {
      schema: {
        tags: ['review'],
        summary: "Executors' drafts of decision cards: pending the head's approval, approved (with their card), returned with the remark, superseded",
        params: IdParams,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: decisionCardSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await draftCards(ctx, req.actor, req.params.id)).map((d) => presentDraft(d, req.lang));
      return { items, total: items.length };
    },
  );

  app.post(
    '/appeals/:id/drafts/:draftId/return',
    {
      schema: {
        tags: ['review'],
        summary: "Return an executor's draft for rework (the head or the control department, with the remark; or its author): its letter goes, the review goes on",
        params: draftParams,
        body: returnDraftBody,
        response: { 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      const appeal = await returnDraft(ctx, req.actor, req.params.id, req.params.draftId, req.body?.remark);
      return { status: appeal.status };
    },
  );
}
