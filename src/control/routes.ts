// Routes of the control department (issue 12): appeals under the akim's control, quality reviews
// and returns for rework, the violations register with explanations, content analysis, the
// dashboard. schema → use case (service.ts, content.ts) → presenter (present.ts).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { hasRole } from '../access/actor.ts';
import { forbidden } from '../errors.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { QUALITY_CHECKLIST } from '../domain/quality.ts';
import { VIOLATION_KINDS_NOT_DETECTED } from '../domain/violations.ts';
import * as service from './service.ts';
import { contentAnalysis, frequentWords, periodOf, systemicProblems } from './content.ts';
import { runControlDaily } from './daily.ts';
import { violationsReportPdf } from './report.ts';
import { checkBody, checksBelow, findingsBody, planCheck, recordFindings } from './checks.ts';
import { departmentRoutes } from './department-routes.ts';
import { localized } from '../reference/present.ts';
import {
  checklistSchema,
  contentSchema,
  dashboardSchema,
  presentControl,
  presentQueueItem,
  presentRework,
  presentReworkCount,
  presentViolation,
  qualityQueueSchema,
  reworkCountsSchema,
  reworkSchema,
  systemicSchema,
  violationsSchema,
  wordsSchema,
} from './present.ts';
import { contentQuery, controlBody, explanationBody, ExplanationParams, explanationRequestBody, periodQuery, qualityReviewBody, reworkAnswerBody, reworkBody, violationsQuery, wordsQuery } from './schemas.ts';

const tags = ['control'];
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const obj = <P extends Record<string, unknown>>(properties: P) => ({ type: 'object', required: Object.keys(properties), properties }) as const;
const controlSchema = obj({ appealId: str, underControl: { type: 'boolean' }, by: str, at: str, reason: str });

export async function controlRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  await departmentRoutes(server, ctx);

  app.post(
    '/appeals/:id/control',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Put an appeal under the akim’s control: who, when, why (CD-09); controller',
        params: IdParams,
        body: controlBody,
        response: { 201: controlSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentControl(await service.putUnderControl(ctx, req.actor, req.params.id, req.body))),
  );

  app.post(
    '/appeals/:id/rework',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Return the appeal’s answer for rework with a remark and an internal due date (CD-10); controller',
        params: IdParams,
        body: reworkBody,
        response: { 201: reworkSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentRework(await service.returnForRework(ctx, req.actor, req.params.id, req.body))),
  );

  app.get('/appeals/:id/reworks', { schema: { tags, summary: 'The returns for rework of an appeal, with their remarks and answers', params: IdParams } }, async (req) => {
    const items = (await service.reworksOf(ctx, req.actor, req.params.id)).map(presentRework);
    return { items, total: items.length };
  });

  app.get('/reworks', { schema: { tags, summary: 'Returns for rework waiting for my answer (of the appeals I execute; the head: of my organizations)' } }, async (req) => {
    const items = (await service.openReworks(ctx, req.actor)).map((r) => ({
      id: r.id,
      appealId: r.appeal_id,
      registrationNumber: r.registration_number,
      remark: r.remark,
      dueDate: r.due_date,
      returnedBy: r.returned_by_name,
      returnedAt: r.returned_at.toISOString(),
      executorId: r.executor_id,
    }));
    return { items, total: items.length };
  });

  app.post(
    '/reworks/:id/answer',
    {
      schema: {
        tags,
        summary: "Answer a return for rework again: the appeal's executor, or a head of its organization; 403 to anyone else",
        params: IdParams,
        body: reworkAnswerBody,
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => presentRework(await service.answerRework(ctx, req.actor, req.params.id, req.body.answer)),
  );

  app.get('/control/reworks', { schema: { tags, summary: 'Returns for rework counted per organization and executor (CD-10)', querystring: periodQuery, response: { 200: reworkCountsSchema } } }, async (req) => {
    const { from, to } = periodOf(ctx, req.query);
    const items = (await service.reworkCounts(ctx, req.actor, req.query.organization, from, to)).map((r) => presentReworkCount(r, req.lang));
    return { from, to, items, total: items.reduce((a, b) => a + b.count, 0) };
  });

  app.get('/control/quality/checklist', { schema: { tags, summary: 'The quality checklist (CD-09), as data', response: { 200: checklistSchema } } }, async (req) => ({
    items: QUALITY_CHECKLIST.map((q) => ({ code: q.code, label: q.label[req.lang], basis: q.basis })),
  }));

  app.get(
    '/control/quality',
    { schema: { tags, summary: 'Answers to review: under the akim’s control, and a sample of the others (CD-09)', querystring: periodQuery, response: { 200: qualityQueueSchema } } },
    async (req) => {
      const items = (await service.qualityQueue(ctx, req.actor, req.query.organization)).map((r) => presentQueueItem(r, req.lang));
      return { items, total: items.length };
    },
  );

  app.post(
    '/appeals/:id/quality-reviews',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Review the quality of an answer with the checklist; the verdict follows (CD-09)',
        params: IdParams,
        body: qualityReviewBody,
        response: { 201: obj({ id: str, score: int, verdict: str }), 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.reviewQuality(ctx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/control/violations',
    {
      schema: {
        tags,
        summary: 'Violations found by the system (EA-06), of the organization and those below it, newest first (at most 1000; total counts up to 10000)',
        querystring: violationsQuery,
        response: { 200: violationsSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const { rows, total, totalCapped } = await service.violations(ctx, req.actor, req.query);
      return { items: rows.map((v) => presentViolation(v, req.lang)), total, totalCapped, notDetected: Object.keys(VIOLATION_KINDS_NOT_DETECTED) };
    },
  );

  app.get(
    '/control/violations/report.pdf',
    { schema: { tags, summary: 'The report to the akim on the violations detected in a period (EA-06), PDF', querystring: violationsQuery, produces: ['application/pdf'] } },
    async (req, reply) => {
      const period = periodOf(ctx, req.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="violations-${period.from}-${period.to}.pdf"`)
        .send(await violationsReportPdf(ctx, req.actor, { ...req.query, ...period }));
    },
  );

  app.post(
    '/control/violations/:id/explanations',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Ask the responsible for an oral or written explanation by a date (EA-06)',
        params: IdParams,
        body: explanationRequestBody,
        response: { 201: obj({ id: str, violationId: str, form: str, dueDate: str }), 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.requestExplanation(ctx, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/control/violations/:id/explanations/:requestId',
    { schema: { tags, summary: 'Record the explanation given', params: ExplanationParams, body: explanationBody, response: { 403: errorSchema, 404: errorSchema, 409: errorSchema } } },
    async (req) => service.recordExplanation(ctx, req.actor, req.params.id, req.params.requestId, req.body.explanation),
  );

  app.get(
    '/control/content',
    {
      schema: {
        tags,
        summary: 'Content analysis (CD-18, CD-19): appeals by issue category or territory in a period, and in the same period a year before',
        querystring: contentQuery,
        response: { 200: contentSchema, 403: errorSchema },
      },
    },
    async (req) => contentAnalysis(ctx, req.actor, req.query, req.lang),
  );

  app.get('/control/systemic-problems', { schema: { tags, summary: 'Categories in territories flagged as systemic problems (CD-18)', querystring: periodQuery, response: { 200: systemicSchema } } }, async (req) =>
    systemicProblems(ctx, req.actor, req.query, req.lang),
  );

  app.get(
    '/control/content/words',
    { schema: { tags, summary: 'The most frequent words of the appeals in Kazakh or Russian (PostgreSQL full-text search)', querystring: wordsQuery, response: { 200: wordsSchema } } },
    async (req) => frequentWords(ctx, req.actor, req.query),
  );

  app.get(
    '/control/dashboard',
    { schema: { tags, summary: 'The dashboard of the territory: on time, overdue, returns, quality, violations, instructions', querystring: periodQuery, response: { 200: dashboardSchema } } },
    async (req) => service.dashboard(ctx, req.actor, req.query, req.lang),
  );

  app.post(
    '/control/checks',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Plan an on-site check (CD-32) or a record-keeping check (CD-37) of a body',
        headers: idempotencyHeaders,
        body: checkBody,
        response: { 201: obj({ id: str }), 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await planCheck(ctx, req.actor, req.body)),
  );

  app.post(
    '/control/checks/:id/findings',
    { schema: { tags, summary: 'Record the findings and follow-up of a held check', params: IdParams, body: findingsBody, response: { 403: errorSchema, 404: errorSchema, 409: errorSchema } } },
    async (req) => recordFindings(ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/control/checks',
    {
      schema: {
        tags,
        summary: 'Checks of the bodies below my akimat, planned and held (CD-32, CD-37)',
        response: {
          200: obj({
            total: int,
            items: {
              type: 'array',
              items: obj({
                id: str,
                kind: str,
                organization: obj({ id: int, code: str, name: str }),
                plannedOn: str,
                place: str,
                participants: str,
                instructionIds: { type: 'array', items: str },
                findings: { type: ['string', 'null'] },
                followUp: { type: ['string', 'null'] },
                heldOn: { type: ['string', 'null'] },
              }),
            },
          }),
        },
      },
    },
    async (req) => {
      const items = (await checksBelow(ctx, req.actor)).map((c) => ({
        id: c.id,
        kind: c.kind,
        organization: { id: c.organization_id, code: c.code, name: localized(c, req.lang) },
        plannedOn: c.planned_on,
        place: c.place,
        participants: c.participants,
        instructionIds: c.instruction_ids,
        findings: c.findings,
        followUp: c.follow_up,
        heldOn: c.held_on,
      }));
      return { items, total: items.length };
    },
  );

  app.post(
    '/control/daily',
    { schema: { tags, summary: 'Run every detector over every row and the instruction reminders now (the server does it nightly; hourly only what time alone breaks); controller' } },
    async (req) => {
      if (!hasRole(req.actor, 'controller')) throw forbidden();
      return { ...(await runControlDaily(ctx, 'everything')), today: today(ctx) };
    },
  );
}
