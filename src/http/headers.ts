// Security headers of every answer (issue 16, item 10), in one onSend hook:
//  - Strict-Transport-Security when the system is reached over https (PUBLIC_URL): browsers then
//    refuse plain http to it for a year, subdomains included;
//  - the API's answers (all of /api/v1/: most carry personal data) are never stored by a browser or a
//    proxy (Cache-Control: no-store) and never sniffed into another type (X-Content-Type-Options);
//  - a Content-Security-Policy on what the staff web app's own policy (src/http/web.ts) does not
//    cover: the public verification pages (/verify/…) and the API documentation (/api/docs) may be
//    framed by no page at all, and PDFs (talons, letters, reports) only by this server's pages —
//    the web app shows them in frames of its own (a PDF's policy sets no other directive: the
//    browsers' PDF viewers break under object-src or default-src).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The verification page: static HTML with one inline style sheet, no scripts. */
export const VERIFY_PAGE_POLICY = ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

/** Swagger UI: its scripts and style sheets from this server, inline styles (React), data: icons,
 *  requests to this server only. */
export const API_DOCS_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PDF_POLICY = "frame-ancestors 'self'";

const pathOf = (url: string) => url.split('?')[0]!;

/** The Content-Security-Policy an answer gets here (undefined: none from this hook). */
export function policyFor(path: string, contentType: string): string | undefined {
  if (contentType.startsWith('application/pdf')) return PDF_POLICY;
  if (path.startsWith('/verify/')) return VERIFY_PAGE_POLICY;
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return API_DOCS_POLICY;
  return undefined;
}

/** Adds the hook; call it before the routes and plugins are registered, so it covers them all. */
export function securityHeaders(app: FastifyInstance, config: Pick<Config, 'publicUrl'>): void {
  const https = config.publicUrl.startsWith('https:');
  app.addHook('onSend', async (req, reply, payload) => {
    const path = pathOf(req.url);
    if (https) reply.header('strict-transport-security', HSTS);
    if (path.startsWith('/api/v1/')) {
      reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
    }
    const policy = policyFor(path, String(reply.getHeader('content-type') ?? ''));
    if (policy) reply.header('content-security-policy', policy);
    return payload;
  });
}
