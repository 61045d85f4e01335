// Request schemas of instructions under control (TypeBox).
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../http/typebox.ts';
import { INSTRUCTION_STATES, ISSUERS } from '../domain/instructions.ts';

const date = Type.String({ format: 'date' });

export const instructionBody = Type.Object(
  {
    issuer: StringEnum(ISSUERS),
    text: Type.String({ minLength: 1, maxLength: 20000 }),
    dueDate: date,
    appealIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 }),
    executors: Type.Array(Type.Object({ organizationId: Type.Integer({ minimum: 1 }), main: Type.Boolean() }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
    basisDocument: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    warningDates: Type.Optional(Type.Array(date, { maxItems: 20 })),
    /** The organization that controls it; by default the creator's scope. */
    organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type InstructionInput = Static<typeof instructionBody>;

export const instructionsQuery = Type.Object({
  state: Type.Optional(StringEnum(INSTRUCTION_STATES)),
  issuer: Type.Optional(StringEnum(ISSUERS)),
  executor: Type.Optional(Type.Integer({ minimum: 1 })),
  dueThisWeek: Type.Optional(Type.Boolean()),
  appealId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type InstructionsQuery = Static<typeof instructionsQuery>;

export const reportBody = Type.Object({ kind: StringEnum(['interim', 'execution'] as const), text: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });
export type ReportInput = Static<typeof reportBody>;

export const reportDecisionBody = Type.Object({ accept: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });

export const extensionBody = Type.Object({ dueDate: date, reason: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type ExtensionInput = Static<typeof extensionBody>;

export const extensionDecisionBody = Type.Object({ grant: Type.Boolean() }, { additionalProperties: false });

export const SubParams = Type.Object({ id: Type.String({ format: 'uuid' }), subId: Type.String({ format: 'uuid' }) });

/** CD-22: the half-year of the report. */
export const semiAnnualQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), half: Type.Union([Type.Literal(1), Type.Literal(2)]) });
