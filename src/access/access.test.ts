import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEFAULT_NOW, testApp, type TestApp } from '../../test/support.ts';
import { ADDRESS_FREE_FAILURES, LOGIN_FREE_FAILURES } from './throttle.ts';
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

test('the CSRF token is bound to the session: a valid token of another session is refused, also planted in the CSRF cookie', async () => {
  const body = { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'CSRF', applicant: { kind: 'individual', lastName: 'Test', firstName: 'Csrf' } };
  const a = browser();
  const b = browser();
  await a.fetch('POST', '/api/v1/auth/login', { login: 'registrar', password: 'demo' });
  await b.fetch('POST', '/api/v1/auth/login', { login: 'registrar', password: 'demo' });
  const tokenA = a.jar.get('joldanym_csrf')!;
  const tokenB = b.jar.get('joldanym_csrf')!;
  assert.notEqual(tokenA, tokenB);
  // B's session cookie with A's token in the header
  const crossed = await b.fetch('POST', '/api/v1/appeals/duplicate-check', body, { csrf: tokenA });
  assert.equal(crossed.status, 403);
  assert.equal(crossed.body.error.code, 'csrf');
  // … and with A's token planted in B's CSRF cookie too (double submit alone would let it through)
  b.jar.set('joldanym_csrf', tokenA);
  assert.equal((await b.fetch('POST', '/api/v1/appeals/duplicate-check', body, { csrf: true })).status, 403);
  assert.equal((await b.fetch('POST', '/api/v1/appeals/duplicate-check', body, { csrf: tokenB })).status, 200);
  assert.equal((await a.fetch('POST', '/api/v1/appeals/duplicate-check', body, { csrf: true })).status, 200);
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

test('only the registering roles (and an administrator) may look up a registry card; executors, heads and controllers get 403', async () => {
  for (const login of ['executor', 'head', 'controller']) {
    const api = await t.as(login);
    const person = await api('GET', '/api/v1/registry/persons/780315345211');
    assert.equal(person.status, 403, login);
    assert.equal(person.body.error.code, 'forbidden');
    assert.equal(person.body.lastName, undefined);
    assert.equal((await api('GET', '/api/v1/registry/companies/090340012347')).status, 403, login);
  }
  for (const login of ['registrar', 'reception', 'operator', 'admin']) {
    const api = await t.as(login);
    assert.equal((await api('GET', '/api/v1/registry/persons/780315345211')).status, 200, login);
  }
});

test('every registry look-up is an audit event: who, the identifier masked as the logs mask it, why, and whether it was found', async () => {
  const before = await t.ctx.db
    .selectFrom('events')
    .select((e) => e.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  const api = await t.as('registrar');
  assert.equal((await api('GET', '/api/v1/registry/persons/780315345211')).status, 200);
  assert.equal((await api('GET', '/api/v1/registry/persons/870412300416?purpose=outage act 870412300416')).status, 404);
  assert.equal((await api('GET', '/api/v1/registry/companies/090340012347?purpose=complaint')).status, 200);
  assert.equal((await api('GET', '/api/v1/registry/persons/780315345211?purpose=')).status, 400); // a purpose is not empty
  const events = await t.ctx.db
    .selectFrom('events')
    .select(['kind', 'actor_id', 'actor_name', 'appeal_id', 'organization_id', 'changes'])
    .where('id', '>', Number(before.id ?? 0))
    .where('kind', '=', 'registryLookup')
    .orderBy('id')
    .execute();
  const registrar = await t.ctx.db.selectFrom('users').select(['id', 'full_name', 'organization_id']).where('login', '=', 'registrar').executeTakeFirstOrThrow();
  assert.deepEqual(
    events.map((e) => e.changes),
    [
      { registry: 'persons', identifier: '780315****11', purpose: 'registration', found: true },
      { registry: 'persons', identifier: '870412****16', purpose: 'outage act 870412****16', found: false },
      { registry: 'companies', identifier: '090340****47', purpose: 'complaint', found: true },
    ],
  );
  for (const e of events) {
    assert.equal(e.actor_id, registrar.id);
    assert.equal(e.actor_name, registrar.full_name);
    assert.equal(e.organization_id, registrar.organization_id);
    assert.equal(e.appeal_id, null);
  }
  assert.doesNotMatch(JSON.stringify(events), /780315345211|870412300416|090340012347/);
});

test('registry look-ups are rate-limited per user: the 61st in a minute answers 429, another user goes on', async () => {
  assert.equal(t.ctx.config.registryLookupRateLimit, 60);
  await t.createUser('lookups', 'AKM-BURABAY', ['registrar']);
  await t.createUser('lookups2', 'AKM-BURABAY', ['registrar']);
  const api = await t.as('lookups');
  for (let i = 0; i < 60; i++) assert.equal((await api('GET', '/api/v1/registry/persons/780315345211')).status, 200, `look-up ${i + 1}`);
  const over = await api('GET', '/api/v1/registry/persons/780315345211');
  assert.equal(over.status, 429);
  assert.equal(over.body.error.code, 'rateLimited');
  assert.ok(Number(over.headers.get('retry-after')) > 0);
  // refused look-ups read nothing and write nothing
  const audited = await t.ctx.db
    .selectFrom('events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('u.login', '=', 'lookups')
    .where('e.kind', '=', 'registryLookup')
    .executeTakeFirstOrThrow();
  assert.equal(Number(audited.n), 60);
  const other = await t.as('lookups2');
  assert.equal((await other('GET', '/api/v1/registry/persons/780315345211')).status, 200);
});

/** A sign-in from a fresh client (no cookies): status, body, Retry-After. */
async function signIn(login: string, password: string) {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ login, password }) });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
}

const at = (seconds: number) => new Date(Date.parse(DEFAULT_NOW) + seconds * 1000).toISOString();

test('sign-in throttling: unknown and throttled logins answer alike, delays double from 1 s up to 15 minutes, a correct password after the delay signs in', async (s) => {
  s.after(async () => {
    t.setNow(DEFAULT_NOW);
    await t.ctx.db.deleteFrom('sign_in_throttle').execute();
  });
  await t.createUser('slowme', 'AKM-BURABAY', ['registrar']);
  for (let i = 0; i < LOGIN_FREE_FAILURES; i++) {
    const known = await signIn('slowme', `wrong ${i}`);
    const unknown = await signIn('nobody-at-all', `wrong ${i}`);
    assert.deepEqual(known, unknown, `failure ${i + 1}`);
    assert.equal(known.status, 401);
    assert.equal(known.body.error.code, 'auth.invalidCredentials');
    assert.equal(known.retryAfter, i + 1 === LOGIN_FREE_FAILURES ? '1' : null);
  }
  // throttled: even the right password is refused, with the same answer as an unknown login
  const refused = await signIn('slowme', 'demo');
  const unknownRefused = await signIn('nobody-at-all', 'demo');
  assert.deepEqual(
    { ...refused, body: { error: { ...refused.body.error, messages: undefined } } },
    { status: 401, body: { error: { code: 'auth.invalidCredentials', message: 'Wrong login or password', messages: undefined, fields: [] } }, retryAfter: '1' },
  );
  assert.deepEqual(unknownRefused, refused);
  // the delay doubles with each failure, up to 15 minutes
  let clock = 0;
  const waits: number[] = [];
  for (let i = 0; i < 12; i++) {
    clock += 1 + (waits.at(-1) ?? 1);
    t.setNow(at(clock));
    const r = await signIn('slowme', 'still wrong');
    waits.push(Number(r.retryAfter));
  }
  assert.deepEqual(waits, [2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  t.setNow(at(clock + 899));
  assert.equal((await signIn('slowme', 'demo')).status, 401);
  t.setNow(at(clock + 900));
  const ok = await signIn('slowme', 'demo');
  assert.equal(ok.status, 200);
  // (this address has failed often by now: the address's own throttling is the next test's)
  await t.ctx.db.deleteFrom('sign_in_throttle').where('key', 'like', 'address:%').execute();
  // the success ends the episode: the next wrong password is free again
  assert.equal((await signIn('slowme', 'wrong again')).retryAfter, null);
  // nobody locks the administrator: five wrong passwords make it wait a second, no more
  for (let i = 0; i < LOGIN_FREE_FAILURES; i++) await signIn('admin', 'guess');
  t.setNow(at(clock + 901));
  assert.equal((await signIn('admin', 'demo')).status, 200);
});

test('a user is told by e-mail when their sign-in starts being throttled, once per episode', async (s) => {
  s.after(async () => {
    t.setNow(DEFAULT_NOW);
    await t.ctx.db.deleteFrom('sign_in_throttle').execute();
  });
  const id = await t.createUser('mailme', 'AKM-BURABAY', ['registrar']);
  await t.ctx.db.updateTable('users').set({ email: 'mailme@example.kz' }).where('id', '=', id).execute();
  const mails = () => t.ctx.db.selectFrom('outbox').select(['kind', 'channel', 'recipient', 'subject', 'body', 'appeal_id']).where('recipient', '=', 'mailme@example.kz').execute();
  for (let i = 0; i < LOGIN_FREE_FAILURES - 1; i++) await signIn('mailme', 'wrong');
  assert.equal((await mails()).length, 0);
  await signIn('mailme', 'wrong');
  let sent = await mails();
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.kind, 'accountThrottled');
  assert.equal(sent[0]!.channel, 'email');
  assert.equal(sent[0]!.appeal_id, null);
  assert.match(sent[0]!.body, /mailme/);
  assert.doesNotMatch(sent[0]!.body, /wrong/);
  // further failures of the same episode send nothing more
  for (let i = 2; i < 6; i++) {
    t.setNow(at(i * 100));
    await signIn('mailme', 'wrong');
  }
  assert.equal((await mails()).length, 1);
  // a success ends the episode; the next one is told again
  t.setNow(at(2000));
  assert.equal((await signIn('mailme', 'demo')).status, 200);
  for (let i = 0; i < LOGIN_FREE_FAILURES; i++) await signIn('mailme', 'wrong');
  sent = await mails();
  assert.equal(sent.length, 2);
});

test('sign-in throttling by address: after 30 failures from one address every login from it waits', async (s) => {
  s.after(async () => {
    t.setNow(DEFAULT_NOW);
    await t.ctx.db.deleteFrom('sign_in_throttle').execute();
  });
  for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) {
    const r = await signIn(`spray-${i}`, 'password1');
    assert.equal(r.retryAfter, i + 1 === ADDRESS_FREE_FAILURES ? '1' : null, `failure ${i + 1}`);
  }
  const refused = await signIn('registrar', 'demo');
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error.code, 'auth.invalidCredentials');
  assert.equal(refused.retryAfter, '1');
  t.setNow(at(1));
  assert.equal((await signIn('registrar', 'demo')).status, 200);
  // a success does not free the address: its next failure waits longer
  assert.equal((await signIn('spray-x', 'password1')).retryAfter, '2');
  // no login name or address is stored as such
  const keys = await t.ctx.db.selectFrom('sign_in_throttle').select('key').execute();
  assert.ok(keys.every((k) => /^(login|address):[0-9a-f]{64}$/.test(k.key)));
});

test('a throttled login cannot change its password either: 429 with Retry-After', async (s) => {
  s.after(async () => {
    t.setNow(DEFAULT_NOW);
    await t.ctx.db.deleteFrom('sign_in_throttle').execute();
  });
  await t.createUser('pwthrottle', 'AKM-BURABAY', ['executor']);
  const api = await t.as('pwthrottle');
  for (let i = 0; i < LOGIN_FREE_FAILURES; i++) {
    const r = await api('POST', '/api/v1/me/password', { currentPassword: `wrong ${i}`, newPassword: 'a new password' });
    assert.equal(r.status, 422);
  }
  const throttled = await api('POST', '/api/v1/me/password', { currentPassword: 'demo', newPassword: 'a new password' });
  assert.equal(throttled.status, 429);
  assert.equal(throttled.body.error.code, 'auth.throttled');
  assert.equal(throttled.headers.get('retry-after'), '1');
  t.setNow(at(1));
  assert.equal((await api('POST', '/api/v1/me/password', { currentPassword: 'demo', newPassword: 'a new password' })).status, 204);
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
