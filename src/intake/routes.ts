import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { registerAppeal, checkDuplicates } from './register.ts';
import type { AppealFilter } from './store.ts';
import { appealCard, appealEvents, appealTalon, findAppeals } from './read.ts';
import { presentAppeal, presentListItem } from './present.ts';
import { appealSchema, appealListItemSchema, duplicateCandidateSchema, errorSchema, registrationSchema } from './schemas.ts';
import type { RegistrationInput } from '../domain/registration.ts';
import { DOCUMENT_TYPES } from '../domain/vocabulary.ts';
import { parseBin, parseIin } from '../domain/identifiers.ts';
import { AppError } from '../errors.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

interface Page {
  limit: number;
  offset: number;
}

/** limit/offset paging, as every list; the default page holds a whole list of the usual size. */
const pageSchema = (defaultLimit: number, maxLimit: number) =>
  ({
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
      offset: { type: 'integer', minimum: 0, default: 0 },
    },
  }) as const;

export async function intakeRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.post<{ Body: RegistrationInput }>(
    '/appeals',
    {
      schema: {
        tags: ['intake'],
        summary: 'Register an appeal (ТЖ-1, АИ-1): numbers, talon, registration and due dates, duplicate candidates; 409 when the registration date falls in a closed reporting period',
        body: registrationSchema,
        response: { 201: appealSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await registerAppeal(ctx, req.actor, req.body);
      return reply.status(201).send(presentAppeal(await appealCard(ctx, req.actor, id), req.lang));
    },
  );

  app.post<{ Body: RegistrationInput; Querystring: Page }>(
    '/appeals/duplicate-check',
    {
      schema: {
        tags: ['intake'],
        summary: 'Duplicate candidates for an appeal about to be registered (nothing is stored), most similar first',
        querystring: pageSchema(20, 100),
        body: registrationSchema,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: duplicateCandidateSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const found = await checkDuplicates(ctx, req.actor, req.body);
      return { items: found.slice(req.query.offset, req.query.offset + req.query.limit), total: found.length };
    },
  );

  app.get<{ Querystring: AppealFilter & { organization?: number } }>(
    '/appeals',
    {
      schema: {
        tags: ['intake'],
        summary: 'Appeals of my organization and those below it',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            organization: { type: 'integer' },
            documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
            status: { type: 'string', maxLength: 50 },
            registrationNumber: { type: 'string', maxLength: 50 },
            talonNumber: { type: 'string', maxLength: 20 },
            iin: { type: 'string', pattern: '^[0-9]{12}$' },
            dateFrom: { type: 'string', format: 'date' },
            dateTo: { type: 'string', format: 'date' },
            q: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: appealListItemSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const { organization, ...filter } = req.query;
      const { items, total } = await findAppeals(ctx, req.actor, { ...filter, organizationId: organization });
      return { items: items.map(presentListItem), total };
    },
  );

  app.get<{ Params: { id: string } }>('/appeals/:id', { schema: { tags: ['intake'], summary: 'An appeal card', params: idParams, response: { 200: appealSchema } } }, async (req) => {
    return presentAppeal(await appealCard(ctx, req.actor, req.params.id), req.lang);
  });

  app.get<{ Params: { id: string }; Querystring: Page }>(
    '/appeals/:id/events',
    {
      schema: {
        tags: ['intake'],
        summary: 'The audit log of an appeal: every change, who, where and when, oldest first',
        params: idParams,
        querystring: pageSchema(500, 1000),
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

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/talon.pdf',
    {
      schema: {
        tags: ['intake'],
        summary: 'The talon (Annex 3) as a bilingual PDF: stub and tear-off part',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { talonNumber, pdf } = await appealTalon(ctx, req.actor, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="talon-${talonNumber}.pdf"`).send(pdf);
    },
  );

  // АИ-1 from the state databases (rules §1.5): the local registry stands in (src/intake/registry.ts).
  const addressSchema = {
    type: 'object',
    properties: Object.fromEntries(['country', 'region', 'district', 'settlement', 'street', 'house', 'flat'].map((k) => [k, { type: 'string' }])),
  } as const;

  app.get<{ Params: { iin: string } }>(
    '/registry/persons/:iin',
    {
      schema: {
        tags: ['intake'],
        summary: 'АИ-1 fields of a person by IIN from the state database of persons (the demo registry until an integration exists)',
        params: { type: 'object', required: ['iin'], properties: { iin: { type: 'string', pattern: '^[0-9]{12}$' } } },
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
          404: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req) => {
      const iin = parseIin(req.params.iin);
      if (!iin.ok) throw new AppError(422, 'validation', [{ path: '/iin', code: `iin.${iin.reason}` }]);
      const person = await ctx.registry.person(iin.iin);
      if (!person) throw new AppError(404, 'registry.personNotFound');
      return person;
    },
  );

  app.get<{ Params: { bin: string } }>(
    '/registry/companies/:bin',
    {
      schema: {
        tags: ['intake'],
        summary: 'АИ-1 fields of a legal entity by BIN from the national register (the demo registry until an integration exists)',
        params: { type: 'object', required: ['bin'], properties: { bin: { type: 'string', pattern: '^[0-9]{12}$' } } },
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
          404: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req) => {
      const bin = parseBin(req.params.bin);
      if (!bin.ok) throw new AppError(422, 'validation', [{ path: '/bin', code: `bin.${bin.reason}` }]);
      const company = await ctx.registry.company(bin.bin);
      if (!company) throw new AppError(404, 'registry.companyNotFound');
      return company;
    },
  );
}
