import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { organizationRefSchema, localized } from './present.ts';
import { registrationDate } from '../domain/calendar.ts';
import { dueDate, termRule } from '../domain/terms.ts';
import { DEFAULT_TIME_ZONE, DEFAULT_WORKING_HOURS } from '../domain/calendar.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../domain/vocabulary.ts';
import { notFound } from '../errors.ts';
import { DIRECTORY_NAMES } from '../db/reference/directories.ts';
import { inScope } from '../access/scope.ts';

const organizationSchema = {
  type: 'object',
  properties: {
    ...organizationRefSchema.properties,
    names: { type: 'object', properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } } },
    parentId: { type: ['integer', 'null'] },
    kind: { type: 'string' },
    kato: { type: ['string', 'null'] },
    timeZone: { type: 'string' },
    reportRow: { type: ['integer', 'null'] },
    workingHours: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
  },
} as const;

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
      const { id, parent, root, code, q: text, mine, limit, offset } = req.query;
      let q = ctx.db.selectFrom('organizations');
      if (id !== undefined) q = q.where('id', '=', id);
      if (mine) q = q.where(inScope(req.actor, 'id'));
      if (parent !== undefined) q = q.where('parent_id', '=', parent);
      if (root) q = q.where('parent_id', 'is', null);
      if (code) q = q.where('code', '=', code);
      if (text) {
        const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((w) => w.or([w('name_kk', 'ilike', like), w('name_ru', 'ilike', like), w('name_en', 'ilike', like), w('code', 'ilike', like)]));
      }
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('report_row').orderBy('id').limit(limit).offset(offset).execute(),
        q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((o) => ({
          id: o.id,
          code: o.code,
          name: localized(o, req.lang),
          names: { kk: o.name_kk, ru: o.name_ru, en: o.name_en },
          parentId: o.parent_id,
          kind: o.kind,
          kato: o.kato,
          timeZone: o.time_zone,
          reportRow: o.report_row,
          workingHours: { start: o.work_start, end: o.work_end },
        })),
        total: Number(count.n),
      };
    },
  );

  app.get<{ Params: { name: string } }>(
    '/directories/:name',
    {
      schema: {
        tags: ['reference'],
        summary: 'A directory (document type, form, channel, language, issue category, …) with kk/ru/en labels',
        params: { type: 'object', properties: { name: { type: 'string', enum: [...DIRECTORY_NAMES] } } },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['code', 'label', 'labels'],
                  properties: {
                    code: { type: 'string' },
                    label: { type: 'string' },
                    labels: { type: 'object', required: ['kk', 'ru', 'en'], properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } } },
                    parentCode: { type: ['string', 'null'] },
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
      const rows = await ctx.db
        .selectFrom('directory_entries')
        .selectAll()
        .where('directory', '=', req.params.name)
        .where('active', '=', true)
        .orderBy('sort_order')
        .execute();
      const items = rows.map((r) => ({
        code: r.code,
        label: localized(r, req.lang),
        labels: { kk: r.label_kk, ru: r.label_ru, en: r.label_en },
        parentCode: r.parent_code,
      }));
      return { items, total: items.length };
    },
  );

  app.get<{ Querystring: { documentType?: DocumentType } }>(
    '/term-rules',
    {
      schema: {
        tags: ['reference'],
        summary: "The review terms by document type and special-law sub-kind (registration's subKind), with their legal basis",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { documentType: { type: 'string', enum: [...DOCUMENT_TYPES] } },
        },
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['documentType', 'subKind', 'label', 'term', 'extendable', 'basis'],
                  properties: {
                    documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
                    subKind: { type: ['string', 'null'], description: "null: the document type's general term" },
                    label: { type: 'string' },
                    term: {
                      type: 'object',
                      required: ['unit', 'count'],
                      properties: { unit: { type: 'string', enum: ['workingDays', 'calendarDays', 'months'] }, count: { type: 'integer' } },
                    },
                    extendable: { type: 'boolean' },
                    basis: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (req) => ({
      items: ctx.law.terms
        .filter((r) => !req.query.documentType || r.documentType === req.query.documentType)
        .sort((a, b) => DOCUMENT_TYPES.indexOf(a.documentType) - DOCUMENT_TYPES.indexOf(b.documentType) || (a.subKind ?? '').localeCompare(b.subKind ?? ''))
        .map((r) => ({ documentType: r.documentType, subKind: r.subKind, label: r.label[req.lang], term: r.term, extendable: r.extendable, basis: r.basis })),
    }),
  );

  app.get<{ Querystring: { receivedAt: string; documentType: DocumentType; subKind?: string } }>(
    '/calendar/term',
    {
      schema: {
        tags: ['reference'],
        summary: 'Registration date and due date for a receipt time, with the default working hours',
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
        },
      },
    },
    async (req) => {
      const { calendar, terms, count } = ctx.law;
      const reg = registrationDate(new Date(req.query.receivedAt), DEFAULT_TIME_ZONE, DEFAULT_WORKING_HOURS, calendar);
      const rule = termRule(terms, req.query.documentType, req.query.subKind);
      return { registrationDate: reg, dueDate: dueDate(calendar, reg, rule.term, count), term: { ...rule.term, basis: rule.basis } };
    },
  );

  app.get<{ Params: { year: number } }>(
    '/calendar/:year',
    {
      schema: {
        tags: ['reference'],
        summary: 'The days of a year that differ from the Monday–Friday week, and whether the year is provisional',
        params: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
      },
    },
    async (req) => {
      const days = ctx.law.calendar.yearDays(req.params.year);
      if (days.length === 0) throw notFound();
      const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
      return {
        year: req.params.year,
        provisional: ctx.law.calendar.isProvisional(req.params.year),
        exceptions: days.filter((d) => d.working === weekend(d.date)),
      };
    },
  );
}
