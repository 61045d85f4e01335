// The HTTP assembly: JSON-schema validation, OpenAPI at /api/docs, bearer authentication on every
// route not marked public, errors as {error: {code, message, fields}} in the caller's language.
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyReply, type FastifyError } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import cookie from '@fastify/cookie';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { authenticate } from '../access/auth.ts';
import { AppError } from '../errors.ts';
import { databaseReachable, isDatabaseUnavailable } from '../db/connection.ts';
import { languageOf, localized, hasMessage } from './messages.ts';
import { maskIdentifiersInText } from '../domain/identifiers.ts';
import type { Language } from '../domain/vocabulary.ts';
import { accessRoutes } from '../access/routes.ts';
import { referenceRoutes } from '../reference/routes.ts';
import { referenceAdminRoutes } from '../reference/admin-routes.ts';
import { administrationRoutes } from '../administration/routes.ts';
import { intakeRoutes } from '../intake/routes.ts';
import { reviewRoutes } from '../review/routes.ts';
import { letterRoutes, verificationPage } from '../letters/routes.ts';
import { statisticsRoutes } from '../statistics/routes.ts';
import { exportRoutes } from '../exports/routes.ts';
import { correctionRoutes } from '../corrections/routes.ts';
import { outageRoutes } from '../outages/routes.ts';
import { accountingRoutes } from '../statistics/accounting-routes.ts';
import { csrfSatisfied, sessionTokenOf } from '../access/session-cookies.ts';
import { queueRoutes } from '../queues/routes.ts';
import { inboxRoutes } from '../inbox/routes.ts';
import { controlRoutes as controlDepartmentRoutes } from '../control/routes.ts';
import { instructionRoutes } from '../instructions/routes.ts';
import { contactCentreRoutes } from '../contact-centre/routes.ts';
import { ctiRoutes } from '../cti/routes.ts';
import { receptionRoutes } from '../reception/routes.ts';
import { portalRoutes } from '../portal/routes.ts';
import { openDataRoutes } from '../open-data/routes.ts';
import { open311KeyRoutes, open311Routes } from '../open-data/open311-routes.ts';
import { demoRoutes } from '../demo/routes.ts';
import { attachmentRoutes } from '../attachments/routes.ts';
import { webApp, isWebAppRequest, sendWebApp } from './web.ts';
import { documented } from './openapi.ts';
import { securityHeaders } from './headers.ts';
import { edgeAjv, edgeChecks } from './edge.ts';
import { compileOnFirstUse, serializersOnFirstUse } from './lazy-schemas.ts';
import { idempotentRoutes } from './idempotent-requests.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    lang: Language;
    /** The session token the request was authenticated with (bearer header or session cookie). */
    sessionToken: string | undefined;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** The body as OpenAPI documents it, where the domain validates it rather than the route schema. */
    openapiBody?: unknown;
  }
}

/** What a user signed in with a password an administrator gave may do: see who they are, change it, sign out. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/v1/me', 'POST /api/v1/me/password', 'POST /api/v1/auth/logout']);

export interface ServerOptions {
  logger?: boolean | { level: string };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildServer(ctx: Context, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? options.logger : {}),
          // IINs and BINs may stand in URLs (search); the log never shows them whole.
          serializers: {
            req: (req: FastifyRequest) => ({ method: req.method, url: maskIdentifiersInText(req.url) }),
          },
        }
      : false,
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, discriminator: true },
      onCreate: (ajv) => {
        edgeAjv(ajv);
        compileOnFirstUse(ajv);
      },
    },
    // validators and serializers compiled on each route's first use, not at start (src/http/lazy-schemas.ts)
    schemaController: { compilersFactory: { buildSerializer: serializersOnFirstUse() } },
    bodyLimit: 2 * 1024 * 1024,
    // a bad URL or an over-long path parameter, found before routing: the same answer as any other
    frameworkErrors: (error, req, reply) => sendClientError(error, req, reply),
  });

  securityHeaders(app, ctx.config); // HSTS, no-store and nosniff on the API, CSP (src/http/headers.ts)
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Joldanym API',
        version: '1',
        description:
          'E-appeals: registration, review, control and accounting of appeals (APPC of the Republic of Kazakhstan). ' +
          'Sign in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`. ' +
          'Errors answer {error: {code, message, fields: [{path, message}]}} in the language of Accept-Language (kk, ru, en).',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [{ url: '/', description: 'This server' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url, route }) => {
      const body = route.config?.openapiBody;
      return { schema: body && schema ? { ...schema, body } : schema, url };
    },
    // operationIds, path parameters only where the path has them, no if/then/else (src/http/openapi.ts)
    transformObject: (d) => ('openapiObject' in d ? documented(d.openapiObject as Record<string, unknown>) : d.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);

  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('lang', 'kk');
  app.decorateRequest('sessionToken', undefined);
  // NUL bytes, lone surrogates and integers beyond PostgreSQL's: a 422 before any handler (src/http/edge.ts)
  edgeChecks(app);
  // the Idempotency-Key of the creating routes marked `idempotent` (src/http/idempotent-requests.ts)
  idempotentRoutes(app, ctx);

  app.addHook('onRequest', async (req) => {
    req.lang = languageOf(req.headers['accept-language']);
    // Only the API's own routes need a session: an unknown path under /api/v1/ (unmatched, or
    // matched by the web app's static wildcard) goes on to its 404 unauthenticated.
    if (!req.routeOptions.url?.startsWith('/api/v1/') || req.routeOptions.config.public) return;
    // A bearer token (API clients) or the session cookie (the web app, src/access/session-cookies.ts).
    const session = sessionTokenOf(req);
    const actor = session ? await authenticate(ctx, session.token) : null;
    if (!actor) throw new AppError(401, 'unauthorized');
    if (session!.via === 'cookie' && !csrfSatisfied(req)) throw new AppError(403, 'csrf');
    // a password an administrator gave is changed before anything else (issue 10 item 12)
    if (actor.passwordChangeRequired && !PASSWORD_CHANGE_ROUTES.has(`${req.method} ${req.routeOptions.url}`)) throw new AppError(403, 'auth.passwordChangeRequired');
    req.actor = actor;
    req.sessionToken = session!.token;
  });
  // A user's change is committed before its answer is sent: from now on their reads see it (read
  // your writes, src/db/replica.ts); a failed change is noted too, it costs only a primary read.
  app.addHook('onSend', async (req) => {
    if (req.actor && !SAFE_METHODS.has(req.method)) ctx.replica?.noteWrite(req.actor.id);
  });

  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    const lang = req.lang ?? languageOf(req.headers['accept-language']);
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          ...localized(error.code, lang, error.params),
          fields: error.fields.map((f) => ({ path: f.path, code: f.code, ...localized(f.code, lang, f.params) })),
        },
      });
    }
    if (error.validation) {
      const fields = error.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const base = `${error.validationContext === 'body' ? '' : `/${error.validationContext}`}${v.instancePath}`;
        const path = v.keyword === 'required' ? `${base}/${String(params.missingProperty)}` : v.keyword === 'additionalProperties' ? `${base}/${String(params.additionalProperty)}` : base || '/';
        const code = hasMessage(v.keyword) ? v.keyword : 'pattern';
        return {
          path,
          code,
          ...localized(code, lang, {
            ...params,
            allowed: Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : params.allowedValue,
            property: params.additionalProperty,
          }),
        };
      });
      return reply.status(400).send({ error: { code: 'validation', ...localized('validation', lang), fields } });
    }
    if (error.statusCode && error.statusCode < 500) return sendClientError(error, req, reply);
    // The connection to the database was lost or cannot be had: nothing was written (the server
    // rolled the transaction back); the pool reconnects, the client may try again.
    if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({ error: { code: 'database.unavailable', ...localized('database.unavailable', lang), fields: [] } });
    }
    req.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', ...localized('internal', lang), fields: [] } });
  });

  // The web apps' own paths (/staff/queues, /appeals/…) are answered with their page (SPA fallback).
  const web = await webApp(app, ctx.config.ncaLayerUrl);
  app.setNotFoundHandler((req, reply) =>
    web && isWebAppRequest(req) ? sendWebApp(req, reply) : reply.status(404).send({ error: { code: 'notFound', ...localized('notFound', languageOf(req.headers['accept-language'])), fields: [] } }),
  );

  // For load balancers and monitoring: 503 while the database does not answer `SELECT 1` at once.
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    if (await databaseReachable(ctx.db)) return { ok: true };
    return reply.status(503).send({ ok: false, database: 'unavailable' });
  });
  await verificationPage(app, ctx);
  await openDataRoutes(app, ctx);
  await open311Routes(app, ctx);

  await app.register(
    async (api) => {
      await accessRoutes(api, ctx);
      await referenceRoutes(api, ctx);
      await referenceAdminRoutes(api, ctx);
      await administrationRoutes(api, ctx);
      await intakeRoutes(api, ctx);
      await reviewRoutes(api, ctx);
      await letterRoutes(api, ctx);
      await statisticsRoutes(api, ctx);
      await exportRoutes(api, ctx);
      await correctionRoutes(api, ctx);
      await outageRoutes(api, ctx);
      await accountingRoutes(api, ctx);
      await queueRoutes(api, ctx);
      await inboxRoutes(api, ctx);
      await controlDepartmentRoutes(api, ctx);
      await instructionRoutes(api, ctx);
      await contactCentreRoutes(api, ctx);
      await ctiRoutes(api, ctx);
      await receptionRoutes(api, ctx);
      await portalRoutes(api, ctx);
      await open311KeyRoutes(api, ctx);
      await demoRoutes(api, ctx);
      await attachmentRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  return app;
}

/** Fastify's own client errors (and any other 4xx a plugin raises) with our codes: the message in
 *  the caller's language; a body that is not JSON is a problem of the field '/'. */
const CLIENT_ERRORS: Record<string, { code: string; path?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'body.invalidJson', path: '/' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'body.emptyJson', path: '/' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'body.unsupportedMediaType' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body.tooLarge' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'body.invalidContentLength' },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: { code: 'body.missingContentType' },
  FST_ERR_BAD_URL: { code: 'url.invalid' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'url.tooLong' },
};

const STATUS_CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 429: 'rateLimited' };

function sendClientError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(req.headers['accept-language']);
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const known = CLIENT_ERRORS[error.code];
  const code = known?.code ?? STATUS_CODES[status] ?? 'badRequest';
  const params = { limit: Math.round((req.routeOptions.bodyLimit ?? 0) / (1024 * 1024)) };
  const text = localized(code, lang, params);
  return reply.status(status).send({
    error: { code, ...text, fields: known?.path ? [{ path: known.path, code, ...text }] : [] },
  });
}
