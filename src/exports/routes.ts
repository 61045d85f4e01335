// Routes of the daily export and import: thin — schema → use case.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { forbidden } from '../errors.ts';
import { dailyExport, exportLog, importPackage } from './service.ts';
import { addTrustedCertificate, setSigningKey, signingKey } from './keys.ts';
import { deliverPushes, queueDuePushes, setPushSettings } from './push.ts';
import { EXPORT_FILES, EXPORT_FORMAT, type ExportPackage } from './package.ts';

const packageSchema = {
  type: 'object',
  required: ['format', 'manifest', 'signature', 'files'],
  additionalProperties: false,
  properties: {
    format: { type: 'string', const: EXPORT_FORMAT },
    manifest: { type: 'string', maxLength: 100_000 },
    signature: { type: 'string', maxLength: 200_000 },
    files: { type: 'object', additionalProperties: { type: 'string' }, properties: Object.fromEntries(EXPORT_FILES.map((f) => [f, { type: 'string' }])) },
  },
} as const;

export async function exportRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get<{ Params: { day: string }; Querystring: { organization?: number } }>(
    '/exports/daily/:day',
    {
      schema: {
        tags: ['exports'],
        summary: "A day's card changes (ТЖ-1, АИ-1, ТЖ-2, deletions) as NDJSON files with a signed manifest (rules p.29)",
        description: 'One JSON document: {format, manifest (the exact text signed), signature (CMS, base64), files}. Only a day that is over; the same day always gives the same bytes.',
        params: { type: 'object', required: ['day'], properties: { day: { type: 'string', format: 'date' } } },
        querystring: { type: 'object', additionalProperties: false, properties: { organization: { type: 'integer', minimum: 1 } } },
        response: { 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const body = await dailyExport(ctx, req.actor, req.params.day, req.query.organization);
      return reply.header('content-disposition', `attachment; filename="joldanym-${req.params.day}.json"`).send(body);
    },
  );

  app.post<{ Body: ExportPackage }>(
    '/exports/import',
    {
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        tags: ['exports'],
        summary: "Import another instance's daily package: signature, hashes and organizations checked, stored idempotently, 1-ТӨ refreshed",
        body: packageSchema,
        response: { 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => importPackage(ctx, req.actor, req.body),
  );

  app.get<{ Querystring: { limit: number } }>(
    '/exports/log',
    {
      schema: {
        tags: ['exports'],
        summary: 'The export log: pulls, pushes and imports',
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['at', 'direction', 'instanceId', 'day', 'organization', 'manifestSha256', 'counts', 'ok', 'error', 'actor'],
                  properties: {
                    at: { type: 'string' },
                    direction: { type: 'string', enum: ['pull', 'push', 'import'] },
                    instanceId: { type: 'string' },
                    day: { type: 'string', format: 'date' },
                    organization: { type: ['string', 'null'] },
                    manifestSha256: { type: ['string', 'null'] },
                    counts: { type: ['object', 'null'], additionalProperties: { type: 'integer' } },
                    ok: { type: 'boolean' },
                    error: { type: ['string', 'null'] },
                    actor: { type: 'string' },
                  },
                },
              },
              total: { type: 'integer' },
            },
          },
          403: errorSchema,
        },
      },
    },
    async (req) => {
      const rows = await exportLog(ctx, req.actor, req.query.limit);
      const items = rows.map((r) => ({
        at: r.at.toISOString(),
        direction: r.direction,
        instanceId: r.instance_id,
        day: r.day,
        organization: r.organization_code,
        manifestSha256: r.manifest_sha256,
        counts: r.counts,
        ok: r.ok,
        error: r.error,
        actor: r.actor_name,
      }));
      return { items, total: items.length };
    },
  );

  app.get('/exports/signing-certificate', { schema: { tags: ['exports'], summary: "The certificate that signs this instance's manifests, and its issuer (what an importing instance trusts)" } }, async (req) => {
    if (!req.actor.roles.some((r) => r === 'admin' || r === 'statistician')) throw forbidden();
    const key = await signingKey(ctx);
    return { certificatePem: key.certificatePem, issuerPem: key.issuerPem };
  });

  app.put<{ Body: { pkcs12: string; password: string } }>(
    '/exports/signing-key',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: the instance's signing key (the organization's EDS as PKCS#12 with its password)",
        body: { type: 'object', required: ['pkcs12', 'password'], additionalProperties: false, properties: { pkcs12: { type: 'string', maxLength: 100_000 }, password: { type: 'string', maxLength: 200 } } },
        response: { 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => setSigningKey(ctx, req.actor, req.body.pkcs12, req.body.password),
  );

  app.post<{ Body: { certificatePem: string } }>(
    '/exports/trusted-certificates',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: trust a certificate (another instance's issuer, a national CA) for imports and signatures",
        body: { type: 'object', required: ['certificatePem'], additionalProperties: false, properties: { certificatePem: { type: 'string', maxLength: 20_000 } } },
        response: { 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await addTrustedCertificate(ctx, req.actor, req.body.certificatePem);
      return reply.status(201).send({ trusted: true });
    },
  );

  app.put<{ Body: { url: string | null; token?: string | null } }>(
    '/exports/push',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: push every day's package to this URL (another instance's /api/v1/exports/import) with this bearer token; url null stops",
        body: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: ['string', 'null'], maxLength: 2000 }, token: { type: ['string', 'null'], maxLength: 500 } } },
        response: { 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await setPushSettings(ctx, req.actor, req.body.url ? { url: req.body.url, token: req.body.token ?? null } : null);
      return { url: req.body.url };
    },
  );

  app.post('/exports/push/run', { schema: { tags: ['exports'], summary: 'Administrator: queue and deliver the due pushes now (the server does it hourly)' } }, async (req) => {
    if (!req.actor.roles.includes('admin')) throw forbidden();
    const queued = await queueDuePushes(ctx);
    return { queued, ...(await deliverPushes(ctx)) };
  });
}
