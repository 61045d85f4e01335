// Routes of the assignment of executors: schema → use case (assign.ts) → the appeal as it is now.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { assignAppeal, type AssignmentInput } from './assign.ts';
import { idParams } from './present.ts';

/** POST /appeals/:id/assignments. */
export async function assignmentRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.post<{ Params: { id: string }; Body: AssignmentInput }>(
    '/appeals/:id/assignments',
    {
      schema: {
        tags: ['review'],
        summary: 'Assign the responsible executor and co-executors (head); reassignment is logged',
        params: idParams,
        body: {
          type: 'object',
          required: ['executorId'],
          additionalProperties: false,
          properties: {
            executorId: { type: 'string', format: 'uuid' },
            coExecutorIds: { type: 'array', maxItems: 50, items: { type: 'string', format: 'uuid' } },
            controlDate: { type: 'string', format: 'date' },
          },
        },
        response: { 400: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const appeal = await assignAppeal(ctx, req.actor, req.params.id, req.body);
      return reply.status(201).send({ appealId: appeal.id, executorId: appeal.executor_id, status: appeal.status, controlDate: appeal.control_date });
    },
  );
}
