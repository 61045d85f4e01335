// A user's signature over a document (a cover letter, a 1-ТӨ report): made here from their
// PKCS#12, or made by their own tool (NCALayer) and sent as a detached CMS; either way it must
// verify, chain to a trusted root and be made with a certificate registered to the user
// (src/access/certificates.ts).
import type { Context } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../errors.ts';
import { certificateOwnership } from '../access/certificates.ts';
import { signDetached, verifyDetached, Pkcs12Error, type SignerSummary } from './cms.ts';
import type { SignInput } from './schemas.ts';

export type { SignInput } from './schemas.ts';

/** The certificates signatures are verified against (trust anchors). */
export async function trustedRoots(db: Db): Promise<string[]> {
  return (await db.selectFrom('trusted_certificates').select('pem').execute()).map((r) => r.pem);
}

export async function signatureBy(ctx: Context, actor: Actor, bytes: Uint8Array, input: SignInput, at: Date): Promise<{ cms: Uint8Array; signer: SignerSummary }> {
  let cms: Uint8Array;
  if (input.signature) {
    cms = Buffer.from(input.signature, 'base64');
  } else if (input.pkcs12 && input.password !== undefined) {
    try {
      cms = await signDetached(bytes, Buffer.from(input.pkcs12, 'base64'), input.password, at);
    } catch (e) {
      if (e instanceof Pkcs12Error) throw new AppError(422, `letter.pkcs12.${e.code}`);
      throw e;
    }
  } else {
    throw new AppError(422, 'letter.signatureRequired');
  }
  const check = await verifyDetached(bytes, cms, await trustedRoots(ctx.db), at);
  if (!check.valid) throw new AppError(422, `letter.signature.${check.reason ?? 'malformed'}`);
  const ownership = await certificateOwnership(ctx.db, actor.id, check.signer!.fingerprint);
  if (ownership === 'revoked') throw new AppError(422, 'letter.signature.certificateRevoked');
  if (ownership === 'notOwn') throw new AppError(422, 'letter.signature.notSignersCertificate');
  return { cms, signer: check.signer! };
}
