// Routes of the correction petitions (rules p.27–p.28): thin — schema → use case → presenter.
import { sendFile } from '../attachments/routes.ts';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { CORRECTABLE_FIELDS, petitionOverdue, petitionPeriodOf } from '../domain/corrections.ts';
import { attachmentOf, correctionOf, decideCorrection, fileCorrection, listCorrections } from './service.ts';
import { attachmentParams, correctionDecisionBody, correctionsQuery, petitionBody } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

type Row = Awaited<ReturnType<typeof listCorrections>>[number];

const strOrNull = { type: ['string', 'null'] } as const;
const jsonOrNull = { type: ['object', 'null'], additionalProperties: true } as const;

const petitionSchema = {
  type: 'object',
  required: [
    'id',
    'appealId',
    'organization',
    'action',
    'changes',
    'record',
    'reason',
    'decidedBy',
    'basis',
    'petitioner',
    'petitionerId',
    'filedAt',
    'period',
    'reviewDue',
    'overdue',
    'status',
    'reviewer',
    'reviewedAt',
    'comment',
    'before',
    'after',
  ],
  properties: {
    id: { type: 'string' },
    appealId: { type: 'string' },
    registrationNumber: { type: 'string' },
    organization: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, code: { type: 'string' } } },
    action: { type: 'string', enum: ['change', 'delete'] },
    changes: { type: 'object', additionalProperties: true },
    record: jsonOrNull,
    reason: { type: 'string' },
    decidedBy: { type: 'string', enum: ['authority', 'organization'] },
    basis: { type: 'string', enum: ['headPetition', 'unitHeadPetition', 'authorityReport'] },
    petitioner: { type: 'string' },
    petitionerId: strOrNull,
    filedAt: { type: 'string' },
    period: {
      type: 'object',
      required: ['year', 'month', 'opensOn', 'late'],
      properties: { year: { type: 'integer' }, month: { type: 'integer' }, opensOn: { type: 'string', format: 'date' }, late: { type: 'boolean' } },
    },
    reviewDue: { type: 'string', format: 'date' },
    overdue: { type: 'boolean', description: 'pending past its 5-WD review term (rules p.28)' },
    status: { type: 'string', enum: ['pending', 'applied', 'rejected'] },
    reviewer: strOrNull,
    reviewedAt: strOrNull,
    comment: strOrNull,
    before: jsonOrNull,
    after: jsonOrNull,
  },
} as const;

const petitionWithDocumentsSchema = {
  ...petitionSchema,
  required: [...petitionSchema.required, 'attachments'],
  properties: {
    ...petitionSchema.properties,
    attachments: {
      type: 'array',
      items: { type: 'object', required: ['id', 'name', 'mediaType', 'sha256'], properties: { id: { type: 'string' }, name: { type: 'string' }, mediaType: { type: 'string' }, sha256: { type: 'string' } } },
    },
  },
} as const;

function present(ctx: Context, p: Row | (Awaited<ReturnType<typeof correctionOf>> & { registration_number?: string; organization_code?: string })) {
  const { record, ...changes } = (p.changes ?? {}) as Record<string, unknown>;
  const period = petitionPeriodOf(p.period_year, p.period_month, p.filed_on, ctx.law.calendar);
  return {
    id: p.id,
    appealId: p.appeal_id,
    registrationNumber: 'registration_number' in p ? p.registration_number : undefined,
    organization: { id: p.organization_id, code: 'organization_code' in p ? p.organization_code : undefined },
    action: p.action,
    changes,
    record: record ?? null,
    reason: p.reason,
    decidedBy: p.decided_by,
    basis: p.basis,
    petitioner: p.petitioner_name,
    petitionerId: p.petitioner_id,
    filedAt: p.filed_at.toISOString(),
    // the period it is reviewed in; a late one (p.28) from the day that period opens
    period: { year: p.period_year, month: p.period_month, opensOn: period.opensOn, late: period.late },
    reviewDue: p.review_due,
    overdue: petitionOverdue(p.status, p.review_due, today(ctx)),
    status: p.status,
    reviewer: p.reviewer_name,
    reviewedAt: p.reviewed_at?.toISOString() ?? null,
    comment: p.review_comment,
    before: p.before,
    after: p.after,
  };
}

const fieldCatalogue = Object.entries(CORRECTABLE_FIELDS)
  .map(([k, f]) => `${k}${f.decidedBy === 'authority' ? ' (statistics authority)' : ''}`)
  .join(', ');

export async function correctionRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/corrections/fields',
    {
      schema: {
        tags: ['corrections'],
        summary: 'The card fields a petition may change: type, allowed values or directory, and whether only the statistics authority decides',
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'card', 'type', 'values', 'directory', 'authorityOnly', 'label'],
                  properties: {
                    name: { type: 'string' },
                    card: { type: 'string', enum: ['tzh1', 'ai1', 'tzh2'], description: 'the card that carries it: ТЖ-1, an АИ-1 (record names which), a ТЖ-2 (record names which)' },
                    applicantKinds: { type: 'array', items: { type: 'string' } },
                    decisions: { type: 'array', items: { type: 'string' } },
                    type: { type: 'string', enum: ['date', 'dateTime', 'enum', 'text', 'string', 'email', 'phone', 'boolean', 'directory'] },
                    values: { type: ['array', 'null'], items: { type: 'string' } },
                    directory: strOrNull,
                    authorityOnly: { type: 'boolean' },
                    label: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (req) => ({
      items: Object.entries(CORRECTABLE_FIELDS).map(([name, f]) => ({
        name,
        card: f.card,
        ...(f.applicantKinds ? { applicantKinds: [...f.applicantKinds] } : {}),
        ...(f.decisions ? { decisions: [...f.decisions] } : {}),
        type: f.type,
        values: f.values ? [...f.values] : null,
        directory: f.directory ?? null,
        authorityOnly: f.decidedBy === 'authority',
        label: f.label[req.lang as 'kk' | 'ru' | 'en'] ?? f.label.kk,
      })),
    }),
  );

  app.post(
    '/corrections',
    {
      bodyLimit: 80 * 1024 * 1024,
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['corrections'],
        summary: 'File a correction petition: change card fields or delete a card, with the reason and supporting documents',
        description: `Fields: ${fieldCatalogue}. applicant.* fields change the applicant card (АИ-1) named in record, decision.* fields the decision card (ТЖ-2) named in record. Deleting a ТЖ-1, or changing or deleting a 4.14 card, is decided by the statistics authority. A petition filed later than 5 working days before its period closes is reviewed in the next period (rules p.28).`,
        body: petitionBody,
        response: { 201: petitionSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await fileCorrection(ctx, req.actor, req.body);
      return reply.status(201).send(present(ctx, await correctionOf(ctx, req.actor, id)));
    },
  );

  app.get(
    '/corrections',
    {
      schema: {
        tags: ['corrections'],
        summary: 'Correction petitions of my organizations (the statistics authority: those it counts); overdue=true: those not reviewed within 5 working days',
        querystring: correctionsQuery,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: petitionSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const rows = await listCorrections(ctx, req.actor, { status: req.query.status, appealId: req.query.appeal, overdue: req.query.overdue });
      return { items: rows.map((r) => present(ctx, r)), total: rows.length };
    },
  );

  app.get('/corrections/:id', { schema: { tags: ['corrections'], summary: 'A petition with its documents', params: IdParams, response: { 200: petitionWithDocumentsSchema } } }, async (req) => {
    const p = await correctionOf(ctx, req.actor, req.params.id);
    return { ...present(ctx, p), attachments: p.attachments.map((a) => ({ id: a.id, name: a.name, mediaType: a.media_type, sha256: a.sha256 })) };
  });

  app.get(
    '/corrections/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['corrections'],
        summary: 'A supporting document of a petition',
        params: attachmentParams,
      },
    },
    async (req, reply) => {
      // as every attachment: a download of its checked type only (src/attachments/routes.ts)
      return sendFile(reply, await attachmentOf(ctx, req.actor, req.params.id, req.params.attachmentId));
    },
  );

  app.post(
    '/corrections/:id/decision',
    {
      schema: {
        tags: ['corrections'],
        summary: 'Approve (apply) or reject a petition: the statistics authority or the organization, as the rules say',
        params: IdParams,
        body: correctionDecisionBody,
        response: { 200: petitionSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await decideCorrection(ctx, req.actor, req.params.id, req.body);
      return present(ctx, await correctionOf(ctx, req.actor, req.params.id));
    },
  );
}
