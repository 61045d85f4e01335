// Routes of the assignment of executors: schema → use case (assign.ts) → the appeal as it is now.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { assignAppeal } from './assign.ts';
import { assignmentBody } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

/** POST /appeals/:id/assignments. */
export async function assignmentRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.post(
    '/appeals/:id/assignments',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['review'],
        summary: 'Assign the responsible executor and co-executors (head); reassignment is logged',
        params: IdParams,
        body: assignmentBody,
        response: { 400: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const appeal = await assignAppeal(ctx, req.actor, req.params.id, req.body);
      // 201 is not among the documented responses, which bound reply.status()'s type
      reply.statusCode = 201;
      return { appealId: appeal.id, executorId: appeal.executor_id, status: appeal.status, controlDate: appeal.control_date };
    },
  );
}
