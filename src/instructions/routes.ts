// Routes of instructions under control (CD-29…CD-36, EA-07): the register with its filters, the
// instruction, reports and extension requests, taking it off control.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import type { Language } from '../domain/vocabulary.ts';
import { localized } from '../reference/present.ts';
import * as service from './service.ts';
import { semiAnnualPdf, semiAnnualReport, semiAnnualXlsx } from './report.ts';
import { extensionBody, semiAnnualQuery, extensionDecisionBody, instructionBody, instructionsQuery, reportBody, reportDecisionBody, SubParams } from './schemas.ts';

const tags = ['instructions'];
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const instructionSchema = {
  type: 'object',
  required: ['id', 'state', 'issuer', 'text', 'dueDate', 'warningDates', 'organizationId', 'appealIds', 'executors', 'createdBy', 'createdAt'],
  properties: {
    id: str,
    state: { type: 'string', enum: ['underControl', 'overdue', 'removed'] },
    issuer: str,
    basisDocument: nullableStr,
    text: str,
    dueDate: str,
    warningDates: { type: 'array', items: str },
    organizationId: int,
    appealIds: { type: 'array', items: str },
    executors: { type: 'array', items: { type: 'object', required: ['organizationId', 'code', 'name', 'main'], properties: { organizationId: int, code: str, name: str, main: { type: 'boolean' } } } },
    createdBy: str,
    createdAt: str,
    removedAt: nullableStr,
  },
} as const;
const created = { type: 'object', required: ['id', 'state'], properties: { id: str, state: str } } as const;

type Row = Awaited<ReturnType<typeof service.listInstructions>>[number];

function present(r: Row, lang: Language) {
  const executors = JSON.parse(r.executors ?? '[]') as { organizationId: number; code: string; name_kk: string; name_ru: string; name_en: string; main: boolean }[];
  return {
    id: r.id,
    state: r.shownState,
    issuer: r.issuer,
    basisDocument: r.basis_document,
    text: r.text,
    dueDate: r.due_date,
    warningDates: r.warning_dates,
    organizationId: r.organization_id,
    appealIds: JSON.parse(r.appeal_ids ?? '[]') as string[],
    executors: executors.map((e) => ({ organizationId: e.organizationId, code: e.code, name: localized(e, lang), main: e.main })),
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    removedAt: r.removed_at?.toISOString() ?? null,
  };
}

export async function instructionRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);

  app.post(
    '/instructions',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Record an instruction under control: issuer, text, due date, linked appeals, executors with one main (CD-29, EA-07, PR-31)',
        body: instructionBody,
        response: { 201: created, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createInstruction(ctx, req.actor, req.body)),
  );

  app.get(
    '/instructions',
    {
      schema: {
        tags,
        summary: 'The register of instructions I control or execute; filters: state (overdue…), issuer, executor, due this week, appeal',
        querystring: instructionsQuery,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: instructionSchema }, total: int } } },
      },
    },
    async (req) => {
      const items = (await service.listInstructions(ctx, req.actor, req.query)).map((r) => present(r, req.lang));
      return { items, total: items.length };
    },
  );

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const reportSummary = 'CD-22: the semi-annual report on instructions of the President, the State Counsellor, the Presidential Administration and its control department';
  app.get('/instructions/semi-annual-report.xlsx', { schema: { tags, summary: `${reportSummary} (spreadsheet)`, querystring: semiAnnualQuery, produces: [XLSX] } }, async (req, reply) => {
    const r = await semiAnnualReport(ctx, req.actor, req.query.year, req.query.half);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="instructions-${r.year}-H${r.half}.xlsx"`)
      .send(await semiAnnualXlsx(r, ctx.clock.now()));
  });
  app.get('/instructions/semi-annual-report.pdf', { schema: { tags, summary: `${reportSummary} (PDF)`, querystring: semiAnnualQuery, produces: ['application/pdf'] } }, async (req, reply) => {
    const r = await semiAnnualReport(ctx, req.actor, req.query.year, req.query.half);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="instructions-${r.year}-H${r.half}.pdf"`)
      .send(await semiAnnualPdf(r, ctx.clock.now()));
  });

  app.get('/instructions/:id', { schema: { tags, summary: 'An instruction with its reports and extension requests', params: IdParams, response: { 403: errorSchema, 404: errorSchema } } }, async (req) => {
    const d = await service.instructionDetail(ctx, req.actor, req.params.id);
    return {
      ...present(d, req.lang),
      reports: d.reports.map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        organizationId: r.organization_id,
        submittedBy: r.submitted_by_name,
        submittedAt: r.submitted_at.toISOString(),
        accepted: r.accepted,
        comment: r.comment,
      })),
      extensions: d.extensions.map((e) => ({
        id: e.id,
        dueDate: e.due_date,
        reason: e.reason,
        organizationId: e.organization_id,
        requestedBy: e.requested_by_name,
        requestedAt: e.requested_at.toISOString(),
        granted: e.granted,
      })),
    };
  });

  app.post(
    '/instructions/:id/reports',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'An interim or execution report of an executor',
        params: IdParams,
        body: reportBody,
        response: { 201: { type: 'object', required: ['id', 'kind'], properties: { id: str, kind: str } }, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.submitReport(ctx, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/instructions/:id/reports/:subId/decision',
    { schema: { tags, summary: 'Accept or reject a report (controller)', params: SubParams, body: reportDecisionBody, response: { 403: errorSchema, 404: errorSchema, 409: errorSchema } } },
    async (req) => service.decideReport(ctx, req.actor, req.params.id, req.params.subId, req.body.accept, req.body.comment),
  );

  app.post(
    '/instructions/:id/extensions',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Ask for a later due date (an executor)',
        params: IdParams,
        body: extensionBody,
        response: { 201: { type: 'object', required: ['id', 'dueDate'], properties: { id: str, dueDate: str } }, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.requestExtension(ctx, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/instructions/:id/extensions/:subId/decision',
    { schema: { tags, summary: 'Grant or refuse an extension (controller)', params: SubParams, body: extensionDecisionBody, response: { 403: errorSchema, 404: errorSchema, 409: errorSchema } } },
    async (req) => service.decideExtension(ctx, req.actor, req.params.id, req.params.subId, req.body.grant),
  );

  app.post(
    '/instructions/:id/removal',
    { schema: { tags, summary: 'Take the instruction off control: the controller, with its execution report accepted (CD-29)', params: IdParams, response: { 403: errorSchema, 404: errorSchema, 409: errorSchema } } },
    async (req) => service.takeOffControl(ctx, req.actor, req.params.id),
  );
}
