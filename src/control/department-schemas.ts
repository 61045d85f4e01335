// Request schemas of the control department's own work (CD-04, CD-18, CD-34, CD-38): validation at
// the edge, the OpenAPI document, and the use cases' input types.
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../http/typebox.ts';
import { DISCIPLINARY_PENALTIES } from '../domain/control-department.ts';

const date = Type.String({ format: 'date' });
const uuid = Type.String({ format: 'uuid' });

export const proposalBody = Type.Object(
  {
    organizationId: Type.Integer({ minimum: 1 }),
    employeeId: Type.Optional(uuid),
    officialName: Type.String({ minLength: 1, maxLength: 300 }),
    officialPosition: Type.String({ minLength: 1, maxLength: 500 }),
    ground: Type.String({ minLength: 1, maxLength: 8000 }),
    instructionId: Type.Optional(uuid),
    dueDate: date,
  },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof proposalBody>;

export const outcomeBody = Type.Object(
  {
    outcome: StringEnum(['imposed', 'notImposed'] as const),
    penalty: Type.Optional(StringEnum(DISCIPLINARY_PENALTIES)),
    decidedOn: date,
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type OutcomeInput = Static<typeof outcomeBody>;

export const proposalsQuery = Type.Object({ state: Type.Optional(StringEnum(['pending', 'overdue', 'decided'] as const)) });

export const briefingBody = Type.Object({ employeeId: uuid, briefedOn: date, topic: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type BriefingInput = Static<typeof briefingBody>;

export const signatoryBody = Type.Object(
  { organizationId: Type.Optional(Type.Integer({ minimum: 1 })), userId: uuid, kind: StringEnum(['head', 'substitute'] as const), validFrom: date, validTo: Type.Optional(date) },
  { additionalProperties: false },
);
export type SignatoryInput = Static<typeof signatoryBody>;

export const documentBody = Type.Object(
  {
    kind: StringEnum(['systemicNote'] as const),
    addressee: Type.String({ minLength: 1, maxLength: 500 }),
    organization: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(date),
    to: Type.Optional(date),
  },
  { additionalProperties: false },
);
export type DocumentInput = Static<typeof documentBody>;
