// The administrator's API over users and the organization tree (src/administration/service.ts):
// administrators only, every change audited. The calendar, the term catalogue, working hours and
// the directories are administered by src/reference/admin-routes.ts. Creating is safe to repeat
// without an Idempotency-Key: a login or a code is taken once (and a temporary password is never
// kept for a repeat to answer).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { typed } from '../http/typebox.ts';
import { organizationCreateBody, organizationParams, organizationProfileBody, userChangeBody, userCreateBody, userParams, usersQuery } from './schemas.ts';
import { adminOrganizationSchema, adminUserSchema, presentAdminOrganization, presentAdminUser } from './present.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema } as const;
const tags = ['administration'];
const passwordAnswer = {
  type: 'object',
  required: ['user', 'temporaryPassword'],
  properties: { user: adminUserSchema, temporaryPassword: { type: 'string', description: 'Shown this once; only its hash is kept' } },
} as const;

export async function administrationRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);

  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Administrator: users by text, role, organization (and those below it) and status, by name',
        querystring: usersQuery,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: adminUserSchema }, total: { type: 'integer' } } }, ...errors },
      },
    },
    async (req) => {
      const { rows, total } = await service.listUsers(ctx, req.actor, req.query);
      return { items: rows.map((u) => presentAdminUser(u, req.lang)), total };
    },
  );

  app.get('/admin/users/:id', { schema: { tags, summary: 'Administrator: a user', params: userParams, response: { 200: adminUserSchema, ...errors } } }, async (req) =>
    presentAdminUser(await service.getUser(ctx, req.actor, req.params.id), req.lang),
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Administrator: create a user with a temporary password, answered once',
        body: userCreateBody,
        response: { 201: passwordAnswer, ...errors },
      },
    },
    async (req, reply) => {
      const { id, temporaryPassword } = await service.createUser(ctx, req.actor, req.body);
      return reply.status(201).send({ user: presentAdminUser(await service.getUser(ctx, req.actor, id), req.lang), temporaryPassword });
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: "Administrator: change a user's name, position, contacts, roles or organization (a new organization ends their sessions)",
        params: userParams,
        body: userChangeBody,
        response: { 200: adminUserSchema, ...errors },
      },
    },
    async (req) => {
      await service.changeUser(ctx, req.actor, req.params.id, req.body);
      return presentAdminUser(await service.getUser(ctx, req.actor, req.params.id), req.lang);
    },
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/admin/users/:id/${action}`,
      {
        schema: {
          tags,
          summary: active ? 'Administrator: reactivate a user' : 'Administrator: deactivate a user: their sessions end at once, their next request is refused',
          params: userParams,
          response: { 200: adminUserSchema, ...errors },
        },
      },
      async (req) => {
        await service.setUserActive(ctx, req.actor, req.params.id, active);
        return presentAdminUser(await service.getUser(ctx, req.actor, req.params.id), req.lang);
      },
    );
  }

  app.post(
    '/admin/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: 'Administrator: give a user a new temporary password, answered once; their sessions end and their throttled sign-in is freed',
        params: userParams,
        response: { 200: passwordAnswer, ...errors },
      },
    },
    async (req) => {
      const temporaryPassword = await service.resetPassword(ctx, req.actor, req.params.id);
      return { user: presentAdminUser(await service.getUser(ctx, req.actor, req.params.id), req.lang), temporaryPassword };
    },
  );

  app.post(
    '/admin/users/:id/unlock',
    {
      schema: {
        tags,
        summary: "Administrator: free a user's sign-in throttled after failed attempts",
        params: userParams,
        response: { 200: adminUserSchema, ...errors },
      },
    },
    async (req) => {
      await service.unlockUser(ctx, req.actor, req.params.id);
      return presentAdminUser(await service.getUser(ctx, req.actor, req.params.id), req.lang);
    },
  );

  app.get(
    '/admin/organizations',
    {
      schema: {
        tags,
        summary: 'Administrator: the whole organization tree (parentId links), with contacts and the count of active users',
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: adminOrganizationSchema }, total: { type: 'integer' } } }, ...errors },
      },
    },
    async (req) => {
      const rows = await service.listOrganizations(ctx, req.actor);
      return { items: rows.map((o) => presentAdminOrganization(ctx, o, req.lang)), total: rows.length };
    },
  );

  app.post(
    '/admin/organizations',
    {
      schema: {
        tags,
        summary: 'Administrator: add an organization under a parent (counted in its parent’s report row)',
        body: organizationCreateBody,
        response: { 201: adminOrganizationSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await service.createOrganization(ctx, req.actor, req.body);
      return reply.status(201).send(presentAdminOrganization(ctx, await service.getOrganization(ctx, req.actor, id), req.lang));
    },
  );

  app.patch(
    '/admin/organizations/:id/profile',
    {
      schema: {
        tags,
        summary: 'Administrator: rename an organization, set its KATO code (territory), address, phone and e-mail',
        params: organizationParams,
        body: organizationProfileBody,
        response: { 200: adminOrganizationSchema, ...errors },
      },
    },
    async (req) => {
      await service.changeOrganizationProfile(ctx, req.actor, req.params.id, req.body);
      return presentAdminOrganization(ctx, await service.getOrganization(ctx, req.actor, req.params.id), req.lang);
    },
  );
}
