// This instance's identity and the key that signs its export manifests.
//
// The key is the organization's (or the operator's) legal-entity EDS, given to the instance by an
// administrator as a PKCS#12 with its password (PUT /api/v1/exports/signing-key). In demo mode an
// instance without one makes its own on first use: a certificate "Joldanym instance <id>" from a
// demo certificate authority of its own. Another instance registers this instance's id with the
// certificate (POST /api/v1/exports/trusted-instances, src/exports/instances.ts); the certificate
// is no trust anchor for anything else, here or there.
// The password sits next to the key in the database: whoever reads the database can sign exports
// (a hardware key / HSM would be the production answer).
import type { Context } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { AppError, forbidden } from '../errors.ts';
import { readPkcs12, Pkcs12Error } from '../letters/cms.ts';
import { toPem } from '../letters/pki-engine.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { appendEvent } from '../audit/log.ts';
import { actsAsAuthority } from '../statistics/scope.ts';

const PURPOSE = 'export';

export async function instanceIdOf(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'instanceId').executeTakeFirstOrThrow();
  return String(row.value);
}

export interface SigningKey {
  pkcs12: Buffer;
  password: string;
  certificatePem: string;
  issuerPem: string | null;
}

export async function signingKey(ctx: Context): Promise<SigningKey> {
  const row = await ctx.db.selectFrom('instance_keys').selectAll().where('purpose', '=', PURPOSE).executeTakeFirst();
  if (row) return { pkcs12: row.pkcs12, password: row.password, certificatePem: row.certificate_pem, issuerPem: row.issuer_pem };
  if (!ctx.config.demo) throw new AppError(409, 'export.noSigningKey');
  const id = await instanceIdOf(ctx.db);
  const now = ctx.clock.now();
  // Valid from a year back: packages of past days are signed with their day's time.
  const from = new Date(now.getTime() - 366 * 86_400_000);
  const ca = await createDemoCa(`Joldanym instance CA ${id.slice(0, 8)}`, from);
  const cert = await issueDemoCertificate(ca, { commonName: `Joldanym instance ${id}` }, 'demo', from, 10);
  await ctx.db
    .insertInto('instance_keys')
    .values({ purpose: PURPOSE, certificate_pem: cert.certificatePem, issuer_pem: ca.certificatePem, pkcs12: Buffer.from(cert.pkcs12), password: 'demo', created_at: now })
    .onConflict((c) => c.doNothing())
    .execute();
  return signingKey(ctx);
}

/** An administrator gives the instance its signing key (PKCS#12 + password). */
export async function setSigningKey(ctx: Context, actor: Actor, pkcs12Base64: string, password: string): Promise<{ certificatePem: string }> {
  if (!actor.roles.includes('admin')) throw forbidden();
  const bytes = Buffer.from(pkcs12Base64, 'base64');
  let contents;
  try {
    contents = readPkcs12(bytes, password);
  } catch (e) {
    if (e instanceof Pkcs12Error) throw new AppError(422, `letter.pkcs12.${e.code}`);
    throw e;
  }
  const certificatePem = toPem('CERTIFICATE', contents.certificate);
  const issuerPem = contents.chain[0] ? toPem('CERTIFICATE', contents.chain[0]) : null;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('instance_keys')
      .values({ purpose: PURPOSE, certificate_pem: certificatePem, issuer_pem: issuerPem, pkcs12: bytes, password, created_at: now })
      .onConflict((c) => c.column('purpose').doUpdateSet({ certificate_pem: certificatePem, issuer_pem: issuerPem, pkcs12: bytes, password, created_at: now }))
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'exportKeySet', changes: { certificatePem } });
  });
  return { certificatePem };
}

/** An administrator trusts a certificate authority (a national CA) for users' signatures: letters,
 *  reports, access requests. Not for imports: those trust instances (src/exports/instances.ts). */
export async function addTrustedCertificate(ctx: Context, actor: Actor, pem: string): Promise<void> {
  if (!actor.roles.includes('admin')) throw forbidden();
  let subject: string;
  try {
    subject = new (await import('node:crypto')).X509Certificate(pem).subject.replace(/\n/g, ', ');
  } catch {
    throw new AppError(422, 'validation', [{ path: '/certificatePem', code: 'export.certificateUnreadable' }]);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('trusted_certificates')
      .values({ subject, pem: pem.trim() + '\n', added_at: now })
      .onConflict((c) => c.doNothing())
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'certificateTrusted', changes: { subject } });
  });
}

/** What an importing instance registers: this instance's id and the certificate that signs its
 *  manifests, with its issuer; for the statistics authority. */
export async function signingCertificate(ctx: Context, actor: Actor): Promise<{ instanceId: string; certificatePem: string; issuerPem: string | null }> {
  if (!(await actsAsAuthority(ctx.db, actor))) throw forbidden();
  const key = await signingKey(ctx);
  return { instanceId: await instanceIdOf(ctx.db), certificatePem: key.certificatePem, issuerPem: key.issuerPem };
}
