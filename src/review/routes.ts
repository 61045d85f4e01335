// Routes of review, one module per resource: routes → use cases (assign.ts, decide.ts, terms.ts,
// correspondence.ts, read.ts) → store.ts; the JSON shapes in present.ts. Registered in this order,
// which is the order of the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { appealRoutes } from './appeal-routes.ts';
import { assignmentRoutes } from './assignment-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { correspondenceRoutes } from './correspondence-routes.ts';
import { messageRoutes } from './message-routes.ts';
import { actionRoutes } from './action-routes.ts';
import { controlRoutes } from './control-routes.ts';

export async function reviewRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  await appealRoutes(app, ctx);
  await assignmentRoutes(app, ctx);
  await decisionRoutes(app, ctx);
  await correspondenceRoutes(app, ctx);
  await messageRoutes(app, ctx);
  await actionRoutes(app, ctx);
  await controlRoutes(app, ctx);
}
