// Sessions of the browser: the same opaque token as the bearer API, kept in an HttpOnly cookie
// (SameSite=Strict; Secure when the system is reached over https), and a CSRF token as a second,
// readable cookie that the web app echoes in the X-CSRF-Token header of every state-changing
// request. The CSRF token is bound to the session: it is an HMAC of a fixed label keyed with the
// session token (which only the server and the HttpOnly cookie know), so it is checked against the
// session cookie of the request, not against the CSRF cookie — a token of another session (planted
// in the CSRF cookie by a sibling subdomain, or taken from another browser) is refused, and no
// server-side secret or storage is needed (every server process on the database derives the same
// token; tokens end with their session). A request that carries a bearer token needs no CSRF
// token: a browser never adds that header by itself.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_HOURS } from './auth.ts';

export const SESSION_COOKIE = 'joldanym_session';
export const CSRF_COOKIE = 'joldanym_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function secure(config: Config): boolean {
  return config.publicUrl.startsWith('https:');
}

/** The CSRF token of a session. */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('joldanym csrf v1').digest('base64url');
}

/** Sets the session and CSRF cookies after a sign-in; returns the CSRF token. */
export function setSessionCookies(reply: FastifyReply, config: Config, token: string): string {
  const csrf = csrfTokenOf(token);
  const common = { path: '/', sameSite: 'strict' as const, secure: secure(config), maxAge: SESSION_HOURS * 3600 };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: secure(config) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...common, httpOnly: false });
}

/** The session token of a request and where it came from: the Authorization header wins. */
export function sessionTokenOf(req: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    return token ? { token, via: 'bearer' } : undefined;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** Whether a cookie-authenticated request may change state: safe methods always; others only
 *  with the CSRF token of the request's own session in the header. */
export function csrfSatisfied(req: FastifyRequest): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const session = sessionTokenOf(req);
  if (!session) return false;
  if (session.via === 'bearer') return true;
  const expected = csrfTokenOf(session.token);
  const header = req.headers[CSRF_HEADER];
  if (typeof header !== 'string' || header.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
