// Identification of the applicant on the portal (issue 14 §2) by a one-time code sent by SMS or by
// e-mail through the outbox: the code is kept as a SHA-256 only, expires, counts its attempts, and
// a phone or e-mail address gets a limited number of codes (the HTTP layer limits each client
// address besides). The same answer for every valid address: the portal tells nobody which phones
// or addresses have appeals. Or by an EDS: the
// key signs a challenge of the server (NCALayer makes the detached CMS), the certificate is checked
// against the trusted CAs as letters' signatures are (src/letters/cms.ts), and the IIN is taken from it.
import { sql } from 'kysely';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Context } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { CODE_POLICY, codeUsable, maskedEmail, maskedPhone, normalEmail, normalPhone } from '../domain/portal.ts';
import { enqueue } from '../notifications/outbox.ts';
import { verifyDetached } from '../letters/cms.ts';
import { trustedRoots } from '../letters/signing.ts';
import { messageLanguage } from '../notifications/messages.ts';
import * as store from './store.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codeHash = (to: store.CodeAddress, code: string) => sha256(`portal-code:${'phone' in to ? to.phone : to.email}:${code}`);
export const portalTokenHash = (token: string) => sha256(`portal-session:${token}`);

const CODE_SMS = {
  kk: (code: string) => `Joldanym: кіру коды ${code}. Оны ешкімге айтпаңыз.`,
  ru: (code: string) => `Joldanym: код входа ${code}. Никому его не сообщайте.`,
  en: (code: string) => `Joldanym: your sign-in code is ${code}. Do not share it.`,
};

const CODE_MAIL = {
  kk: {
    subject: 'Joldanym: кіру коды',
    body: (code: string, minutes: number) => `Joldanym порталына кіру коды: ${code}\n\nКод ${minutes} минут жарамды. Оны ешкімге айтпаңыз. Код сұрамаған болсаңыз, бұл хатты елемеңіз.`,
  },
  ru: {
    subject: 'Joldanym: код входа',
    body: (code: string, minutes: number) => `Код входа на портал Joldanym: ${code}\n\nКод действует ${minutes} минут. Никому его не сообщайте. Если вы не запрашивали код, не обращайте внимания на это письмо.`,
  },
  en: {
    subject: 'Joldanym: your sign-in code',
    body: (code: string, minutes: number) => `Your Joldanym portal sign-in code: ${code}\n\nIt is valid for ${minutes} minutes. Do not share it. If you did not ask for a code, ignore this e-mail.`,
  },
};

/** The address a code goes to or is checked for: a phone or an e-mail address, exactly one. */
function addressOf(input: { phone?: string; email?: string }): store.CodeAddress {
  if ((input.phone === undefined) === (input.email === undefined)) throw invalid([{ path: input.phone === undefined ? '/phone' : '/email', code: 'portal.phoneOrEmail' }]);
  if (input.phone !== undefined) {
    const phone = normalPhone(input.phone);
    if (!phone) throw invalid([{ path: '/phone', code: 'portal.phone' }]);
    return { phone };
  }
  const email = normalEmail(input.email!);
  if (!email) throw invalid([{ path: '/email', code: 'portal.email' }]);
  return { email };
}

/** Sends a new code to the phone by SMS or to the address by e-mail, through the outbox (the
 *  previous code stops counting). The same expiry, attempts and limits either way. */
export async function requestCode(ctx: Context, input: { phone?: string; email?: string }, lang: string): Promise<{ sentTo: string; expiresAt: string }> {
  const to = addressOf(input);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - CODE_POLICY.perPhoneWindowMinutes * 60_000);
  const expiresAt = new Date(now.getTime() + CODE_POLICY.ttlMinutes * 60_000);
  const code = String(randomInt(0, 10 ** CODE_POLICY.digits)).padStart(CODE_POLICY.digits, '0');
  const language = messageLanguage(lang);
  const recipient = 'phone' in to ? to.phone : to.email;
  await ctx.db.transaction().execute(async (trx) => {
    // serialises the address's requests, so the count below cannot be raced past (an advisory lock:
    // an address that never had a code has no row to lock)
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`portal-code:${recipient}`}))`.execute(trx);
    if ((await store.codesSince(trx, to, since)) >= CODE_POLICY.perPhone) throw new AppError(429, 'portal.tooManyCodes', [], { minutes: CODE_POLICY.perPhoneWindowMinutes });
    await store.insertCode(trx, to, codeHash(to, code), now, expiresAt);
    const root = await store.rootOrganization(trx);
    const message =
      'phone' in to
        ? { channel: 'sms' as const, subject: null, body: CODE_SMS[language](code) }
        : { channel: 'email' as const, subject: CODE_MAIL[language].subject, body: CODE_MAIL[language].body(code, CODE_POLICY.ttlMinutes) };
    await enqueue(trx, { organizationId: root.id, appealId: null, kind: 'portalCode', recipient, language, ...message }, now);
  });
  return { sentTo: 'phone' in to ? maskedPhone(to.phone) : maskedEmail(to.email), expiresAt: expiresAt.toISOString() };
}

/** Checks the address's latest code; a right one opens a portal session and answers its token. */
export async function verifyCode(ctx: Context, input: { phone?: string; email?: string }, code: string): Promise<{ token: string; expiresAt: string }> {
  const to = addressOf(input);
  const now = ctx.clock.now();
  const stored = await store.latestCode(ctx.db, to);
  const wrong = () => new AppError(400, 'portal.codeInvalid', [{ path: '/code', code: 'portal.codeInvalid' }]);
  if (!stored) throw wrong();
  const usable = codeUsable({ expiresAt: stored.expires_at, attempts: stored.attempts, usedAt: stored.used_at }, now);
  if (!usable.ok) throw refusal(usable.code);
  const attempts = await store.countAttempt(ctx.db, stored.id, CODE_POLICY.maxAttempts);
  if (attempts === undefined) throw refusal('portal.codeAttempts');
  const given = Buffer.from(codeHash(to, code.trim()), 'hex');
  if (!timingSafeEqual(given, Buffer.from(stored.code_sha256, 'hex'))) throw wrong();
  if (!(await store.spendCode(ctx.db, stored.id, now))) throw wrong();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CODE_POLICY.sessionHours * 3_600_000);
  await store.insertSession(ctx.db, portalTokenHash(token), { phone: 'phone' in to ? to.phone : null, email: 'email' in to ? to.email : null, iin: null }, now, expiresAt);
  return { token, expiresAt: expiresAt.toISOString() };
}

/** Challenges live 5 minutes and are signed once. */
const CHALLENGE_MINUTES = 5;

/** A fresh random challenge for the applicant's AUTH key to sign (base64). */
export async function edsChallenge(ctx: Context): Promise<{ challenge: string; expiresAt: string; ncaLayerUrl: string | null }> {
  const now = ctx.clock.now();
  const challenge = randomBytes(32).toString('base64');
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await store.insertChallenge(ctx.db, sha256(`portal-challenge:${challenge}`), now, expiresAt);
  // where the page finds NCALayer on the applicant's machine (the page's policy allows it)
  return { challenge, expiresAt: expiresAt.toISOString(), ncaLayerUrl: ctx.config.ncaLayerUrl };
}

/** The signed challenge: a valid signature by a certificate of a trusted CA that names an IIN opens
 *  a session for that IIN. The challenge is spent only by a valid signature. */
export async function edsVerify(ctx: Context, challenge: string, signature: string): Promise<{ token: string; expiresAt: string; name: string }> {
  const now = ctx.clock.now();
  const result = await verifyDetached(Buffer.from(challenge, 'base64'), Buffer.from(signature, 'base64'), await trustedRoots(ctx.db), now);
  if (!result.valid) throw new AppError(400, 'portal.edsInvalid', [{ path: '/signature', code: 'portal.edsInvalid', params: { reason: result.reason ?? 'malformed' } }]);
  const iin = result.signer?.iin;
  if (!iin) throw new AppError(400, 'portal.edsNoIin', [{ path: '/signature', code: 'portal.edsNoIin' }]);
  if (!(await store.spendChallenge(ctx.db, sha256(`portal-challenge:${challenge}`), now))) throw new AppError(400, 'portal.challengeInvalid', [{ path: '/challenge', code: 'portal.challengeInvalid' }]);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CODE_POLICY.sessionHours * 3_600_000);
  await store.insertSession(ctx.db, portalTokenHash(token), { phone: null, email: null, iin }, now, expiresAt);
  return { token, expiresAt: expiresAt.toISOString(), name: result.signer?.commonName ?? '' };
}

function refusal(code: 'portal.codeInvalid' | 'portal.codeExpired' | 'portal.codeAttempts'): AppError {
  return new AppError(code === 'portal.codeAttempts' ? 429 : 400, code, [{ path: '/code', code }]);
}

/** The applicant a portal token stands for, or null. */
export async function applicantOf(ctx: Context, token: string): Promise<store.Applicant | null> {
  const row = await store.sessionOf(ctx.db, portalTokenHash(token), ctx.clock.now());
  return row ? { phone: row.phone, iin: row.iin, email: row.email } : null;
}

export async function signOut(ctx: Context, token: string): Promise<void> {
  await store.endSession(ctx.db, portalTokenHash(token));
}
