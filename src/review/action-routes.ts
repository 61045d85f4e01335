// Routes of what may be done with an appeal now and of the actions besides decisions (cancel a
// move-out, mark security information, record a fix): schema → use case (decide.ts, read.ts) →
// presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { cancelMoveOut, markSecurityInfo, recordFix } from './decide.ts';
import { allowedNow } from './read.ts';
import { allowedSchema, presentAllowed } from './present.ts';
import { securityInfoBody } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';

/** GET /appeals/:id/decisions/allowed, POST …/move-out/cancel, POST …/security-info, POST …/compliance/fixed. */
export async function actionRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/appeals/:id/decisions/allowed',
    {
      schema: {
        tags: ['review'],
        summary: 'Every decision with whether this user may take it now, and why not; its fields; the compliance checklist and vocabularies',
        params: IdParams,
        response: { 200: allowedSchema },
      },
    },
    async (req) => presentAllowed(await allowedNow(ctx, req.actor, req.params.id), req.lang),
  );

  app.post(
    '/appeals/:id/move-out/cancel',
    {
      schema: { tags: ['review'], summary: 'Cancel a move to another information system (4.1) within one working day', params: IdParams, response: { 409: errorSchema } },
    },
    async (req) => {
      const appeal = await cancelMoveOut(ctx, req.actor, req.params.id);
      return { status: appeal.status };
    },
  );

  app.post(
    '/appeals/:id/security-info',
    {
      schema: {
        tags: ['review'],
        summary: 'Mark that the appeal holds information on a crime or a threat to state or public security (APPC Art. 88 p.1): an anonymous one is then forwarded at once, not terminated',
        params: IdParams,
        body: securityInfoBody,
        response: { 403: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await markSecurityInfo(ctx, req.actor, req.params.id, req.body.securityInfo, req.body.reason);
      // marked as asked, or already so: the use case refuses otherwise
      return { securityInfo: req.body.securityInfo };
    },
  );

  app.post(
    '/appeals/:id/compliance/fixed',
    {
      schema: {
        tags: ['review'],
        summary: 'Record that the applicant brought the appeal into line after a 4.2 notice (APPC Art. 64 p.6): the review goes on',
        params: IdParams,
        response: { 409: errorSchema },
      },
    },
    async (req) => {
      const appeal = await recordFix(ctx, req.actor, req.params.id);
      return { status: appeal.status };
    },
  );
}
