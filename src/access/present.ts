// The JSON shapes of access: a user.
import { timeZoneOf, type Context } from '../context.ts';
import type { Language } from '../domain/vocabulary.ts';
import { organizationRef } from '../reference/present.ts';
import type { signedInUser, findUsers } from './read.ts';

/** The signed-in user (GET /me, POST /auth/login), with what the web app needs of the instance. */
export function presentUser(c: Pick<Context, 'config'>, { actor, organization: org }: Awaited<ReturnType<typeof signedInUser>>, lang: Language) {
  return {
    id: actor.id,
    login: actor.login,
    fullName: actor.fullName,
    position: actor.position,
    roles: actor.roles,
    organization: organizationRef(org, lang),
    timeZone: timeZoneOf(c, org),
    demoMode: c.config.demo,
    ncaLayerUrl: c.config.ncaLayerUrl,
    passwordChangeRequired: actor.passwordChangeRequired === true,
  };
}

/** An item of GET /users. */
export function presentUserListItem(u: Awaited<ReturnType<typeof findUsers>>['rows'][number], lang: Language) {
  return {
    id: u.id,
    login: u.login,
    fullName: u.full_name,
    position: u.position,
    roles: u.roles,
    organization: organizationRef({ id: u.org_id, code: u.org_code, name_kk: u.name_kk, name_ru: u.name_ru, name_en: u.name_en }, lang),
  };
}
