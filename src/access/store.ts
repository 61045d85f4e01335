// The SQL of access that the routes show (sign-in, sessions and certificates keep theirs in
// auth.ts and certificates.ts).
import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { UsersTable } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { inScope } from './scope.ts';

export interface UserFilter {
  role?: string;
  organization?: number;
  limit: number;
  offset: number;
  /** Demo users too (demo mode only, src/access/auth.ts). */
  demo: boolean;
}

/** Active users of the actor's organizations, by name, a page of them and how many there are. */
export async function usersInScope(db: Db, actor: Actor, f: UserFilter) {
  const { role, organization, limit, offset } = f;
  let q = db.selectFrom('users as u').where('u.active', '=', true).where(inScope(actor, 'u.organization_id'));
  // demo users exist only in demo mode (src/access/auth.ts)
  if (!f.demo) q = q.where('u.demo', '=', false);
  if (role) q = q.where(({ eb, val }) => eb(val(role), '=', eb.fn.any('u.roles')));
  if (organization !== undefined) q = q.where('u.organization_id', '=', organization);
  const [rows, count] = await Promise.all([
    q
      .innerJoin('organizations as o', 'o.id', 'u.organization_id')
      .select(['u.id', 'u.login', 'u.full_name', 'u.position', 'u.roles', 'o.id as org_id', 'o.code as org_code', 'o.name_kk', 'o.name_ru', 'o.name_en'])
      .orderBy('u.full_name')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The organization a user works for, with its time zone. */
export async function organizationOfUser(db: Db, organizationId: number) {
  return db.selectFrom('organizations').select(['id', 'code', 'name_kk', 'name_ru', 'name_en', 'time_zone']).where('id', '=', organizationId).executeTakeFirst();
}

/** Whether a user has this login already. */
export async function loginTaken(db: Db, login: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()) !== undefined;
}

/** The root of the organization tree: the organization without a parent, the first if several. */
export async function rootOrganization(db: Db): Promise<number> {
  return (await db.selectFrom('organizations').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id;
}

/** A new user; its id. */
export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<string> {
  return (await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
