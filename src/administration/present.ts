// The JSON shapes of administration: a user as the administrator sees them, an organization with
// its contacts.
import type { Selectable } from 'kysely';
import type { Context } from '../context.ts';
import type { OrganizationsTable } from '../db/schema.ts';
import type { Language } from '../domain/vocabulary.ts';
import { ROLES } from '../domain/vocabulary.ts';
import { organizationRef, organizationRefSchema, organizationSchema, presentOrganization } from '../reference/present.ts';
import type { UserRow } from './store.ts';

const nullableString = { type: ['string', 'null'] } as const;

export const adminUserSchema = {
  type: 'object',
  required: ['id', 'login', 'fullName', 'position', 'roles', 'organization', 'email', 'phone', 'active', 'throttled', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    login: { type: 'string' },
    fullName: { type: 'string' },
    position: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
    organization: { ...organizationRefSchema, properties: { ...organizationRefSchema.properties, kind: { type: 'string' } } },
    email: nullableString,
    phone: nullableString,
    active: { type: 'boolean' },
    /** Sign-in throttled after failed attempts (the administrator may unlock it). */
    throttled: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export function presentAdminUser(u: UserRow & { throttled: boolean }, lang: Language) {
  return {
    id: u.id,
    login: u.login,
    fullName: u.full_name,
    position: u.position,
    roles: u.roles,
    organization: { ...organizationRef({ id: u.org_id, code: u.org_code, name_kk: u.name_kk, name_ru: u.name_ru, name_en: u.name_en }, lang), kind: u.org_kind },
    email: u.email,
    phone: u.phone,
    active: u.active,
    throttled: u.throttled,
    // users.created_at is Generated<Timestamp>, which Kysely selects as the column type itself
    createdAt: (u.created_at as unknown as Date).toISOString(),
  };
}

export const adminOrganizationSchema = {
  type: 'object',
  properties: {
    ...organizationSchema.properties,
    address: nullableString,
    phone: nullableString,
    email: nullableString,
    /** Its active users. */
    users: { type: 'integer' },
  },
} as const;

export function presentAdminOrganization(ctx: Pick<Context, 'config'>, o: Selectable<OrganizationsTable> & { users?: number | string | null }, lang: Language) {
  return { ...presentOrganization(ctx, o, lang), address: o.address, phone: o.phone, email: o.email, users: Number(o.users ?? 0) };
}
