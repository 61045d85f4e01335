// Request schemas of administration (TypeBox): validation at the edge with field messages, the
// OpenAPI document, and the types of the route handlers.
import { Type } from '@sinclair/typebox';
import { EMAIL_PATTERN, KATO_PATTERN, LOGIN_PATTERN, ORGANIZATION_CODE_PATTERN } from '../domain/administration.ts';
import { ROLES } from '../domain/vocabulary.ts';
import { ORGANIZATION_KINDS } from '../db/reference/organizations.ts';
import { AlwaysPresent, IdParams, NullableString, StringEnum, WithDefaults } from '../http/typebox.ts';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const roles = () => Type.Array(StringEnum(ROLES), { minItems: 1, maxItems: ROLES.length });
const email = () => NullableString({ maxLength: 200, pattern: EMAIL_PATTERN });
const phone = () => NullableString({ maxLength: 50 });

export const userParams = AlwaysPresent(IdParams);

export const usersQuery = WithDefaults(
  Type.Object(
    {
      q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the login, name, position or e-mail' })),
      role: Type.Optional(StringEnum(ROLES)),
      organization: Type.Optional(Type.Integer({ description: 'The organization and those below it' })),
      status: StringEnum(['active', 'inactive', 'all'] as const, { default: 'active' }),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);

export const userCreateBody = Type.Object(
  {
    login: Type.String({ pattern: LOGIN_PATTERN, maxLength: 64 }),
    fullName: text(300),
    position: text(300),
    organizationId: Type.Integer(),
    roles: roles(),
    email: Type.Optional(email()),
    phone: Type.Optional(phone()),
  },
  { additionalProperties: false },
);

export const userChangeBody = Type.Object(
  {
    fullName: Type.Optional(text(300)),
    position: Type.Optional(text(300)),
    organizationId: Type.Optional(Type.Integer()),
    roles: Type.Optional(roles()),
    email: Type.Optional(email()),
    phone: Type.Optional(phone()),
  },
  { additionalProperties: false, minProperties: 1 },
);

const names = () => Type.Object({ kk: text(500), ru: text(500), en: text(500) }, { additionalProperties: false });
const someNames = () => Type.Object({ kk: Type.Optional(text(500)), ru: Type.Optional(text(500)), en: Type.Optional(text(500)) }, { additionalProperties: false, minProperties: 1 });

export const organizationParams = AlwaysPresent(Type.Object({ id: Type.Integer() }));

export const organizationCreateBody = Type.Object(
  {
    parentId: Type.Integer(),
    code: Type.String({ pattern: ORGANIZATION_CODE_PATTERN, maxLength: 50 }),
    names: names(),
    kind: StringEnum(ORGANIZATION_KINDS),
    kato: Type.Optional(NullableString({ pattern: KATO_PATTERN })),
    address: Type.Optional(NullableString({ maxLength: 500 })),
    phone: Type.Optional(phone()),
    email: Type.Optional(email()),
  },
  { additionalProperties: false },
);

export const organizationProfileBody = Type.Object(
  {
    names: Type.Optional(someNames()),
    kato: Type.Optional(NullableString({ pattern: KATO_PATTERN })),
    address: Type.Optional(NullableString({ maxLength: 500 })),
    phone: Type.Optional(phone()),
    email: Type.Optional(email()),
  },
  { additionalProperties: false, minProperties: 1 },
);
