// Request schemas of the correction petitions (TypeBox): validation at the edge, the OpenAPI document,
// and the types of the route handlers and of the use cases' inputs (PetitionInput, AttachmentInput).
import { Type, type Static } from '@sinclair/typebox';
import { CORRECTABLE_FIELDS } from '../domain/corrections.ts';
import { StringEnum } from '../http/typebox.ts';

const uuid = () => Type.String({ format: 'uuid' });

export const attachmentBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    mediaType: Type.Optional(Type.String({ maxLength: 100, description: 'Not used: the type is found from the content (PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX)' })),
    content: Type.String({ maxLength: 7_000_000 }),
  },
  { additionalProperties: false },
);
/** A supporting document; content in base64. */
export type AttachmentInput = Static<typeof attachmentBody>;

export const petitionBody = Type.Object(
  {
    appealId: uuid(),
    action: StringEnum(['change', 'delete']),
    changes: Type.Optional(Type.Unsafe<Record<string, unknown>>({ type: 'object', maxProperties: Object.keys(CORRECTABLE_FIELDS).length, additionalProperties: true })),
    record: Type.Optional(Type.Object({ kind: StringEnum(['tzh1', 'ai1', 'tzh2']), id: uuid() }, { additionalProperties: false })),
    reason: Type.String({ minLength: 1, maxLength: 4000 }),
    basis: Type.Optional(StringEnum(['headPetition', 'unitHeadPetition', 'authorityReport'])),
    attachments: Type.Optional(Type.Array(attachmentBody, { maxItems: 10 })),
  },
  { additionalProperties: false, if: { properties: { action: { const: 'delete' } } }, then: { required: ['record'] } },
);
/** A petition as filed: a deletion names its record (the schema's if/then), the domain checks the rest (checkCorrection). */
export type PetitionInput = Static<typeof petitionBody>;

export const correctionsQuery = Type.Object(
  { status: Type.Optional(StringEnum(['pending', 'applied', 'rejected'])), appeal: Type.Optional(uuid()), overdue: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const attachmentParams = Type.Object({ id: uuid(), attachmentId: uuid() });

export const correctionDecisionBody = Type.Object({ approve: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });
export type CorrectionDecisionInput = Static<typeof correctionDecisionBody>;
