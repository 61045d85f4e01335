// Routes of a sign-up's outcome other than a session — the draft refusal (PR-11), the refusal on a
// ground (PR-10), "not considered" (PR-07) — and of other bodies' participation (PR-27, PR-28).
import type { Context } from '../context.ts';
import { IdParams, type typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { errorSchema } from '../intake/schemas.ts';
import { notConsidered, participationRefused, refusalReported, refuseSignUp, requestParticipation, sendRefusalDraft } from './outcomes.ts';
import { notConsideredBody, participationBody, participationRefusalBody, refusalBody } from './schemas.ts';

const tags = ['reception'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const none = { 204: { type: 'null' }, ...errors } as const;

export async function signUpOutcomeRoutes(app: ReturnType<typeof typed>, ctx: Context): Promise<void> {
  app.post(
    '/reception/sign-ups/:id/refusal-draft',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Send the applicant the draft refusal for a hearing (PR-11): the refusal may be decided 3 WD later; its ground with the link it needs (PR-10)',
        params: IdParams,
        body: refusalBody,
        response: { 200: { type: 'object', required: ['earliestRefusal'], properties: { earliestRefusal: { type: 'string' } } }, ...errors },
      },
    },
    async (req) => ({ earliestRefusal: (await sendRefusalDraft(ctx, req.actor, req.params.id, req.body)).earliestRefusal }),
  );

  app.post(
    '/reception/sign-ups/:id/refusal',
    { schema: { tags, summary: 'Refuse the sign-up on one of the five grounds with its link (PR-10), not before the draft + 3 WD (PR-11); the applicant told', params: IdParams, body: refusalBody, response: none } },
    async (req, reply) => {
      await refuseSignUp(ctx, req.actor, req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/reception/sign-ups/:id/not-considered',
    { schema: { tags, summary: 'Not considered: the appeal states no substance of the issue (PR-07); the applicant told', params: IdParams, body: notConsideredBody, response: none } },
    async (req, reply) => {
      await notConsidered(ctx, req.actor, req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/reception/sign-ups/:id/participation',
    {
      config: { idempotent: true },
      schema: { tags, summary: 'Another body asked to take part (PR-26); the applicant told, within 2 WD of the request (PR-27)', headers: idempotencyHeaders, params: IdParams, body: participationBody, response: none },
    },
    async (req, reply) => {
      await requestParticipation(ctx, req.actor, req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/reception/sign-ups/:id/participation/refusal',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'The other body refused a joint reception: to be reported to the Government Apparatus within 2 WD (PR-28)',
        headers: idempotencyHeaders,
        params: IdParams,
        body: participationRefusalBody,
        response: none,
      },
    },
    async (req, reply) => {
      await participationRefused(ctx, req.actor, req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.post('/reception/sign-ups/:id/participation/refusal-reported', { schema: { tags, summary: 'The refusal reported to the Government Apparatus (PR-28)', params: IdParams, response: none } }, async (req, reply) => {
    await refusalReported(ctx, req.actor, req.params.id);
    return reply.status(204).send();
  });
}
