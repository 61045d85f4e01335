// The Idempotency-Key of every creating route but registration (issue 16, item 5): a route marked
// `config: { idempotent: true }` (and documented with idempotencyHeaders) lets a client that lost
// the answer send the same request again with the same key and get the first answer, with nothing
// created twice. Registration stores its key with the appeal itself (src/intake/store.ts); the
// other routes' use cases are many, so here the key is claimed in front of them:
//
//   preValidation  a malformed key: 422 (checkIdempotencyKey)
//   preHandler     the key claimed (a row with no answer yet), committed before the use case runs;
//                  a key already claimed by the same request answers its stored answer (replayed,
//                  header idempotent-replayed: true), or 409 idempotency.inProgress while it has
//                  none; by another request (method, path or body differ) 422 idempotency.keyReused
//   onSend         a 2xx answer is stored with the key; any other answer frees it (the use case
//                  changed nothing, so the same request may be sent again with the same key)
//
// A request whose process ended (or whose database went away) between its use case's commit and
// the storing of its answer leaves the key claimed without an answer: its repeats answer 409 until
// the key expires (24 hours), rather than creating the thing a second time (at most once).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkIdempotencyKey, IDEMPOTENCY_KEY_PATH, idempotentRequest } from './idempotency.ts';

const TTL_MS = 24 * 60 * 60 * 1000;
export const REPLAYED_HEADER = 'idempotent-replayed';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A creating route that honours the Idempotency-Key header (src/http/idempotent-requests.ts). */
    idempotent?: boolean;
  }
}

/** The keys this process claimed and has not answered yet, by request. */
const claimed = new WeakMap<FastifyRequest, { owner: string; key: string }>();
/** Owners of requests that no user signs (the portal's applicants), set by the route's own
 *  authentication before the claim; without one, a route without sign-in shares 'public'. */
const owners = new WeakMap<FastifyRequest, string>();

/** Makes `owner` the owner of the request's key: a route without a user but with its own sign-in
 *  (the portal) calls it from its preHandler, so one applicant's key never answers another's request. */
export function ownIdempotencyKey(req: FastifyRequest, owner: string): void {
  owners.set(req, owner);
}

/** Adds the hooks to every route marked `idempotent` (call before the routes are registered). */
export function idempotentRoutes(app: FastifyInstance, ctx: Context): void {
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const list = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);
    route.preValidation = [checkIdempotencyKey, ...list(route.preValidation)] as typeof route.preValidation;
    route.preHandler = [...list(route.preHandler), (req: FastifyRequest, reply: FastifyReply) => claim(ctx, req, reply)] as typeof route.preHandler;
    route.onSend = [...list(route.onSend), (req: FastifyRequest, reply: FastifyReply, payload: unknown) => settle(ctx, req, reply, payload)] as typeof route.onSend;
  });
}

async function claim(ctx: Context, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const request = idempotentRequest(req, `${req.method} ${req.url}`);
  if (!request) return;
  const owner = owners.get(req) ?? req.actor?.id ?? 'public';
  const now = ctx.clock.now();
  const expired = new Date(now.getTime() - TTL_MS);
  await ctx.db.deleteFrom('idempotent_requests').where('owner', '=', owner).where('key', '=', request.key).where('created_at', '<', expired).execute();
  const inserted = await ctx.db
    .insertInto('idempotent_requests')
    .values({ owner, key: request.key, request_sha256: request.requestSha256, status_code: null, content_type: null, response: null, created_at: now })
    .onConflict((c) => c.doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) {
    claimed.set(req, { owner, key: request.key });
    return;
  }
  const earlier = await ctx.db.selectFrom('idempotent_requests').selectAll().where('owner', '=', owner).where('key', '=', request.key).executeTakeFirst();
  if (!earlier || earlier.request_sha256 !== request.requestSha256) {
    throw new AppError(422, 'idempotency.keyReused', [{ path: IDEMPOTENCY_KEY_PATH, code: 'idempotency.keyReused' }]);
  }
  if (earlier.status_code === null) throw new AppError(409, 'idempotency.inProgress', [{ path: IDEMPOTENCY_KEY_PATH, code: 'idempotency.inProgress' }]);
  reply.status(earlier.status_code).header(REPLAYED_HEADER, 'true');
  if (earlier.content_type) reply.header('content-type', earlier.content_type);
  return reply.send(earlier.response ?? undefined);
}

async function settle(ctx: Context, req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const mine = claimed.get(req);
  if (!mine) return payload;
  claimed.delete(req);
  const row = ctx.db.updateTable('idempotent_requests').where('owner', '=', mine.owner).where('key', '=', mine.key);
  try {
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      const type = reply.getHeader('content-type');
      await row.set({ status_code: reply.statusCode, content_type: typeof type === 'string' ? type : null, response: typeof payload === 'string' ? payload : null }).execute();
    } else {
      await ctx.db.deleteFrom('idempotent_requests').where('owner', '=', mine.owner).where('key', '=', mine.key).execute();
    }
  } catch (e) {
    // the answer goes out anyway; the key stays claimed (its repeats answer 409, see above)
    req.log.warn({ err: e }, 'idempotency key not settled');
  }
  return payload;
}
