// Request schemas of personal reception (TypeBox): validation at the edge, the OpenAPI document,
// and the types of the use cases' inputs.
import { Type, type Static } from '@sinclair/typebox';
import { CANCELLATION_REASONS, FORMATS, OCCASIONS, OFFICIAL_KINDS, OUT_OF_TURN_CATEGORIES, PARTICIPANT_KINDS, RECEPTION_LANGUAGES, REFUSAL_GROUNDS } from '../domain/reception.ts';
import { registrationSchema } from '../intake/schemas.ts';
import { StringEnum } from '../http/typebox.ts';

const str = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const date = () => Type.String({ format: 'date' });
const month = () => Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });

export const officialBody = Type.Object(
  {
    organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
    fullName: str(300, 1),
    positionKk: str(500, 1),
    positionRu: str(500, 1),
    kind: StringEnum(OFFICIAL_KINDS),
    phone: Type.Optional(str(50)),
    email: Type.Optional(str(200)),
  },
  { additionalProperties: false },
);
export type OfficialInput = Static<typeof officialBody>;

export const sessionBody = Type.Object(
  {
    officialId: Type.String({ format: 'uuid' }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    place: str(500, 1),
    format: StringEnum(FORMATS),
    occasion: StringEnum(OCCASIONS),
    /** PR-18: off-schedule receptions name the instruction they are held on */
    instructionIssuer: Type.Optional(str(300)),
    instructionDate: Type.Optional(date()),
    /** CD-15: the settlement of a visiting reception */
    settlement: Type.Optional(str(300)),
  },
  { additionalProperties: false },
);
export type SessionInput = Static<typeof sessionBody>;

export const periodQuery = Type.Object({ organization: Type.Optional(Type.Integer({ minimum: 1 })), from: Type.Optional(date()), to: Type.Optional(date()) }, { additionalProperties: false });
export type PeriodQuery = Static<typeof periodQuery>;

export const cancelBody = Type.Object({ reason: StringEnum(CANCELLATION_REASONS), note: Type.Optional(str(2000)), noticeOn: Type.Optional(date()) }, { additionalProperties: false });
export type CancelInput = Static<typeof cancelBody>;

/** PR-16: approved on paper (no signature), or with an EDS over the text of `GET /reception/schedule/approval-text`:
 *  a detached CMS made by NCALayer, or a PKCS#12 and its password for the server to sign with. */
export const approvalBody = Type.Object(
  {
    organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
    month: month(),
    signature: Type.Optional(Type.String({ maxLength: 200_000 })),
    pkcs12: Type.Optional(Type.String({ maxLength: 100_000 })),
    password: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ApprovalInput = Static<typeof approvalBody>;

export const posterQuery = Type.Object({ organization: Type.Integer({ minimum: 1 }), month: month() }, { additionalProperties: false });

export const monthQuery = Type.Object({ month: Type.Optional(month()), organization: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const restrictionBody = Type.Object({ organizationId: Type.Optional(Type.Integer({ minimum: 1 })), startsOn: date(), endsOn: date(), reason: str(2000, 1) }, { additionalProperties: false });
export type RestrictionInput = Static<typeof restrictionBody>;

export const queueBody = Type.Object(
  {
    name: str(300, 1),
    outOfTurn: Type.Optional(StringEnum(OUT_OF_TURN_CATEGORIES)),
    /** PR-21: the document seen for the out-of-turn category */
    evidence: Type.Optional(str(500)),
    arrivedAt: Type.Optional(Type.String({ format: 'date-time' })),
    signUpAppealId: Type.Optional(Type.String({ format: 'uuid' })),
    identityChecked: Type.Optional(Type.Boolean()),
    representative: Type.Optional(Type.Boolean()),
    authorityDocument: Type.Optional(str(500)),
    citizenship: Type.Optional(str(50)),
    interpreterNeeded: Type.Optional(Type.Boolean()),
    language: Type.Optional(StringEnum(RECEPTION_LANGUAGES)),
  },
  { additionalProperties: false },
);
export type QueueInput = Static<typeof queueBody>;

export const checkInBody = Type.Object({ identityChecked: Type.Literal(true), representative: Type.Optional(Type.Boolean()), authorityDocument: Type.Optional(str(500)) }, { additionalProperties: false });
export type CheckInInput = Static<typeof checkInBody>;

export const doneBody = Type.Object({ outcome: StringEnum(['served', 'absent'] as const) }, { additionalProperties: false });

export const EntryParams = Type.Object({ id: Type.String({ format: 'uuid' }), entryId: Type.String({ format: 'uuid' }) });

export const participantBody = Type.Object({ kind: StringEnum(PARTICIPANT_KINDS), name: str(300, 1), organization: Type.Optional(str(500)) }, { additionalProperties: false });
export type ParticipantInput = Static<typeof participantBody>;

export const signUpBody = Type.Object(
  {
    registration: registrationSchema,
    reception: Type.Object(
      {
        officialId: Type.Optional(Type.String({ format: 'uuid' })),
        question: str(4000, 1),
        videoConsent: Type.Optional(Type.Boolean()),
        language: Type.Optional(StringEnum(RECEPTION_LANGUAGES)),
        /** PR-04: the applicant consents to be received today by this unit head, here */
        sameDay: Type.Optional(Type.Object({ officialId: Type.String({ format: 'uuid' }), place: str(500, 1) }, { additionalProperties: false })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type SignUpInput = Static<typeof signUpBody>;

export const scheduleSignUpBody = Type.Object({ sessionId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const referenceNoteBody = Type.Object({ proposal: StringEnum(['date', 'refusal'] as const), text: str(20_000, 1) }, { additionalProperties: false });
export type ReferenceNoteInput = Static<typeof referenceNoteBody>;

export const extensionBody = Type.Object({ by: StringEnum(['letter', 'decision'] as const), until: date(), reason: str(2000, 1) }, { additionalProperties: false });
export type ExtensionInput = Static<typeof extensionBody>;

export const protocolLineBody = Type.Object(
  {
    queueEntryId: Type.Optional(Type.String({ format: 'uuid' })),
    question: str(4000, 1),
    decision: str(20_000, 1),
    /** an instruction: its executor organization (the main executor) and due date; created in the instruction model (PR-31) */
    instruction: Type.Optional(Type.Object({ executorOrganizationId: Type.Integer({ minimum: 1 }), dueDate: date() }, { additionalProperties: false })),
    appealId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type ProtocolLineInput = Static<typeof protocolLineBody>;

export const refusalBody = Type.Object(
  {
    ground: StringEnum(Object.keys(REFUSAL_GROUNDS) as (keyof typeof REFUSAL_GROUNDS)[]),
    /** PR-10: the earlier decision, court act, return or withdrawal decision the ground rests on */
    link: Type.Optional(str(500)),
    text: str(4000, 1),
  },
  { additionalProperties: false },
);
export type RefusalInput = Static<typeof refusalBody>;

export const notConsideredBody = Type.Object({ text: Type.Optional(str(4000)) }, { additionalProperties: false });
export type NotConsideredInput = Static<typeof notConsideredBody>;

export const participationBody = Type.Object({ body: str(500, 1), requestedOn: Type.Optional(date()) }, { additionalProperties: false });
export type ParticipationInput = Static<typeof participationBody>;

export const participationRefusalBody = Type.Object({ refusedOn: Type.Optional(date()) }, { additionalProperties: false });
export type ParticipationRefusalInput = Static<typeof participationRefusalBody>;

export const sampleBody = Type.Object({ organizationId: Type.Optional(Type.Integer({ minimum: 1 })), from: date(), to: date(), size: Type.Integer({ minimum: 1, maximum: 200 }) }, { additionalProperties: false });
export type SampleInput = Static<typeof sampleBody>;

export const callResultBody = Type.Object({ reached: Type.Boolean(), satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })), comment: Type.Optional(str(4000)) }, { additionalProperties: false });
export type CallResultInput = Static<typeof callResultBody>;

export const quarterQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), quarter: Type.Integer({ minimum: 1, maximum: 4 }), organization: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type QuarterQuery = Static<typeof quarterQuery>;
