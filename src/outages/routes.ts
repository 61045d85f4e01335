// Routes of outage mode (rules p.31): outage acts and the paper journal's entries.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { enterFromPaperJournal, lateEntries, outageActs, recordOutageAct } from './service.ts';
import { journalEntryBody, outageActBody } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const organization = { type: 'object', required: ['id', 'code'], properties: { id: int, code: str } } as const;
const list = (item: { required: readonly string[]; properties: Record<string, unknown> }) =>
  ({ type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: { type: 'object', ...item } }, total: int } }) as const;

export async function outageRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.post(
    '/outages',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['outages'],
        summary: 'Record an outage act: when E-appeals was unreachable, and why (rules p.31)',
        body: outageActBody,
        response: { 201: { type: 'object', required: ['id'], properties: { id: str } }, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await recordOutageAct(ctx, req.actor, req.body) }),
  );

  const actSchema = list({
    required: ['id', 'organizationId', 'organization', 'startedAt', 'endedAt', 'cause', 'recordedBy', 'recordedAt', 'entries', 'lateEntries'],
    properties: { id: str, organizationId: int, organization, startedAt: str, endedAt: str, cause: str, recordedBy: str, recordedAt: str, entries: int, lateEntries: int },
  });
  app.get(
    '/outages',
    { schema: { tags: ['outages'], summary: 'Outage acts of my organizations (the statistics authority: of its territory), with their journal entries and late ones', response: { 200: actSchema } } },
    async (req) => {
      const rows = await outageActs(ctx, req.actor);
      const items = rows.map((r) => ({
        id: r.id,
        organizationId: r.organization_id,
        organization: { id: r.organization_id, code: r.organization_code },
        startedAt: r.started_at.toISOString(),
        endedAt: r.ended_at.toISOString(),
        cause: r.cause,
        recordedBy: r.recorded_by_name,
        recordedAt: r.recorded_at.toISOString(),
        entries: Number(r.entries ?? 0),
        lateEntries: Number(r.late_entries ?? 0),
      }));
      return { items, total: items.length };
    },
  );

  app.post(
    '/outages/:id/journal-entries',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['outages'],
        summary: 'Enter an appeal from the paper journal: registered with its original receipt time, flagged with the act, page and entry',
        params: IdParams,
        body: journalEntryBody,
        response: { 201: { type: 'object', required: ['appealId', 'late'], properties: { appealId: str, late: { type: 'boolean' } } }, 400: errorSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await enterFromPaperJournal(ctx, req.actor, req.params.id, req.body)),
  );

  const lateSchema = list({
    required: ['appealId', 'registrationNumber', 'page', 'entry', 'receivedAt', 'enteredAt', 'restoredAt', 'hoursAfterRestoration', 'organizationId', 'organization', 'outageActId'],
    properties: {
      appealId: str,
      registrationNumber: str,
      page: int,
      entry: int,
      receivedAt: str,
      enteredAt: str,
      restoredAt: str,
      hoursAfterRestoration: int,
      organizationId: int,
      organization,
      outageActId: str,
    },
  });
  app.get(
    '/outages/late-entries',
    {
      schema: {
        tags: ['outages'],
        summary: 'Journal entries made more than 24 hours after access was restored: violations (of my organizations; the statistics authority: of its territory)',
        response: { 200: lateSchema },
      },
    },
    async (req) => {
      const rows = await lateEntries(ctx, req.actor);
      const items = rows.map((r) => ({
        appealId: r.appeal_id,
        registrationNumber: r.registration_number,
        page: r.page,
        entry: r.entry,
        receivedAt: r.received_at.toISOString(),
        enteredAt: r.entered_at.toISOString(),
        restoredAt: r.ended_at.toISOString(),
        hoursAfterRestoration: Math.round((r.entered_at.getTime() - r.ended_at.getTime()) / 3_600_000),
        organizationId: r.organization_id,
        organization: { id: r.organization_id, code: r.organization_code },
        outageActId: r.outage_act_id,
      }));
      return { items, total: items.length };
    },
  );
}
