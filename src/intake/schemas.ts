// JSON schemas of the intake API (validation at the edge; also the OpenAPI document). The request
// schemas are TypeBox: the registration body's type is the domain's RegistrationInput (src/domain
// owns it), checked below to be the same type both ways.
import { Type, type Static } from '@sinclair/typebox';
import { CHANNELS, DOCUMENT_TYPES, FORMS, APPLICANT_KINDS } from '../domain/vocabulary.ts';
import type { RegistrationInput } from '../domain/registration.ts';
import { type AssertEqual, type Equal, Const, OneOfBy, Page, StringEnum, WithDefaults } from '../http/typebox.ts';

const str = (maxLength: number, minLength = 0) => Type.String({ maxLength, ...(minLength ? { minLength } : {}) });
const digits12 = () => Type.String({ pattern: '^[0-9]{12}$' });
const date = { type: 'string', format: 'date' } as const;

const address = Type.Object(
  {
    country: Type.Optional(str(100)),
    region: Type.Optional(str(200)),
    district: Type.Optional(str(200)),
    settlement: Type.Optional(str(200)),
    street: Type.Optional(str(200)),
    house: Type.Optional(str(50)),
    flat: Type.Optional(str(50)),
  },
  { additionalProperties: false },
);

const contact = {
  postalAddress: Type.Optional(str(500)),
  phone: Type.Optional(Type.String({ pattern: '^[+0-9 ()-]{5,20}$' })),
  phoneOther: Type.Optional(str(50)),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  inInterestOf: Type.Optional(str(500)),
};

export const individualSchema = Type.Object(
  {
    kind: Const('individual'),
    iin: Type.Optional(digits12()),
    lastName: str(100, 1),
    firstName: str(100, 1),
    middleName: Type.Optional(str(100)),
    citizenship: Type.Optional(str(20)),
    birthDate: Type.Optional(Type.String({ format: 'date' })),
    sex: Type.Optional(StringEnum(['male', 'female'])),
    nationality: Type.Optional(str(50)),
    address: Type.Optional(address),
    socialStatus: Type.Optional(str(50)),
    occupation: Type.Optional(str(300)),
    ...contact,
  },
  { additionalProperties: false },
);

export const legalEntitySchema = Type.Object(
  {
    kind: Const('legalEntity'),
    bin: digits12(),
    name: str(500, 1),
    address: Type.Optional(address),
    businessCategory: Type.Optional(str(50)),
    representative: Type.Optional(Type.Object({ lastName: str(100, 1), firstName: str(100, 1), middleName: Type.Optional(str(100)), iin: Type.Optional(digits12()) }, { additionalProperties: false })),
    ...contact,
  },
  { additionalProperties: false },
);

// `discriminator` makes the errors name the fields of the chosen kind, not of both shapes.
const applicant = OneOfBy('kind', [individualSchema, legalEntitySchema]);

export const registrationSchema = Type.Object(
  {
    documentType: StringEnum(DOCUMENT_TYPES),
    subKind: Type.Optional(str(50)),
    form: StringEnum(FORMS),
    channel: StringEnum(CHANNELS),
    language: Type.String({ pattern: '^[a-z]{2}$' }),
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
    summary: str(1000, 1),
    text: Type.Optional(str(100_000)),
    protocolText: Type.Optional(str(100_000)),
    issueCategory: Type.Optional(str(50)),
    addresseeCategory: Type.Optional(str(50)),
    organizationId: Type.Optional(Type.Integer()),
    applicant: Type.Optional(applicant),
    applicants: Type.Optional(Type.Array(applicant, { minItems: 2, maxItems: 500 })),
    anonymous: Type.Optional(Type.Boolean()),
    complainedOrganizationId: Type.Optional(Type.Integer()),
    complainedOrganizationName: Type.Optional(str(500)),
    complainedOfficial: Type.Optional(str(300)),
    complainedAct: Type.Optional(str(500)),
    challengedAppealId: Type.Optional(Type.String({ format: 'uuid' })),
    securityInfo: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The body of POST /appeals: a registration and the files staged for it (src/attachments). */
export const registrationBody = Type.Object(
  { ...registrationSchema.properties, attachmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, uniqueItems: true })) },
  { additionalProperties: false },
);

/** The registration body is the domain's RegistrationInput, no more, no less. */
export type RegistrationSchemaIsRegistrationInput = AssertEqual<Equal<Static<typeof registrationSchema>, RegistrationInput>>;

export const duplicateCheckQuery = Page(20, 100);
export const eventsQuery = Page(500, 1000);

export const appealsQuery = WithDefaults(
  Type.Object(
    {
      organization: Type.Optional(Type.Integer()),
      documentType: Type.Optional(StringEnum(DOCUMENT_TYPES)),
      status: Type.Optional(Type.String({ maxLength: 50 })),
      registrationNumber: Type.Optional(Type.String({ maxLength: 50 })),
      talonNumber: Type.Optional(Type.String({ maxLength: 20 })),
      iin: Type.Optional(digits12()),
      dateFrom: Type.Optional(Type.String({ format: 'date' })),
      dateTo: Type.Optional(Type.String({ format: 'date' })),
      q: Type.Optional(Type.String({ maxLength: 200 })),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);

export const iinParams = Type.Object({ iin: digits12() });
export const binParams = Type.Object({ bin: digits12() });
/** Why a registry card is looked up: written to the audit log with the look-up. */
export const registryLookupQuery = WithDefaults(
  Type.Object({ purpose: Type.String({ minLength: 1, maxLength: 200, default: 'registration', description: 'Why the card is looked up (audited); registration by default' }) }, { additionalProperties: false }),
);

const applicantCardSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    citizenship: { type: ['string', 'null'] },
    iin: { type: ['string', 'null'] },
    lastName: { type: ['string', 'null'] },
    firstName: { type: ['string', 'null'] },
    middleName: { type: ['string', 'null'] },
    birthDate: { type: ['string', 'null'] },
    sex: { type: ['string', 'null'] },
    nationality: { type: ['string', 'null'] },
    age: { type: ['integer', 'null'] },
    address: address,
    postalAddress: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    phoneOther: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    socialStatus: { type: ['string', 'null'] },
    occupation: { type: ['string', 'null'] },
    inInterestOf: { type: ['string', 'null'] },
    bin: { type: ['string', 'null'] },
    legalName: { type: ['string', 'null'] },
    legalAddress: { type: ['string', 'null'] },
    businessCategory: { type: ['string', 'null'] },
  },
} as const;

export const duplicateCandidateSchema = {
  type: 'object',
  properties: {
    appealId: { type: 'string' },
    registrationNumber: { type: 'string' },
    registrationDate: date,
    summary: { type: 'string' },
    status: { type: 'string' },
    score: { type: 'number' },
    reason: { type: 'string', enum: ['sameIin', 'sameBin', 'sameNameAndPhone'] },
  },
} as const;

export const appealSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    registrationNumber: { type: 'string' },
    talonNumber: { type: 'string' },
    organization: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' } } },
    receivedAt: { type: 'string', format: 'date-time' },
    registrationDate: date,
    dueDate: date,
    documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
    subKind: { type: ['string', 'null'] },
    procedure: { type: 'string' },
    form: { type: 'string' },
    channel: { type: 'string' },
    language: { type: 'string' },
    addresseeCategory: { type: ['string', 'null'] },
    issueCategory: { type: ['string', 'null'] },
    summary: { type: 'string' },
    text: { type: 'string' },
    protocolText: { type: ['string', 'null'] },
    applicantKind: { type: 'string', enum: [...APPLICANT_KINDS] },
    applicantName: { type: ['string', 'null'] },
    applicants: { type: 'array', items: applicantCardSchema },
    complained: {
      type: ['object', 'null'],
      properties: {
        organizationId: { type: ['integer', 'null'] },
        organizationName: { type: ['string', 'null'] },
        official: { type: ['string', 'null'] },
        act: { type: ['string', 'null'] },
      },
    },
    status: { type: 'string' },
    securityInfo: { type: 'boolean' },
    atReviewingBody: { type: 'boolean' },
    executorId: { type: ['string', 'null'] },
    executor: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    controlDate: { type: ['string', 'null'] },
    originAppealId: { type: ['string', 'null'] },
    mainAppealId: { type: ['string', 'null'] },
    challengedAppealId: { type: ['string', 'null'] },
    reviewEndedOn: { type: ['string', 'null'] },
    answerSentAt: { type: ['string', 'null'] },
    deemedRefusal: { type: 'boolean' },
    registrar: { type: 'object', properties: { id: { type: ['string', 'null'] }, name: { type: 'string' }, position: { type: 'string' } } },
    duplicateCandidate: { type: 'boolean' },
    duplicateCandidates: { type: 'array', items: duplicateCandidateSchema },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const appealListItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    registrationNumber: { type: 'string' },
    talonNumber: { type: 'string' },
    organizationId: { type: 'integer' },
    registrationDate: date,
    dueDate: date,
    documentType: { type: 'string' },
    form: { type: 'string' },
    channel: { type: 'string' },
    applicantKind: { type: 'string' },
    applicantName: { type: ['string', 'null'] },
    summary: { type: 'string' },
    status: { type: 'string' },
    duplicateCandidate: { type: 'boolean' },
  },
} as const;

/** The message in every language: a client keeping an error on screen shows it in the language chosen later. */
const localizedMessages = { type: 'object', properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } } } as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'In the language of Accept-Language' },
        messages: localizedMessages,
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, messages: localizedMessages } } },
      },
    },
  },
} as const;
