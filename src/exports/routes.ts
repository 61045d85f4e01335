// Routes of the daily export and import: thin — schema → use case.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { forbidden } from '../errors.ts';
import { dailyExport, exportLog, importPackage } from './service.ts';
import { addTrustedCertificate, setSigningKey, signingCertificate } from './keys.ts';
import { forgetInstance, trustedInstances, trustInstance, type TrustedInstanceInput } from './instances.ts';
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

// Body limits. A pushed package comes from anyone until its signature is checked, so its limit is
// what one instance's day can really be: a record is 0.5–2 KB (a ТЖ-1 about 1 KB), and a large
// shared instance (an oblast: 1,000–2,000 appeals registered a working day, their applicants,
// decisions and later changes) changes 10,000–20,000 records a day — 10–40 MB; 64 MB leaves room.
// A signed-in authority user may upload up to 256 MB: the way in for a day larger than that (the
// first day of an instance that brought its history in, say), whose push is refused with 413.
const PUSH_BODY_LIMIT = 64 * 1024 * 1024;
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

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
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['exports'],
        summary: "Import another instance's daily package: signature (the registered instance's certificate), hashes and organizations checked, stored idempotently, 1-ТӨ refreshed",
        body: packageSchema,
        response: { 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => importPackage(ctx, req.actor, req.body),
  );

  app.post<{ Body: ExportPackage }>(
    '/exports/incoming',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['exports'],
        summary: "Another instance pushes its daily package (rules p.29): no sign-in — the package's signature by the certificate registered for its instance is the credential",
        description: 'The same checks and import as POST /exports/import; a package of an instance not registered here (POST /exports/trusted-instances) is refused.',
        security: [],
        body: packageSchema,
        response: { 400: errorSchema, 422: errorSchema },
      },
    },
    async (req) => importPackage(ctx, null, req.body),
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

  app.get(
    '/exports/signing-certificate',
    { schema: { tags: ['exports'], summary: "This instance's id and the certificate that signs its manifests (what an importing instance registers), with its issuer" } },
    async (req) => signingCertificate(ctx, req.actor),
  );

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

  app.post<{ Body: TrustedInstanceInput }>(
    '/exports/trusted-instances',
    {
      schema: {
        tags: ['exports'],
        summary: 'Administrator: import from another instance — its id and the certificate that signs its manifests (its GET /exports/signing-certificate); again with a renewed certificate',
        body: {
          type: 'object',
          required: ['instanceId', 'name', 'certificatePem'],
          additionalProperties: false,
          properties: {
            instanceId: { type: 'string', minLength: 1, maxLength: 100 },
            name: { type: 'string', minLength: 1, maxLength: 300 },
            certificatePem: { type: 'string', maxLength: 20_000 },
          },
        },
        response: { 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await trustInstance(ctx, req.actor, req.body);
      return reply.status(201).send({ instanceId: req.body.instanceId });
    },
  );

  app.get('/exports/trusted-instances', { schema: { tags: ['exports'], summary: 'Administrator: the instances this one imports from' } }, async (req) => {
    const rows = await trustedInstances(ctx, req.actor);
    const items = rows.map((r) => ({ instanceId: r.instance_id, name: r.name, fingerprint: r.fingerprint, certificatePem: r.certificate_pem, addedAt: r.added_at.toISOString(), addedBy: r.added_by_name }));
    return { items, total: items.length };
  });

  app.delete<{ Params: { instanceId: string } }>(
    '/exports/trusted-instances/:instanceId',
    {
      schema: {
        tags: ['exports'],
        summary: 'Administrator: stop importing from an instance (its packages are refused from now on; what was imported stays)',
        params: { type: 'object', required: ['instanceId'], properties: { instanceId: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: { 204: { type: 'null' }, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await forgetInstance(ctx, req.actor, req.params.instanceId);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { certificatePem: string } }>(
    '/exports/trusted-certificates',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: trust a certificate authority (a national CA) for users' signatures — letters, reports, access requests; not for imports (trusted-instances)",
        body: { type: 'object', required: ['certificatePem'], additionalProperties: false, properties: { certificatePem: { type: 'string', maxLength: 20_000 } } },
        response: { 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await addTrustedCertificate(ctx, req.actor, req.body.certificatePem);
      return reply.status(201).send({ trusted: true });
    },
  );

  app.put<{ Body: { url: string | null } }>(
    '/exports/push',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: push every day's package to this URL (another instance's /api/v1/exports/incoming, which has registered this instance); url null stops",
        body: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: ['string', 'null'], maxLength: 2000 } } },
        response: { 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await setPushSettings(ctx, req.actor, req.body.url ? { url: req.body.url } : null);
      return { url: req.body.url };
    },
  );

  app.post('/exports/push/run', { schema: { tags: ['exports'], summary: 'Administrator: queue and deliver the due pushes now (the server does it hourly)' } }, async (req) => {
    if (!req.actor.roles.includes('admin')) throw forbidden();
    const queued = await queueDuePushes(ctx);
    return { queued, ...(await deliverPushes(ctx)) };
  });
}
