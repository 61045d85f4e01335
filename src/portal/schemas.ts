// JSON schemas of the portal's API (validation at the edge; also the OpenAPI document).
import { Type } from '@sinclair/typebox';
import { DOCUMENT_TYPES } from '../domain/vocabulary.ts';
import { StringEnum } from '../http/typebox.ts';

const str = (maxLength: number, minLength = 0) => Type.String({ maxLength, ...(minLength ? { minLength } : {}) });

/** Where a sign-in code goes: a mobile phone (SMS) or an e-mail address, one of them. */
const address = { phone: Type.Optional(str(30, 1)), email: Type.Optional(str(254, 3)) };
export const codeBody = Type.Object(address, { additionalProperties: false });
export const verifyBody = Type.Object({ ...address, code: Type.String({ pattern: '^\\s*[0-9]{4,8}\\s*$' }) }, { additionalProperties: false });

export const orgQuery = Type.Object({ q: str(100) }, { additionalProperties: false });
export const edsBody = Type.Object(
  { challenge: Type.String({ minLength: 1, maxLength: 100 }), signature: Type.String({ minLength: 1, maxLength: 64 * 1024, pattern: '^[A-Za-z0-9+/=\\s]*$' }) },
  { additionalProperties: false },
);
export const statusQuery = Type.Object({ registrationNumber: str(40, 1), talonNumber: str(40, 1) }, { additionalProperties: false });

/** Files staged by POST /public/me/attachments (checked there by their content); the count is
 *  the portal's limit, checked by the use case. */
const files = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, uniqueItems: true }));

export const filingBody = Type.Object(
  {
    organizationId: Type.Integer({ minimum: 1 }),
    documentType: StringEnum(DOCUMENT_TYPES),
    subKind: Type.Optional(str(50)),
    language: str(10, 2),
    summary: str(500, 1),
    text: str(20000, 1),
    issueCategory: Type.Optional(str(50)),
    applicant: Type.Object(
      {
        lastName: str(100, 1),
        firstName: str(100, 1),
        middleName: Type.Optional(str(100)),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        postalAddress: Type.Optional(str(500)),
      },
      { additionalProperties: false },
    ),
    complainedOrganizationId: Type.Optional(Type.Integer({ minimum: 1 })),
    challengedAppealId: Type.Optional(Type.String({ format: 'uuid' })),
    attachmentIds: files,
  },
  { additionalProperties: false },
);

/** EA-04, PR-05: a sign-up for a session of the published schedule (PR-17). */
export const bookingBody = Type.Object(
  {
    sessionId: Type.String({ format: 'uuid' }),
    question: str(4000, 1),
    language: StringEnum(['kk', 'ru'] as const),
    videoConsent: Type.Optional(Type.Boolean()),
    applicant: Type.Object({ lastName: str(100, 1), firstName: str(100, 1), middleName: Type.Optional(str(100)), email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const anonymousBody = Type.Object(
  {
    organizationId: Type.Integer({ minimum: 1 }),
    language: str(10, 2),
    summary: str(500, 1),
    text: str(20000, 1),
    issueCategory: Type.Optional(str(50)),
    securityInfo: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const actionBody = Type.Object({ text: Type.Optional(str(5000)), score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })), attachmentIds: files }, { additionalProperties: false });
export const actionParams = Type.Object({ id: Type.String({ format: 'uuid' }), action: StringEnum(['withdraw', 'object', 'fix', 'rate'] as const) });
export const letterParams = Type.Object({ id: Type.String({ format: 'uuid' }), letterId: Type.String({ format: 'uuid' }), format: StringEnum(['pdf', 'cms'] as const) });
export const attachmentParams = Type.Object({ id: Type.String({ format: 'uuid' }), attachmentId: Type.String({ format: 'uuid' }) });
export const pageQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), offset: Type.Integer({ minimum: 0, default: 0 }) });

const s = { type: 'string' } as const;
const sn = { type: ['string', 'null'] } as const;
const org = { type: 'object', required: ['name'], properties: { name: s } } as const;
/** the applicant's own appeals name the organization's id too: a complaint is filed through it (APPC Art. 91 p.1) */
const ownOrg = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: s } } as const;

export const publicStatusSchema = {
  type: 'object',
  required: ['status', 'registrationDate', 'dueDate', 'organization'],
  properties: { status: s, registrationDate: s, dueDate: s, reviewEndedOn: sn, organization: org },
} as const;

export const myAppealSchema = {
  type: 'object',
  required: ['id', 'registrationNumber', 'talonNumber', 'registrationDate', 'dueDate', 'status', 'documentType', 'summary', 'organization'],
  properties: {
    id: s,
    registrationNumber: s,
    talonNumber: s,
    registrationDate: s,
    dueDate: s,
    reviewEndedOn: sn,
    status: s,
    documentType: s,
    channel: s,
    summary: s,
    organization: ownOrg,
  },
} as const;

export const myAppealCardSchema = {
  type: 'object',
  required: [...myAppealSchema.required, 'timeline', 'actions', 'attachments', 'rating'],
  properties: {
    ...myAppealSchema.properties,
    timeline: { type: 'array', items: { type: 'object', required: ['at', 'kind', 'text'], properties: { at: s, kind: s, text: s, decision: sn } } },
    actions: { type: 'array', items: { type: 'object', required: ['action', 'open', 'until', 'basis'], properties: { action: s, open: { type: 'boolean' }, until: sn, basis: s } } },
    attachments: { type: 'array', items: { type: 'object', properties: { id: s, name: s, mediaType: s, size: { type: 'integer' }, sha256: s, purpose: s } } },
    rating: { type: ['object', 'null'], properties: { score: { type: 'integer' }, comment: s } },
    letters: { type: 'array', items: { type: 'object', properties: { id: s, number: s, letterDate: s, signerName: sn, signedAt: sn, sha256: s } } },
  },
} as const;

export const similarSchema = {
  type: 'object',
  properties: { items: { type: 'array', items: { type: 'object', properties: { appealId: s, registrationNumber: s, registrationDate: s, summary: s, status: s } } } },
} as const;
