// Routes of the daily export and import: thin — schema → use case.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { forbidden } from '../errors.ts';
import { dailyExport, exportLog, importPackage } from './service.ts';
import { addTrustedCertificate, setSigningKey, signingCertificate } from './keys.ts';
import { forgetInstance, trustedInstances, trustInstance } from './instances.ts';
import { deliverPushes, queueDuePushes, setPushSettings } from './push.ts';
import { dailyExportParams, dailyExportQuery, exportLogQuery, instanceParams, leaseRequestBody, packageSchema, pushSettingsBody, signingKeyBody, trustedCertificateBody, trustedInstanceBody } from './schemas.ts';
import { typed } from '../http/typebox.ts';
import { answerLeaseRequest } from './numbers.ts';
import { incomingGate, MANIFEST_HEADER, PUSH_BODY_LIMIT, pushedHead, SIGNATURE_HEADER } from './incoming.ts';

// Body limits. A pushed package comes from anyone until its signature is checked, so its limit is
// what one instance's day can really be: a record is 0.5–2 KB (a ТЖ-1 about 1 KB), and a large
// shared instance (an oblast: 1,000–2,000 appeals registered a working day, their applicants,
// decisions and later changes) changes 10,000–20,000 records a day — 10–40 MB; 64 MB leaves room.
// A signed-in authority user may upload up to 256 MB: the way in for a day larger than that (the
// first day of an instance that brought its history in, say), whose push is refused with 413.
// The push's limit and the checks before its body is read: incoming.ts.
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

export async function exportRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/exports/daily/:day',
    {
      schema: {
        tags: ['exports'],
        summary: "A day's card changes (ТЖ-1, АИ-1, ТЖ-2, deletions) as NDJSON files with a signed manifest (rules p.29)",
        description: 'One JSON document: {format, manifest (the exact text signed), signature (CMS, base64), files}. Only a day that is over; the same day always gives the same bytes.',
        params: dailyExportParams,
        querystring: dailyExportQuery,
        response: { 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const body = await dailyExport(ctx, req.actor, req.params.day, req.query.organization);
      return reply.header('content-disposition', `attachment; filename="joldanym-${req.params.day}.json"`).send(body);
    },
  );

  app.post(
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

  app.post(
    '/exports/incoming',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      onRequest: incomingGate(ctx),
      schema: {
        tags: ['exports'],
        summary: "Another instance pushes its daily package (rules p.29): no sign-in — the package's signature by the certificate registered for its instance is the credential",
        description:
          'The same checks and import as POST /exports/import, but the manifest (base64 of its UTF-8 text) and its signature also come as the headers x-joldanym-manifest and x-joldanym-signature, verified before the body is read; the body must carry the same. Content-Length is required (411) and at most 64 MB (413); at most 1 push per client address and 2 in all are read at once (429 with Retry-After). A package of an instance not registered here (POST /exports/trusted-instances) is refused.',
        security: [],
        headers: Type.Object({ [MANIFEST_HEADER]: Type.String(), [SIGNATURE_HEADER]: Type.String() }),
        body: packageSchema,
        response: { 400: errorSchema, 411: errorSchema, 413: errorSchema, 422: errorSchema, 429: errorSchema },
      },
    },
    async (req) => importPackage(ctx, null, req.body, pushedHead(req)),
  );

  app.post(
    '/exports/number-blocks',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['exports'],
        summary:
          "The statistics authority leases a registered instance its next block of the year's registration numbers (docs/scaling.md): no sign-in — the request's signature by the certificate registered for its instance is the credential",
        description:
          'Body: {request (the exact text signed: {format "joldanym-number-lease/1", instanceId, year, requestId, at}), signature (CMS, base64)}. The request must be at most 10 minutes old; the same requestId gets the same block. Answers {year, firstValue, size}. Only an instance configured as the authority leases (409 otherwise).',
        security: [],
        body: leaseRequestBody,
        response: {
          200: Type.Object({ year: Type.Integer(), firstValue: Type.Integer(), size: Type.Integer() }),
          400: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req) => answerLeaseRequest(ctx, req.body),
  );

  app.get(
    '/exports/log',
    {
      schema: {
        tags: ['exports'],
        summary: 'The export log: pulls, pushes and imports',
        querystring: exportLogQuery,
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

  app.put(
    '/exports/signing-key',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: the instance's signing key (the organization's EDS as PKCS#12 with its password)",
        body: signingKeyBody,
        response: { 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => setSigningKey(ctx, req.actor, req.body.pkcs12, req.body.password),
  );

  app.post(
    '/exports/trusted-instances',
    {
      schema: {
        tags: ['exports'],
        summary: 'Administrator: import from another instance — its id and the certificate that signs its manifests (its GET /exports/signing-certificate); again with a renewed certificate',
        body: trustedInstanceBody,
        response: { 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await trustInstance(ctx, req.actor, req.body);
      reply.statusCode = 201; // not among the documented responses, which bound reply.status()'s type
      return { instanceId: req.body.instanceId };
    },
  );

  app.get('/exports/trusted-instances', { schema: { tags: ['exports'], summary: 'Administrator: the instances this one imports from' } }, async (req) => {
    const rows = await trustedInstances(ctx, req.actor);
    const items = rows.map((r) => ({ instanceId: r.instance_id, name: r.name, fingerprint: r.fingerprint, certificatePem: r.certificate_pem, addedAt: r.added_at.toISOString(), addedBy: r.added_by_name }));
    return { items, total: items.length };
  });

  app.delete(
    '/exports/trusted-instances/:instanceId',
    {
      schema: {
        tags: ['exports'],
        summary: 'Administrator: stop importing from an instance (its packages are refused from now on; what was imported stays)',
        params: instanceParams,
        response: { 204: { type: 'null' }, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await forgetInstance(ctx, req.actor, req.params.instanceId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/exports/trusted-certificates',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: trust a certificate authority (a national CA) for users' signatures — letters, reports, access requests; not for imports (trusted-instances)",
        body: trustedCertificateBody,
        response: { 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await addTrustedCertificate(ctx, req.actor, req.body.certificatePem);
      reply.statusCode = 201; // not among the documented responses, which bound reply.status()'s type
      return { trusted: true };
    },
  );

  app.put(
    '/exports/push',
    {
      schema: {
        tags: ['exports'],
        summary: "Administrator: push every day's package to this URL (another instance's /api/v1/exports/incoming, which has registered this instance); url null stops",
        body: pushSettingsBody,
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
