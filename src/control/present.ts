// What the control department's routes answer, and the schemas of the answers other systems rely on.
import type { Language } from '../domain/vocabulary.ts';
import { localized } from '../reference/present.ts';
import { VIOLATION_RULES, type ViolationKind } from '../domain/violations.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const nullable = (t: string) => ({ type: [t, 'null'] }) as const;
const orgRef = { type: 'object', required: ['id', 'name'], properties: { id: int, code: str, name: str } } as const;

type Named = { name_kk: string; name_ru: string; name_en: string };

export function presentControl(r: { appeal_id: string; put_by_name: string; put_at: Date; reason: string }) {
  return { appealId: r.appeal_id, underControl: true, by: r.put_by_name, at: r.put_at.toISOString(), reason: r.reason };
}

export const reworkSchema = {
  type: 'object',
  required: ['id', 'appealId', 'remark', 'dueDate', 'returnedBy', 'returnedAt'],
  properties: {
    id: str,
    appealId: str,
    executorId: nullable('string'),
    remark: str,
    dueDate: str,
    returnedBy: str,
    returnedAt: str,
    answer: nullable('string'),
    answeredBy: nullable('string'),
    answeredAt: nullable('string'),
  },
} as const;

export function presentRework(r: {
  id: string;
  appeal_id: string;
  executor_id: string | null;
  remark: string;
  due_date: string;
  returned_by_name: string;
  returned_at: Date;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
}) {
  return {
    id: r.id,
    appealId: r.appeal_id,
    executorId: r.executor_id,
    remark: r.remark,
    dueDate: r.due_date,
    returnedBy: r.returned_by_name,
    returnedAt: r.returned_at.toISOString(),
    answer: r.answer,
    answeredBy: r.answered_by_name,
    answeredAt: r.answered_at?.toISOString() ?? null,
  };
}

export function presentReworkCount(r: Named & { organization_id: number; code: string; executor_id: string | null; executor_name: string | null; n: number }, lang: Language) {
  return {
    organization: { id: r.organization_id, code: r.code, name: localized(r, lang) },
    executor: r.executor_id ? { id: r.executor_id, name: r.executor_name ?? '' } : null,
    count: Number(r.n),
  };
}

export function presentQueueItem(
  r: Named & {
    id: string;
    registration_number: string;
    summary: string;
    language: string;
    due_date: string;
    review_ended_on: string | null;
    organization_id: number;
    code: string;
    control_reason: string | null;
    answer: string | null;
  },
  lang: Language,
) {
  return {
    appealId: r.id,
    registrationNumber: r.registration_number,
    summary: r.summary,
    language: r.language,
    dueDate: r.due_date,
    reviewEndedOn: r.review_ended_on,
    organization: { id: r.organization_id, code: r.code, name: localized(r, lang) },
    underControl: r.control_reason !== null,
    controlReason: r.control_reason,
    answer: r.answer,
  };
}

export const violationsSchema = {
  type: 'object',
  required: ['items', 'total'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'basis', 'organization', 'appealId', 'detectedAt'],
        properties: {
          id: str,
          kind: str,
          rule: str,
          basis: str,
          organization: orgRef,
          appealId: nullable('string'),
          registrationNumber: nullable('string'),
          instructionId: nullable('string'),
          employee: nullable('string'),
          detectedAt: str,
          explanations: { type: 'array', items: { type: 'object', properties: { id: str, form: str, dueDate: str, explanation: nullable('string') } } },
        },
      },
    },
    total: int,
    totalCapped: { type: 'boolean', description: 'More than the total says: totals stop at 10000' },
    notDetected: { type: 'array', items: str },
  },
} as const;

export function presentViolation(
  v: Named & {
    id: string;
    kind: string;
    basis: string;
    appeal_id: string | null;
    instruction_id: string | null;
    detected_at: Date;
    organization_id: number;
    code: string;
    registration_number: string | null;
    employee_name: string | null;
    explanations: string | null;
  },
  lang: Language,
) {
  return {
    id: v.id,
    kind: v.kind,
    rule: VIOLATION_RULES[v.kind as ViolationKind]?.rule[lang] ?? v.kind,
    basis: v.basis,
    organization: { id: v.organization_id, code: v.code, name: localized(v, lang) },
    appealId: v.appeal_id,
    registrationNumber: v.registration_number,
    instructionId: v.instruction_id,
    employee: v.employee_name,
    detectedAt: v.detected_at.toISOString(),
    explanations: JSON.parse(v.explanations ?? '[]'),
  };
}

export const contentSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    organizationId: int,
    from: str,
    to: str,
    groupBy: str,
    items: { type: 'array', items: { type: 'object', required: ['key', 'label', 'count', 'previousCount'], properties: { key: str, label: str, count: int, previousCount: int } } },
  },
} as const;

const bool = { type: 'boolean' } as const;
const num = { type: 'number' } as const;
const object = <P extends Record<string, unknown>>(properties: P) => ({ type: 'object', required: Object.keys(properties), properties }) as const;
const listOf = <P extends Record<string, unknown>>(properties: P) => object({ items: { type: 'array', items: object(properties) }, total: int });

export const dashboardSchema = object({
  organizationId: int,
  from: str,
  to: str,
  appeals: int,
  onTime: int,
  overdue: int,
  underControl: int,
  returns: int,
  quality: nullable('integer'),
  violations: int,
  instructions: int,
  instructionsOverdue: int,
  /** CD-17: reception sessions held in the period */
  receptionsHeld: int,
  territories: { type: 'array', items: object({ territoryId: int, name: str, appeals: int, open: int, overdue: int }) },
});

export const qualityQueueSchema = listOf({
  appealId: str,
  registrationNumber: str,
  summary: str,
  language: str,
  dueDate: str,
  reviewEndedOn: nullable('string'),
  organization: orgRef,
  underControl: bool,
  controlReason: nullable('string'),
  answer: nullable('string'),
});

export const checklistSchema = object({ items: { type: 'array', items: object({ code: str, label: str, basis: str }) } });

export const reworkCountsSchema = object({
  from: str,
  to: str,
  total: int,
  items: { type: 'array', items: object({ organization: orgRef, executor: { type: ['object', 'null'], properties: { id: str, name: str } }, count: int }) },
});

export const systemicSchema = object({
  from: str,
  to: str,
  items: {
    type: 'array',
    items: object({
      category: object({ code: str, label: str }),
      territory: object({ id: int, name: str }),
      count: int,
      baseline: num,
      applicants: int,
      reason: { type: 'string', enum: ['rising', 'manyApplicants'] },
    }),
  },
});

export const wordsSchema = object({ language: str, from: str, to: str, items: { type: 'array', items: object({ word: str, count: int }) } });
