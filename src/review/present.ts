// The JSON shapes of review: the response schemas of its routes and the presenters that fill them
// from the rows the use cases (read.ts, terms.ts, correspondence.ts) give.
import type { Calendar, IsoDate } from '../domain/calendar.ts';
import type { AppealRow } from '../appeals/store.ts';
import { DECISION_CODES, DECISIONS, complianceChecklistFor, vocabulary, type DecisionCode, type VocabularyName } from '../domain/decisions.ts';
import { organizationRef, organizationRefSchema } from '../reference/present.ts';
import { AT_RISK_WORKING_DAYS, atRiskHorizon, daysLeft, termRisk } from '../domain/queues.ts';
import { isRecordedByOrganization } from '../domain/obligations.ts';
import type { ActionCheck } from '../domain/actions.ts';
import { message } from '../http/messages.ts';
import { CHANNELS, MESSAGE_KINDS, RECEPTION_MESSAGE_KINDS } from '../notifications/outbox.ts';
import type { Language } from '../domain/vocabulary.ts';
import type { correspondenceOf, decisionsOf, draftsOf, routeOf } from './store.ts';
import type { allowedNow } from './read.ts';
import type { obligationsUnderControl, termsUnderControl } from './terms.ts';

export const messageSchema = {
  type: 'object',
  required: ['id', 'kind', 'channel', 'recipient', 'language', 'body', 'status', 'attempts', 'createdAt', 'deliveries'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: [...MESSAGE_KINDS, ...RECEPTION_MESSAGE_KINDS] },
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

export const decisionCardSchema = {
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

export const correspondenceSchema = {
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

export function presentCorrespondence(k: Awaited<ReturnType<typeof correspondenceOf>>[number], lang: Language) {
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

export function presentDecision(d: Awaited<ReturnType<typeof decisionsOf>>[number], lang: Language) {
  const rule = DECISIONS[d.code as DecisionCode];
  return {
    id: d.id,
    state: 'taken' as const,
    code: d.code,
    label: rule.label[lang],
    basis: rule.basisText[lang],
    decisionDate: d.decision_date,
    decidedAt: d.decided_at.toISOString(),
    actor: { id: d.actor_id, name: d.actor_name },
    data: d.data,
    cancelledAt: d.cancelled_at?.toISOString() ?? null,
    deleted: d.deleted,
  };
}

export function presentDraft(d: Awaited<ReturnType<typeof draftsOf>>[number], lang: Language) {
  const rule = DECISIONS[d.code as DecisionCode];
  return {
    id: d.id,
    state: 'draft' as const,
    code: d.code,
    label: rule.label[lang],
    basis: rule.basisText[lang],
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

const actionCheckSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['allowed'],
  properties: { allowed: { type: 'boolean' }, reason: { type: 'string' }, reasonMessage: { type: 'string' } },
} as const;

export const allowedSchema = {
  type: 'object',
  required: ['items', 'compliance', 'vocabularies', 'recordFix', 'cancelMoveOut', 'assign', 'returnDraft', 'signLetters', 'petitionCorrection'],
  properties: {
    assign: { ...actionCheckSchema, description: 'Whether I may assign the executor now (POST …/assignments), and why not' },
    returnDraft: {
      ...actionCheckSchema,
      type: ['object', 'null'],
      required: ['allowed', 'remarkRequired'],
      properties: { ...actionCheckSchema.properties, remarkRequired: { type: 'boolean', description: 'false: my own draft, taken back without a remark' } },
      description: 'The pending draft, if any: whether I may return it (POST …/drafts/:draftId/return)',
    },
    signLetters: { type: 'boolean', description: "Whether I may sign the appeal's letters (and so approve a draft)" },
    petitionCorrection: { type: 'boolean', description: "Whether I may petition a correction of the appeal's cards" },
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
        required: ['code', 'allowed', 'forMyRoles', 'label', 'basis', 'fields'],
        properties: {
          code: { type: 'string', enum: [...DECISION_CODES] },
          allowed: { type: 'boolean' },
          reason: { type: 'string' },
          forMyRoles: { type: 'boolean', description: 'whether my roles may take this decision at all, whatever the state of the appeal' },
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

export const routeLinkSchema = {
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

/** GET /appeals/:id/route: where the appeal came from, the main appeal, where it went, its parts,
 *  the appeals attached to it. */
export function presentRoute(appeal: AppealRow, rows: Awaited<ReturnType<typeof routeOf>>, lang: Language) {
  const link = (r: (typeof rows)[number]) => ({
    id: r.id,
    registrationNumber: r.registration_number,
    status: r.status,
    registrationDate: r.registration_date,
    organization: organizationRef({ id: r.org_id, code: r.org_code, name_kk: r.name_kk, name_ru: r.name_ru, name_en: r.name_en }, lang),
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
}

/** GET /appeals/:id/term: the review term as of today. */
export function presentTerm(appeal: AppealRow, today: IsoDate, cal: Calendar) {
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
}

/** GET /appeals/:id/decisions/allowed (allowedSchema). */
export function presentAllowed(allowed: Awaited<ReturnType<typeof allowedNow>>, lang: Language) {
  const { state } = allowed;
  const items = allowed.decisions.map((a) => ({
    ...a,
    label: DECISIONS[a.code].label[lang],
    basis: DECISIONS[a.code].basisText[lang],
    ...(a.reason ? { reasonMessage: message(a.reason, lang, a.params) } : {}),
    ...(a.caveat ? { caveatMessage: message(a.caveat, lang, a.caveatParams) } : {}),
    fields: DECISIONS[a.code].fields,
    ...(DECISIONS[a.code].exactlyOneOf ? { exactlyOneOf: DECISIONS[a.code].exactlyOneOf } : {}),
  }));
  // The closed vocabularies the fields name (code, codes), in the caller's language.
  const names: VocabularyName[] = ['moveOutReason', 'compliance', 'hearingException', 'terminationReason', 'attachmentKind'];
  const vocabularies = Object.fromEntries(names.map((n) => [n, vocabulary(n, state.procedure).map((v) => ({ code: v.code, label: v.label[lang], basis: v.basis ?? null }))]));
  const moveOutUntil = allowed.cancelMoveOutUntil;
  return {
    items,
    recordFix: allowed.recordFix,
    cancelMoveOut: moveOutUntil ? { allowed: true, until: moveOutUntil } : { allowed: false },
    assign: actionCheck(allowed.assign, lang),
    returnDraft: allowed.returnDraft ? { ...actionCheck(allowed.returnDraft, lang), remarkRequired: allowed.returnDraft.remarkRequired } : null,
    signLetters: allowed.signLetters,
    petitionCorrection: allowed.petitionCorrection,
    compliance: complianceChecklistFor(state.procedure).map((c) => ({ code: c.code, label: c.label[lang], basis: c.basis })),
    vocabularies,
  };
}

function actionCheck(check: ActionCheck, lang: Language) {
  return check.allowed ? { allowed: true } : { allowed: false, reason: check.reason, reasonMessage: message(check.reason, lang) };
}

/** An item of GET /terms/control. */
export function presentTermUnderControl(r: Awaited<ReturnType<typeof termsUnderControl>>[number]) {
  return {
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
  };
}

/** An item of GET /terms/obligations. */
export function presentObligation(o: Awaited<ReturnType<typeof obligationsUnderControl>>[number]) {
  return {
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
  };
}
