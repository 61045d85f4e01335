// Request schemas of the cover letters (TypeBox): validation at the edge, the OpenAPI document, and
// the types of the route handlers and of the signing input (SignInput is `Static<typeof signInputBody>`,
// also the body of signing a 1-ТӨ report and of confirming a reconciliation).
import { Type, type Static } from '@sinclair/typebox';

const uuid = () => Type.String({ format: 'uuid' });

/** A PKCS#12 (base64) and its password: the server signs; or a detached CMS (base64) made by the signer's own tool (NCALayer). */
export const signInputBody = Type.Object(
  {
    pkcs12: Type.Optional(Type.String({ maxLength: 100_000 })),
    password: Type.Optional(Type.String({ maxLength: 200 })),
    signature: Type.Optional(Type.String({ maxLength: 200_000 })),
  },
  { additionalProperties: false },
);
export type SignInput = Static<typeof signInputBody>;

export const letterParams = Type.Object({ id: uuid(), letterId: uuid() });
export const verifyParams = Type.Object({ letterId: uuid() });
