// Routes of indicators, reconciliation and access requests: thin — schema → use case → presenter.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { indicators } from './indicators.ts';
import { confirmReconciliation, listReconciliations, openReconciliation, organizationStatement, presentReconciliation, reconciliationOf, type Statement } from './reconciliation.ts';
import { decideAccessRequest, fileAccessRequest, listAccessRequests, REQUESTABLE_ROLES } from './access-requests.ts';
import { signInputSchema, type SignInput } from '../letters/signing.ts';
import { accessDecisionSchema, accessRequestListSchema, indicatorsSchema, reconciliationListSchema, reconciliationSchema } from './schemas.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;
const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const month = { type: 'integer', minimum: 1, maximum: 12 } as const;

const statementSchema = {
  type: 'object',
  required: ['instanceId', 'organization', 'year', 'month', 'cards'],
  additionalProperties: false,
  properties: {
    instanceId: { type: 'string', maxLength: 100 },
    organization: { type: 'string', maxLength: 100 },
    year,
    month,
    cards: {
      type: 'array',
      maxItems: 1_000_000,
      items: {
        type: 'object',
        required: ['id', 'registrationNumber', 'received', 'reviewed', 'result'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          registrationNumber: { type: 'string', maxLength: 100 },
          received: { type: 'boolean' },
          reviewed: { type: 'boolean' },
          result: { type: ['string', 'null'], maxLength: 60 },
        },
      },
    },
  },
} as const;

export async function accountingRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Querystring: { year: number; month: number; organization?: number } }>(
    '/indicators',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Indicators by organization and month: on-time share, overdue at the end, shares of electronic appeals and of those from personal reception and the contact centre',
        querystring: { type: 'object', required: ['year', 'month'], additionalProperties: false, properties: { year, month, organization: { type: 'integer', minimum: 1 } } },
        response: { 200: indicatorsSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const data = await indicators(ctx, req.actor, req.query.year, req.query.month, req.query.organization);
      const lang = req.lang as 'kk' | 'ru' | 'en';
      return { ...data, rows: data.rows.map((r) => ({ ...r, organization: r.organization && { ...r.organization, name: r.organization.name[lang] } })) };
    },
  );

  app.get<{ Querystring: { organization: number; year: number; month: number } }>(
    '/reconciliations/statement',
    {
      schema: {
        tags: ['reconciliation'],
        summary: "The organization's statement for reconciliation: its cards received and reviewed in the period, with their results (for the authority's instance)",
        querystring: { type: 'object', required: ['organization', 'year', 'month'], additionalProperties: false, properties: { organization: { type: 'integer', minimum: 1 }, year, month } },
        response: { 403: errorSchema },
      },
    },
    async (req) => organizationStatement(ctx, req.actor, req.query.organization, req.query.year, req.query.month),
  );

  app.post<{ Body: { organizationId: number; statement?: Statement } }>(
    '/reconciliations',
    {
      bodyLimit: 128 * 1024 * 1024,
      schema: {
        tags: ['reconciliation'],
        summary: "Statistics authority, 1st–8th of the month: reconcile an organization's previous month, card by card (with the organization's statement when it runs its own instance)",
        body: { type: 'object', required: ['organizationId'], additionalProperties: false, properties: { organizationId: { type: 'integer', minimum: 1 }, statement: statementSchema } },
        response: { 201: reconciliationSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await openReconciliation(ctx, req.actor, req.body);
      return reply.status(201).send(presentReconciliation(await reconciliationOf(ctx, req.actor, id)));
    },
  );

  app.get<{ Querystring: { year?: number; month?: number } }>(
    '/reconciliations',
    {
      schema: {
        tags: ['reconciliation'],
        summary: 'Reconciliations of my organizations (the statistics authority: those it counts), and the period reconciled today',
        querystring: { type: 'object', additionalProperties: false, properties: { year, month } },
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

  app.get<{ Params: { id: string } }>(
    '/reconciliations/:id',
    { schema: { tags: ['reconciliation'], summary: 'A reconciliation: both sides, the differing appeals, the confirmations', params: idParams, response: { 200: reconciliationSchema } } },
    async (req) => presentReconciliation(await reconciliationOf(ctx, req.actor, req.params.id)),
  );

  app.post<{ Params: { id: string }; Body: SignInput }>(
    '/reconciliations/:id/confirm',
    {
      schema: {
        tags: ['reconciliation'],
        summary: "Confirm one's side (the statistics authority, or the organization's head); optionally signed with one's EDS",
        description:
          'Body {} for an unsigned confirmation. With pkcs12 and password (the server signs) or signature (a detached CMS made by NCALayer), the confirmation carries a CMS signature over signedContent of the reconciliation, made with a certificate registered to the user.',
        params: idParams,
        body: signInputSchema,
        response: { 200: reconciliationSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await confirmReconciliation(ctx, req.actor, req.params.id, req.body);
      return presentReconciliation(await reconciliationOf(ctx, req.actor, req.params.id));
    },
  );

  app.post<{ Body: { application: string; signature: string; password: string } }>(
    '/access-requests',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['access'],
        summary: 'Apply for access (rules p.25): the application (JSON text: login, fullName, position, email, organizationCode, roles) signed with your EDS (detached CMS, base64), and the password you choose',
        description: `Roles: ${REQUESTABLE_ROLES.join(', ')}. The certificate's common name must be the applicant's full name.`,
        security: [],
        body: {
          type: 'object',
          required: ['application', 'signature', 'password'],
          additionalProperties: false,
          properties: { application: { type: 'string', maxLength: 10_000 }, signature: { type: 'string', maxLength: 200_000 }, password: { type: 'string', maxLength: 200 } },
        },
        response: { 400: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await fileAccessRequest(ctx, req.body), status: 'pending' }),
  );

  app.get<{ Querystring: { status?: string } }>(
    '/access-requests',
    {
      schema: {
        tags: ['access'],
        summary: 'Access requests for the organizations the statistics authority department counts',
        querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['pending', 'approved', 'refused'] } } },
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

  app.post<{ Params: { id: string }; Body: { approve: boolean; reason?: string } }>(
    '/access-requests/:id/decision',
    {
      schema: {
        tags: ['access'],
        summary: "The statistics authority's territorial department approves (the user is created) or refuses, with a reason",
        params: idParams,
        body: { type: 'object', required: ['approve'], additionalProperties: false, properties: { approve: { type: 'boolean' }, reason: { type: 'string', maxLength: 4000 } } },
        response: { 200: accessDecisionSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await decideAccessRequest(ctx, req.actor, req.params.id, req.body);
      return { id: req.params.id, status: req.body.approve ? 'approved' : 'refused' };
    },
  );
}
