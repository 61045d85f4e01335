// The gate of the public POST /exports/incoming (issue 16, item 4): everything that can be checked
// before the body is read is checked before it is read, so a body nobody answers for costs no memory.
//
//   1. Content-Length given (411) and within the limit (413): a chunked body of unknown length is refused.
//   2. The manifest (base64, header x-joldanym-manifest) and its signature (x-joldanym-signature)
//      come as headers and are verified against the certificate registered for the instance the
//      manifest names (422, as an upload's would be): an unsigned or forged push is refused unread.
//   3. A slot: at most PUSH_SLOTS.perClient pushes of one client address and PUSH_SLOTS.total in all
//      are read at once (429 with Retry-After otherwise), so the memory the route can take is bounded
//      by PUSH_SLOTS.total × PUSH_BODY_LIMIT × a small factor (docs/operations.md states the bound).
// Every refusal closes the connection, so the rest of an unread body is not even drained. The
// handler then requires the body's manifest and signature to be those of the headers (service.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { AppError, type ErrorStatus } from '../errors.ts';
import { EXPORT_FORMAT, readManifest } from './package.ts';
import { verifyInstanceSignature } from './instances.ts';

/** What one instance's day can really be (see routes.ts) with room to spare. */
export const PUSH_BODY_LIMIT = 64 * 1024 * 1024;
/** Pushes read at once: per client address, and in all. Instances push their days one by one. */
export const PUSH_SLOTS = { perClient: 1, total: 2 } as const;
export const MANIFEST_HEADER = 'x-joldanym-manifest';
export const SIGNATURE_HEADER = 'x-joldanym-signature';
const RETRY_AFTER_SECONDS = 60;

/** The headers a push carries: the manifest's exact text (base64 of its UTF-8) and its signature. */
export function pushHeaders(manifest: string, signature: string): Record<string, string> {
  return { [MANIFEST_HEADER]: Buffer.from(manifest, 'utf8').toString('base64'), [SIGNATURE_HEADER]: signature };
}

/** The manifest and signature a push's headers carry (checked by the gate before the body was read). */
export function pushedHead(req: FastifyRequest): { manifest: string; signature: string } {
  return { manifest: Buffer.from(String(req.headers[MANIFEST_HEADER]), 'base64').toString('utf8'), signature: String(req.headers[SIGNATURE_HEADER]) };
}

/** The onRequest hook of POST /exports/incoming; its slots are this server's. */
export function incomingGate(ctx: Context) {
  const byClient = new Map<string, number>();
  let total = 0;
  return async function gate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const refuse = (status: ErrorStatus, code: string, params: Record<string, string | number> = {}, fields: AppError['fields'] = []) => {
      reply.header('connection', 'close');
      return new AppError(status, code, fields, params);
    };
    const length = req.headers['content-length'];
    if (length === undefined || !/^\d+$/.test(length)) throw refuse(411, 'body.lengthRequired');
    if (Number(length) > PUSH_BODY_LIMIT) throw refuse(413, 'body.tooLarge', { limit: PUSH_BODY_LIMIT / (1024 * 1024) });
    const missing = [MANIFEST_HEADER, SIGNATURE_HEADER].filter((h) => typeof req.headers[h] !== 'string' || req.headers[h] === '');
    if (missing.length)
      throw refuse(
        422,
        'validation',
        {},
        missing.map((h) => ({ path: `/headers/${h}`, code: 'required' })),
      );

    const { manifest, signature } = pushedHead(req);
    const head = readManifest({ format: EXPORT_FORMAT, manifest, signature, files: {} });
    if (!head.ok) throw refuse(422, head.code, head.params);
    const verified = await verifyInstanceSignature(ctx.db, head.manifest.instanceId, manifest, signature);
    if (!verified.ok) throw refuse(422, verified.code, { instanceId: head.manifest.instanceId });

    const client = req.ip;
    if ((byClient.get(client) ?? 0) >= PUSH_SLOTS.perClient || total >= PUSH_SLOTS.total) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw refuse(429, 'export.pushBusy', { seconds: RETRY_AFTER_SECONDS });
    }
    byClient.set(client, (byClient.get(client) ?? 0) + 1);
    total++;
    // 'close' comes once the answer is sent or the connection is gone, whatever happened between
    reply.raw.once('close', () => {
      total--;
      const n = (byClient.get(client) ?? 1) - 1;
      if (n > 0) byClient.set(client, n);
      else byClient.delete(client);
    });
  };
}
