// Request schemas of access (TypeBox): validation at the edge, the OpenAPI document, and the types
// of the route handlers.
import { Type } from '@sinclair/typebox';
import { PASSWORD_MAX_LENGTH } from '../domain/passwords.ts';
import { ROLES } from '../domain/vocabulary.ts';
import { StringEnum, WithDefaults } from '../http/typebox.ts';

export const loginBody = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const passwordChangeBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }), newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

export const usersQuery = WithDefaults(
  Type.Object(
    {
      role: Type.Optional(StringEnum(ROLES)),
      organization: Type.Optional(Type.Integer()),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);

/** `:id` (the user) and, for one certificate, `:certificateId` (the routes share the schema, so only the user is required). */
export const certificateParams = { ...Type.Object({ id: Type.String({ format: 'uuid' }), certificateId: Type.String({ format: 'uuid' }) }), required: ['id'] };

export const certificateBody = Type.Object({ certificatePem: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false });
