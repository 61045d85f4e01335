import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { appealInScope } from '../appeals/store.ts';
import { errorSchema } from '../intake/schemas.ts';
import { assignAppeal, type AssignmentInput } from './assign.ts';
import { appealState, cancelMoveOut, markSecurityInfo, recordFix, returnDraft, takeDecision, type DecisionInput } from './decide.ts';
import {
  allowedDecisions,
  cancelMoveOutUntil,
  canRecordFix,
  complianceChecklistFor,
  decisionInputSchema,
  DECISION_CODES,
  DECISIONS,
  FIX_RECORDED_BY,
  type DecisionCode,
} from '../domain/decisions.ts';
import { decisionsOf, draftsOf, routeOf } from './store.ts';
import { correspondenceOf, incomingCorrespondence, replyToCorrespondence } from './correspondence.ts';
import { inScope } from '../access/scope.ts';
import { organizationRef, organizationRefSchema } from '../reference/present.ts';
import { AT_RISK_WORKING_DAYS, atRiskHorizon, daysLeft, termRisk } from '../domain/queues.ts';
import { vocabulary, type VocabularyName } from '../domain/decisions.ts';
import { message } from '../http/messages.ts';
import { obligationsUnderControl, recordDeemedRefusals, recordObligationMet, termsUnderControl } from './terms.ts';
import { isRecordedByOrganization } from '../domain/obligations.ts';
import { hasRole } from '../access/actor.ts';
import { CHANNELS, MESSAGE_KINDS, messagesOfAppeal } from '../notifications/outbox.ts';
import { forbidden } from '../errors.ts';
import type { Language } from '../domain/vocabulary.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

const messageSchema = {
  type: 'object',
  required: ['id', 'kind', 'channel', 'recipient', 'language', 'body', 'status', 'attempts', 'createdAt', 'deliveries'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: [...MESSAGE_KINDS] },
    channel: { type: 'string', enum: [...CHANNELS] },
    recipient: { type: 'string' },
    language: { type: 'string' },
    subject: { type: ['string', 'null'] },
    body: { type: 'string' },
    attachmentName: { type: ['string', 'null'] },
    attachmentSize: { type: ['integer', 'null'] },
    status: { type: 'string', enum: ['pending', 'sent', 'failed'] },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: ['string', 'null'], format: 'date-time' },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    sentAt: { type: ['string', 'null'], format: 'date-time' },
    deliveries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['attempt', 'at', 'ok'],
        properties: {
          attempt: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
          ok: { type: 'boolean' },
          error: { type: ['string', 'null'] },
          providerResponse: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

const decisionCardSchema = {
  type: 'object',
  required: ['id', 'state', 'code', 'label', 'basis', 'decisionDate', 'actor', 'data'],
  properties: {
    id: { type: 'string' },
    state: { type: 'string', enum: ['taken', 'draft'], description: "a saved card, or an executor's draft for the head" },
    code: { type: 'string', enum: [...DECISION_CODES] },
    label: { type: 'string' },
    basis: { type: 'string' },
    decisionDate: { type: ['string', 'null'], format: 'date' },
    decidedAt: { type: 'string', format: 'date-time' },
    actor: { type: 'object', properties: { id: { type: ['string', 'null'] }, name: { type: 'string' } } },
    data: { type: 'object', additionalProperties: true },
    cancelledAt: { type: ['string', 'null'] },
    deleted: { type: 'boolean', description: 'removed by a correction (rules p.27)' },
    draft: {
      type: 'object',
      description: 'state "draft": where the approval stands',
      properties: {
        status: { type: 'string', enum: ['pending', 'approved', 'returned', 'superseded'] },
        remark: { type: ['string', 'null'] },
        resolvedBy: { type: ['string', 'null'] },
        resolvedAt: { type: ['string', 'null'] },
        decisionId: { type: ['string', 'null'] },
        letterId: { type: ['string', 'null'] },
      },
    },
  },
} as const;

const correspondenceSchema = {
  type: 'object',
  required: ['id', 'appealId', 'registrationNumber', 'from', 'coExecutor', 'sentAt', 'dueDate', 'status'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    appealId: { type: 'string', format: 'uuid' },
    registrationNumber: { type: 'string' },
    summary: { type: 'string' },
    text: { type: 'string' },
    applicantName: { type: ['string', 'null'] },
    from: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
    recipientOrganizationId: { type: 'integer' },
    coExecutor: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    sentAt: { type: 'string', format: 'date-time' },
    dueDate: { type: 'string', format: 'date' },
    status: { type: 'string', enum: ['open', 'answered', 'withdrawn'] },
    reply: { type: ['string', 'null'] },
    repliedBy: { type: ['string', 'null'] },
    repliedAt: { type: ['string', 'null'] },
  },
} as const;

function presentCorrespondence(k: Awaited<ReturnType<typeof correspondenceOf>>[number], lang: Language) {
  return {
    id: k.id,
    appealId: k.appeal_id,
    registrationNumber: k.registration_number,
    summary: k.summary,
    text: k.text,
    applicantName: k.applicant_name,
    from: { id: k.organization_id, name: lang === 'ru' ? k.name_ru : lang === 'en' ? k.name_en : k.name_kk },
    recipientOrganizationId: k.recipient_organization_id,
    coExecutor: { id: k.co_executor_id, name: k.co_executor_name },
    sentAt: k.sent_at.toISOString(),
    dueDate: k.due_date,
    status: k.withdrawn_at ? 'withdrawn' : k.replied_at ? 'answered' : 'open',
    reply: k.reply,
    repliedBy: k.replied_by_name,
    repliedAt: k.replied_at?.toISOString() ?? null,
  };
}

/** OpenAPI: the body of POST …/decisions for each code (fields and vocabularies of the administrative procedure). */
const decisionBodyDocs = {
  oneOf: DECISION_CODES.map((code) => {
    const s = decisionInputSchema(code, 'administrative') as { properties: object; required: string[] };
    return { ...s, title: `${code} ${DECISIONS[code].label.en}`, properties: { code: { type: 'string', enum: [code] }, ...s.properties }, required: ['code', ...s.required] };
  }),
  discriminator: { propertyName: 'code' },
};

function presentDecision(d: Awaited<ReturnType<typeof decisionsOf>>[number], lang: Language) {
  const rule = DECISIONS[d.code as DecisionCode];
  return {
    id: d.id,
    state: 'taken' as const,
    code: d.code,
    label: rule.label[lang],
    basis: rule.basis,
    decisionDate: d.decision_date,
    decidedAt: d.decided_at.toISOString(),
    actor: { id: d.actor_id, name: d.actor_name },
    data: d.data,
    cancelledAt: d.cancelled_at?.toISOString() ?? null,
    deleted: d.deleted,
  };
}

function presentDraft(d: Awaited<ReturnType<typeof draftsOf>>[number], lang: Language) {
  const rule = DECISIONS[d.code as DecisionCode];
  return {
    id: d.id,
    state: 'draft' as const,
    code: d.code,
    label: rule.label[lang],
    basis: rule.basis,
    // the card takes the day the head approves it
    decisionDate: null,
    decidedAt: d.drafted_at.toISOString(),
    actor: { id: d.drafted_by, name: d.drafted_by_name },
    data: d.data,
    cancelledAt: null,
    draft: {
      status: d.status,
      remark: d.remark,
      resolvedBy: d.resolved_by_name,
      resolvedAt: d.resolved_at?.toISOString() ?? null,
      decisionId: d.decision_id,
      letterId: d.letter_id,
    },
  };
}

const labelled = {
  type: 'object',
  required: ['code', 'label'],
  properties: { code: { type: 'string' }, label: { type: 'string' }, basis: { type: ['string', 'null'] } },
} as const;

/** A field of a decision card (src/domain/decisions.ts FieldSpec): the web app builds its forms from these. */
const fieldSpecSchema = {
  type: 'object',
  required: ['name', 'type', 'required', 'label'],
  additionalProperties: true,
  properties: {
    name: { type: 'string' },
    type: { type: 'string', enum: ['string', 'text', 'date', 'dateTime', 'boolean', 'organizationId', 'appealId', 'code', 'codes', 'object', 'list'] },
    required: { type: 'boolean' },
    label: { type: 'object', required: ['kk', 'ru', 'en'], properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } } },
    vocabulary: { type: 'string', enum: ['moveOutReason', 'compliance', 'hearingException', 'terminationReason', 'attachmentKind'] },
    fields: { type: 'array', items: { type: 'object', additionalProperties: true } },
    minItems: { type: 'integer' },
    when: { type: 'string', enum: ['notAfterToday', 'notBeforeToday', 'afterToday'] },
    onlyIf: { type: 'object', properties: { field: { type: 'string' }, equals: { type: ['boolean', 'string'] }, present: { type: 'boolean' } } },
    defaultValue: { type: 'string' },
  },
} as const;

const allowedSchema = {
  type: 'object',
  required: ['items', 'compliance', 'vocabularies', 'recordFix', 'cancelMoveOut'],
  properties: {
    recordFix: { type: 'boolean', description: 'Whether I may record now that the applicant brought the appeal into line after a 4.2 notice (POST …/compliance/fixed)' },
    cancelMoveOut: {
      type: 'object',
      required: ['allowed'],
      description: 'Whether I may cancel the move to another system (4.1) now (POST …/move-out/cancel), and until when',
      properties: { allowed: { type: 'boolean' }, until: { type: 'string', format: 'date' } },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'allowed', 'label', 'basis', 'fields'],
        properties: {
          code: { type: 'string', enum: [...DECISION_CODES] },
          allowed: { type: 'boolean' },
          reason: { type: 'string' },
          params: { type: 'object', additionalProperties: true },
          reasonMessage: { type: 'string' },
          approval: { type: 'boolean', description: "taken as a draft for the head's approval" },
          caveat: { type: 'string' },
          caveatParams: { type: 'object', additionalProperties: true },
          caveatMessage: { type: 'string' },
          label: { type: 'string' },
          basis: { type: 'string' },
          fields: { type: 'array', items: fieldSpecSchema },
          exactlyOneOf: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    compliance: { type: 'array', items: labelled },
    vocabularies: {
      type: 'object',
      required: ['moveOutReason', 'compliance', 'hearingException', 'terminationReason', 'attachmentKind'],
      properties: {
        moveOutReason: { type: 'array', items: labelled },
        compliance: { type: 'array', items: labelled },
        hearingException: { type: 'array', items: labelled },
        terminationReason: { type: 'array', items: labelled },
        attachmentKind: { type: 'array', items: labelled },
      },
    },
  },
} as const;

const routeLinkSchema = {
  type: 'object',
  required: ['id', 'registrationNumber', 'status', 'registrationDate', 'organization', 'visible'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    registrationNumber: { type: 'string' },
    status: { type: 'string' },
    registrationDate: { type: 'string', format: 'date' },
    organization: organizationRefSchema,
    visible: { type: 'boolean', description: 'Whether I may open it' },
  },
} as const;

export async function reviewRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/appeals/:id/route',
    {
      schema: {
        tags: ['review'],
        summary: "The appeal's route: where it came from, the main appeal it is attached to, where it was forwarded, its split parts, the appeals attached to it",
        params: idParams,
        response: {
          200: {
            type: 'object',
            required: ['origin', 'main', 'forwardedTo', 'parts', 'attached'],
            properties: {
              origin: { anyOf: [routeLinkSchema, { type: 'null' }] },
              main: { anyOf: [routeLinkSchema, { type: 'null' }] },
              forwardedTo: { type: 'array', items: routeLinkSchema },
              parts: { type: 'array', items: routeLinkSchema },
              attached: { type: 'array', items: routeLinkSchema },
            },
          },
        },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const rows = await routeOf(ctx.db, appeal, (column) => inScope(req.actor, column));
      const link = (r: (typeof rows)[number]) => ({
        id: r.id,
        registrationNumber: r.registration_number,
        status: r.status,
        registrationDate: r.registration_date,
        organization: organizationRef({ id: r.org_id, code: r.org_code, name_kk: r.name_kk, name_ru: r.name_ru, name_en: r.name_en }, req.lang),
        visible: r.visible,
      });
      const opened = rows.filter((r) => r.origin_appeal_id === appeal.id);
      const origin = rows.find((r) => r.id === appeal.origin_appeal_id);
      const main = rows.find((r) => r.id === appeal.main_appeal_id);
      return {
        origin: origin ? link(origin) : null,
        main: main ? link(main) : null,
        forwardedTo: opened.filter((r) => r.registration_number === appeal.registration_number).map(link),
        parts: opened.filter((r) => r.registration_number !== appeal.registration_number).map(link),
        attached: rows.filter((r) => r.main_appeal_id === appeal.id).map(link),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/term',
    {
      schema: {
        tags: ['review'],
        summary: 'The review term now: due date, working days left, risk (overdue, at risk, on track)',
        params: idParams,
        response: {
          200: {
            type: 'object',
            required: ['today', 'registrationDate', 'dueDate', 'daysLeft', 'risk', 'atRiskDays', 'ended'],
            properties: {
              today: { type: 'string', format: 'date' },
              registrationDate: { type: 'string', format: 'date' },
              dueDate: { type: 'string', format: 'date' },
              controlDate: { type: ['string', 'null'] },
              daysLeft: { type: ['integer', 'null'] },
              risk: { type: ['string', 'null'], enum: ['overdue', 'atRisk', 'onTrack', null] },
              atRiskDays: { type: 'integer' },
              ended: { type: 'boolean' },
              reviewEndedOn: { type: ['string', 'null'] },
              endedOnTime: { type: ['boolean', 'null'] },
              horizon: { type: 'string', format: 'date' },
            },
          },
        },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const today = todayOf(ctx);
      const cal = ctx.law.calendar;
      const ended = appeal.review_ended_on !== null;
      return {
        today,
        registrationDate: appeal.registration_date,
        dueDate: appeal.due_date,
        controlDate: appeal.control_date,
        daysLeft: ended ? null : daysLeft(cal, today, appeal.due_date),
        risk: termRisk(cal, today, appeal.due_date, ended),
        atRiskDays: AT_RISK_WORKING_DAYS,
        ended,
        reviewEndedOn: appeal.review_ended_on,
        endedOnTime: ended ? appeal.review_ended_on! <= appeal.due_date : null,
        horizon: atRiskHorizon(cal, today),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: AssignmentInput }>(
    '/appeals/:id/assignments',
    {
      schema: {
        tags: ['review'],
        summary: 'Assign the responsible executor and co-executors (head); reassignment is logged',
        params: idParams,
        body: {
          type: 'object',
          required: ['executorId'],
          additionalProperties: false,
          properties: {
            executorId: { type: 'string', format: 'uuid' },
            coExecutorIds: { type: 'array', maxItems: 50, items: { type: 'string', format: 'uuid' } },
            controlDate: { type: 'string', format: 'date' },
          },
        },
        response: { 400: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await assignAppeal(ctx, req.actor, req.params.id, req.body);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return reply.status(201).send({ appealId: appeal.id, executorId: appeal.executor_id, status: appeal.status, controlDate: appeal.control_date });
    },
  );

  app.post<{ Params: { id: string }; Body: DecisionInput }>(
    '/appeals/:id/decisions',
    {
      // The body is documented per decision (decisionBodyDocs) and validated by the domain, which
      // answers field by field in the caller's language.
      config: { openapiBody: decisionBodyDocs },
      schema: {
        tags: ['review'],
        summary: 'Take a decision (card ТЖ-2): {code: "4.4", …its fields}; an executor\'s outcome is a draft the head approves by signing its letter',
        description:
          'Fields by decision: targetOrganizationId (4.4, 4.24), parts [{summary, targetOrganizationId}] (4.4 split), mainAppealId (4.5), ' +
          'fixBy and missing (4.2), newDueDate and reason (4.14), favourable and text (4.15), hearingAt, place and contacts (4.7), reason (4.13), text (4.18–4.26). ' +
          'GET /appeals/:id/decisions/allowed lists what this user may take now (approval: true — saved as a draft for the head). ' +
          'The answer carries the card (state "taken") or the draft (state "draft", with its letter), the appeal\'s status and due date. 409 when the domain does not allow it now; nothing changes.',
        params: idParams,
        body: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string', enum: [...DECISION_CODES] } },
          additionalProperties: true,
        },
        response: {
          201: {
            type: 'object',
            required: ['decision', 'status', 'dueDate'],
            properties: { decision: decisionCardSchema, status: { type: 'string' }, dueDate: { type: 'string', format: 'date' } },
          },
          400: errorSchema,
          403: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const taken = await takeDecision(ctx, req.actor, req.params.id, req.body);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const decision =
        'decisionId' in taken
          ? presentDecision((await decisionsOf(ctx.db, appeal.id)).find((d) => d.id === taken.decisionId)!, req.lang)
          : presentDraft((await draftsOf(ctx.db, appeal.id)).find((d) => d.id === taken.draftId)!, req.lang);
      return reply.status(201).send({ decision, status: appeal.status, dueDate: appeal.due_date });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/decisions',
    {
      schema: {
        tags: ['review'],
        summary: 'The decision cards (ТЖ-2) of an appeal at its organization (deleted: removed by a correction)',
        params: idParams,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: decisionCardSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const items = (await decisionsOf(ctx.db, appeal.id)).map((d) => presentDecision(d, req.lang));
      return { items, total: items.length };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/drafts',
    {
      schema: {
        tags: ['review'],
        summary: "Executors' drafts of decision cards: pending the head's approval, approved (with their card), returned with the remark, superseded",
        params: idParams,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: decisionCardSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const items = (await draftsOf(ctx.db, appeal.id)).map((d) => presentDraft(d, req.lang));
      return { items, total: items.length };
    },
  );

  app.post<{ Params: { id: string; draftId: string }; Body: { remark?: string } }>(
    '/appeals/:id/drafts/:draftId/return',
    {
      schema: {
        tags: ['review'],
        summary: "Return an executor's draft for rework (the head or the control department, with the remark; or its author): its letter goes, the review goes on",
        params: { type: 'object', required: ['id', 'draftId'], properties: { id: { type: 'string', format: 'uuid' }, draftId: { type: 'string', format: 'uuid' } } },
        body: { type: 'object', additionalProperties: false, properties: { remark: { type: 'string', maxLength: 4000 } } },
        response: { 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await returnDraft(ctx, req.actor, req.params.id, req.params.draftId, req.body?.remark);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return { status: appeal.status };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/correspondence',
    {
      schema: {
        tags: ['review'],
        summary: "The tasks this appeal sent to co-executing organizations as internal correspondence (rules p.11), with their replies",
        params: idParams,
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: correspondenceSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const items = (await correspondenceOf(ctx.db, appeal.id)).map((k) => presentCorrespondence(k, req.lang));
      return { items, total: items.length };
    },
  );

  app.get<{ Querystring: { state: 'open' | 'all' } }>(
    '/correspondence',
    {
      schema: {
        tags: ['review'],
        summary: "Internal correspondence to my organizations: other organizations' appeals on which our employees are co-executors (not our appeals; rules p.11)",
        querystring: { type: 'object', additionalProperties: false, properties: { state: { type: 'string', enum: ['open', 'all'], default: 'open' } } },
        response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: correspondenceSchema }, total: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const items = (await incomingCorrespondence(ctx, req.actor, req.query.state)).map((k) => presentCorrespondence(k, req.lang));
      return { items, total: items.length };
    },
  );

  app.post<{ Params: { correspondenceId: string }; Body: { text: string } }>(
    '/correspondence/:correspondenceId/reply',
    {
      schema: {
        tags: ['review'],
        summary: 'Answer a co-execution task (the co-executor or a head of their organization)',
        params: { type: 'object', required: ['correspondenceId'], properties: { correspondenceId: { type: 'string', format: 'uuid' } } },
        body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 20000 } } },
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await replyToCorrespondence(ctx, req.actor, req.params.correspondenceId, req.body.text);
      return { correspondenceId: req.params.correspondenceId, replied: true };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/messages',
    {
      schema: {
        tags: ['review'],
        summary: "The messages to the applicant (registration, talon, forwarding, extension, hearing, decision) with every delivery attempt",
        params: idParams,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: messageSchema } } } },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return { items: await messagesOfAppeal(ctx.db, appeal.id) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/decisions/allowed',
    {
      schema: {
        tags: ['review'],
        summary: 'Every decision with whether this user may take it now, and why not; its fields; the compliance checklist and vocabularies',
        params: idParams,
        response: { 200: allowedSchema },
      },
    },
    async (req) => {
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      const state = await appealState(ctx, appeal);
      const today = todayOf(ctx);
      const items = allowedDecisions(state, req.actor.roles, today, ctx.law.calendar, { count: ctx.law.count }).map((a) => ({
        ...a,
        label: DECISIONS[a.code].label[req.lang],
        basis: DECISIONS[a.code].basis,
        ...(a.reason ? { reasonMessage: message(a.reason, req.lang, a.params) } : {}),
        ...(a.caveat ? { caveatMessage: message(a.caveat, req.lang, a.caveatParams) } : {}),
        fields: DECISIONS[a.code].fields,
        ...(DECISIONS[a.code].exactlyOneOf ? { exactlyOneOf: DECISIONS[a.code].exactlyOneOf } : {}),
      }));
      // The closed vocabularies the fields name (code, codes), in the caller's language.
      const names: VocabularyName[] = ['moveOutReason', 'compliance', 'hearingException', 'terminationReason', 'attachmentKind'];
      const vocabularies = Object.fromEntries(
        names.map((n) => [n, vocabulary(n, state.procedure).map((v) => ({ code: v.code, label: v.label[req.lang], basis: v.basis ?? null }))]),
      );
      // The two actions besides decisions, with the checks their routes make (decide.ts).
      const moveOutUntil = cancelMoveOutUntil(state, req.actor.roles, today, ctx.law.calendar);
      return {
        items,
        recordFix: hasRole(req.actor, ...FIX_RECORDED_BY) && canRecordFix(state),
        cancelMoveOut: moveOutUntil ? { allowed: true, until: moveOutUntil } : { allowed: false },
        compliance: complianceChecklistFor(state.procedure).map((c) => ({ code: c.code, label: c.label[req.lang], basis: c.basis })),
        vocabularies,
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/appeals/:id/move-out/cancel',
    {
      schema: { tags: ['review'], summary: 'Cancel a move to another information system (4.1) within one working day', params: idParams, response: { 409: errorSchema } },
    },
    async (req) => {
      await cancelMoveOut(ctx, req.actor, req.params.id);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return { status: appeal.status };
    },
  );

  app.post<{ Params: { id: string }; Body: { securityInfo: boolean; reason: string } }>(
    '/appeals/:id/security-info',
    {
      schema: {
        tags: ['review'],
        summary: 'Mark that the appeal holds information on a crime or a threat to state or public security (APPC Art. 88 p.1): an anonymous one is then forwarded at once, not terminated',
        params: idParams,
        body: {
          type: 'object',
          required: ['securityInfo', 'reason'],
          additionalProperties: false,
          properties: { securityInfo: { type: 'boolean' }, reason: { type: 'string', minLength: 1, maxLength: 4000 } },
        },
        response: { 403: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await markSecurityInfo(ctx, req.actor, req.params.id, req.body.securityInfo, req.body.reason);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return { securityInfo: appeal.security_info };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/appeals/:id/compliance/fixed',
    {
      schema: {
        tags: ['review'],
        summary: 'Record that the applicant brought the appeal into line after a 4.2 notice (APPC Art. 64 p.6): the review goes on',
        params: idParams,
        response: { 409: errorSchema },
      },
    },
    async (req) => {
      await recordFix(ctx, req.actor, req.params.id);
      const appeal = await appealInScope(ctx.db, req.actor, req.params.id);
      return { status: appeal.status };
    },
  );

  app.get<{ Querystring: { atRiskDays: number; organization?: number } }>(
    '/terms/control',
    {
      schema: {
        tags: ['review'],
        summary: 'Overdue and at-risk appeals of my organizations, by days left',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { atRiskDays: { type: 'integer', minimum: 0, maximum: 30, default: 3 }, organization: { type: 'integer' } },
        },
      },
    },
    async (req) => {
      const items = (await termsUnderControl(ctx, req.actor, req.query.atRiskDays, req.query.organization)).map((r) => ({
        id: r.id,
        registrationNumber: r.registration_number,
        documentType: r.document_type,
        summary: r.summary,
        applicantName: r.applicant_name,
        registrationDate: r.registration_date,
        dueDate: r.due_date,
        daysLeft: r.daysLeft,
        overdue: r.overdue,
        status: r.status,
        organization: { id: r.organization_id, code: r.organization_code },
        executorName: r.executor_name,
      }));
      return { items, total: items.length };
    },
  );

  app.get<{ Querystring: { state: 'open' | 'violated' } }>(
    '/terms/obligations',
    {
      schema: {
        tags: ['review'],
        summary: 'Obligations with their own terms (forward, notify, send the case back…) of my organizations: open, or violated (fulfilled late or open past the term)',
        querystring: { type: 'object', additionalProperties: false, properties: { state: { type: 'string', enum: ['open', 'violated'], default: 'open' } } },
      },
    },
    async (req) => {
      const items = (await obligationsUnderControl(ctx, req.actor, req.query.state)).map((o) => ({
        id: o.id,
        kind: o.kind,
        dueDate: o.due_date,
        basis: o.basis,
        metOn: o.met_on,
        violated: o.violated,
        recordedByOrganization: isRecordedByOrganization(o.kind),
        appealId: o.appeal_id,
        registrationNumber: o.registration_number,
        organizationId: o.organization_id,
      }));
      return { items, total: items.length };
    },
  );

  app.post<{ Params: { obligationId: string } }>(
    '/obligations/:obligationId/met',
    {
      schema: {
        tags: ['review'],
        summary: 'Record that the organization fulfilled an obligation it fulfils itself (the case sent back, Art. 100 p.2; access to the file given, Art. 75 p.1)',
        params: { type: 'object', required: ['obligationId'], properties: { obligationId: { type: 'string', format: 'uuid' } } },
        response: { 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      await recordObligationMet(ctx, req.actor, req.params.obligationId);
      return { obligationId: req.params.obligationId, met: true };
    },
  );

  app.post(
    '/terms/deemed-refusals',
    { schema: { tags: ['review'], summary: 'Record deemed refusals for missed decision terms now (the server does it daily); admin or controller' } },
    async (req) => {
      if (!hasRole(req.actor, 'controller')) throw forbidden();
      return { recorded: await recordDeemedRefusals(ctx) };
    },
  );
}
