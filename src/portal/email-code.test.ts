// Sign-in codes by e-mail (issue 14 §2): the same expiry, attempts and limits as by SMS, the mail
// sent through the outbox to a real SMTP peer, and the session linking the cards by the address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { person, register } from '../../test/accounting.ts';
import { consoleTransports, smtpTransport } from '../notifications/transports.ts';
import { deliverDue } from '../notifications/worker.ts';

let t: TestApp;
let registrar: Api;
let smtp: { url: string; mails: { to: string[]; raw: string }[]; close(): Promise<void> };

/** An SMTP server on a free port that keeps what it is sent. */
async function smtpPeer(): Promise<typeof smtp> {
  const mails: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  registrar = await t.as('registrar');
  smtp = await smtpPeer();
});
after(async () => {
  await smtp.close();
  await t.close();
});

/** The parts of the answers these tests read. */
interface Answer {
  sentTo: string;
  token: string;
  items: { id: string }[];
  error: { code: string; fields: { path: string; code: string; message: string }[] };
}

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(t.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'en' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Answer };
}

/** Delivers the outbox as the worker does (e-mail over SMTP) and reads the code from the latest mail to `email`. */
async function mailedCode(email: string): Promise<string> {
  await deliverDue({ db: t.ctx.db, clock: t.ctx.clock }, { email: smtpTransport(smtp.url, 'Joldanym <noreply@joldanym.local>'), sms: consoleTransports(() => {}).sms });
  const mail = smtp.mails.filter((m) => m.to.includes(email)).at(-1);
  assert.ok(mail, `a mail to ${email}`);
  assert.match(mail.raw, /^Subject: Joldanym: your sign-in code/m);
  return /sign-in code: (\d{6})/.exec(mail.raw.replace(/=\r?\n/g, ''))![1]!;
}

describe('identification by a one-time code sent by e-mail (issue 14 §2)', () => {
  test('the code goes out by e-mail through the outbox and SMTP; the session finds the cards that carry the address', async () => {
    const desk = await register(registrar, { applicant: { ...person('Поштаева', 'Айгерім'), phone: undefined, email: 'aigerim@example.kz' }, summary: 'Хатпен кіру' });
    const sent = await call('POST', '/api/v1/public/auth/code', { email: '  Aigerim@Example.KZ ' });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    assert.equal(sent.body.sentTo, 'ai•••@example.kz');
    const row = await t.ctx.db.selectFrom('outbox').select(['kind', 'channel', 'recipient']).where('recipient', '=', 'aigerim@example.kz').where('kind', '=', 'portalCode').executeTakeFirstOrThrow();
    assert.deepEqual(row, { kind: 'portalCode', channel: 'email', recipient: 'aigerim@example.kz' });
    const code = await mailedCode('aigerim@example.kz');
    const stored = await t.ctx.db.selectFrom('portal_codes').selectAll().where('email', '=', 'aigerim@example.kz').executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(code), 'the code itself is not stored');
    const viaPhone = await call('POST', '/api/v1/public/auth/verify', { phone: '+77010000099', code });
    assert.equal(viaPhone.status, 400, "an e-mail code is no phone's code");
    const ok = await call('POST', '/api/v1/public/auth/verify', { email: 'aigerim@example.kz', code });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const mine = await call('GET', '/api/v1/public/me/appeals', undefined, ok.body.token);
    assert.deepEqual(
      mine.body.items.map((a) => a.id),
      [desk.id],
    );
    assert.equal((await call('POST', '/api/v1/public/auth/verify', { email: 'aigerim@example.kz', code })).status, 400, 'a code is used once');
  });

  test('the same attempts, expiry and limit as by SMS', async () => {
    const email = 'tries@example.kz';
    await call('POST', '/api/v1/public/auth/code', { email });
    const code = await mailedCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) assert.equal((await call('POST', '/api/v1/public/auth/verify', { email, code: wrong })).body.error.code, 'portal.codeInvalid');
    const right = await call('POST', '/api/v1/public/auth/verify', { email, code });
    assert.deepEqual([right.status, right.body.error.code], [429, 'portal.codeAttempts']);

    t.setNow('2026-03-18T10:00:00+05:00');
    await call('POST', '/api/v1/public/auth/code', { email: 'late@example.kz' });
    const late = await mailedCode('late@example.kz');
    t.setNow('2026-03-18T10:05:01+05:00');
    const expired = await call('POST', '/api/v1/public/auth/verify', { email: 'late@example.kz', code: late });
    assert.deepEqual([expired.status, expired.body.error.code], [400, 'portal.codeExpired']);

    t.setNow('2026-03-18T11:00:00+05:00');
    const many = 'many@example.kz';
    for (let i = 0; i < 3; i++) assert.equal((await call('POST', '/api/v1/public/auth/code', { email: many })).status, 202);
    const fourth = await call('POST', '/api/v1/public/auth/code', { email: many.toUpperCase() });
    assert.deepEqual([fourth.status, fourth.body.error.code], [429, 'portal.tooManyCodes']);
  });

  test('a phone or an e-mail address, one of them, well formed: field errors in the language asked', async () => {
    for (const [body, path, code] of [
      [{ email: 'not an address' }, '/email', 'portal.email'],
      [{}, '/phone', 'portal.phoneOrEmail'],
      [{ phone: '+77010000005', email: 'both@example.kz' }, '/email', 'portal.phoneOrEmail'],
    ] as const) {
      const r = await call('POST', '/api/v1/public/auth/code', body);
      assert.deepEqual([r.status, r.body.error.fields[0]!.path, r.body.error.fields[0]!.code], [422, path, code], JSON.stringify(r.body));
      assert.ok(!/portal\./.test(r.body.error.fields[0]!.message), r.body.error.fields[0]!.message);
    }
  });
});
