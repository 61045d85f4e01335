// Routes of indicators, reconciliation and access requests: thin — schema → use case → presenter.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { indicators } from './indicators.ts';
import { confirmReconciliation, listReconciliations, openReconciliation, organizationStatement, presentReconciliation, reconciliationOf } from './reconciliation.ts';
import { decideAccessRequest, fileAccessRequest, listAccessRequests, REQUESTABLE_ROLES } from './access-requests.ts';
import { signInputBody } from '../letters/schemas.ts';
import {
  accessDecisionBody,
  accessDecisionSchema,
  accessRequestBody,
  accessRequestListSchema,
  accessRequestsQuery,
  indicatorsSchema,
  periodFilterQuery,
  reconciliationBody,
  reconciliationListSchema,
  reconciliationSchema,
  reportQuery,
  statementQuery,
} from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

export async function accountingRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/indicators',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Indicators by organization and month: on-time share, overdue at the end, shares of electronic appeals and of those from personal reception and the contact centre',
        querystring: reportQuery,
        response: { 200: indicatorsSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const data = await indicators(ctx, req.actor, req.query.year, req.query.month, req.query.organization);
      const lang = req.lang as 'kk' | 'ru' | 'en';
      return { ...data, rows: data.rows.map((r) => ({ ...r, organization: r.organization && { ...r.organization, name: r.organization.name[lang] } })) };
    },
  );

  app.get(
    '/reconciliations/statement',
    {
      schema: {
        tags: ['reconciliation'],
        summary: "The organization's statement for reconciliation: its cards received and reviewed in the period, with their results (for the authority's instance)",
        querystring: statementQuery,
        response: { 403: errorSchema },
      },
    },
    async (req) => organizationStatement(ctx, req.actor, req.query.organization, req.query.year, req.query.month),
  );

  app.post(
    '/reconciliations',
    {
      bodyLimit: 128 * 1024 * 1024,
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['reconciliation'],
        summary: "Statistics authority, 1st–8th of the month: reconcile an organization's previous month, card by card (with the organization's statement when it runs its own instance)",
        body: reconciliationBody,
        response: { 201: reconciliationSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await openReconciliation(ctx, req.actor, req.body);
      return reply.status(201).send(presentReconciliation(await reconciliationOf(ctx, req.actor, id)));
    },
  );

  app.get(
    '/reconciliations',
    {
      schema: {
        tags: ['reconciliation'],
        summary: 'Reconciliations of my organizations (the statistics authority: those it counts), and the period reconciled today',
        querystring: periodFilterQuery,
        response: { 200: reconciliationListSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const { period, rows } = await listReconciliations(ctx, req.actor, req.query);
      const lang = req.lang as 'kk' | 'ru' | 'en';
      const items = rows.map((r) => ({
        id: r.id,
        organization: { id: r.organization_id, code: r.code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en }[lang] },
        period: { year: r.year, month: r.month },
        openedAt: r.opened_at.toISOString(),
        differences: (r.differences as { cards: unknown[] }).cards.length,
        authorityConfirmedAt: r.authority_confirmed_at?.toISOString() ?? null,
        organizationConfirmedAt: r.organization_confirmed_at?.toISOString() ?? null,
      }));
      return { period, items, total: items.length };
    },
  );

  app.get(
    '/reconciliations/:id',
    { schema: { tags: ['reconciliation'], summary: 'A reconciliation: both sides, the differing appeals, the confirmations', params: IdParams, response: { 200: reconciliationSchema } } },
    async (req) => presentReconciliation(await reconciliationOf(ctx, req.actor, req.params.id)),
  );

  app.post(
    '/reconciliations/:id/confirm',
    {
      schema: {
        tags: ['reconciliation'],
        summary: "Confirm one's side (the statistics authority, or the organization's head); optionally signed with one's EDS",
        description:
          'Body {} for an unsigned confirmation. With pkcs12 and password (the server signs) or signature (a detached CMS made by NCALayer), the confirmation carries a CMS signature over signedContent of the reconciliation, made with a certificate registered to the user.',
        params: IdParams,
        body: signInputBody,
        response: { 200: reconciliationSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await confirmReconciliation(ctx, req.actor, req.params.id, req.body);
      return presentReconciliation(await reconciliationOf(ctx, req.actor, req.params.id));
    },
  );

  app.post(
    '/access-requests',
    {
      config: { idempotent: true, public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        headers: idempotencyHeaders,
        tags: ['access'],
        summary: 'Apply for access (rules p.25): the application (JSON text: login, fullName, position, email, organizationCode, roles) signed with your EDS (detached CMS, base64), and the password you choose',
        description: `Roles: ${REQUESTABLE_ROLES.join(', ')}. The certificate's common name must be the applicant's full name.`,
        security: [],
        body: accessRequestBody,
        response: { 400: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await fileAccessRequest(ctx, req.body);
      reply.statusCode = 201; // not among the documented responses, which bound reply.status()'s type
      return { id, status: 'pending' };
    },
  );

  app.get(
    '/access-requests',
    {
      schema: {
        tags: ['access'],
        summary: 'Access requests for the organizations the statistics authority department counts',
        querystring: accessRequestsQuery,
        response: { 200: accessRequestListSchema },
      },
    },
    async (req) => {
      const rows = await listAccessRequests(ctx, req.actor, req.query.status);
      const items = rows.map((r) => ({
        id: r.id,
        login: r.login,
        fullName: r.full_name,
        position: r.position,
        email: r.email,
        roles: r.roles,
        organization: { id: r.organization_id, code: r.organization_code },
        signer: r.signer,
        filedAt: r.filed_at.toISOString(),
        status: r.status,
        decidedBy: r.decided_by_name,
        decidedAt: r.decided_at?.toISOString() ?? null,
        refusalReason: r.refusal_reason,
        userId: r.user_id,
      }));
      return { items, total: items.length };
    },
  );

  app.post(
    '/access-requests/:id/decision',
    {
      schema: {
        tags: ['access'],
        summary: "The statistics authority's territorial department approves (the user is created) or refuses, with a reason",
        params: IdParams,
        body: accessDecisionBody,
        response: { 200: accessDecisionSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await decideAccessRequest(ctx, req.actor, req.params.id, req.body);
      return { id: req.params.id, status: req.body.approve ? 'approved' : 'refused' };
    },
  );
}
