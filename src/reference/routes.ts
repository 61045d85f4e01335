import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { directoryEntrySchema, organizationSchema, presentCalendarYear, presentDirectoryEntry, presentOrganization, presentTermRule, termRuleSchema } from './present.ts';
import { DEFAULT_WORKING_HOURS, registrationDate } from '../domain/calendar.ts';
import { dueDate, findTermRule } from '../domain/terms.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../domain/vocabulary.ts';
import { invalid } from '../errors.ts';
import { DIRECTORY_NAMES, type DirectoryName } from '../domain/reference.ts';
import { CALENDAR_YEARS } from '../domain/reference.ts';
import { errorSchema } from '../intake/schemas.ts';
import { directory, findOrganizations } from './read.ts';

export async function referenceRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Querystring: { id?: number; parent?: number; root?: boolean; code?: string; q?: string; mine?: boolean; limit: number; offset: number } }>(
    '/organizations',
    {
      schema: {
        tags: ['reference'],
        summary: 'The organization tree: filter by id, parent (children of), root (top level), code or text, or those I act for',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            id: { type: 'integer' },
            parent: { type: 'integer' },
            root: { type: 'boolean' },
            code: { type: 'string', maxLength: 50 },
            q: { type: 'string', maxLength: 200 },
            mine: { type: 'boolean', description: 'Only the organizations I act for: mine and those below it' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: organizationSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const { rows, total } = await findOrganizations(ctx, req.actor, req.query);
      return {
        items: rows.map((o) => presentOrganization(ctx, o, req.lang)),
        total,
      };
    },
  );

  app.get<{ Params: { name: DirectoryName }; Querystring: { includeInactive?: boolean } }>(
    '/directories/:name',
    {
      schema: {
        tags: ['reference'],
        summary: 'A directory (document type, form, channel, language, issue category, …) with kk/ru/en labels; the active entries unless asked for all',
        params: { type: 'object', properties: { name: { type: 'string', enum: [...DIRECTORY_NAMES] } } },
        querystring: { type: 'object', additionalProperties: false, properties: { includeInactive: { type: 'boolean', default: false } } },
        response: {
          200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: directoryEntrySchema }, total: { type: 'integer' } } },
        },
      },
    },
    async (req) => {
      const items = (await directory(ctx, req.params.name, req.query.includeInactive ?? false)).map((r) => presentDirectoryEntry(r, req.lang));
      return { items, total: items.length };
    },
  );

  app.get<{ Querystring: { documentType?: DocumentType } }>(
    '/terms',
    {
      schema: {
        tags: ['reference'],
        summary: "The term catalogue: the review term of each document type and special-law sub-kind (registration's subKind), with its legal basis",
        querystring: { type: 'object', additionalProperties: false, properties: { documentType: { type: 'string', enum: [...DOCUMENT_TYPES] } } },
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: termRuleSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = ctx.law.terms
        .filter((r) => !req.query.documentType || r.documentType === req.query.documentType)
        .sort((a, b) => DOCUMENT_TYPES.indexOf(a.documentType) - DOCUMENT_TYPES.indexOf(b.documentType) || (a.subKind ?? '').localeCompare(b.subKind ?? ''))
        .map((r) => presentTermRule(r, req.lang));
      return { items, total: items.length };
    },
  );

  app.get<{ Querystring: { receivedAt: string; documentType: DocumentType; subKind?: string } }>(
    '/calendar/term',
    {
      schema: {
        tags: ['reference'],
        summary: 'Registration date and due date for a receipt time, with the default working hours and time zone (JOLDANYM_TIME_ZONE)',
        querystring: {
          type: 'object',
          required: ['receivedAt', 'documentType'],
          additionalProperties: false,
          properties: {
            receivedAt: { type: 'string', format: 'date-time' },
            documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
            subKind: { type: 'string', maxLength: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              registrationDate: { type: 'string', format: 'date' },
              dueDate: { type: 'string', format: 'date' },
              term: { type: 'object', properties: { unit: { type: 'string' }, count: { type: 'integer' }, basis: { type: 'string' } } },
            },
          },
          400: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req) => {
      const { calendar, terms, count } = ctx.law;
      const rule = findTermRule(terms, req.query.documentType, req.query.subKind);
      if (!rule) {
        throw invalid([{ path: '/querystring/subKind', code: 'subKind.unknown', params: { subKind: req.query.subKind!, documentType: req.query.documentType } }]);
      }
      const reg = registrationDate(new Date(req.query.receivedAt), ctx.config.timeZone, DEFAULT_WORKING_HOURS, calendar);
      return { registrationDate: reg, dueDate: dueDate(calendar, reg, rule.term, count), term: { ...rule.term, basis: rule.basis } };
    },
  );

  app.get<{ Params: { year: number } }>(
    '/calendar/:year',
    {
      schema: {
        tags: ['reference'],
        summary: 'The days of a year that differ from the Monday–Friday week, and whether the year is provisional',
        params: { type: 'object', properties: { year: { type: 'integer', minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max } } },
      },
    },
    async (req) => presentCalendarYear(ctx.law.calendar, req.params.year),
  );
}
