import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { directoryEntrySchema, organizationSchema, presentCalendarYear, presentDirectoryEntry, presentOrganization, presentTermRule, termRuleSchema } from './present.ts';
import { DEFAULT_WORKING_HOURS, registrationDate } from '../domain/calendar.ts';
import { dueDate, findTermRule } from '../domain/terms.ts';
import { DOCUMENT_TYPES } from '../domain/vocabulary.ts';
import { invalid } from '../errors.ts';
import { errorSchema } from '../intake/schemas.ts';
import { calendarTermQuery, calendarYearParams, directoryNameParams, directoryQuery, organizationsQuery, termsQuery } from './schemas.ts';
import { typed } from '../http/typebox.ts';
import { directory, findOrganizations } from './read.ts';

export async function referenceRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['reference'],
        summary: 'The organization tree: filter by id, parent (children of), root (top level), code or text, or those I act for',
        querystring: organizationsQuery,
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

  app.get(
    '/directories/:name',
    {
      schema: {
        tags: ['reference'],
        summary: 'A directory (document type, form, channel, language, issue category, …) with kk/ru/en labels; the active entries unless asked for all',
        params: directoryNameParams,
        querystring: directoryQuery,
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

  app.get(
    '/terms',
    {
      schema: {
        tags: ['reference'],
        summary: "The term catalogue: the review term of each document type and special-law sub-kind (registration's subKind), with its legal basis",
        querystring: termsQuery,
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

  app.get(
    '/calendar/term',
    {
      schema: {
        tags: ['reference'],
        summary: 'Registration date and due date for a receipt time, with the default working hours and time zone (JOLDANYM_TIME_ZONE)',
        querystring: calendarTermQuery,
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

  app.get(
    '/calendar/:year',
    {
      schema: {
        tags: ['reference'],
        summary: 'The days of a year that differ from the Monday–Friday week, and whether the year is provisional',
        params: calendarYearParams,
      },
    },
    async (req) => presentCalendarYear(ctx.law.calendar, req.params.year),
  );
}
