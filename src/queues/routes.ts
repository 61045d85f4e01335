import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { organizationRefSchema } from '../reference/present.ts';
import { errorSchema } from '../intake/schemas.ts';
import { AT_RISK_WORKING_DAYS, COUNT_CAP, QUEUE_DEFINITIONS, QUEUES, type Queue } from '../domain/queues.ts';
import type { QueueFilter } from './store.ts';
import { countQueues, overview, queuePage } from './read.ts';
import { journalPdf, journalXlsx, queueJournal } from './journal.ts';
import { presentOverview, presentQueueItem } from './present.ts';
import { type FilterQuery, filterQuery, journalQuery, overviewQuery, queueParams, queueQuery } from './schemas.ts';
import { typed } from '../http/typebox.ts';

const date = { type: 'string', format: 'date' } as const;

const countsSchema = {
  type: 'object',
  required: [...QUEUES],
  properties: Object.fromEntries(QUEUES.map((q) => [q, { type: 'integer' }])) as Record<Queue, { type: 'integer' }>,
} as const;

const cappedSchema = {
  type: 'array',
  items: { type: 'string', enum: [...QUEUES] },
  description: `The queues holding more than their count says: counts stop at ${COUNT_CAP}`,
} as const;

const queueItemSchema = {
  type: 'object',
  required: ['id', 'registrationNumber', 'talonNumber', 'registrationDate', 'dueDate', 'documentType', 'status', 'organization'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    registrationNumber: { type: 'string' },
    talonNumber: { type: 'string' },
    registrationDate: date,
    dueDate: date,
    daysLeft: { type: ['integer', 'null'], description: 'Working days left to the due date; negative when overdue; null once the review ended' },
    risk: { type: ['string', 'null'], enum: ['overdue', 'atRisk', 'onTrack', null] },
    documentType: { type: 'string' },
    form: { type: 'string' },
    channel: { type: 'string' },
    applicantKind: { type: 'string' },
    applicantName: { type: ['string', 'null'] },
    summary: { type: 'string' },
    status: { type: 'string' },
    issueCategory: { type: ['string', 'null'] },
    duplicateCandidate: { type: 'boolean' },
    executor: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    organization: organizationRefSchema,
    unsignedLetters: { type: 'integer' },
    returnedDraft: {
      type: ['object', 'null'],
      description: "The appeal's latest draft was returned for rework (the review goes on): its decision code, the remark, who returned it and when",
      required: ['code', 'remark', 'returnedBy', 'returnedAt'],
      properties: { code: { type: 'string' }, remark: { type: ['string', 'null'] }, returnedBy: { type: ['string', 'null'] }, returnedAt: { type: ['string', 'null'], format: 'date-time' } },
    },
  },
} as const;

function toFilter(q: FilterQuery): QueueFilter {
  return {
    documentType: q.documentType,
    form: q.form,
    channel: q.channel,
    issueCategory: q.issueCategory,
    status: q.status,
    executorId: q.executor,
    organizationId: q.organization,
    ownOnly: q.ownOnly,
    open: q.open,
    dateFrom: q.dateFrom,
    dateTo: q.dateTo,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    q: q.q,
  };
}

export async function queueRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/queues',
    {
      schema: {
        tags: ['queues'],
        summary: 'How many appeals each work queue holds (with the same filters as the queues)',
        querystring: filterQuery,
        response: {
          200: {
            type: 'object',
            required: ['counts', 'capped', 'today', 'atRiskDays'],
            properties: { counts: countsSchema, capped: cappedSchema, today: date, atRiskDays: { type: 'integer' } },
          },
        },
      },
    },
    async (req) => {
      return { ...(await countQueues(ctx, req.actor, toFilter(req.query))), atRiskDays: AT_RISK_WORKING_DAYS };
    },
  );

  app.get(
    '/queues/:queue',
    {
      schema: {
        tags: ['queues'],
        summary: 'A work queue: awaiting routing, in execution, to sign, at risk, overdue, withdrawn, completed, all — filtered, searched, sorted and paged on the server',
        params: queueParams,
        querystring: queueQuery,
        response: {
          200: {
            type: 'object',
            required: ['items', 'total', 'totalCapped'],
            properties: {
              items: { type: 'array', items: queueItemSchema },
              total: { type: 'integer' },
              totalCapped: { type: 'boolean', description: `More than the total say: totals stop at ${COUNT_CAP}` },
            },
          },
          400: errorSchema,
        },
      },
    },
    async (req) => {
      const { sort, order, limit, offset, ...filter } = req.query;
      const byDefault = QUEUE_DEFINITIONS[req.params.queue].sort;
      const { rows, total, totalCapped, today } = await queuePage(ctx, req.actor, req.params.queue, toFilter(filter), {
        sort: sort ?? byDefault.by,
        order: order ?? (sort ? 'asc' : byDefault.order),
        limit,
        offset,
      });
      return {
        items: rows.map((r) => presentQueueItem(r, today, ctx.law.calendar, req.lang)),
        total,
        totalCapped,
      };
    },
  );

  // a queue as a journal (issue 10 item 14): the registration journal is the queue "all" by period
  for (const [ext, type] of [
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pdf', 'application/pdf'],
  ] as const) {
    app.get(
      `/queues/:queue.${ext}`,
      {
        schema: {
          tags: ['queues'],
          summary: `A work queue with its filters as a journal (${ext.toUpperCase()}), at most 5000 rows, in the request's language; audited`,
          params: queueParams,
          querystring: journalQuery,
          produces: [type],
        },
      },
      async (req, reply) => {
        const { sort, order, lang = req.lang, ...filter } = req.query;
        const byDefault = QUEUE_DEFINITIONS[req.params.queue].sort;
        const journal = await queueJournal(ctx, req.actor, req.params.queue, toFilter(filter), { sort: sort ?? byDefault.by, order: order ?? (sort ? 'asc' : byDefault.order) });
        const at = ctx.clock.now();
        const file = ext === 'xlsx' ? await journalXlsx(journal, lang, at) : await journalPdf(journal, lang, at);
        return reply.type(type).header('content-disposition', `attachment; filename="journal-${req.params.queue}-${journal.today}.${ext}"`).send(file);
      },
    );
  }

  app.get(
    '/overview',
    {
      schema: {
        tags: ['queues'],
        summary: "Heads' and controllers' overview: counts by queue, the on-time share, overdue by executor and by subordinate organization",
        querystring: overviewQuery,
        response: {
          200: {
            type: 'object',
            required: ['today', 'atRiskDays', 'organization', 'period', 'counts', 'capped', 'onTime', 'byExecutor', 'byOrganization'],
            properties: {
              today: date,
              atRiskDays: { type: 'integer' },
              organization: organizationRefSchema,
              period: { type: 'object', required: ['from', 'to'], properties: { from: date, to: date } },
              counts: countsSchema,
              capped: cappedSchema,
              onTime: {
                type: 'object',
                required: ['ended', 'endedOnTime', 'share'],
                properties: { ended: { type: 'integer' }, endedOnTime: { type: 'integer' }, share: { type: ['number', 'null'] } },
              },
              byExecutor: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['executor', 'open', 'atRisk', 'overdue'],
                  properties: {
                    executor: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
                    open: { type: 'integer' },
                    atRisk: { type: 'integer' },
                    overdue: { type: 'integer' },
                  },
                },
              },
              byOrganization: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['organization', 'own', 'open', 'atRisk', 'overdue', 'ended', 'endedOnTime', 'onTimeShare'],
                  properties: {
                    organization: organizationRefSchema,
                    own: { type: 'boolean', description: "The organization's own appeals (not those below it)" },
                    open: { type: 'integer' },
                    atRisk: { type: 'integer' },
                    overdue: { type: 'integer' },
                    ended: { type: 'integer' },
                    endedOnTime: { type: 'integer' },
                    onTimeShare: { type: ['number', 'null'] },
                  },
                },
              },
            },
          },
          403: errorSchema,
        },
      },
    },
    async (req) => {
      return presentOverview(await overview(ctx, req.actor, req.query), req.lang);
    },
  );
}
