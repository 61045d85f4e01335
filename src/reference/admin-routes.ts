// The administrator's API over the reference data (src/reference/admin.ts): administrators only,
// every change audited, in force at once.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import type { IsoDate, WorkingHours } from '../domain/calendar.ts';
import { CALENDAR_YEARS, TERM_COUNT_MAX } from '../domain/reference.ts';
import { DOCUMENT_TYPES, type DocumentType, type Labels } from '../domain/vocabulary.ts';
import { DIRECTORY_NAMES, type DirectoryName } from '../domain/reference.ts';
import { errorSchema } from '../intake/schemas.ts';
import { notFound } from '../errors.ts';
import { addDirectoryEntry, changeDirectoryEntry, clearCalendarDay, confirmCalendarYear, setCalendarDay, setOrganizationHours, setTermRule } from './admin.ts';
import { directoryEntrySchema, organizationSchema, presentCalendarYear, presentDirectoryEntry, presentOrganization, presentTermRule, termRuleSchema } from './present.ts';
import { directoryEntry, organization } from './read.ts';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const labels = (required: readonly string[]) => ({ type: 'object', additionalProperties: false, required, properties: { kk: text(300), ru: text(300), en: text(300) } }) as const;
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;

export async function referenceAdminRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.put<{ Params: { date: IsoDate }; Body: { working: boolean; note: string } }>(
    '/admin/calendar/days/:date',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: make a day non-working or working, with the basis in its note (in a provisional year it overrides or adds to the derived days)',
        params: { type: 'object', required: ['date'], properties: { date: { type: 'string', format: 'date' } } },
        body: { type: 'object', additionalProperties: false, required: ['working', 'note'], properties: { working: { type: 'boolean' }, note: text(500) } },
        response: {
          200: {
            type: 'object',
            required: ['date', 'working', 'provisional'],
            properties: { date: { type: 'string', format: 'date' }, working: { type: 'boolean' }, note: { type: 'string' }, provisional: { type: 'boolean' } },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      await setCalendarDay(ctx, req.actor, req.params.date, req.body);
      return ctx.law.calendar.dayInfo(req.params.date);
    },
  );

  app.delete<{ Params: { date: IsoDate } }>(
    '/admin/calendar/days/:date',
    {
      schema: {
        tags: ['reference'],
        summary: "Administrator: remove a day's entry (the day is as the week, or in a provisional year the statute, makes it)",
        params: { type: 'object', required: ['date'], properties: { date: { type: 'string', format: 'date' } } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await clearCalendarDay(ctx, req.actor, req.params.date);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { year: number } }>(
    '/admin/calendar/:year/confirm',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: confirm a provisional year — its days in force become its explicit list, no longer derived',
        params: { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max } } },
        response: {
          200: { type: 'object', required: ['year', 'provisional', 'exceptions'], properties: { year: { type: 'integer' }, provisional: { type: 'boolean' }, exceptions: { type: 'array' } } },
          ...errors,
        },
      },
    },
    async (req) => {
      await confirmCalendarYear(ctx, req.actor, req.params.year);
      return presentCalendarYear(ctx.law.calendar, req.params.year);
    },
  );

  app.put<{
    Body: { documentType: DocumentType; subKind?: string | null; term: { unit: 'workingDays' | 'calendarDays' | 'months'; count: number }; basis: string; extendable?: boolean; label?: Labels };
  }>(
    '/admin/terms',
    {
      schema: {
        tags: ['reference'],
        summary: "Administrator: set the term and basis of a document type's rule or of a special-law sub-kind, or add a sub-kind (with its label)",
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['documentType', 'term', 'basis'],
          properties: {
            documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
            subKind: { type: ['string', 'null'], minLength: 1, maxLength: 50 },
            term: {
              type: 'object',
              additionalProperties: false,
              required: ['unit', 'count'],
              properties: {
                unit: { type: 'string', enum: Object.keys(TERM_COUNT_MAX) },
                count: { type: 'integer' },
              },
            },
            basis: text(1000),
            extendable: { type: 'boolean' },
            label: labels(['kk', 'ru', 'en']),
          },
        },
        response: { 200: termRuleSchema, ...errors },
      },
    },
    async (req) => {
      await setTermRule(ctx, req.actor, { ...req.body, subKind: req.body.subKind ?? null });
      const rule = ctx.law.terms.find((r) => r.documentType === req.body.documentType && r.subKind === (req.body.subKind ?? null));
      if (!rule) throw notFound();
      return presentTermRule(rule, req.lang);
    },
  );

  app.patch<{ Params: { id: number }; Body: { workingHours?: WorkingHours; timeZone?: string | null } }>(
    '/admin/organizations/:id',
    {
      schema: {
        tags: ['reference'],
        summary: "Administrator: an organization's working hours and time zone (null: the configured one, JOLDANYM_TIME_ZONE)",
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            workingHours: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: time, end: time } },
            timeZone: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
          },
        },
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (req) => {
      await setOrganizationHours(ctx, req.actor, req.params.id, req.body);
      return presentOrganization(ctx, await organization(ctx, req.params.id), req.lang);
    },
  );

  const directoryParams = {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', enum: [...DIRECTORY_NAMES] }, code: { type: 'string', maxLength: 50 } },
  } as const;

  app.post<{ Params: { name: DirectoryName }; Body: { code: string; label: Labels; parentCode?: string } }>(
    '/admin/directories/:name',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: add an entry to a directory (not to those whose codes the system fixes: document type, form, channel, procedure, applicant kind, sex)',
        params: directoryParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'label'],
          properties: { code: text(50), label: labels(['kk', 'ru', 'en']), parentCode: text(50) },
        },
        response: { 201: directoryEntrySchema, ...errors },
      },
    },
    async (req, reply) => {
      await addDirectoryEntry(ctx, req.actor, req.params.name, req.body);
      return reply.status(201).send(presentDirectoryEntry(await directoryEntry(ctx, req.params.name, req.body.code), req.lang));
    },
  );

  app.patch<{ Params: { name: DirectoryName; code: string }; Body: { label?: Partial<Labels>; active?: boolean } }>(
    '/admin/directories/:name/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: relabel a directory entry in kk/ru/en, deactivate or reactivate it (an inactive code is refused on new cards)',
        params: directoryParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { label: { ...labels([]), minProperties: 1 }, active: { type: 'boolean' } },
        },
        response: { 200: directoryEntrySchema, ...errors },
      },
    },
    async (req) => {
      await changeDirectoryEntry(ctx, req.actor, req.params.name, req.params.code, req.body);
      return presentDirectoryEntry(await directoryEntry(ctx, req.params.name, req.params.code), req.lang);
    },
  );
}
