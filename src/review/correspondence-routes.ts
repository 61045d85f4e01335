// Routes of internal correspondence with co-executing organizations (rules p.11): schema → use case
// (correspondence.ts, read.ts) → presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { incomingCorrespondence, replyToCorrespondence } from './correspondence.ts';
import { correspondenceOfAppeal } from './read.ts';
import { correspondenceSchema, presentCorrespondence } from './present.ts';
import { correspondenceParams, correspondenceQuery, correspondenceReplyBody } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

/** GET /appeals/:id/correspondence, GET /correspondence, POST /correspondence/:correspondenceId/reply. */
export async function correspondenceRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/appeals/:id/correspondence',
    {
      schema: {
        tags: ['review'],
        summary: 'The tasks this appeal sent to co-executing organizations as internal correspondence (rules p.11), with their replies',
        params: IdParams,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: correspondenceSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await correspondenceOfAppeal(ctx, req.actor, req.params.id)).map((k) => presentCorrespondence(k, req.lang));
      return { items, total: items.length };
    },
  );

  app.get(
    '/correspondence',
    {
      schema: {
        tags: ['review'],
        summary: "Internal correspondence to my organizations: other organizations' appeals on which our employees are co-executors (not our appeals; rules p.11)",
        querystring: correspondenceQuery,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: correspondenceSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await incomingCorrespondence(ctx, req.actor, req.query.state)).map((k) => presentCorrespondence(k, req.lang));
      return { items, total: items.length };
    },
  );

  app.post(
    '/correspondence/:correspondenceId/reply',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['review'],
        summary: 'Answer a co-execution task (the co-executor or a head of their organization)',
        params: correspondenceParams,
        body: correspondenceReplyBody,
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await replyToCorrespondence(ctx, req.actor, req.params.correspondenceId, req.body.text);
      return { correspondenceId: req.params.correspondenceId, replied: true };
    },
  );
}
