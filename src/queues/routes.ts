import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { organizationRefSchema } from '../reference/present.ts';
import { errorSchema } from '../intake/schemas.ts';
import { APPEAL_STATUSES } from '../domain/decisions.ts';
import { CHANNELS, DOCUMENT_TYPES, FORMS } from '../domain/vocabulary.ts';
import { AT_RISK_WORKING_DAYS, QUEUE_DEFINITIONS, QUEUE_SORTS, QUEUES, type Queue, type QueueSort } from '../domain/queues.ts';
import type { QueueFilter } from './store.ts';
import { countQueues, overview, queuePage } from './read.ts';
import { presentOverview, presentQueueItem } from './present.ts';

const date = { type: 'string', format: 'date' } as const;

const filterProperties = {
  documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
  form: { type: 'string', enum: [...FORMS] },
  channel: { type: 'string', enum: [...CHANNELS] },
  issueCategory: { type: 'string', maxLength: 50 },
  status: { type: 'string', enum: [...APPEAL_STATUSES] },
  executor: { type: 'string', format: 'uuid' },
  organization: { type: 'integer', description: 'This organization and those below it' },
  ownOnly: { type: 'boolean', description: "With organization: only that organization's own appeals, not those below it" },
  open: { type: 'boolean', description: 'Only appeals whose review at their organization still runs' },
  dateFrom: { ...date, description: 'Registered on or after' },
  dateTo: { ...date, description: 'Registered on or before' },
  dueFrom: { ...date, description: 'Due on or after' },
  dueTo: { ...date, description: 'Due on or before' },
  q: { type: 'string', maxLength: 200, description: 'Registration or talon number, IIN/BIN, applicant name, or words of the summary and text' },
} as const;

type FilterQuery = {
  documentType?: string;
  form?: string;
  channel?: string;
  issueCategory?: string;
  status?: string;
  executor?: string;
  organization?: number;
  ownOnly?: boolean;
  open?: boolean;
  dateFrom?: string;
  dateTo?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
};

const countsSchema = {
  type: 'object',
  required: [...QUEUES],
  properties: Object.fromEntries(QUEUES.map((q) => [q, { type: 'integer' }])) as Record<Queue, { type: 'integer' }>,
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

export async function queueRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Querystring: FilterQuery }>(
    '/queues',
    {
      schema: {
        tags: ['queues'],
        summary: 'How many appeals each work queue holds (with the same filters as the queues)',
        querystring: { type: 'object', additionalProperties: false, properties: filterProperties },
        response: {
          200: {
            type: 'object',
            required: ['counts', 'today', 'atRiskDays'],
            properties: { counts: countsSchema, today: date, atRiskDays: { type: 'integer' } },
          },
        },
      },
    },
    async (req) => {
      const { counts, today } = await countQueues(ctx, req.actor, toFilter(req.query));
      return { counts, today, atRiskDays: AT_RISK_WORKING_DAYS };
    },
  );

  app.get<{ Params: { queue: Queue }; Querystring: FilterQuery & { sort?: QueueSort; order?: 'asc' | 'desc'; limit: number; offset: number } }>(
    '/queues/:queue',
    {
      schema: {
        tags: ['queues'],
        summary: 'A work queue: awaiting routing, in execution, to sign, at risk, overdue, withdrawn, completed, all — filtered, searched, sorted and paged on the server',
        params: { type: 'object', required: ['queue'], properties: { queue: { type: 'string', enum: [...QUEUES] } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...filterProperties,
            sort: { type: 'string', enum: [...QUEUE_SORTS] },
            order: { type: 'string', enum: ['asc', 'desc'] },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 25 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total'],
            properties: { items: { type: 'array', items: queueItemSchema }, total: { type: 'integer' } },
          },
          400: errorSchema,
        },
      },
    },
    async (req) => {
      const { sort, order, limit, offset, ...filter } = req.query;
      const byDefault = QUEUE_DEFINITIONS[req.params.queue].sort;
      const { rows, total, today } = await queuePage(ctx, req.actor, req.params.queue, toFilter(filter), {
        sort: sort ?? byDefault.by,
        order: order ?? (sort ? 'asc' : byDefault.order),
        limit,
        offset,
      });
      return {
        items: rows.map((r) => presentQueueItem(r, today, ctx.law.calendar, req.lang)),
        total,
      };
    },
  );

  app.get<{ Querystring: { organization?: number; dateFrom?: string; dateTo?: string } }>(
    '/overview',
    {
      schema: {
        tags: ['queues'],
        summary: "Heads' and controllers' overview: counts by queue, the on-time share, overdue by executor and by subordinate organization",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            organization: { type: 'integer', description: 'The organization to look at (default: the one I act for)' },
            dateFrom: { ...date, description: 'Period of ended reviews for the on-time share (default: 1 January)' },
            dateTo: { ...date, description: 'Default: today' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['today', 'atRiskDays', 'organization', 'period', 'counts', 'onTime', 'byExecutor', 'byOrganization'],
            properties: {
              today: date,
              atRiskDays: { type: 'integer' },
              organization: organizationRefSchema,
              period: { type: 'object', required: ['from', 'to'], properties: { from: date, to: date } },
              counts: countsSchema,
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
