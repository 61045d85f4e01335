// Open311 GeoReport v2 writes and service definitions (issue 14 §7): POST /open311/v2/requests
// (form-encoded, as the specification sends it, or JSON) with an administrator's API key, and
// GET /open311/v2/services/{code}; errors answered as the specification's [{code, description}].
// The administrator issues and revokes keys at /api/v1/admin/open311/keys.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { message } from '../http/messages.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { errorSchema } from '../intake/schemas.ts';
import { issueKey, listKeys, postRequest, revokeKey, serviceDefinition, type ServiceRequest } from './open311.ts';

const field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
/** The GeoReport POST fields; attributes come as attribute[code]=value (or an `attribute` object in JSON). */
const requestBody = Type.Object(
  {
    api_key: field(200),
    service_code: field(50),
    description: field(20_000),
    lat: field(30),
    long: field(30),
    address_string: field(500),
    address_id: field(200),
    email: field(200),
    device_id: field(200),
    account_id: field(200),
    first_name: field(100),
    last_name: field(100),
    phone: field(30),
    media_url: field(2000),
    attribute: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: Type.String({ maxLength: 200 }) },
);
const codeParams = Type.Object({ code: Type.String({ maxLength: 50 }) });
const keyBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const keySchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, prefix: { type: 'string' }, createdAt: { type: 'string' }, revokedAt: { type: ['string', 'null'] }, lastUsedAt: { type: ['string', 'null'] } },
} as const;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** An element of nested values: arrays repeat the element named for their items. */
function xml(name: string, v: unknown, items: Record<string, string>): string {
  if (Array.isArray(v)) return `<${name}>${v.map((x) => xml(items[name] ?? 'item', x, items)).join('')}</${name}>`;
  if (v !== null && typeof v === 'object')
    return `<${name}>${Object.entries(v)
      .map(([k, x]) => xml(k, x, items))
      .join('')}</${name}>`;
  return `<${name}>${v === null || v === undefined ? '' : xmlEscape(String(v))}</${name}>`;
}
const XML_ITEMS = { attributes: 'attribute', values: 'value', service_requests: 'request', errors: 'error' };

function answer(reply: FastifyReply, xmlFormat: boolean, root: string, body: unknown) {
  if (!xmlFormat) return reply.type('application/json; charset=utf-8').send(body);
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>${xml(root, body, XML_ITEMS)}`);
}

/** The request as the use case takes it: its named fields and its attributes however they came. */
function serviceRequest(body: Record<string, unknown>): ServiceRequest {
  const attributes: Record<string, string> = { ...((body.attribute as Record<string, string> | undefined) ?? {}) };
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[(.+)\]$/.exec(k);
    if (m && typeof v === 'string') attributes[m[1]!] = v;
  }
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const fields = ['api_key', 'service_code', 'description', 'lat', 'long', 'address_string', 'email', 'first_name', 'last_name', 'phone'] as const;
  return { ...Object.fromEntries(fields.flatMap((f) => (text(f) === undefined ? [] : [[f, text(f)]]))), attributes };
}

export async function open311Routes(server: FastifyInstance, ctx: Context): Promise<void> {
  // its own scope: the form parser and the GeoReport error shape serve these routes only
  await server.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.setErrorHandler((error: Error & { validation?: unknown; statusCode?: number }, req: FastifyRequest, reply) => {
      const xmlFormat = req.url.split('?')[0]!.endsWith('.xml');
      if (error instanceof AppError) {
        const description = [message(error.code, req.lang), ...error.fields.map((f) => `${f.path.slice(1)}: ${message(f.code, req.lang, f.params ?? {})}`)].join('; ');
        return answer(reply.status(error.status), xmlFormat, 'errors', [{ code: error.status, description }]);
      }
      if (error.validation) return answer(reply.status(400), xmlFormat, 'errors', [{ code: 400, description: error.message }]);
      throw error;
    });
    const app = typed(scope);
    const tags = ['open data'];
    for (const format of ['json', 'xml'] as const) {
      app.get(
        `/open311/v2/services/:code.${format}`,
        { config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, security: [], summary: 'Open311 service definition: the attributes a request carries', params: codeParams } },
        async (req, reply) => answer(reply, format === 'xml', 'service_definition', serviceDefinition(req.params.code, req.lang)),
      );
      app.post(
        `/open311/v2/requests.${format}`,
        {
          config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
          schema: {
            tags,
            security: [],
            summary:
              "Open311 POST service request with the api_key an administrator issued: registered as an electronic appeal through the desk's use case; attribute[organization] (its code) required, attribute[document_type], attribute[language]; answers [{service_request_id, service_notice, account_id}]",
            consumes: ['application/x-www-form-urlencoded', 'application/json'],
            body: requestBody,
          },
        },
        async (req, reply) => {
          const a = await postRequest(ctx, serviceRequest(req.body as Record<string, unknown>), req.lang);
          const notice = `${a.registration_number} / ${a.talon_number} — ${message('open311.registered', req.lang, { dueDate: a.due_date })}`;
          return answer(reply.status(201), format === 'xml', 'service_requests', [{ service_request_id: a.id, service_notice: notice, account_id: null }]);
        },
      );
    }
  });
}

/** The administrator's keys at /api/v1/admin/open311/keys: issue (shown once), list, revoke. */
export async function open311KeyRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  const tags = ['admin'];
  const present = (k: { id: string; name: string; prefix: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.created_at.toISOString(),
    revokedAt: k.revoked_at?.toISOString() ?? null,
    lastUsedAt: k.last_used_at?.toISOString() ?? null,
  });
  app.get(
    '/admin/open311/keys',
    { schema: { tags, summary: 'Open311 API keys (admin): never the keys themselves', response: { 200: { type: 'object', properties: { items: { type: 'array', items: keySchema } } }, 403: errorSchema } } },
    async (req) => ({
      items: (await listKeys(ctx, req.actor)).map(present),
    }),
  );
  app.post(
    '/admin/open311/keys',
    {
      schema: {
        tags,
        summary: 'Issue an Open311 API key (admin, audited): the key is answered once and stored only as its SHA-256',
        body: keyBody,
        response: { 201: { type: 'object', properties: { ...keySchema.properties, key: { type: 'string' } } }, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await issueKey(ctx, req.actor, req.body.name)),
  );
  app.delete(
    '/admin/open311/keys/:id',
    { schema: { tags, summary: 'Revoke an Open311 API key (admin, audited)', params: IdParams, response: { 204: { type: 'null' }, 403: errorSchema, 404: errorSchema } } },
    async (req, reply) => {
      await revokeKey(ctx, req.actor, req.params.id);
      return reply.status(204).send();
    },
  );
}
