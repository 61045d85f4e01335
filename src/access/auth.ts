// Sign-in and sessions. Passwords are argon2id hashes; a token is 32 random bytes given to the
// client once, and only its SHA-256 is stored, so a leaked table gives no usable token.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Context } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { scopeOrganizationOf } from './scope.ts';
import type { Role } from '../domain/vocabulary.ts';
import { checkNewPassword } from '../domain/passwords.ts';
import { localDateTime } from '../domain/calendar.ts';
import { appendEvent } from '../audit/log.ts';

export const SESSION_HOURS = 12;
/** Repeated failures lock the account for a while (brute force). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(ctx: Context, loginName: string, password: string): Promise<{ token: string; actor: Actor }> {
  const now = ctx.clock.now();
  let q = ctx.db.selectFrom('users').selectAll().where('login', '=', loginName).where('active', '=', true);
  // Demo users exist only in demo mode: outside it they are as unknown as any wrong login.
  if (!ctx.config.demo) q = q.where('demo', '=', false);
  const user = await q.executeTakeFirst();
  if (!user) {
    await argon2.hash(password); // the same time as for a real user, so logins cannot be probed
    throw new AppError(401, 'auth.invalidCredentials');
  }
  if (user.locked_until && user.locked_until > now) {
    const until = localDateTime(user.locked_until, ctx.config.timeZone);
    throw new AppError(423, 'auth.locked', [], { until: `${until.date} ${until.time.slice(0, 5)}` });
  }
  if (!(await argon2.verify(user.password_hash, password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.db
      .updateTable('users')
      .set({
        failed_logins: lock ? 0 : failed,
        locked_until: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null,
      })
      .where('id', '=', user.id)
      .execute();
    throw new AppError(401, 'auth.invalidCredentials');
  }
  const token = randomBytes(32).toString('base64url');
  const scope = await scopeOrganizationOf(ctx.db, user.organization_id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        token_hash: tokenHash(token),
        user_id: user.id,
        scope_organization_id: scope,
        created_at: now,
        expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      })
      .execute();
  });
  return { token, actor: toActor({ ...user, scope_organization_id: scope }) };
}

/** Sessions seen in the last seconds, by token hash, per database: most requests of a signed-in
 *  user need no query. A demo user's session works only on a server in demo mode (checked on
 *  every request, cached or not: two servers on one database may differ). Revocation is bounded: signing out through this process ends the session
 *  at once; a session ended any other way (signed out through another server process, deleted in
 *  the database, its user deactivated or given other roles) still works here for at most
 *  SESSION_CACHE_MS. The session's own expiry is checked on every request. */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const sessionCaches = new WeakMap<Db, Map<string, { actor: Actor; demo: boolean; expiresAt: number; cachedUntil: number }>>();

function sessionCache(db: Db) {
  let cache = sessionCaches.get(db);
  if (!cache) sessionCaches.set(db, (cache = new Map()));
  return cache;
}

export async function authenticate(ctx: Pick<Context, 'db' | 'clock' | 'config'>, token: string): Promise<Actor | null> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const demoMode = ctx.config.demo;
  const hash = tokenHash(token);
  const cache = sessionCache(db);
  const cached = cache.get(hash);
  // The cache lives by the real clock; the session expires by the server's (which tests fix).
  const real = performance.now();
  // A copy, so a request that changes its actor does not change the others'.
  if (cached && cached.cachedUntil > real && cached.expiresAt > now.getTime()) {
    return cached.demo && !demoMode ? null : { ...cached.actor, roles: [...cached.actor.roles] };
  }
  if (cached) cache.delete(hash);
  const user = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.login', 'u.full_name', 'u.position', 'u.organization_id', 'u.roles', 'u.demo', 's.scope_organization_id', 's.expires_at'])
    .where('s.token_hash', '=', hash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  const actor = toActor(user);
  const entry = { actor, demo: user.demo, expiresAt: user.expires_at.getTime(), cachedUntil: real + SESSION_CACHE_MS };
  if (cache.size >= SESSION_CACHE_MAX) {
    for (const [key, entry] of cache) if (entry.cachedUntil <= real) cache.delete(key);
    if (cache.size >= SESSION_CACHE_MAX) cache.clear();
  }
  cache.set(hash, entry);
  return user.demo && !demoMode ? null : { ...actor, roles: [...actor.roles] };
}

/** Forgets the cached sessions of a user (or all), for changes that must take effect at once in
 *  this process: deactivating a user, changing roles. */
export function forgetSessions(db: Db, userId?: string): void {
  const cache = sessionCaches.get(db);
  if (!cache) return;
  if (userId === undefined) cache.clear();
  else for (const [key, entry] of cache) if (entry.actor.id === userId) cache.delete(key);
}

/** A user changes their own password: the current one is checked (a wrong one counts towards the
 *  lockout like a failed sign-in), the new one must pass src/domain/passwords.ts. The user's other
 *  sessions end; this one goes on. The change is an audit event (without any password). */
export async function changePassword(ctx: Context, actor: Actor, currentToken: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.id).where('active', '=', true).executeTakeFirst();
  if (!user) throw new AppError(401, 'unauthorized');
  if (user.locked_until && user.locked_until > now) {
    const until = localDateTime(user.locked_until, ctx.config.timeZone);
    throw new AppError(423, 'auth.locked', [], { until: `${until.date} ${until.time.slice(0, 5)}` });
  }
  if (!(await argon2.verify(user.password_hash, input.currentPassword))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.db
      .updateTable('users')
      .set({ failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null })
      .where('id', '=', user.id)
      .execute();
    throw new AppError(422, 'validation', [{ path: '/currentPassword', code: 'password.wrongCurrent' }]);
  }
  const errors = checkNewPassword({ login: user.login, ...input });
  if (errors.length > 0) throw new AppError(422, 'validation', errors);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('token_hash', '<>', tokenHash(currentToken)).executeTakeFirst();
    await appendEvent(trx, {
      appealId: null,
      organizationId: user.organization_id,
      actor,
      at: now,
      kind: 'passwordChanged',
      changes: { userId: user.id, login: user.login, otherSessionsEnded: Number(ended.numDeletedRows) },
    });
  });
  forgetSessions(ctx.db, user.id);
}

export async function logout(ctx: Pick<Context, 'db'>, token: string): Promise<void> {
  const hash = tokenHash(token);
  sessionCaches.get(ctx.db)?.delete(hash);
  await ctx.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
}

interface ActorRow {
  id: string;
  login: string;
  full_name: string;
  position: string;
  organization_id: number;
  scope_organization_id: number;
  roles: string[];
}

function toActor(u: ActorRow): Actor {
  return {
    id: u.id,
    login: u.login,
    fullName: u.full_name,
    position: u.position,
    organizationId: u.organization_id,
    scopeOrganizationId: u.scope_organization_id,
    roles: u.roles as Role[],
  };
}
