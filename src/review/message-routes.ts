// Routes of the messages to the applicant: schema → use case (read.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { messagesToApplicant } from './read.ts';
import { messageSchema } from './present.ts';
import { IdParams, typed } from '../http/typebox.ts';

/** GET /appeals/:id/messages. */
export async function messageRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/appeals/:id/messages',
    {
      schema: {
        tags: ['review'],
        summary: 'The messages to the applicant (registration, talon, forwarding, extension, hearing, decision) with every delivery attempt',
        params: IdParams,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: messageSchema } } } },
      },
    },
    async (req) => ({ items: await messagesToApplicant(ctx, req.actor, req.params.id) }),
  );
}
