// Routes of the satisfaction survey (PR-44).
import type { Context } from '../context.ts';
import { IdParams, type typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { errorSchema } from '../intake/schemas.ts';
import { calls, drawSample, recordCall } from './survey.ts';
import { callResultBody, sampleBody } from './schemas.ts';

const tags = ['reception'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const callSchema = {
  type: 'object',
  required: ['id', 'population', 'name', 'phone', 'appealId', 'queueEntryId', 'periodFrom', 'periodTo', 'reached', 'satisfaction', 'comment', 'calledAt'],
  properties: {
    id: { type: 'string' },
    population: { type: 'string', enum: ['consultation', 'refusedSignUp'] },
    name: { type: 'string' },
    phone: { type: ['string', 'null'] },
    appealId: { type: ['string', 'null'] },
    queueEntryId: { type: ['string', 'null'] },
    periodFrom: { type: 'string' },
    periodTo: { type: 'string' },
    reached: { type: ['boolean', 'null'] },
    satisfaction: { type: ['integer', 'null'] },
    comment: { type: ['string', 'null'] },
    calledAt: { type: ['string', 'null'] },
  },
} as const;
const present = (c: Awaited<ReturnType<typeof calls>>[number]) => ({
  id: c.id,
  population: c.population as 'consultation' | 'refusedSignUp',
  name: c.name,
  phone: c.phone,
  appealId: c.appeal_id,
  queueEntryId: c.queue_entry_id,
  periodFrom: c.period_from,
  periodTo: c.period_to,
  reached: c.reached,
  satisfaction: c.satisfaction,
  comment: c.comment,
  calledAt: c.called_at ? new Date(c.called_at).toISOString() : null,
});
const list = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: callSchema } } } as const;

export async function surveyRoutes(app: ReturnType<typeof typed>, ctx: Context): Promise<void> {
  app.post(
    '/reception/satisfaction/sample',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Draw the period’s random sample for the phone survey (PR-44): of those who got a consultation and of those refused sign-up, `size` of each',
        body: sampleBody,
        response: { 201: list, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ items: (await drawSample(ctx, req.actor, req.body)).map((r) => present({ ...r, reached: null, satisfaction: null, comment: null, called_by: null, called_at: null })) }),
  );

  app.get('/reception/satisfaction/calls', { schema: { tags, summary: 'The survey’s calls of my organizations, newest draw first', response: { 200: list, 403: errorSchema } } }, async (req) => ({
    items: (await calls(ctx, req.actor)).map(present),
  }));

  app.post(
    '/reception/satisfaction/calls/:id',
    { schema: { tags, summary: 'A call’s result: reached, satisfied 1–5, comment (PR-44)', params: IdParams, body: callResultBody, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      await recordCall(ctx, req.actor, req.params.id, req.body);
      return reply.status(204).send();
    },
  );
}
