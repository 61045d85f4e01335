// Issue 10 item 15: the sign-in screen's hint lists every demo user with their roles, from GET
// /api/v1/demo/users — public in demo mode (logins and roles only), 404 outside it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/support.ts';
import { DEMO_USERS } from '../db/demo.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('issue 10 item 15: every demo user is listed with their roles, without sign-in, nothing else of them', async () => {
  const res = await fetch(`${t.url}/api/v1/demo/users`);
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as { items: { login: string; roles: string[] }[] };
  for (const u of DEMO_USERS) assert.deepEqual(items.find((i) => i.login === u.login)?.roles, u.roles ?? [u.login], u.login);
  assert.ok(items.every((i) => Object.keys(i).sort().join() === 'login,roles'));
  // a user made by an administrator is not a demo user
  await t.createUser('someone', 'AKM-BURABAY', ['executor']);
  const again = (await (await fetch(`${t.url}/api/v1/demo/users`)).json()) as { items: { login: string }[] };
  assert.ok(!again.items.some((i) => i.login === 'someone'));
});

test('issue 10 item 15: outside demo mode there is no list', async () => {
  t.ctx.config = { ...t.ctx.config, demo: false };
  try {
    assert.equal((await fetch(`${t.url}/api/v1/demo/users`)).status, 404);
  } finally {
    t.ctx.config = { ...t.ctx.config, demo: true };
  }
});
