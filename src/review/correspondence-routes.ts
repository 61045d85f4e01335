// Routes of internal correspondence with co-executing organizations (rules p.11): schema → use case
// (correspondence.ts, read.ts) → presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { incomingCorrespondence, replyToCorrespondence } from './correspondence.ts';
import { correspondenceOfAppeal } from './read.ts';
import { correspondenceSchema, idParams, presentCorrespondence } from './present.ts';

/** GET /appeals/:id/correspondence, GET /correspondence, POST /correspondence/:correspondenceId/reply. */
export async function correspondenceRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/appeals/:id/correspondence',
    {
      schema: {
        tags: ['review'],
        summary: 'The tasks this appeal sent to co-executing organizations as internal correspondence (rules p.11), with their replies',
        params: idParams,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: correspondenceSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await correspondenceOfAppeal(ctx, req.actor, req.params.id)).map((k) => presentCorrespondence(k, req.lang));
      return { items, total: items.length };
    },
  );

  app.get<{ Querystring: { state: 'open' | 'all' } }>(
    '/correspondence',
    {
      schema: {
        tags: ['review'],
        summary: "Internal correspondence to my organizations: other organizations' appeals on which our employees are co-executors (not our appeals; rules p.11)",
        querystring: { type: 'object', additionalProperties: false, properties: { state: { type: 'string', enum: ['open', 'all'], default: 'open' } } },
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: correspondenceSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await incomingCorrespondence(ctx, req.actor, req.query.state)).map((k) => presentCorrespondence(k, req.lang));
      return { items, total: items.length };
    },
  );

  app.post<{ Params: { correspondenceId: string }; Body: { text: string } }>(
    '/correspondence/:correspondenceId/reply',
    {
      schema: {
        tags: ['review'],
        summary: 'Answer a co-execution task (the co-executor or a head of their organization)',
        params: { type: 'object', required: ['correspondenceId'], properties: { correspondenceId: { type: 'string', format: 'uuid' } } },
        body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 20000 } } },
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await replyToCorrespondence(ctx, req.actor, req.params.correspondenceId, req.body.text);
      return { correspondenceId: req.params.correspondenceId, replied: true };
    },
  );
}
