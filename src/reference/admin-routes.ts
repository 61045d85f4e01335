// The administrator's API over the reference data (src/reference/admin.ts): administrators only,
// every change audited, in force at once.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { calendarDayBody, calendarDayParams, confirmYearParams, directoryEntryBody, directoryEntryChangeBody, directoryParams, organizationHoursBody, organizationParams, termRuleBody } from './schemas.ts';
import { typed } from '../http/typebox.ts';
import { notFound } from '../errors.ts';
import { addDirectoryEntry, changeDirectoryEntry, clearCalendarDay, confirmCalendarYear, setCalendarDay, setOrganizationHours, setTermRule } from './admin.ts';
import { directoryEntrySchema, organizationSchema, presentCalendarYear, presentDirectoryEntry, presentOrganization, presentTermRule, termRuleSchema } from './present.ts';
import { directoryEntry, organization } from './read.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema } as const;

export async function referenceAdminRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.put(
    '/admin/calendar/days/:date',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: make a day non-working or working, with the basis in its note (in a provisional year it overrides or adds to the derived days)',
        params: calendarDayParams,
        body: calendarDayBody,
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

  app.delete(
    '/admin/calendar/days/:date',
    {
      schema: {
        tags: ['reference'],
        summary: "Administrator: remove a day's entry (the day is as the week, or in a provisional year the statute, makes it)",
        params: calendarDayParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await clearCalendarDay(ctx, req.actor, req.params.date);
      return reply.status(204).send();
    },
  );

  app.post(
    '/admin/calendar/:year/confirm',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: confirm a provisional year — its days in force become its explicit list, no longer derived',
        params: confirmYearParams,
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

  app.put(
    '/admin/terms',
    {
      schema: {
        tags: ['reference'],
        summary: "Administrator: set the term and basis of a document type's rule or of a special-law sub-kind, or add a sub-kind (with its label)",
        body: termRuleBody,
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

  app.patch(
    '/admin/organizations/:id',
    {
      schema: {
        tags: ['reference'],
        summary: "Administrator: an organization's working hours and time zone (null: the configured one, JOLDANYM_TIME_ZONE)",
        params: organizationParams,
        body: organizationHoursBody,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (req) => {
      await setOrganizationHours(ctx, req.actor, req.params.id, req.body);
      return presentOrganization(ctx, await organization(ctx, req.params.id), req.lang);
    },
  );

  app.post(
    '/admin/directories/:name',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['reference'],
        summary: 'Administrator: add an entry to a directory (not to those whose codes the system fixes: document type, form, channel, procedure, applicant kind, sex)',
        params: directoryParams,
        body: directoryEntryBody,
        response: { 201: directoryEntrySchema, ...errors },
      },
    },
    async (req, reply) => {
      await addDirectoryEntry(ctx, req.actor, req.params.name, req.body);
      return reply.status(201).send(presentDirectoryEntry(await directoryEntry(ctx, req.params.name, req.body.code), req.lang));
    },
  );

  app.patch(
    '/admin/directories/:name/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrator: relabel a directory entry in kk/ru/en, deactivate or reactivate it (an inactive code is refused on new cards)',
        params: directoryParams,
        body: directoryEntryChangeBody,
        response: { 200: directoryEntrySchema, ...errors },
      },
    },
    async (req) => {
      await changeDirectoryEntry(ctx, req.actor, req.params.name, req.params.code, req.body);
      return presentDirectoryEntry(await directoryEntry(ctx, req.params.name, req.params.code), req.lang);
    },
  );
}
