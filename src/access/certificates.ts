// The registry of users' signing certificates (EDS). A signature counts as a user's only when made
// with a certificate registered to them and not revoked: the one their access request was signed
// with (rules p.25, registered on approval), one an administrator registers (a renewed EDS), or in
// demo mode the demo key's. Revoked certificates are kept, so old signatures still name their owner.
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import type { Context } from '../context.ts';
import type { Actor } from './actor.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { inScope } from './scope.ts';
import { fromPem } from '../letters/pki-engine.ts';

export interface UserCertificate {
  id: string;
  subject: string;
  serial: string;
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  registeredAt: Date;
  registeredBy: string | null;
  revokedAt: Date | null;
}

/** Registers a certificate (PEM) to a user in the caller's transaction; a certificate belongs to
 *  one user only. Returns its id. */
export async function registerCertificate(trx: Db, userId: string, pem: string, by: string | null, at: Date): Promise<string> {
  let der: Uint8Array;
  let cert: X509Certificate;
  try {
    der = fromPem(pem, 'CERTIFICATE');
    cert = new X509Certificate(der);
  } catch {
    throw invalid([{ path: '/certificatePem', code: 'certificate.unreadable' }]);
  }
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const taken = await trx.selectFrom('user_certificates').select('user_id').where('fingerprint', '=', fingerprint).executeTakeFirst();
  if (taken) throw new AppError(409, 'certificate.alreadyRegistered');
  const id = randomUUID();
  await trx
    .insertInto('user_certificates')
    .values({
      id,
      user_id: userId,
      fingerprint,
      subject: cert.subject.replace(/\n/g, ', '),
      serial: cert.serialNumber.toLowerCase().replace(/^0+/, ''),
      not_before: new Date(cert.validFrom),
      not_after: new Date(cert.validTo),
      certificate_pem: pem.trim() + '\n',
      registered_at: at,
      registered_by: by,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  return id;
}

/** Whether the certificate with this fingerprint is registered to the user: 'own', 'revoked' or
 *  'notOwn'. */
export async function certificateOwnership(db: Db, userId: string, fingerprint: string): Promise<'own' | 'revoked' | 'notOwn'> {
  const row = await db.selectFrom('user_certificates').select('revoked_at').where('user_id', '=', userId).where('fingerprint', '=', fingerprint).executeTakeFirst();
  return !row ? 'notOwn' : row.revoked_at ? 'revoked' : 'own';
}

/** The user the caller manages: an administrator, for users of their scope; anyone, for themself. */
async function managedUser(ctx: Context, actor: Actor, userId: string, adminOnly: boolean) {
  const self = userId === actor.id;
  if (!actor.roles.includes('admin') && (adminOnly || !self)) throw forbidden();
  const user = await ctx.db
    .selectFrom('users as u')
    .select(['u.id', 'u.organization_id'])
    .where('u.id', '=', userId)
    .where((eb) => (self ? eb.val(true) : inScope(actor, 'u.organization_id')))
    .executeTakeFirst();
  if (!user) throw notFound();
  return user;
}

export async function listCertificates(ctx: Context, actor: Actor, userId: string): Promise<UserCertificate[]> {
  await managedUser(ctx, actor, userId, false);
  const rows = await ctx.db
    .selectFrom('user_certificates')
    .select(['id', 'subject', 'serial', 'fingerprint', 'not_before', 'not_after', 'registered_at', 'registered_by', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('registered_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    serial: r.serial,
    fingerprint: r.fingerprint,
    notBefore: r.not_before,
    notAfter: r.not_after,
    registeredAt: r.registered_at,
    registeredBy: r.registered_by,
    revokedAt: r.revoked_at,
  }));
}

/** An administrator registers a user's certificate (e.g. the renewed EDS). */
export async function addCertificate(ctx: Context, actor: Actor, userId: string, pem: string): Promise<string> {
  const user = await managedUser(ctx, actor, userId, true);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await registerCertificate(trx, user.id, pem, actor.id, now);
    await appendEvent(trx, { appealId: null, organizationId: user.organization_id, actor, at: now, kind: 'certificateRegistered', changes: { userId: user.id, certificateId: id } });
    return id;
  });
}

/** The user (a lost or compromised key) or an administrator revokes a certificate: it signs no more. */
export async function revokeCertificate(ctx: Context, actor: Actor, userId: string, certificateId: string): Promise<void> {
  const user = await managedUser(ctx, actor, userId, false);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('user_certificates')
      .set({ revoked_at: now, revoked_by: actor.id })
      .where('id', '=', certificateId)
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw notFound();
    await appendEvent(trx, { appealId: null, organizationId: user.organization_id, actor, at: now, kind: 'certificateRevoked', changes: { userId: user.id, certificateId } });
  });
}
