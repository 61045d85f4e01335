import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { registerAppeal, checkDuplicates } from './register.ts';
import { appealCard, appealEvents, appealTalon, findAppeals } from './read.ts';
import { presentAppeal, presentListItem } from './present.ts';
import {
  appealSchema,
  appealListItemSchema,
  appealsQuery,
  binParams,
  duplicateCandidateSchema,
  duplicateCheckQuery,
  errorSchema,
  eventsQuery,
  iinParams,
  registrationBody,
  registrationSchema,
  registryLookupQuery,
} from './schemas.ts';
import { registerWithAttachments } from '../attachments/service.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { lookUpCompany, lookUpPerson } from './registry-lookup.ts';
import { invalid } from '../errors.ts';
import { SIGN_UP_SUB_KIND } from '../domain/reception.ts';
import { checkIdempotencyKey, idempotencyHeaders, idempotentRequest } from '../http/idempotency.ts';

export async function intakeRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.post(
    '/appeals',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Register an appeal (ТЖ-1, АИ-1) with the files staged for it (attachmentIds, POST /attachments): numbers, talon, registration and due dates, duplicate candidates; 409 when the registration date falls in a closed reporting period. With an Idempotency-Key, a repeat of the request answers the appeal it registered (201, nothing stored again); 422 idempotency.keyReused for the same key with another body',
        headers: idempotencyHeaders,
        body: registrationBody,
        response: { 201: appealSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
      // a malformed key answers 422 (a field error at /headers/idempotency-key), before the schema
      preValidation: checkIdempotencyKey,
    },
    async (req, reply) => {
      // a sign-up for personal reception has its own route, which records what it is for (PR-06)
      if (req.body.subKind === SIGN_UP_SUB_KIND) throw invalid([{ path: '/subKind', code: 'reception.signUpThroughReception' }]);
      const { attachmentIds, ...input } = req.body;
      const idempotency = idempotentRequest(req, 'POST /api/v1/appeals');
      // the files staged for it (a paper appeal's scan: POST /attachments) are taken in its transaction
      const id = attachmentIds?.length ? await registerWithAttachments(ctx, req.actor, input, attachmentIds, { idempotency }) : await registerAppeal(ctx, req.actor, input, { idempotency });
      return reply.status(201).send(presentAppeal(await appealCard(ctx, req.actor, id), req.lang));
    },
  );

  app.post(
    '/appeals/duplicate-check',
    {
      schema: {
        tags: ['intake'],
        summary: 'Duplicate candidates for an appeal about to be registered (nothing is stored), most similar first',
        querystring: duplicateCheckQuery,
        body: registrationSchema,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: duplicateCandidateSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const found = await checkDuplicates(ctx, req.actor, req.body);
      return { items: found.slice(req.query.offset, req.query.offset + req.query.limit), total: found.length };
    },
  );

  app.get(
    '/appeals',
    {
      schema: {
        tags: ['intake'],
        summary: 'Appeals of my organization and those below it',
        querystring: appealsQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: appealListItemSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const { organization, ...filter } = req.query;
      const { items, total } = await findAppeals(ctx, req.actor, { ...filter, organizationId: organization });
      return { items: items.map(presentListItem), total };
    },
  );

  app.get('/appeals/:id', { schema: { tags: ['intake'], summary: 'An appeal card', params: IdParams, response: { 200: appealSchema } } }, async (req) => {
    return presentAppeal(await appealCard(ctx, req.actor, req.params.id), req.lang);
  });

  app.get(
    '/appeals/:id/events',
    {
      schema: {
        tags: ['intake'],
        summary: 'The audit log of an appeal: every change, who, where and when, oldest first',
        params: IdParams,
        querystring: eventsQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    at: { type: 'string', format: 'date-time' },
                    kind: { type: 'string' },
                    organizationId: { type: 'integer' },
                    actor: { type: 'object', properties: { id: { type: ['string', 'null'] }, name: { type: 'string' } } },
                    changes: { type: 'object', additionalProperties: true },
                  },
                },
              },
              total: { type: 'integer' },
            },
          },
        },
      },
    },
    async (req) => {
      const { items: events, total } = await appealEvents(ctx, req.actor, req.params.id, req.query);
      const items = events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        organizationId: e.organization_id,
        actor: { id: e.actor_id, name: e.actor_name },
        changes: e.changes,
      }));
      return { items, total };
    },
  );

  app.get(
    '/appeals/:id/talon.pdf',
    {
      schema: {
        tags: ['intake'],
        summary: 'The talon (Annex 3) as a bilingual PDF: stub and tear-off part',
        params: IdParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { talonNumber, pdf } = await appealTalon(ctx, req.actor, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="talon-${talonNumber}.pdf"`).send(pdf);
    },
  );

  // АИ-1 from the state databases (rules §1.5): the local registry stands in (src/intake/registry.ts).
  // Registering roles only, each look-up audited (src/intake/registry-lookup.ts), and so many a
  // minute per user (the limiter runs after authentication, so req.actor is known).
  const lookupLimit = {
    max: ctx.config.registryLookupRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => `user:${req.actor?.id ?? req.ip}`,
  };
  const addressSchema = {
    type: 'object',
    properties: Object.fromEntries(['country', 'region', 'district', 'settlement', 'street', 'house', 'flat'].map((k) => [k, { type: 'string' }])),
  } as const;

  app.get(
    '/registry/persons/:iin',
    {
      config: { rateLimit: lookupLimit },
      schema: {
        tags: ['intake'],
        summary:
          'АИ-1 fields of a person by IIN from the state database of persons (the demo registry until an integration exists): registering roles and administrators only; audited with the purpose; rate-limited per user',
        params: iinParams,
        querystring: registryLookupQuery,
        response: {
          200: {
            type: 'object',
            required: ['kind', 'iin', 'lastName', 'firstName'],
            properties: {
              kind: { type: 'string', enum: ['individual'] },
              iin: { type: 'string' },
              lastName: { type: 'string' },
              firstName: { type: 'string' },
              middleName: { type: 'string' },
              citizenship: { type: 'string' },
              birthDate: { type: 'string', format: 'date' },
              sex: { type: 'string', enum: ['male', 'female'] },
              nationality: { type: 'string' },
              address: addressSchema,
              phone: { type: 'string' },
              phoneOther: { type: 'string' },
              email: { type: 'string' },
              socialStatus: { type: 'string' },
              occupation: { type: 'string' },
            },
          },
          403: errorSchema,
          404: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req) => lookUpPerson(ctx, req.actor, req.params.iin, req.query.purpose),
  );

  app.get(
    '/registry/companies/:bin',
    {
      config: { rateLimit: lookupLimit },
      schema: {
        tags: ['intake'],
        summary:
          'АИ-1 fields of a legal entity by BIN from the national register (the demo registry until an integration exists): registering roles and administrators only; audited with the purpose; rate-limited per user',
        params: binParams,
        querystring: registryLookupQuery,
        response: {
          200: {
            type: 'object',
            required: ['kind', 'bin', 'name'],
            properties: {
              kind: { type: 'string', enum: ['legalEntity'] },
              bin: { type: 'string' },
              name: { type: 'string' },
              address: addressSchema,
              businessCategory: { type: 'string' },
              phone: { type: 'string' },
              email: { type: 'string' },
            },
          },
          403: errorSchema,
          404: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req) => lookUpCompany(ctx, req.actor, req.params.bin, req.query.purpose),
  );
}
