// Request schemas of review (TypeBox): validation at the edge, the OpenAPI document, and the types of
// the route handlers and of the use cases' inputs (AssignmentInput is `Static<typeof assignmentBody>`).
import { Type, type Static } from '@sinclair/typebox';
import { DECISION_CODES } from '../domain/decisions.ts';
import { StringEnum, WithDefaults } from '../http/typebox.ts';

const uuid = () => Type.String({ format: 'uuid' });

export const assignmentBody = Type.Object(
  {
    executorId: uuid(),
    coExecutorIds: Type.Optional(Type.Array(uuid(), { maxItems: 50 })),
    controlDate: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type AssignmentInput = Static<typeof assignmentBody>;

export const securityInfoBody = Type.Object({ securityInfo: Type.Boolean(), reason: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });

/** Only the code: the domain validates the decision's fields (and answers field by field in the caller's language). */
export const decisionBody = Type.Object({ code: StringEnum(DECISION_CODES) }, { additionalProperties: true });

export const draftParams = Type.Object({ id: uuid(), draftId: uuid() });
export const returnDraftBody = Type.Object({ remark: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });

export const correspondenceQuery = WithDefaults(Type.Object({ state: StringEnum(['open', 'all'], { default: 'open' }) }, { additionalProperties: false }));
export const correspondenceParams = Type.Object({ correspondenceId: uuid() });
export const correspondenceReplyBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });

export const termControlQuery = WithDefaults(Type.Object({ atRiskDays: Type.Integer({ minimum: 0, maximum: 30, default: 3 }), organization: Type.Optional(Type.Integer()) }, { additionalProperties: false }));
export const obligationsQuery = WithDefaults(Type.Object({ state: StringEnum(['open', 'violated'], { default: 'open' }) }, { additionalProperties: false }));
export const obligationParams = Type.Object({ obligationId: uuid() });
