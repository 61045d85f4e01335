// Request schemas of the contact centre (TypeBox): the contract of issue 13 — a contact opened,
// closed with one of four outcomes, the Annex 2 report's month, knowledge cards.
import { Type, type Static } from '@sinclair/typebox';
import { registrationSchema } from '../intake/schemas.ts';
import { CONTACT_CHANNELS } from '../domain/contact-centre.ts';
import { Const, OneOfBy, StringEnum, WithDefaults } from '../http/typebox.ts';

const text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
const phone = Type.String({ pattern: '^[+0-9 ()-]{3,20}$' });
const date = Type.String({ format: 'date' });

export const openContactBody = Type.Object(
  {
    channel: StringEnum(CONTACT_CHANNELS),
    callerPhone: Type.Optional(phone),
    callerAddress: Type.Optional(text(200)),
    startedAt: Type.Optional(Type.String({ format: 'date-time' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
    concernsOrganizationId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type OpenContactInput = Static<typeof openContactBody>;

const common = {
  note: Type.Optional(text(4000, 0)),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
  concernsOrganizationId: Type.Optional(Type.Integer({ minimum: 1 })),
};

const consultation = Type.Object({ outcome: Const('consultation'), knowledgeCardId: Type.String({ format: 'uuid' }), ...common }, { additionalProperties: false });

/** A status answer: the appeal found by its registration number with the talon number, or the
 *  caller's appeals by IIN after identification. */
const statusAnswer = Type.Object(
  {
    outcome: Const('statusAnswer'),
    registrationNumber: Type.Optional(text(50)),
    talonNumber: Type.Optional(text(20)),
    iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
    ...common,
  },
  { additionalProperties: false },
);

/** CC-17, CC-25: the Annex 2 fields; never an appeal. */
const publicServiceComplaint = Type.Object(
  {
    outcome: Const('publicServiceComplaint'),
    region: text(200),
    applicantName: text(300),
    nature: text(500),
    content: text(10_000),
    measures: text(4000),
    ticketNumber: Type.Optional(text(100)),
    bylawViolation: Type.Optional(text(4000)),
    employeeActions: Type.Optional(text(4000)),
    providerId: Type.Optional(Type.Integer({ minimum: 1 })),
    ...common,
  },
  { additionalProperties: false },
);

/** An appeal for the competent organization: the registration body of POST /api/v1/appeals; the
 *  centre sets its channel (contact centre), form and organization. */
const appeal = Type.Object({ outcome: Const('appeal'), organizationId: Type.Integer({ minimum: 1 }), appeal: registrationSchema, ...common }, { additionalProperties: false });

export const closeContactBody = OneOfBy('outcome', [consultation, statusAnswer, publicServiceComplaint, appeal]);
export type CloseContactInput = Static<typeof closeContactBody>;

export const annex2Query = Type.Object({ month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }), provider: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export type Annex2Query = Static<typeof annex2Query>;

export const figuresQuery = Type.Object({ month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }) }, { additionalProperties: false });

export const suggestionQuery = Type.Object({ issueCategory: Type.Optional(text(50)), territory: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

// ---- knowledge cards (CC-05 Annex 1, lifecycle CC-04…CC-12) ----

const annex1 = {
  serviceKk: text(500),
  serviceRu: text(500),
  bylawKk: text(2000),
  bylawRu: text(2000),
  bylawApprovedOn: date,
  changesKk: Type.Optional(text(4000, 0)),
  changesRu: Type.Optional(text(4000, 0)),
  webPage: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
  responsibleName: text(300),
  responsiblePosition: text(300),
  responsiblePhone: Type.Optional(phone),
  responsibleEmail: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  providerId: Type.Optional(Type.Integer({ minimum: 1 })),
  providerName: text(500),
  providerContacts: Type.Optional(text(500)),
  answerKk: text(20_000),
  answerRu: text(20_000),
};

export const cardBody = Type.Object(annex1, { additionalProperties: false });
export type CardInput = Static<typeof cardBody>;

const lifecycle = {
  sentOn: Type.Optional(date),
  trainedOn: Type.Optional(date),
  protocolOn: Type.Optional(date),
  bylawChangedOn: Type.Optional(date),
  updatedOn: Type.Optional(date),
  responsibleChangedOn: Type.Optional(date),
  responsibleNotifiedOn: Type.Optional(date),
};

/** A change of a card: any Annex 1 field and the dates of its lifecycle's steps. */
export const cardPatchBody = Type.Partial(Type.Object({ ...annex1, ...lifecycle }, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type CardPatch = Static<typeof cardPatchBody>;

export const cardsQuery = WithDefaults(Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), overdue: Type.Boolean({ default: false }) }, { additionalProperties: false }));

/** CC-10, CC-13: a provider refused to give the information the centre asked for. */
export const refusalBody = Type.Object({ providerId: Type.Integer({ minimum: 1 }), refusedOn: date, request: text(4000), note: Type.Optional(text(4000, 0)) }, { additionalProperties: false });
export type RefusalInput = Static<typeof refusalBody>;

/** EA-05: a chat started on the citizens' pages, with the organization whose centre answers. */
export const chatBody = Type.Object({ organizationId: Type.Integer({ minimum: 1 }), language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })) }, { additionalProperties: false });
