// Request schemas of the control department's routes (TypeBox): validation at the edge, the
// OpenAPI document, and the use cases' input types.
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../http/typebox.ts';
import { EXPLANATION_FORMS, VIOLATION_KINDS } from '../domain/violations.ts';

const date = Type.String({ format: 'date' });

export const controlBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type ControlInput = Static<typeof controlBody>;

export const reworkBody = Type.Object({ remark: Type.String({ minLength: 1, maxLength: 4000 }), dueDate: date }, { additionalProperties: false });
export type ReworkInput = Static<typeof reworkBody>;

export const reworkAnswerBody = Type.Object({ answer: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });

export const qualityReviewBody = Type.Object(
  { checks: Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), Type.Boolean()), remark: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);
export type QualityReviewInput = Static<typeof qualityReviewBody>;

export const periodQuery = Type.Object({
  organization: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(date),
  to: Type.Optional(date),
});
export type PeriodQuery = Static<typeof periodQuery>;

export const violationsQuery = Type.Object({
  organization: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(date),
  to: Type.Optional(date),
  kind: Type.Optional(StringEnum(VIOLATION_KINDS)),
});
export type ViolationsQuery = Static<typeof violationsQuery>;

export const contentQuery = Type.Object({
  organization: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(date),
  to: Type.Optional(date),
  groupBy: Type.Optional(StringEnum(['category', 'territory'] as const)),
});
export type ContentQuery = Static<typeof contentQuery>;

export const wordsQuery = Type.Object({
  organization: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(date),
  to: Type.Optional(date),
  language: Type.Optional(StringEnum(['kk', 'ru'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type WordsQuery = Static<typeof wordsQuery>;

export const explanationRequestBody = Type.Object({ form: StringEnum(EXPLANATION_FORMS), dueDate: date }, { additionalProperties: false });
export type ExplanationRequestInput = Static<typeof explanationRequestBody>;

export const explanationBody = Type.Object({ explanation: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });

export const ExplanationParams = Type.Object({ id: Type.String({ format: 'uuid' }), requestId: Type.String({ format: 'uuid' }) });
