// The administrator's use cases (issue 10 item 12): users — create, change roles and organization,
// deactivate with immediate effect, reset the password, unlock a throttled sign-in — and the
// organization tree — add a child, rename, set the KATO code and contacts. Administrators only
// (an administrator acts for the whole tree of the installation, as src/access/scope.ts grants);
// each change one transaction with its audit event, never a password in it.
// A temporary password is answered once and only its hash kept; signed in with it, the user may do
// nothing but change it (src/http/server.ts); a reset ends the user's sessions.
import { randomInt } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { forgetSessions, hashPassword } from '../access/auth.ts';
import { appendEvent } from '../audit/log.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { checkNames, checkRoles, checkUserTexts, selfLockout } from '../domain/administration.ts';
import { checkNewPassword } from '../domain/passwords.ts';
import type { FieldError } from '../domain/registration.ts';
import type { Labels, Role } from '../domain/vocabulary.ts';
import type { OrganizationKind } from '../db/reference/organizations.ts';
import { forgetReferenceData } from '../intake/store.ts';
import {
  clearLoginThrottle,
  endSessions,
  insertOrganization,
  insertUser,
  lockOrganization,
  lockUser,
  organizationById,
  organizationTree,
  throttledLogins,
  updateOrganization,
  updateUser,
  userById,
  users,
  type UserFilter,
} from './store.ts';

function requireAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw forbidden();
}

function fail(errors: FieldError[]): void {
  if (errors.length > 0) throw invalid(errors);
}

/** A one-time password the administrator passes on: 14 letters and digits without look-alikes. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function temporaryPassword(login: string): string {
  for (;;) {
    const password = Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (checkNewPassword({ login, currentPassword: '', newPassword: password }).length === 0) return password;
  }
}

// ---------------------------------------------------------------------------------------------
// Users

export async function listUsers(ctx: Context, actor: Actor, filter: Omit<UserFilter, 'demo'>) {
  requireAdmin(actor);
  const page = await users(ctx.db, { ...filter, demo: ctx.config.demo });
  const throttled = await throttledLogins(
    ctx.db,
    page.rows.map((r) => r.login),
    ctx.clock.now(),
  );
  return { rows: page.rows.map((r) => ({ ...r, throttled: throttled.has(r.login) })), total: page.total };
}

export async function getUser(ctx: Context, actor: Actor, id: string) {
  requireAdmin(actor);
  const row = await userById(ctx.db, id);
  if (!row || (row.demo && !ctx.config.demo)) throw notFound();
  const throttled = await throttledLogins(ctx.db, [row.login], ctx.clock.now());
  return { ...row, throttled: throttled.size > 0 };
}

export interface UserInput {
  login: string;
  fullName: string;
  position: string;
  organizationId: number;
  roles: Role[];
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

/** A new user with a temporary password, shown to the administrator once (only its hash is kept). */
export async function createUser(ctx: Context, actor: Actor, input: UserInput): Promise<{ id: string; temporaryPassword: string }> {
  requireAdmin(actor);
  fail(checkUserTexts(input));
  const password = temporaryPassword(input.login);
  const hash = await hashPassword(password);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await organizationById(trx, input.organizationId);
    if (!org) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);
    fail(checkRoles(input.roles, org.kind));
    const id = await insertUser(trx, {
      login: input.login,
      password_hash: hash,
      full_name: input.fullName.trim(),
      position: input.position.trim(),
      organization_id: org.id,
      roles: [...new Set(input.roles)],
      email: input.email?.trim() || null,
      phone: input.phone?.trim() || null,
      password_change_required: true,
      // users.created_at is typed Generated<Timestamp>, which Kysely takes as the column type itself
      created_at: now as never,
    });
    if (!id) throw invalid([{ path: '/login', code: 'administration.loginTaken', params: { login: input.login } }]);
    await appendEvent(trx, { appealId: null, organizationId: org.id, actor, at: now, kind: 'userCreated', changes: { userId: id, login: input.login, roles: input.roles, organizationId: org.id } });
    return id;
  });
  return { id, temporaryPassword: password };
}

export type UserChange = Partial<Omit<UserInput, 'login'>>;

/** Changes a user's card, roles or organization. A new organization ends the user's sessions (their
 *  scope is fixed at sign-in); new roles hold from the user's next request. */
export async function changeUser(ctx: Context, actor: Actor, id: string, change: UserChange): Promise<void> {
  requireAdmin(actor);
  fail(checkUserTexts(change));
  if (change.roles && selfLockout(actor.id, id, { roles: change.roles })) throw new AppError(409, 'administration.selfLockout');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, id);
    if (!before) throw notFound();
    const organizationId = change.organizationId ?? before.organization_id;
    const org = await organizationById(trx, organizationId);
    if (!org) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);
    const roles = change.roles ? [...new Set(change.roles)] : (before.roles as Role[]);
    fail(checkRoles(roles, org.kind));
    const after = {
      full_name: change.fullName?.trim() ?? before.full_name,
      position: change.position?.trim() ?? before.position,
      organization_id: organizationId,
      roles,
      email: change.email === undefined ? before.email : change.email?.trim() || null,
      phone: change.phone === undefined ? before.phone : change.phone?.trim() || null,
    };
    await updateUser(trx, id, after);
    const sessionsEnded = organizationId !== before.organization_id ? await endSessions(trx, id) : 0;
    const { id: _id, login, active: _active, ...was } = before;
    await appendEvent(trx, { appealId: null, organizationId, actor, at: now, kind: 'userChanged', changes: { userId: id, login, before: was, after, sessionsEnded } });
  });
  forgetSessions(ctx.db, id);
}

/** Deactivates a user — their sessions end at once, their next request is refused — or reactivates one. */
export async function setUserActive(ctx: Context, actor: Actor, id: string, active: boolean): Promise<void> {
  requireAdmin(actor);
  if (selfLockout(actor.id, id, { active })) throw new AppError(409, 'administration.selfLockout');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, id);
    if (!user) throw notFound();
    await updateUser(trx, id, { active });
    const sessionsEnded = active ? 0 : await endSessions(trx, id);
    await appendEvent(trx, {
      appealId: null,
      organizationId: user.organization_id,
      actor,
      at: now,
      kind: active ? 'userReactivated' : 'userDeactivated',
      changes: { userId: id, login: user.login, wasActive: user.active, sessionsEnded },
    });
  });
  forgetSessions(ctx.db, id);
}

/** Gives a user a new temporary password, shown once; their sessions end and a throttled sign-in is freed. */
export async function resetPassword(ctx: Context, actor: Actor, id: string): Promise<string> {
  requireAdmin(actor);
  const existing = await userById(ctx.db, id);
  if (!existing) throw notFound();
  const password = temporaryPassword(existing.login);
  const hash = await hashPassword(password);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, id);
    if (!user) throw notFound();
    await updateUser(trx, id, { password_hash: hash, password_change_required: true });
    const sessionsEnded = await endSessions(trx, id);
    const unthrottled = await clearLoginThrottle(trx, user.login);
    await appendEvent(trx, { appealId: null, organizationId: user.organization_id, actor, at: now, kind: 'passwordReset', changes: { userId: id, login: user.login, sessionsEnded, unthrottled } });
  });
  forgetSessions(ctx.db, id);
  return password;
}

/** Frees a user's sign-in throttled after failed attempts (src/access/throttle.ts); an address stays throttled. */
export async function unlockUser(ctx: Context, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, id);
    if (!user) throw notFound();
    const wasThrottled = await clearLoginThrottle(trx, user.login);
    await appendEvent(trx, { appealId: null, organizationId: user.organization_id, actor, at: now, kind: 'userUnlocked', changes: { userId: id, login: user.login, wasThrottled } });
  });
}

// ---------------------------------------------------------------------------------------------
// The organization tree

export async function listOrganizations(ctx: Context, actor: Actor) {
  requireAdmin(actor);
  return organizationTree(ctx.db);
}

export async function getOrganization(ctx: Context, actor: Actor, id: number) {
  requireAdmin(actor);
  const row = await organizationById(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

export interface OrganizationProfile {
  names?: Partial<Labels> | undefined;
  kato?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

export interface OrganizationInput extends OrganizationProfile {
  parentId: number;
  code: string;
  names: Labels;
  kind: OrganizationKind;
}

const orNull = (s: string | null | undefined) => s?.trim() || null;

/** Adds an organization under a parent (not a report row of its own: it is counted in its parent's). */
export async function createOrganization(ctx: Context, actor: Actor, input: OrganizationInput): Promise<number> {
  requireAdmin(actor);
  fail(checkNames(input.names));
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await organizationById(trx, input.parentId))) throw invalid([{ path: '/parentId', code: 'organization.unknown' }]);
    const row = {
      code: input.code,
      parent_id: input.parentId,
      name_kk: input.names.kk.trim(),
      name_ru: input.names.ru.trim(),
      name_en: input.names.en.trim(),
      kind: input.kind,
      kato: input.kato ?? null,
      time_zone: null,
      report_row: null,
      address: orNull(input.address),
      phone: orNull(input.phone),
      email: orNull(input.email),
    };
    const id = await insertOrganization(trx, row);
    if (id === undefined) throw invalid([{ path: '/code', code: 'administration.codeTaken', params: { code: input.code } }]);
    await appendEvent(trx, { appealId: null, organizationId: id, actor, at: now, kind: 'organizationCreated', changes: { id, ...row } });
    return id;
  });
  forgetReferenceData(ctx.db);
  return id;
}

/** Renames an organization, sets its KATO code (its territory) and contacts. */
export async function changeOrganizationProfile(ctx: Context, actor: Actor, id: number, change: OrganizationProfile): Promise<void> {
  requireAdmin(actor);
  fail(checkNames(change.names));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockOrganization(trx, id);
    if (!before) throw notFound();
    const pick = <K extends 'kato' | 'address' | 'phone' | 'email'>(key: K) => (change[key] === undefined ? before[key] : orNull(change[key]));
    const after = {
      name_kk: change.names?.kk?.trim() ?? before.name_kk,
      name_ru: change.names?.ru?.trim() ?? before.name_ru,
      name_en: change.names?.en?.trim() ?? before.name_en,
      kato: pick('kato'),
      address: pick('address'),
      phone: pick('phone'),
      email: pick('email'),
    };
    await updateOrganization(trx, id, after);
    const was = { name_kk: before.name_kk, name_ru: before.name_ru, name_en: before.name_en, kato: before.kato, address: before.address, phone: before.phone, email: before.email };
    await appendEvent(trx, { appealId: null, organizationId: id, actor, at: now, kind: 'organizationChanged', changes: { id, before: was, after } });
  });
  forgetReferenceData(ctx.db);
}
