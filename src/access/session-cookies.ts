// Sessions of the browser: the same opaque token as the bearer API, kept in an HttpOnly cookie
// (SameSite=Strict; Secure when the system is reached over https), and a CSRF token as a second,
// readable cookie that the web app echoes in the X-CSRF-Token header of every state-changing
// request (double submit). A request that carries a bearer token needs no CSRF token: a browser
// never adds that header by itself.
import { randomBytes, timingSafeEqual } from 'node:crypto';
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

/** Sets the session and CSRF cookies after a sign-in; returns the CSRF token. */
export function setSessionCookies(reply: FastifyReply, config: Config, token: string): string {
  const csrf = randomBytes(24).toString('base64url');
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
 *  with the CSRF cookie echoed in the header. */
export function csrfSatisfied(req: FastifyRequest): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const cookie = req.cookies?.[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || header.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(cookie));
}
