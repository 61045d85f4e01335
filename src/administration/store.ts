// The SQL of administration: users with their organizations and sign-in throttling, sessions that
// end, and the organization tree with its closure.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { OrganizationsTable, UsersTable } from '../db/schema.ts';
import { foldedContains } from '../db/search.ts';
import { addToClosure } from '../db/reference.ts';
import { FORGET_AFTER_MS, LOGIN_FREE_FAILURES, throttleKey } from '../access/throttle.ts';

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  organization?: number | undefined;
  status: 'active' | 'inactive' | 'all';
  limit: number;
  offset: number;
  /** Demo users too (demo mode only, src/access/auth.ts). */
  demo: boolean;
}

const userColumns = [
  'u.id',
  'u.login',
  'u.full_name',
  'u.position',
  'u.roles',
  'u.email',
  'u.phone',
  'u.active',
  'u.demo',
  'u.created_at',
  'o.id as org_id',
  'o.code as org_code',
  'o.name_kk',
  'o.name_ru',
  'o.name_en',
  'o.kind as org_kind',
] as const;

/** A page of users by text, role, organization subtree and status, by name; and how many there are. */
export async function users(db: Db, f: UserFilter) {
  let q = db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.organization_id');
  if (!f.demo) q = q.where('u.demo', '=', false);
  if (f.status !== 'all') q = q.where('u.active', '=', f.status === 'active');
  if (f.role) q = q.where(({ eb, val }) => eb(val(f.role), '=', eb.fn.any('u.roles')));
  if (f.organization !== undefined) q = q.where(sql<boolean>`u.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${f.organization})`);
  if (f.q?.trim()) q = q.where(foldedContains(sql`u.login || ' ' || u.full_name || ' ' || u.position || ' ' || coalesce(u.email, '')`, f.q.trim()));
  const [rows, count] = await Promise.all([
    q.select(userColumns).orderBy('u.full_name').orderBy('u.login').limit(f.limit).offset(f.offset).execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One user with their organization. */
export async function userById(db: Db, id: string) {
  return db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.organization_id').select(userColumns).where('u.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof userById>>>;

/** A user's row, locked for the change that follows. */
export async function lockUser(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'login', 'full_name', 'position', 'organization_id', 'roles', 'email', 'phone', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A new user, or undefined when the login is taken (by a concurrent request too). */
export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<string | undefined> {
  return (
    await db
      .insertInto('users')
      .values(row)
      .onConflict((c) => c.column('login').doNothing())
      .returning('id')
      .executeTakeFirst()
  )?.id;
}

export async function updateUser(db: Db, id: string, set: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Ends every session of a user; how many there were. */
export async function endSessions(db: Db, userId: string): Promise<number> {
  return Number((await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows);
}

/** Of these logins, those whose sign-in is throttled now (src/access/throttle.ts). */
export async function throttledLogins(db: Db, logins: readonly string[], now: Date): Promise<Set<string>> {
  if (logins.length === 0) return new Set();
  const byKey = new Map(logins.map((l) => [throttleKey('login', l), l]));
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select('key')
    .where('key', 'in', [...byKey.keys()])
    .where('failures', '>=', LOGIN_FREE_FAILURES)
    .where('last_failure_at', '>', new Date(now.getTime() - FORGET_AFTER_MS))
    .execute();
  return new Set(rows.map((r) => byKey.get(r.key)!));
}

/** Ends the throttling episode of a login; whether there was one. */
export async function clearLoginThrottle(db: Db, login: string): Promise<boolean> {
  return Number((await db.deleteFrom('sign_in_throttle').where('key', '=', throttleKey('login', login)).executeTakeFirst()).numDeletedRows) > 0;
}

/** The whole organization tree, with how many active users each has. */
export async function organizationTree(db: Db) {
  return db
    .selectFrom('organizations as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .whereRef('u.organization_id', '=', 'o.id')
        .where('u.active', '=', true)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('users'),
    )
    .orderBy('o.report_row')
    .orderBy('o.id')
    .execute();
}

export async function organizationById(db: Db, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An organization's row, locked for the change that follows. */
export async function lockOrganization(db: Db, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A new organization under its parent, with its closure rows; undefined when the code is taken. */
export async function insertOrganization(db: Db, row: Insertable<OrganizationsTable> & { parent_id: number }): Promise<number | undefined> {
  const inserted = await db
    .insertInto('organizations')
    .values(row)
    .onConflict((c) => c.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  await addToClosure(db, inserted.id, row.parent_id);
  return inserted.id;
}

export async function updateOrganization(db: Db, id: number, set: Updateable<OrganizationsTable>): Promise<void> {
  await db.updateTable('organizations').set(set).where('id', '=', id).execute();
}
