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
import { enqueue } from '../notifications/outbox.ts';
import { ADDRESS_FREE_FAILURES, clearFailures, LOGIN_FREE_FAILURES, MAX_DELAY_MS, recordFailure, throttleKey, throttleWait } from './throttle.ts';
import { appendEvent } from '../audit/log.ts';

export const SESSION_HOURS = 12;

/** A refused sign-in: always the same 401 'auth.invalidCredentials', whether the login is unknown,
 *  the password wrong or the attempt throttled (src/access/throttle.ts); `retryAfterSeconds` when
 *  the login or the address must wait (the route sends it as Retry-After). */
export class SignInRefused extends AppError {
  constructor(readonly retryAfterSeconds: number | undefined) {
    super(401, 'auth.invalidCredentials');
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A hash no password matches, verified for unknown logins so that they take as long as known ones. */
let dummyHash: Promise<string> | undefined;
const DUMMY_HASH = () => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const seconds = (ms: number) => (ms > 0 ? Math.ceil(ms / 1000) : undefined);

/** Signs in. `address` is the client's address (per-address throttling). Every refusal is the same
 *  SignInRefused: an unknown login, a wrong password and a throttled attempt look alike. */
export async function login(ctx: Context, loginName: string, password: string, address?: string): Promise<{ token: string; actor: Actor }> {
  const now = ctx.clock.now();
  const loginKey = throttleKey('login', loginName);
  const addressKey = address === undefined ? undefined : throttleKey('address', address);
  const wait = await throttleWait(ctx.db, addressKey ? [loginKey, addressKey] : [loginKey], now);
  if (wait > 0) throw new SignInRefused(seconds(wait));
  let q = ctx.db.selectFrom('users').selectAll().where('login', '=', loginName).where('active', '=', true);
  // Demo users exist only in demo mode: outside it they are as unknown as any wrong login.
  if (!ctx.config.demo) q = q.where('demo', '=', false);
  const user = await q.executeTakeFirst();
  // an unknown login costs a verification too, so logins cannot be probed by time
  const ok = await argon2.verify(user?.password_hash ?? (await DUMMY_HASH()), password);
  if (!user || !ok) {
    const byLogin = await recordFailure(ctx.db, loginKey, LOGIN_FREE_FAILURES, now);
    const byAddress = addressKey ? await recordFailure(ctx.db, addressKey, ADDRESS_FREE_FAILURES, now) : { waitMs: 0 };
    if (user && byLogin.failures === LOGIN_FREE_FAILURES) await notifyThrottled(ctx, user, now);
    throw new SignInRefused(seconds(Math.max(byLogin.waitMs, byAddress.waitMs)));
  }
  const token = randomBytes(32).toString('base64url');
  const scope = await scopeOrganizationOf(ctx.db, user.organization_id);
  await clearFailures(ctx.db, loginKey);
  await ctx.db.transaction().execute(async (trx) => {
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
    .select(['u.id', 'u.login', 'u.full_name', 'u.position', 'u.organization_id', 'u.roles', 'u.demo', 'u.password_change_required', 's.scope_organization_id', 's.expires_at'])
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
 *  throttling of the login like a failed sign-in, and a throttled login answers 429 with the wait),
 *  the new one must pass src/domain/passwords.ts. The user's other sessions end; this one goes on.
 *  The change is an audit event (without any password). */
export async function changePassword(ctx: Context, actor: Actor, currentToken: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.id).where('active', '=', true).executeTakeFirst();
  if (!user) throw new AppError(401, 'unauthorized');
  const loginKey = throttleKey('login', user.login);
  const wait = await throttleWait(ctx.db, [loginKey], now);
  if (wait > 0) throw new AppError(429, 'auth.throttled', [], { seconds: seconds(wait)! });
  if (!(await argon2.verify(user.password_hash, input.currentPassword))) {
    const { failures } = await recordFailure(ctx.db, loginKey, LOGIN_FREE_FAILURES, now);
    if (failures === LOGIN_FREE_FAILURES) await notifyThrottled(ctx, user, now);
    throw new AppError(422, 'validation', [{ path: '/currentPassword', code: 'password.wrongCurrent' }]);
  }
  const errors = checkNewPassword({ login: user.login, ...input });
  if (errors.length > 0) throw new AppError(422, 'validation', errors);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, password_change_required: false }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sign_in_throttle').where('key', '=', loginKey).execute();
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

/** Tells a user by e-mail (if they have one) that their login has started to be throttled: once per
 *  throttling episode, at the failure that uses up the allowance. */
async function notifyThrottled(ctx: Context, user: { login: string; email: string | null; organization_id: number }, now: Date): Promise<void> {
  if (!user.email?.trim()) return;
  const at = localDateTime(now, ctx.config.timeZone);
  const when = `${at.date} ${at.time.slice(0, 5)}`;
  const minutes = MAX_DELAY_MS / 60_000;
  await enqueue(
    ctx.db,
    {
      organizationId: user.organization_id,
      appealId: null,
      kind: 'accountThrottled',
      channel: 'email',
      recipient: user.email,
      language: 'kk',
      subject: `Joldanym: ${user.login} — кіру әрекеттері шектелді / вход ограничен`,
      body: [
        `${user.login} тіркелгісіне ${when} дейін ${LOGIN_FREE_FAILURES} рет қате құпиясөзбен кіруге әрекет жасалды. Енді әр келесі әрекет алдында күту уақыты екі есе өседі (ең көбі ${minutes} минут). Бұл сіз болмасаңыз, әкімшіге хабарлаңыз және құпиясөзді ауыстырыңыз.`,
        '',
        `В учетную запись ${user.login} к ${when} ${LOGIN_FREE_FAILURES} раз пытались войти с неверным паролем. Теперь перед каждой следующей попыткой ожидание удваивается (не более ${minutes} минут). Если это были не вы, сообщите администратору и смените пароль.`,
      ].join('\n'),
    },
    now,
  );
}

interface ActorRow {
  id: string;
  login: string;
  full_name: string;
  position: string;
  organization_id: number;
  scope_organization_id: number;
  roles: string[];
  password_change_required?: boolean;
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
    ...(u.password_change_required ? { passwordChangeRequired: true as const } : {}),
  };
}
