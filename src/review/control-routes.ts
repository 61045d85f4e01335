// Routes of term control: overdue and at-risk appeals, obligations with their own terms, deemed
// refusals: schema → use case (terms.ts) → presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { hasRole } from '../access/actor.ts';
import { forbidden } from '../errors.ts';
import { obligationsUnderControl, recordDeemedRefusals, recordObligationMet, termsUnderControl } from './terms.ts';
import { presentObligation, presentTermUnderControl } from './present.ts';
import { obligationParams, obligationsQuery, termControlQuery } from './schemas.ts';
import { typed } from '../http/typebox.ts';

/** GET /terms/control, GET /terms/obligations, POST /obligations/:obligationId/met, POST /terms/deemed-refusals. */
export async function controlRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/terms/control',
    {
      schema: {
        tags: ['review'],
        summary: 'Overdue and at-risk appeals of my organizations, by days left',
        querystring: termControlQuery,
      },
    },
    async (req) => {
      const items = (await termsUnderControl(ctx, req.actor, req.query.atRiskDays, req.query.organization)).map(presentTermUnderControl);
      return { items, total: items.length };
    },
  );

  app.get(
    '/terms/obligations',
    {
      schema: {
        tags: ['review'],
        summary: 'Obligations with their own terms (forward, notify, send the case back…) of my organizations: open, or violated (fulfilled late or open past the term)',
        querystring: obligationsQuery,
      },
    },
    async (req) => {
      const items = (await obligationsUnderControl(ctx, req.actor, req.query.state)).map(presentObligation);
      return { items, total: items.length };
    },
  );

  app.post(
    '/obligations/:obligationId/met',
    {
      schema: {
        tags: ['review'],
        summary: 'Record that the organization fulfilled an obligation it fulfils itself (the case sent back, Art. 100 p.2; access to the file given, Art. 75 p.1)',
        params: obligationParams,
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await recordObligationMet(ctx, req.actor, req.params.obligationId);
      return { obligationId: req.params.obligationId, met: true };
    },
  );

  app.post('/terms/deemed-refusals', { schema: { tags: ['review'], summary: 'Record deemed refusals for missed decision terms now (the server does it daily); admin or controller' } }, async (req) => {
    if (!hasRole(req.actor, 'controller')) throw forbidden();
    return { recorded: await recordDeemedRefusals(ctx) };
  });
}
