// JSON schemas of the intake API (validation at the edge; also the OpenAPI document).
import { CHANNELS, DOCUMENT_TYPES, FORMS, APPLICANT_KINDS } from '../domain/vocabulary.ts';

const str = (maxLength: number, minLength = 0) => ({ type: 'string', maxLength, ...(minLength ? { minLength } : {}) }) as const;
const digits12 = { type: 'string', pattern: '^[0-9]{12}$' } as const;
const date = { type: 'string', format: 'date' } as const;

const address = {
  type: 'object',
  additionalProperties: false,
  properties: {
    country: str(100),
    region: str(200),
    district: str(200),
    settlement: str(200),
    street: str(200),
    house: str(50),
    flat: str(50),
  },
} as const;

const contact = {
  postalAddress: str(500),
  phone: { type: 'string', pattern: '^[+0-9 ()-]{5,20}$' },
  phoneOther: str(50),
  email: { type: 'string', format: 'email', maxLength: 200 },
  inInterestOf: str(500),
} as const;

export const individualSchema = {
  type: 'object',
  required: ['kind', 'lastName', 'firstName'],
  additionalProperties: false,
  properties: {
    kind: { const: 'individual' },
    iin: digits12,
    lastName: str(100, 1),
    firstName: str(100, 1),
    middleName: str(100),
    citizenship: str(20),
    birthDate: date,
    sex: { type: 'string', enum: ['male', 'female'] },
    nationality: str(50),
    address,
    socialStatus: str(50),
    occupation: str(300),
    ...contact,
  },
} as const;

export const legalEntitySchema = {
  type: 'object',
  required: ['kind', 'bin', 'name'],
  additionalProperties: false,
  properties: {
    kind: { const: 'legalEntity' },
    bin: digits12,
    name: str(500, 1),
    address,
    businessCategory: str(50),
    representative: {
      type: 'object',
      required: ['lastName', 'firstName'],
      additionalProperties: false,
      properties: { lastName: str(100, 1), firstName: str(100, 1), middleName: str(100), iin: digits12 },
    },
    ...contact,
  },
} as const;

// `discriminator` makes the errors name the fields of the chosen kind, not of both shapes.
const applicant = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [individualSchema, legalEntitySchema],
} as const;

export const registrationSchema = {
  type: 'object',
  required: ['documentType', 'form', 'channel', 'language', 'summary'],
  additionalProperties: false,
  properties: {
    documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
    subKind: str(50),
    form: { type: 'string', enum: [...FORMS] },
    channel: { type: 'string', enum: [...CHANNELS] },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
    receivedAt: { type: 'string', format: 'date-time' },
    summary: str(1000, 1),
    text: str(100_000),
    protocolText: str(100_000),
    issueCategory: str(50),
    addresseeCategory: str(50),
    organizationId: { type: 'integer' },
    applicant,
    applicants: { type: 'array', minItems: 2, maxItems: 500, items: applicant },
    anonymous: { type: 'boolean' },
    complainedOrganizationId: { type: 'integer' },
    complainedOrganizationName: str(500),
    complainedOfficial: str(300),
    complainedAct: str(500),
    challengedAppealId: { type: 'string', format: 'uuid' },
    securityInfo: { type: 'boolean' },
  },
} as const;

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

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
} as const;
