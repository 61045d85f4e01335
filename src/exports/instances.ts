// The other instances whose daily packages this one imports (rules p.29). An administrator registers
// each with its instanceId and the certificate that signs its manifests (that instance's GET
// /api/v1/exports/signing-certificate); a renewed key is registered again. A package is accepted only
// when its manifest names a registered instance and it is signed with exactly that certificate:
// pinned, not chained — the trust anchors of users' signatures (trusted_certificates) play no part,
// so a user's EDS never signs a package, and trusting an instance makes none of its certificates
// valid for letters or access requests. The signature is also what lets a pushed package in without
// a signed-in user (src/exports/routes.ts, POST /exports/incoming).
import { createHash, X509Certificate } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { verifyDetached, type SignerSummary } from '../letters/cms.ts';
import { fromPem } from '../letters/pki-engine.ts';
import { instanceIdOf } from './keys.ts';
import type { TrustedInstanceInput } from './schemas.ts';

export type { TrustedInstanceInput } from './schemas.ts';

export async function trustInstance(ctx: Context, actor: Actor, input: TrustedInstanceInput): Promise<void> {
  if (!actor.roles.includes('admin')) throw forbidden();
  if (input.instanceId === (await instanceIdOf(ctx.db))) throw invalid([{ path: '/instanceId', code: 'export.ownInstance' }]);
  let der: Uint8Array;
  try {
    der = fromPem(input.certificatePem, 'CERTIFICATE');
    new X509Certificate(der);
  } catch {
    throw invalid([{ path: '/certificatePem', code: 'export.certificateUnreadable' }]);
  }
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const now = ctx.clock.now();
  const row = {
    name: input.name,
    certificate_pem: input.certificatePem.trim() + '\n',
    fingerprint,
    added_at: now,
    added_by_name: actor.fullName,
    organization_id: actor.organizationId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('trusted_instances')
      .values({ instance_id: input.instanceId, ...row })
      .onConflict((c) => c.column('instance_id').doUpdateSet(row))
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'instanceTrusted', changes: { instanceId: input.instanceId, name: input.name, fingerprint } });
  });
}

export async function forgetInstance(ctx: Context, actor: Actor, instanceId: string): Promise<void> {
  if (!actor.roles.includes('admin')) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('trusted_instances').where('instance_id', '=', instanceId).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw notFound();
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'instanceForgotten', changes: { instanceId } });
  });
}

export async function trustedInstances(ctx: Context, actor: Actor) {
  if (!actor.roles.includes('admin')) throw forbidden();
  return ctx.db.selectFrom('trusted_instances').selectAll().orderBy('name').execute();
}

export type InstanceCheck = { ok: true; instance: { instanceId: string; name: string; organizationId: number }; signer: SignerSummary } | { ok: false; code: string };

/** Whether the manifest is signed by the certificate registered for the instance it names. */
export async function verifyInstanceSignature(db: Db, instanceId: string, manifest: string, signatureBase64: string): Promise<InstanceCheck> {
  const row = await db.selectFrom('trusted_instances').selectAll().where('instance_id', '=', instanceId).executeTakeFirst();
  if (!row) return { ok: false, code: 'export.instanceNotTrusted' };
  const verified = await verifyDetached(Buffer.from(manifest, 'utf8'), Buffer.from(signatureBase64, 'base64'), [row.certificate_pem]);
  if (verified.signer && verified.signer.fingerprint !== row.fingerprint) return { ok: false, code: 'export.signature.notInstanceCertificate' };
  if (!verified.valid) return { ok: false, code: `export.signature.${verified.reason ?? 'malformed'}` };
  return { ok: true, instance: { instanceId: row.instance_id, name: row.name, organizationId: row.organization_id }, signer: verified.signer! };
}
