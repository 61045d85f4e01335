// Routes of an appeal's route (where it came from, where it went) and of its review term:
// schema → use case (read.ts) → presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { appealOf, routeOfAppeal } from './read.ts';
import { presentRoute, presentTerm, routeLinkSchema } from './present.ts';
import { IdParams, typed } from '../http/typebox.ts';

/** GET /appeals/:id/route, GET /appeals/:id/term. */
export async function appealRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/appeals/:id/route',
    {
      schema: {
        tags: ['review'],
        summary: "The appeal's route: where it came from, the main appeal it is attached to, where it was forwarded, its split parts, the appeals attached to it",
        params: IdParams,
        response: {
          200: {
            type: 'object',
            required: ['origin', 'main', 'forwardedTo', 'parts', 'attached'],
            properties: {
              origin: { anyOf: [routeLinkSchema, { type: 'null' }] },
              main: { anyOf: [routeLinkSchema, { type: 'null' }] },
              forwardedTo: { type: 'array', items: routeLinkSchema },
              parts: { type: 'array', items: routeLinkSchema },
              attached: { type: 'array', items: routeLinkSchema },
            },
          },
        },
      },
    },
    async (req) => {
      const { appeal, rows } = await routeOfAppeal(ctx, req.actor, req.params.id);
      return presentRoute(appeal, rows, req.lang);
    },
  );

  app.get(
    '/appeals/:id/term',
    {
      schema: {
        tags: ['review'],
        summary: 'The review term now: due date, working days left, risk (overdue, at risk, on track)',
        params: IdParams,
        response: {
          200: {
            type: 'object',
            required: ['today', 'registrationDate', 'dueDate', 'daysLeft', 'risk', 'atRiskDays', 'ended'],
            properties: {
              today: { type: 'string', format: 'date' },
              registrationDate: { type: 'string', format: 'date' },
              dueDate: { type: 'string', format: 'date' },
              controlDate: { type: ['string', 'null'] },
              daysLeft: { type: ['integer', 'null'] },
              risk: { type: ['string', 'null'], enum: ['overdue', 'atRisk', 'onTrack', null] },
              atRiskDays: { type: 'integer' },
              ended: { type: 'boolean' },
              reviewEndedOn: { type: ['string', 'null'] },
              endedOnTime: { type: ['boolean', 'null'] },
              horizon: { type: 'string', format: 'date' },
            },
          },
        },
      },
    },
    async (req) => presentTerm(await appealOf(ctx, req.actor, req.params.id), todayOf(ctx), ctx.law.calendar),
  );
}
