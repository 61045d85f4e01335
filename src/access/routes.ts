import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { changePassword, login, logout, SignInRefused } from './auth.ts';
import { clearSessionCookies, setSessionCookies } from './session-cookies.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/passwords.ts';
import { errorSchema } from '../intake/schemas.ts';
import { ROLES } from '../domain/vocabulary.ts';
import { organizationRefSchema } from '../reference/present.ts';
import { addCertificate, listCertificates, revokeCertificate } from './certificates.ts';
import { findUsers, signedInUser } from './read.ts';
import { presentUser, presentUserListItem } from './present.ts';
import { certificateBody, certificateParams, loginBody, passwordChangeBody, usersQuery } from './schemas.ts';
import { typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    login: { type: 'string' },
    fullName: { type: 'string' },
    position: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
    organization: organizationRefSchema,
    /** The organization's time zone: the web app shows times in it. */
    timeZone: { type: 'string' },
    /** The system runs in demo mode (demo keys may be fetched). */
    demoMode: { type: 'boolean' },
    /** Where the browser may find NCALayer to sign with the user's key (null: not offered). */
    ncaLayerUrl: { type: ['string', 'null'] },
    /** Signed in with a password an administrator gave: it must be changed (POST /me/password) before anything else. */
    passwordChangeRequired: { type: 'boolean' },
  },
} as const;

export async function accessRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['access'],
        summary:
          'Sign in; returns a bearer token, and sets it as an HttpOnly session cookie with a CSRF cookie for the web app. Every refusal is the same 401 (unknown login, wrong password, or an attempt throttled after repeated failures of the login or the address, with Retry-After)',
        security: [],
        body: loginBody,
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, csrfToken: { type: 'string' }, user: userSchema } },
          401: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { token, actor } = await login(ctx, req.body.login, req.body.password, req.ip).catch((e: unknown) => {
        if (e instanceof SignInRefused && e.retryAfterSeconds) reply.header('retry-after', String(e.retryAfterSeconds));
        throw e;
      });
      const csrfToken = setSessionCookies(reply, ctx.config, token);
      return { token, csrfToken, user: presentUser(ctx, await signedInUser(ctx, actor), req.lang) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['access'], summary: 'Sign out: the token stops working; the session and CSRF cookies are cleared', response: { 204: { type: 'null' } } } }, async (req, reply) => {
    await logout(ctx, req.sessionToken!);
    clearSessionCookies(reply, ctx.config);
    return reply.status(204).send();
  });

  app.post(
    '/me/password',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['access'],
        summary: `Change my password (at least ${PASSWORD_MIN_LENGTH} characters); my other sessions end`,
        body: passwordChangeBody,
        response: { 204: { type: 'null' }, 400: errorSchema, 422: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      await changePassword(ctx, req.actor, req.sessionToken!, req.body).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'auth.throttled') reply.header('retry-after', String(e.params.seconds));
        throw e;
      });
      return reply.status(204).send();
    },
  );

  app.get('/me', { schema: { tags: ['access'], summary: 'The signed-in user', response: { 200: userSchema } } }, async (req) => presentUser(ctx, await signedInUser(ctx, req.actor), req.lang));

  app.get(
    '/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Users of my organization and those below it',
        querystring: usersQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: userSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const { rows, total } = await findUsers(ctx, req.actor, req.query);
      return { items: rows.map((u) => presentUserListItem(u, req.lang)), total };
    },
  );

  const certificateSchema = {
    type: 'object',
    required: ['id', 'subject', 'serial', 'fingerprint', 'notBefore', 'notAfter', 'registeredAt', 'revokedAt'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      subject: { type: 'string' },
      serial: { type: 'string' },
      fingerprint: { type: 'string', description: 'SHA-256 of the DER, hex' },
      notBefore: { type: 'string', format: 'date-time' },
      notAfter: { type: 'string', format: 'date-time' },
      registeredAt: { type: 'string', format: 'date-time' },
      registeredBy: { type: ['string', 'null'] },
      revokedAt: { type: ['string', 'null'], format: 'date-time' },
    },
  } as const;

  app.get(
    '/users/:id/certificates',
    {
      schema: {
        tags: ['access'],
        summary: "A user's signing certificates, revoked ones included (the user, or an administrator)",
        params: certificateParams,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: certificateSchema } } }, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => ({ items: await listCertificates(ctx, req.actor, req.params.id) }),
  );

  app.post(
    '/users/:id/certificates',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['access'],
        summary: "Administrator: register a user's signing certificate (e.g. a renewed EDS); signatures count only with a registered certificate",
        params: certificateParams,
        body: certificateBody,
        response: { 201: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } }, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addCertificate(ctx, req.actor, req.params.id, req.body.certificatePem) }),
  );

  app.post(
    '/users/:id/certificates/:certificateId/revoke',
    {
      schema: {
        tags: ['access'],
        summary: 'Revoke a signing certificate (the user, or an administrator): it signs no more',
        params: certificateParams,
        response: { 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await revokeCertificate(ctx, req.actor, req.params.id, req.params.certificateId);
      reply.statusCode = 204; // not among the documented responses, which bound reply.code()'s type
      return reply.send();
    },
  );
}
