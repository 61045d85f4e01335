// Request schemas of outage mode (TypeBox): validation at the edge, the OpenAPI document, and the
// types of the route handlers and of the use cases' inputs (OutageActInput, JournalEntryInput).
import { Type, type Static } from '@sinclair/typebox';
import { registrationSchema } from '../intake/schemas.ts';

export const outageActBody = Type.Object(
  {
    organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
    startedAt: Type.String({ format: 'date-time' }),
    endedAt: Type.String({ format: 'date-time' }),
    cause: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type OutageActInput = Static<typeof outageActBody>;

/** The registration body with its receipt time required (the original one, from the paper journal). */
const journalRegistration = Type.Unsafe<Static<typeof registrationSchema> & { receivedAt: string }>({ ...registrationSchema, required: [...(registrationSchema.required ?? []), 'receivedAt'] });

export const journalEntryBody = Type.Object({ page: Type.Integer({ minimum: 1 }), entry: Type.Integer({ minimum: 1 }), registration: journalRegistration }, { additionalProperties: false });
export type JournalEntryInput = Static<typeof journalEntryBody>;
