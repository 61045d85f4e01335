// The webhook's signature (EA-10): the sender computes HMAC-SHA256 of the exact request body with
// the shared secret (JOLDANYM_CTI_SECRET) and sends it hex-encoded as `X-Joldanym-Signature:
// sha256=<hex>` (docs/operations.md). Compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-joldanym-signature';

export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function signatureValid(secret: string | undefined, body: Buffer, header: string | string[] | undefined): boolean {
  if (!secret || typeof header !== 'string') return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
