import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { testApp, type TestApp } from '../../test/support.ts';
import { buildServer } from '../http/server.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** A browser-like client: keeps cookies, sends the CSRF header only when told to. */
function browser() {
  const jar = new Map<string, string>();
  return {
    jar,
    async fetch(method: string, path: string, body?: unknown, opts: { csrf?: boolean | string } = {}) {
      const headers: Record<string, string> = { 'accept-language': 'en' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      if (opts.csrf) headers['x-csrf-token'] = typeof opts.csrf === 'string' ? opts.csrf : (jar.get('joldanym_csrf') ?? '');
      const res = await fetch(t.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [name, ...value] = pair!.split('=');
        const v = value.join('=');
        if (v === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name!.trim());
        else jar.set(name!.trim(), v);
      }
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
  };
}

test('sign-in sets an HttpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
  const b = browser();
  const res = await b.fetch('POST', '/api/v1/auth/login', { login: 'registrar', password: 'demo' });
  assert.equal(res.status, 200);
  const cookies = res.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith('joldanym_session='))!;
  const csrf = cookies.find((c) => c.startsWith('joldanym_csrf='))!;
  assert.match(session, /HttpOnly/i);
  assert.match(session, /SameSite=Strict/i);
  assert.match(session, /Path=\//);
  assert.doesNotMatch(session, /Secure/i); // PUBLIC_URL is http here
  assert.doesNotMatch(csrf, /HttpOnly/i);
  assert.equal(session.split(';')[0], `joldanym_session=${res.body.token}`);
  assert.equal(b.jar.get('joldanym_csrf'), res.body.csrfToken);
  const me = await b.fetch('GET', '/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.login, 'registrar');
  assert.equal(me.body.timeZone, 'Asia/Almaty');
  assert.equal(me.body.demoMode, true);
});

test('a state-changing request by cookie needs the CSRF token; a bearer request does not', async () => {
  const b = browser();
  const login = await b.fetch('POST', '/api/v1/auth/login', { login: 'registrar', password: 'demo' });
  const body = {
    documentType: 'application',
    form: 'paper',
    channel: 'post',
    language: 'kk',
    summary: 'CSRF',
    applicant: { kind: 'individual', lastName: 'Test', firstName: 'Csrf' },
  };
  const without = await b.fetch('POST', '/api/v1/appeals/duplicate-check', body);
  assert.equal(without.status, 403);
  assert.equal(without.body.error.code, 'csrf');
  const wrong = await b.fetch('POST', '/api/v1/appeals/duplicate-check', body, { csrf: 'x'.repeat(32) });
  assert.equal(wrong.status, 403);
  const ok = await b.fetch('POST', '/api/v1/appeals/duplicate-check', body, { csrf: true });
  assert.equal(ok.status, 200);
  const bearer = await fetch(`${t.url}/api/v1/appeals/duplicate-check`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(bearer.status, 200);
});

test('sign-out by cookie ends the session and clears both cookies', async () => {
  const b = browser();
  await b.fetch('POST', '/api/v1/auth/login', { login: 'executor', password: 'demo' });
  const token = b.jar.get('joldanym_session')!;
  assert.equal((await b.fetch('POST', '/api/v1/auth/logout', undefined, {})).status, 403); // no CSRF
  const out = await b.fetch('POST', '/api/v1/auth/logout', undefined, { csrf: true });
  assert.equal(out.status, 204);
  assert.equal(b.jar.size, 0);
  const after = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(after.status, 401);
});

test('a password change checks the current password and the rules, ends other sessions, and is audited', async () => {
  await t.createUser('pwuser', 'AKM-BURABAY', ['executor'], 'Құпиясөз Тестов');
  const b = browser();
  await b.fetch('POST', '/api/v1/auth/login', { login: 'pwuser', password: 'demo' });
  const other = await browser().fetch('POST', '/api/v1/auth/login', { login: 'pwuser', password: 'demo' });
  const wrong = await b.fetch('POST', '/api/v1/me/password', { currentPassword: 'nope', newPassword: 'long enough 1' }, { csrf: true });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.error.fields[0].path, '/currentPassword');
  const short = await b.fetch('POST', '/api/v1/me/password', { currentPassword: 'demo', newPassword: 'short' }, { csrf: true });
  assert.equal(short.status, 422);
  assert.equal(short.body.error.fields[0].code, 'password.tooShort');
  assert.match(short.body.error.fields[0].message, /8/);
  const ok = await b.fetch('POST', '/api/v1/me/password', { currentPassword: 'demo', newPassword: 'a new password' }, { csrf: true });
  assert.equal(ok.status, 204);
  assert.equal((await b.fetch('GET', '/api/v1/me')).status, 200); // this session goes on
  const otherMe = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${other.body.token}` } });
  assert.equal(otherMe.status, 401);
  const old = await browser().fetch('POST', '/api/v1/auth/login', { login: 'pwuser', password: 'demo' });
  assert.equal(old.status, 401);
  const fresh = await browser().fetch('POST', '/api/v1/auth/login', { login: 'pwuser', password: 'a new password' });
  assert.equal(fresh.status, 200);
  const events = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('kind', '=', 'passwordChanged').execute();
  assert.equal(events.length, 1);
  assert.ok(!JSON.stringify(events[0]!.changes).includes('a new password'));
});

test('five failed sign-ins lock the account with a message naming the local time', async () => {
  await t.createUser('lockme', 'AKM-BURABAY', ['registrar']);
  for (let i = 0; i < 5; i++) {
    const r = await browser().fetch('POST', '/api/v1/auth/login', { login: 'lockme', password: 'wrong' });
    assert.equal(r.status, 401);
  }
  const locked = await browser().fetch('POST', '/api/v1/auth/login', { login: 'lockme', password: 'demo' });
  assert.equal(locked.status, 423);
  assert.equal(locked.body.error.code, 'auth.locked');
  assert.match(locked.body.error.message, /2026-03-18 10:15/);
});

test('the registry gives АИ-1 fields by IIN and BIN, checking the check digit first', async () => {
  const api = await t.as('registrar');
  const person = await api('GET', '/api/v1/registry/persons/780315345211');
  assert.equal(person.status, 200);
  assert.equal(person.body.lastName, 'Жұмабеков');
  assert.equal(person.body.birthDate, '1978-03-15');
  assert.equal(person.body.address.street, 'Абылай хан көшесі');
  const bad = await api('GET', '/api/v1/registry/persons/780315345212');
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.fields[0].code, 'iin.checkDigit');
  const missing = await api('GET', '/api/v1/registry/persons/870412300416');
  assert.equal(missing.status, 404);
  const company = await api('GET', '/api/v1/registry/companies/090340012347');
  assert.equal(company.status, 200);
  assert.equal(company.body.kind, 'legalEntity');
});

test('demo users exist only in demo mode: outside it they cannot sign in, their sessions end and they are not listed', async () => {
  await t.createUser('realadmin', 'AKM-OBL', ['admin'], 'Нақты Әкімші');
  const demoToken = (await browser().fetch('POST', '/api/v1/auth/login', { login: 'registrar', password: 'demo' })).body.token as string;
  // A second server on the same database, not in demo mode.
  const plain = await buildServer({ ...t.ctx, config: { ...t.ctx.config, demo: false } });
  await plain.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = plain.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const post = (path: string, body: unknown) => fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'ru' }, body: JSON.stringify(body) });
    const refused = await post('/api/v1/auth/login', { login: 'registrar', password: 'demo' });
    assert.equal(refused.status, 401);
    const refusedBody = await refused.json();
    assert.equal(refusedBody.error.code, 'auth.invalidCredentials');
    assert.equal(refusedBody.error.message, 'Неверный логин или пароль');
    // the session the demo server gave (now in the session cache) does not work here …
    const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${demoToken}` } });
    assert.equal(me.status, 401);
    // … and still does on the demo server
    assert.equal((await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${demoToken}` } })).status, 200);
    // a real user signs in and sees no demo user
    const real = await post('/api/v1/auth/login', { login: 'realadmin', password: 'demo' });
    assert.equal(real.status, 200);
    const { token, user } = await real.json();
    assert.equal(user.demoMode, false);
    const users = await (await fetch(`${url}/api/v1/users?limit=500`, { headers: { authorization: `Bearer ${token}` } })).json();
    const logins = users.items.map((u: { login: string }) => u.login);
    assert.ok(logins.includes('realadmin'));
    assert.ok(!logins.some((l: string) => ['registrar', 'executor', 'head', 'admin'].includes(l)), logins.join());
    const onDemo = await (await fetch(`${t.url}/api/v1/users?limit=500`, { headers: { authorization: `Bearer ${demoToken}` } })).json();
    assert.ok(onDemo.items.some((u: { login: string }) => u.login === 'registrar'));
  } finally {
    await plain.close();
  }
});

test('`cli seed` refuses outside demo mode, before touching the database', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'seed'], {
    cwd: new URL('../..', import.meta.url).pathname,
    // an address nothing listens on: the refusal must come before any connection
    env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', JOLDANYM_DEMO: 'false' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /demo mode.*JOLDANYM_DEMO=true/);
});
