// Routes of attachments (issue 10 item 11). A file is sent as the raw request body
// (`Content-Type: application/octet-stream`, the name in `X-File-Name`, percent-encoded UTF-8):
// no multipart parser, the browser's upload progress works as for any body, and the bytes reach
// the use case as they are. The type the client declares plays no part: the content is checked.
// A file is only ever sent back as a download of its checked type, never shown inline.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { errorSchema } from '../intake/schemas.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { typed, IdParams } from '../http/typebox.ts';
import { contentDisposition } from '../domain/attachments.ts';
import { addAttachment, downloadAttachment, listAttachments, stageAttachment, staffLimits, summary, type Upload } from './service.ts';

export const FILE_NAME_HEADER = 'x-file-name';
const uuid = () => Type.String({ format: 'uuid' });

/** How a raw body is documented and read. */
export const rawBodyDocs = {
  consumes: ['application/octet-stream'],
  headers: Type.Object({ ...idempotencyHeaders.properties, [FILE_NAME_HEADER]: Type.String({ minLength: 1, maxLength: 1000, description: 'The file name, percent-encoded UTF-8 (encodeURIComponent)' }) }),
};
export const rawBodyOpenApi = { type: 'string', format: 'binary', description: 'The file; its type is found from its content (PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX)' };

export const attachmentSchema = {
  type: 'object',
  required: ['id', 'name', 'mediaType', 'size', 'sha256'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    purpose: { type: ['string', 'null'] },
    decisionId: { type: ['string', 'null'] },
    letterId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

/** Lets a scope take `application/octet-stream` bodies of at most `maxBytes` as a Buffer. */
export function rawBodies(scope: FastifyInstance, maxBytes: number): void {
  scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}

/** The upload as the request carries it; a missing body or an unreadable name is a field error. */
export function uploadOf(req: FastifyRequest): Upload {
  const raw = req.headers[FILE_NAME_HEADER];
  let name: string | undefined;
  try {
    name = typeof raw === 'string' ? decodeURIComponent(raw) : undefined;
  } catch {
    name = undefined;
  }
  if (!name?.trim()) throw invalid([{ path: `/headers/${FILE_NAME_HEADER}`, code: 'required' }]);
  return { name, content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
}

/** Sends a file as a download only: its checked type, never sniffed, never run as a page. */
export function sendFile(reply: FastifyReply, f: { name: string; media_type: string; content: Buffer }) {
  return reply.type(f.media_type).header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(f.name)).header('content-security-policy', "default-src 'none'; sandbox").send(f.content);
}

const present = (a: Parameters<typeof summary>[0] & { created_at: Date }) => ({ ...summary(a), createdAt: a.created_at.toISOString() });

export async function attachmentRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const tags = ['attachments'];
  const limits = staffLimits(ctx);
  await server.register(async (scope) => {
    rawBodies(scope, limits.maxBytes);
    const app = typed(scope);
    app.post(
      '/attachments',
      {
        config: { idempotent: true, openapiBody: rawBodyOpenApi },
        bodyLimit: limits.maxBytes,
        schema: {
          tags,
          summary: `Upload a file before the registration that takes it (the scan of a paper appeal at the desk): checked by its content, at most ${limits.maxBytes / 1024 / 1024} MB; then name its id in attachmentIds of POST /appeals. Kept a day if no registration takes it`,
          ...rawBodyDocs,
          response: { 201: attachmentSchema, 400: errorSchema, 403: errorSchema, 413: errorSchema, 422: errorSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await stageAttachment(ctx, { userId: req.actor.id }, req.actor, uploadOf(req), limits)),
    );

    app.post(
      '/appeals/:id/attachments',
      {
        config: { idempotent: true, openapiBody: rawBodyOpenApi },
        bodyLimit: limits.maxBytes,
        schema: {
          tags,
          summary: `Add a document to an appeal, or to one of its decisions or letters (decisionId, letterId): checked by its content, at most ${limits.maxBytes / 1024 / 1024} MB and ${limits.maxFiles} an appeal; an event on the appeal's log`,
          ...rawBodyDocs,
          params: IdParams,
          querystring: Type.Object({ decisionId: Type.Optional(uuid()), letterId: Type.Optional(uuid()) }, { additionalProperties: false }),
          response: { 201: attachmentSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema, 422: errorSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await addAttachment(ctx, req.actor, req.params.id, uploadOf(req), req.query)),
    );
  });

  const app = typed(server);
  app.get(
    '/appeals/:id/attachments',
    {
      schema: {
        tags,
        summary: "The appeal's files (its scan, the applicant's files, documents to its decisions and letters), oldest first; 404 to whoever may not read the card",
        params: IdParams,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: attachmentSchema } } }, 404: errorSchema },
      },
    },
    async (req) => ({ items: (await listAttachments(ctx, req.actor, req.params.id)).map(present) }),
  );

  app.get(
    '/appeals/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'One file of the appeal, always as a download of its checked type (nosniff); each download is an audit event',
        params: Type.Object({ id: uuid(), attachmentId: uuid() }),
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => sendFile(reply, await downloadAttachment(ctx, req.actor, req.params.id, req.params.attachmentId)),
  );
}
