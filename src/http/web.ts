// The web apps (web/, built by `npm run build:web` into web/dist) served by the same server: the
// citizen portal at / (web/portal/) and the staff workspace under /staff (web/index.html). Hashed
// assets cached for a year, the pages never cached, and every path that is not the API's answered
// with its app's page, so the apps' own routes (/staff/queues/overdue, /appeals/…) load directly
// (SPA fallback). Without a build the server runs as before, API only.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { PROJECT_ROOT } from '../project-root.ts';

export const WEB_DIST = join(PROJECT_ROOT, 'web/dist');

/** The page's policy: scripts and styles from this server only (Mantine sets inline styles);
 *  PDFs of talons and letters are shown in frames from this server or as blobs; connections to
 *  this server and to NCALayer on the user's machine (signing, config.ncaLayerUrl). */
export function contentSecurityPolicy(ncaLayerUrl: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${ncaLayerUrl ? ` ${new URL(ncaLayerUrl).origin}` : ''}`,
    "frame-src 'self' blob:",
    "object-src 'self' blob:",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

let staffHtml: Buffer | undefined;
let portalHtml: Buffer | undefined;
let policy = contentSecurityPolicy(null);

export const STAFF_PREFIX = '/staff';

/** Registers the static files if the app is built; returns whether it is. */
export async function webApp(app: FastifyInstance, ncaLayerUrl: string | null, root = WEB_DIST): Promise<boolean> {
  const index = resolve(root, 'index.html');
  const portal = resolve(root, 'portal/index.html');
  if (!existsSync(index) || !existsSync(portal)) return false;
  staffHtml = readFileSync(index);
  portalHtml = readFileSync(portal);
  policy = contentSecurityPolicy(ncaLayerUrl);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    wildcard: true,
    decorateReply: false,
    setHeaders(res, path) {
      if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
  app.get('/', { schema: { hide: true } }, async (req, reply) => sendWebApp(req, reply));
  app.get(STAFF_PREFIX, { schema: { hide: true } }, async (req, reply) => sendWebApp(req, reply));
  return true;
}

/** A page load of the app: a GET that is not the API's and wants HTML. */
export function isWebAppRequest(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?')[0]!;
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/verify/') || path.startsWith('/assets/')) return false;
  // the machine-readable public data (src/open-data): an unknown file there is a 404, not a page
  if (path.startsWith('/opendata/') || path.startsWith('/open311/')) return false;
  if (/\.[a-z0-9]+$/i.test(path)) return false; // a missing file, not a page
  const accept = req.headers.accept ?? '';
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

/** The page of the app the path belongs to: the staff workspace under /staff, the portal elsewhere. */
export function sendWebApp(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0]!;
  const staff = path === STAFF_PREFIX || path.startsWith(`${STAFF_PREFIX}/`);
  return reply
    .status(200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-security-policy', policy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(staff ? staffHtml : portalHtml);
}
