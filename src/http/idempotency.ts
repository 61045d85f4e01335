// The `Idempotency-Key` request header of creating routes (issue 16, item 5; registration first):
// a client that lost the answer sends the same request again with the same key and gets the
// result of the first one instead of a second record. The key is the client's (a UUID does), 1-200
// printable ASCII characters; its result is kept 24 hours per user (src/intake/store.ts).
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX = 200;
const KEY_PATTERN = /^[\x20-\x7E]+$/;
/** The JSON pointer of the header in a field error. */
export const IDEMPOTENCY_KEY_PATH = `/headers/${IDEMPOTENCY_HEADER}`;

/** The route's `headers` schema (documentation: a bad key is refused by checkIdempotencyKey first,
 *  with 422, before the schema would answer 400). */
export const idempotencyHeaders = Type.Object({
  [IDEMPOTENCY_HEADER]: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: IDEMPOTENCY_KEY_MAX,
      pattern: '^[\\x20-\\x7E]+$',
      description:
        'Optional. A key of the client (1-200 printable ASCII characters; a UUID does), new for each request it means to make and the same when it sends that request again: a repeat with the same body within 24 hours answers the result of the first request and creates nothing; the same key with another body is refused (422 idempotency.keyReused).',
    }),
  ),
});

/** preValidation hook of a route with idempotencyHeaders: a malformed key answers 422. */
export async function checkIdempotencyKey(req: FastifyRequest): Promise<void> {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return;
  const ok = typeof key === 'string' && key.length >= 1 && key.length <= IDEMPOTENCY_KEY_MAX && KEY_PATTERN.test(key);
  if (!ok) throw new AppError(422, 'validation', [{ path: IDEMPOTENCY_KEY_PATH, code: 'idempotency.keyFormat', params: { max: IDEMPOTENCY_KEY_MAX } }]);
}

export interface IdempotentRequest {
  key: string;
  /** SHA-256 (hex) of the operation and its body: what tells a repeat from a reuse of the key. */
  requestSha256: string;
}

/** The request's key and fingerprint, or undefined without a key. `operation` names the route, so
 *  one key sent to two operations is a reuse. */
export function idempotentRequest(req: FastifyRequest, operation: string): IdempotentRequest | undefined {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string') return undefined;
  // a file (src/attachments) is hashed as its bytes and name, not walked as an object
  const hash = createHash('sha256');
  if (Buffer.isBuffer(req.body)) hash.update(`${operation}\n${String(req.headers['x-file-name'])}\n`).update(req.body);
  else hash.update(`${operation}\n${canonicalJson(req.body)}`);
  const requestSha256 = hash.digest('hex');
  return { key, requestSha256 };
}

/** JSON with the keys of every object sorted: the same value gives the same text whatever the
 *  order of its properties. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
