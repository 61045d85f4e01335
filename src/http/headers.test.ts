// Security headers (src/http/headers.ts, issue 16 item 10): HSTS over https, no-store and nosniff on
// every API answer, a Content-Security-Policy that forbids framing on the verification pages and the
// API documentation, and lets only this server's pages frame PDFs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp } from '../../test/support.ts';
import { buildServer } from './server.ts';
import { HSTS } from './headers.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const directives = (policy: string | null) =>
  new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v.join(' ')]),
  );

test('API answers are not stored and not sniffed: signed in or not, errors too', async () => {
  const api = await t.as('registrar');
  for (const res of [await api('GET', '/api/v1/me'), await api('GET', '/api/v1/registry/persons/780315345211'), await api('GET', '/api/v1/appeals/not-a-uuid'), await fetch(`${t.url}/api/v1/appeals`)]) {
    assert.equal(res.headers.get('cache-control'), 'no-store', String(res.status));
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  }
  // not on http (PUBLIC_URL is http here)
  assert.equal((await api('GET', '/api/v1/me')).headers.get('strict-transport-security'), null);
});

test('HSTS on every answer when PUBLIC_URL is https', async () => {
  const server = await buildServer({ ...t.ctx, config: { ...t.ctx.config, publicUrl: 'https://appeals.example.kz' } });
  try {
    for (const url of ['/health', '/api/v1/me', `/verify/${randomUUID()}`]) {
      const res = await server.inject({ method: 'GET', url });
      assert.equal(res.headers['strict-transport-security'], HSTS, url);
    }
    assert.equal(HSTS, 'max-age=31536000; includeSubDomains');
  } finally {
    await server.close();
  }
});

test("PDFs are no-store, nosniff and framed only by this server's pages (the web app shows them in frames)", async () => {
  const registrar = await t.as('registrar');
  const appeal = await registrar('POST', '/api/v1/appeals', {
    documentType: 'application',
    form: 'paper',
    channel: 'post',
    language: 'kk',
    summary: 'Тақырыптар',
    applicant: { kind: 'individual', lastName: 'Тест', firstName: 'Тақырып' },
  });
  assert.equal(appeal.status, 201, JSON.stringify(appeal.body));
  const pdf = await registrar('GET', `/api/v1/appeals/${appeal.body.id}/talon.pdf`);
  assert.equal(pdf.status, 200);
  assert.match(pdf.headers.get('content-type')!, /^application\/pdf/);
  assert.equal(directives(pdf.headers.get('content-security-policy')).get('frame-ancestors'), "'self'");
  assert.equal(pdf.headers.get('cache-control'), 'no-store');
  assert.equal(pdf.headers.get('x-content-type-options'), 'nosniff');
});

test('the verification page and the API documentation may be framed by no page', async () => {
  const verify = await fetch(`${t.url}/verify/${randomUUID()}`);
  const v = directives(verify.headers.get('content-security-policy'));
  assert.equal(v.get('frame-ancestors'), "'none'");
  assert.equal(v.get('default-src'), "'none'");
  assert.equal(v.has('script-src'), false); // the page runs no script
  for (const path of ['/api/docs', '/api/docs/static/index.html', '/api/docs/json']) {
    const res = await fetch(t.url + path);
    assert.ok(res.status < 400, `${path}: ${res.status}`);
    const d = directives(res.headers.get('content-security-policy'));
    assert.equal(d.get('frame-ancestors'), "'none'", path);
    assert.equal(d.get('script-src'), "'self'", path);
  }
});
