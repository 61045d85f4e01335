// Schemas of the statistics routes (1-ТӨ, indicators, reconciliation, access requests). The request
// schemas are TypeBox: validation at the edge, the OpenAPI document, and the types of the route
// handlers and of the use cases' inputs (CellQuery, ReconciliationInput, AccessRequestInput,
// AccessDecisionInput are their Static types; the statement of an organization is the domain's
// Statement, checked below to be the same type). The answers' schemas are plain JSON Schema: the
// OpenAPI document the web app's typed client is generated from.
import { Type, type Static } from '@sinclair/typebox';
import type { Statement } from './reconciliation.ts';
import { type AssertEqual, type Equal, NullableString, StringEnum, WithDefaults } from '../http/typebox.ts';

// ---------------------------------------------------------------------------------------------
// Requests

const year = () => Type.Integer({ minimum: 2000, maximum: 2100 });
const month = () => Type.Integer({ minimum: 1, maximum: 12 });
const organizationId = () => Type.Integer({ minimum: 1 });

/** A period and, optionally, the organization: the report 1-ТӨ (also the body that forms it) and the indicators. */
export const reportQuery = Type.Object({ year: year(), month: month(), organization: Type.Optional(organizationId()) }, { additionalProperties: false });

export const cellQuery = WithDefaults(
  Type.Object(
    {
      year: year(),
      month: month(),
      table: Type.String({ maxLength: 20 }),
      column: Type.String({ maxLength: 60 }),
      /** The row's organization; none: the total. */
      organization: Type.Optional(organizationId()),
      /** Only the organization's own cards (the "own" row of a subtree). */
      own: Type.Optional(Type.Boolean()),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);
/** A cell of 1-ТӨ, whose appeals are listed (report.ts cellAppeals). */
export type CellQuery = Static<typeof cellQuery>;

/** A period, either part optional: formed reports, reconciliations. */
export const periodFilterQuery = Type.Object({ year: Type.Optional(year()), month: Type.Optional(month()) }, { additionalProperties: false });

export const statementQuery = Type.Object({ organization: organizationId(), year: year(), month: month() }, { additionalProperties: false });

export const statementBody = Type.Object(
  {
    instanceId: Type.String({ maxLength: 100 }),
    organization: Type.String({ maxLength: 100 }),
    year: year(),
    month: month(),
    cards: Type.Array(
      Type.Object(
        {
          id: Type.String({ format: 'uuid' }),
          registrationNumber: Type.String({ maxLength: 100 }),
          received: Type.Boolean(),
          reviewed: Type.Boolean(),
          result: NullableString({ maxLength: 60 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1_000_000 },
    ),
  },
  { additionalProperties: false },
);
/** The statement in the body is the domain's Statement (what organizationStatement gives), no more, no less. */
export type StatementBodyIsStatement = AssertEqual<Equal<Static<typeof statementBody>, Statement>>;

export const reconciliationBody = Type.Object({ organizationId: organizationId(), statement: Type.Optional(statementBody) }, { additionalProperties: false });
export type ReconciliationInput = Static<typeof reconciliationBody>;

export const accessRequestBody = Type.Object(
  { application: Type.String({ maxLength: 10_000 }), signature: Type.String({ maxLength: 200_000 }), password: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
/** An application for access (JSON text), its detached CMS signature (base64), and the password chosen. */
export type AccessRequestInput = Static<typeof accessRequestBody>;

export const accessRequestsQuery = Type.Object({ status: Type.Optional(StringEnum(['pending', 'approved', 'refused'])) }, { additionalProperties: false });

export const accessDecisionBody = Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });
export type AccessDecisionInput = Static<typeof accessDecisionBody>;

// ---------------------------------------------------------------------------------------------
// Answers

const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const intOrNull = { type: ['integer', 'null'] } as const;
const num = { type: 'number' } as const;

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', required: Object.keys(properties), properties, ...extra }) as const;

const signatureCheck = {
  type: ['object', 'null'],
  required: ['valid', 'reason', 'signer', 'signedAt', 'signerName'],
  properties: {
    valid: { type: 'boolean' },
    reason: strOrNull,
    signer: { type: ['object', 'null'], additionalProperties: true },
    signedAt: strOrNull,
    signerName: strOrNull,
  },
} as const;

export const snapshotMetaSchema = obj({ id: str, kind: str, formedAt: str, formedBy: str, sha256: str, signature: signatureCheck });

export const form1Schema = {
  type: 'object',
  required: ['form', 'title', 'period', 'organization', 'sections'],
  properties: {
    form: str,
    title: str,
    period: obj({ year: int, month: int, from: str, to: str }),
    organization: { type: ['object', 'null'], required: ['id', 'code', 'name'], properties: { id: int, code: str, name: str } },
    /** Only for a formed report. */
    snapshot: snapshotMetaSchema,
    sections: {
      type: 'array',
      items: obj({
        id: str,
        title: str,
        tables: {
          type: 'array',
          items: obj({
            id: str,
            title: str,
            columns: { type: 'array', items: obj({ n: int, key: str, title: str, kind: { type: 'string', enum: ['flow', 'stock'] }, group: strOrNull }) },
            rows: {
              type: 'array',
              items: obj({
                kind: { type: 'string', enum: ['total', 'group', 'ofWhich', 'own', 'child'] },
                reportRow: intOrNull,
                organization: obj({ id: intOrNull, code: str, name: str }),
                cells: { type: 'array', items: int },
              }),
            },
          }),
        },
      }),
    },
  },
} as const;

export const cellSchema = obj({
  cell: obj({ year: int, month: int, table: str, column: str, n: int, kind: str, organization: intOrNull, own: { type: 'boolean' } }),
  total: int,
  items: {
    type: 'array',
    items: obj({
      id: str,
      imported: { type: 'boolean' },
      /** Whether the user may open the appeal's card (it is within their organizations). */
      visible: { type: 'boolean' },
      registrationNumber: strOrNull,
      registrationDate: strOrNull,
      documentType: strOrNull,
      status: strOrNull,
      summary: strOrNull,
      organization: obj({ id: int, code: str }),
    }),
  },
});

export const snapshotListSchema = obj({
  items: {
    type: 'array',
    items: obj({ id: str, year: int, month: int, kind: str, formedAt: str, formedBy: str, sha256: str, signed: { type: 'boolean' }, signerName: strOrNull, signedAt: strOrNull }),
  },
  total: int,
});

export const snapshotSignedSchema = obj({ id: str, signature: signatureCheck });

export const snapshotDiffSchema = obj({
  reportId: str,
  period: obj({ year: int, month: int, from: str, to: str }),
  formedAt: str,
  signed: { type: 'boolean' },
  differences: {
    type: 'array',
    items: obj({
      table: str,
      column: str,
      n: int,
      row: obj({ kind: str, reportRow: intOrNull, organization: { type: ['object', 'null'], required: ['id', 'code'], properties: { id: int, code: str } } }),
      snapshot: int,
      current: int,
      difference: int,
    }),
  },
});

const shareOrNull = { type: ['number', 'null'] } as const;

export const indicatorsSchema = obj({
  period: obj({ year: int, month: int }),
  rows: {
    type: 'array',
    items: obj({
      /** null: the total row (the sum of the report's groups). */
      organization: { type: ['object', 'null'], required: ['id', 'code', 'name'], properties: { id: int, code: str, name: str } },
      kind: { type: 'string', enum: ['total', 'group', 'ofWhich', 'own', 'child'] },
      reportRow: intOrNull,
      months: {
        type: 'array',
        items: obj({
          month: int,
          received: int,
          reviewed: int,
          decidedLate: int,
          onTimeShare: shareOrNull,
          overdueAtEnd: { type: ['integer', 'null'], description: 'null while the month is not over' },
          electronicShare: shareOrNull,
          receptionShare: shareOrNull,
          contactCentreShare: shareOrNull,
        }),
      },
    }),
  },
});

const counts = obj({ received: int, reviewed: int, results: { type: 'object', additionalProperties: num } });
const reconciledFacts = { type: ['object', 'null'], required: ['received', 'reviewed', 'result'], properties: { received: { type: 'boolean' }, reviewed: { type: 'boolean' }, result: strOrNull } } as const;
const side = obj({ counts, confirmedBy: strOrNull, confirmedAt: strOrNull, signature: strOrNull });

export const reconciliationSchema = obj({
  id: str,
  organizationId: int,
  period: obj({ year: int, month: int }),
  openedAt: str,
  openedBy: str,
  authority: side,
  organization: side,
  differences: { type: 'array', items: obj({ appealId: str, registrationNumber: str, authority: reconciledFacts, organization: reconciledFacts }) },
  /** What a signed confirmation signs (UTF-8). */
  signedContent: str,
});

export const reconciliationListSchema = obj({
  /** The period reconciled today (1st–8th of a month), or null outside the window. */
  period: { type: ['object', 'null'], required: ['year', 'month'], properties: { year: int, month: int } },
  items: {
    type: 'array',
    items: obj({
      id: str,
      organization: obj({ id: int, code: str, name: str }),
      period: obj({ year: int, month: int }),
      openedAt: str,
      differences: int,
      authorityConfirmedAt: strOrNull,
      organizationConfirmedAt: strOrNull,
    }),
  },
  total: int,
});

export const accessRequestListSchema = obj({
  items: {
    type: 'array',
    items: obj({
      id: str,
      login: str,
      fullName: str,
      position: str,
      email: strOrNull,
      roles: { type: 'array', items: str },
      organization: obj({ id: int, code: str }),
      signer: { type: ['object', 'null'], additionalProperties: true },
      filedAt: str,
      status: { type: 'string', enum: ['pending', 'approved', 'refused'] },
      decidedBy: strOrNull,
      decidedAt: strOrNull,
      refusalReason: strOrNull,
      userId: strOrNull,
    }),
  },
  total: int,
});

export const accessDecisionSchema = obj({ id: str, status: str });

const labels = obj({ kk: str, ru: str, en: str });

export const layoutSchema = obj({
  sections: {
    type: 'array',
    items: obj({
      id: str,
      title: str,
      tables: {
        type: 'array',
        items: obj({
          id: str,
          title: str,
          documentTypes: { type: 'array', items: str },
          columns: {
            type: 'array',
            items: obj({
              n: int,
              key: str,
              title: labels,
              kind: { type: 'string', enum: ['flow', 'stock'] },
              rule: str,
              definition: str,
              group: { type: ['object', 'null'], required: ['kk', 'ru', 'en'], properties: labels.properties },
            }),
          },
        }),
      },
    }),
  },
});
