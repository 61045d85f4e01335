// Access to E-appeals (rules p.25–p.26): an employee applies with an application signed by their
// EDS (CMS, the certificate's common name being their name), naming the organization and the roles;
// the territorial department of the statistics authority whose territory counts the organization
// approves it (the user is created, with the password the applicant chose and the application's
// certificate as their signing certificate) or refuses it with a reason. Access then follows
// territory and subordination (src/access/scope.ts).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hashPassword } from '../access/auth.ts';
import { registerCertificate } from '../access/certificates.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { verifyDetached } from '../letters/cms.ts';
import { trustedRoots } from '../letters/signing.ts';
import type { FieldError } from '../domain/registration.ts';
import type { Role } from '../domain/vocabulary.ts';
import { roleAllowedAt } from '../domain/scope.ts';
import { authorityScope, countedPredicate } from './scope.ts';
import type { AccessDecisionInput, AccessRequestInput } from './schemas.ts';

/** Roles an access request may ask for (an administrator is never made this way). */
export const REQUESTABLE_ROLES: readonly Role[] = ['registrar', 'executor', 'head', 'reception', 'operator', 'controller', 'statistician'];
const PASSWORD_MIN = 8;

export interface AccessApplication {
  login: string;
  fullName: string;
  position: string;
  email?: string;
  organizationCode: string;
  roles: string[];
}

function checkApplication(a: Partial<AccessApplication>, password: string): FieldError[] {
  const errors: FieldError[] = [];
  const p = (f: string) => `/application/${f}`;
  if (typeof a.login !== 'string' || !/^[a-z0-9._-]{3,50}$/.test(a.login)) errors.push({ path: p('login'), code: 'accessRequest.login' });
  if (typeof a.fullName !== 'string' || a.fullName.trim() === '' || a.fullName.length > 300) errors.push({ path: p('fullName'), code: 'required' });
  if (typeof a.position !== 'string' || a.position.trim() === '' || a.position.length > 300) errors.push({ path: p('position'), code: 'required' });
  if (a.email !== undefined && (typeof a.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(a.email))) errors.push({ path: p('email'), code: 'format', params: { format: 'email' } });
  if (typeof a.organizationCode !== 'string' || a.organizationCode === '') errors.push({ path: p('organizationCode'), code: 'required' });
  if (!Array.isArray(a.roles) || a.roles.length === 0 || a.roles.some((r) => !REQUESTABLE_ROLES.includes(r as Role)) || new Set(a.roles).size !== a.roles.length) {
    errors.push({ path: p('roles'), code: 'enum', params: { allowed: REQUESTABLE_ROLES.join(', ') } });
  }
  if ([...password].length < PASSWORD_MIN) errors.push({ path: '/password', code: 'minLength', params: { limit: PASSWORD_MIN } });
  return errors;
}

/** An employee applies (no sign-in: they have no account yet). */
export async function fileAccessRequest(ctx: Context, input: AccessRequestInput): Promise<string> {
  let app: Partial<AccessApplication>;
  try {
    app = JSON.parse(input.application) as Partial<AccessApplication>;
  } catch {
    throw invalid([{ path: '/application', code: 'accessRequest.unreadable' }]);
  }
  const errors = checkApplication(app, input.password);
  const org = typeof app.organizationCode === 'string' ? await ctx.db.selectFrom('organizations').select(['id', 'kind']).where('code', '=', app.organizationCode).executeTakeFirst() : undefined;
  if (typeof app.organizationCode === 'string' && !org) errors.push({ path: '/application/organizationCode', code: 'organization.unknown' });
  if (org && errors.length === 0) errors.push(...rolesAtOrganization(app.roles as Role[], org.kind));
  if (errors.length) throw invalid(errors);
  const cms = Buffer.from(input.signature, 'base64');
  const now = ctx.clock.now();
  const check = await verifyDetached(Buffer.from(input.application, 'utf8'), cms, await trustedRoots(ctx.db), now);
  if (!check.valid) throw new AppError(422, `accessRequest.signature.${check.reason ?? 'malformed'}`);
  if (check.signer!.commonName.trim().toLowerCase() !== app.fullName!.trim().toLowerCase()) {
    throw new AppError(422, 'accessRequest.signerMismatch', [], { signer: check.signer!.commonName });
  }
  const login = app.login!;
  const taken = await sql<{ taken: boolean }>`
    SELECT EXISTS (SELECT 1 FROM users WHERE login = ${login}) OR EXISTS (SELECT 1 FROM access_requests WHERE login = ${login} AND status = 'pending') AS taken`.execute(ctx.db);
  if (taken.rows[0]?.taken) throw new AppError(409, 'accessRequest.loginTaken', [], { login });
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('access_requests')
      .values({
        id,
        login,
        full_name: app.fullName!,
        position: app.position!,
        email: app.email ?? null,
        organization_id: org!.id,
        roles: app.roles!,
        application: input.application,
        signature: cms,
        password_hash: passwordHash,
        signer: JSON.stringify(check.signer),
        certificate_pem: check.signerCertificate!,
        filed_at: now,
        decided_by: null,
        decided_by_name: null,
        decided_at: null,
        refusal_reason: null,
        user_id: null,
      })
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: org!.id, actor: null, at: now, kind: 'accessRequested', changes: { requestId: id, login, roles: app.roles, signer: check.signer } });
  });
  return id;
}

/** Roles that do not exist at an organization of this kind (the statistician's: src/domain/scope.ts). */
function rolesAtOrganization(roles: readonly Role[], organizationKind: string): FieldError[] {
  return roles.filter((r) => !roleAllowedAt(r, organizationKind)).map((role) => ({ path: '/application/roles', code: 'accessRequest.roleNotAtOrganization', params: { role } }));
}

/** The territorial department (a statistician of the statistics authority) or an administrator. */
async function mayDecide(ctx: Context, actor: Actor) {
  const counted = await authorityScope(ctx.db, actor);
  if (!counted) throw forbidden();
  return counted;
}

export async function listAccessRequests(ctx: Context, actor: Actor, status?: string) {
  const counted = await mayDecide(ctx, actor);
  let q = ctx.db
    .selectFrom('access_requests as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select([
      'r.id',
      'r.login',
      'r.full_name',
      'r.position',
      'r.email',
      'r.roles',
      'r.organization_id',
      'o.code as organization_code',
      'r.signer',
      'r.filed_at',
      'r.status',
      'r.decided_by_name',
      'r.decided_at',
      'r.refusal_reason',
      'r.user_id',
    ])
    .where(countedPredicate(counted, sql.ref('r.organization_id')));
  if (status) q = q.where('r.status', '=', status);
  return q.orderBy('r.filed_at', 'desc').limit(500).execute();
}

/** The territorial department approves (the user is created) or refuses (with a reason). */
export async function decideAccessRequest(ctx: Context, actor: Actor, id: string, input: AccessDecisionInput) {
  const counted = await mayDecide(ctx, actor);
  const row = await ctx.db
    .selectFrom('access_requests as r')
    .selectAll('r')
    .select(countedPredicate(counted, sql.ref('r.organization_id')).as('counted'))
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (!row.counted) throw forbidden();
  if (row.status !== 'pending') throw new AppError(409, 'accessRequest.alreadyDecided', [], { status: row.status });
  if (!input.approve && !input.reason?.trim()) throw invalid([{ path: '/reason', code: 'accessRequest.reasonRequired' }]);
  if (input.approve) {
    // filed before the rule, or the organization's kind changed since: never granted
    const org = await ctx.db.selectFrom('organizations').select('kind').where('id', '=', row.organization_id).executeTakeFirstOrThrow();
    const wrong = rolesAtOrganization(row.roles as Role[], org.kind);
    if (wrong.length) throw invalid(wrong);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    let userId: string | null = null;
    if (input.approve) {
      const exists = await trx.selectFrom('users').select('id').where('login', '=', row.login).executeTakeFirst();
      if (exists) throw new AppError(409, 'accessRequest.loginTaken', [], { login: row.login });
      const user = await trx
        .insertInto('users')
        .values({ login: row.login, password_hash: row.password_hash, full_name: row.full_name, position: row.position, organization_id: row.organization_id, roles: row.roles, email: row.email, phone: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = user.id;
      // the EDS the application was signed with is the user's signing certificate
      await registerCertificate(trx, user.id, row.certificate_pem, actor.id, now);
    }
    const updated = await trx
      .updateTable('access_requests')
      .set({ status: input.approve ? 'approved' : 'refused', decided_by: actor.id, decided_by_name: actor.fullName, decided_at: now, refusal_reason: input.approve ? null : input.reason!, user_id: userId })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'accessRequest.alreadyDecided', [], { status: 'decided' });
    await appendEvent(trx, {
      appealId: null,
      organizationId: row.organization_id,
      actor,
      at: now,
      kind: input.approve ? 'accessGranted' : 'accessRefused',
      changes: { requestId: id, login: row.login, roles: row.roles, userId, reason: input.reason ?? null },
    });
  });
}
