// The first administrator of a fresh installation (src/access/administrators.ts, `cli create-admin`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testApp, type TestApp } from '../../test/support.ts';
import { AdministratorError, createAdministrator } from './administrators.ts';
import { openEmbeddedDatabase } from '../db/connection.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('an administrator is created at the root of the tree, signs in with the administrator role, and the creation is audited', async () => {
  const at = new Date('2026-03-18T05:00:00Z');
  const { id, organizationId } = await createAdministrator(t.ctx.db, { login: 'first.admin', fullName: 'Бірінші Әкімші', password: 'long enough secret', email: null }, at);
  const root = await t.ctx.db.selectFrom('organizations').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  assert.equal(organizationId, root.id);
  const login = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'first.admin', password: 'long enough secret' }) });
  const body = (await login.json()) as { user: { roles: string[] } };
  assert.equal(login.status, 200, JSON.stringify(body));
  assert.deepEqual(body.user.roles, ['admin']);
  const event = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('kind', '=', 'administratorCreated').executeTakeFirstOrThrow();
  assert.deepEqual(event.changes, { userId: id, login: 'first.admin', by: 'cli create-admin' });
});

test('a taken login, a weak password or a bad login is refused and creates nothing', async () => {
  const users = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('users')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const count = await users();
  const at = new Date();
  await assert.rejects(createAdministrator(t.ctx.db, { login: 'admin', fullName: 'x', password: 'long enough secret', email: null }, at), AdministratorError);
  await assert.rejects(createAdministrator(t.ctx.db, { login: 'second.admin', fullName: 'x', password: 'short', email: null }, at), AdministratorError);
  await assert.rejects(createAdministrator(t.ctx.db, { login: 'second.admin', fullName: 'x', password: 'second.admin', email: null }, at), AdministratorError);
  await assert.rejects(createAdministrator(t.ctx.db, { login: 'no spaces', fullName: 'x', password: 'long enough secret', email: null }, at), AdministratorError);
  assert.equal(await users(), count);
});

test('`cli create-admin` on a fresh embedded database outside demo mode: the password from the environment, never from the command line', {
  skip: process.env.DATABASE_URL ? 'the embedded database only' : false,
}, async () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = mkdtempSync(join(tmpdir(), 'joldanym-admin-'));
  const dataDir = join(dir, 'data');
  const cli = (env: Record<string, string>, ...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'create-admin', ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: '', JOLDANYM_DATA_DIR: dataDir, JOLDANYM_DEMO: 'false', ...env },
          timeout: 60_000,
        },
        (_e, stdout, stderr) => ok({ code: child.exitCode, stdout, stderr }),
      );
    });
  try {
    const usage = await cli({}, 'root.admin', 'Түпкі Әкімші');
    assert.equal(usage.code, 2, 'no JOLDANYM_ADMIN_PASSWORD: usage');
    const made = await cli({ JOLDANYM_ADMIN_PASSWORD: 'a long admin password' }, 'root.admin', 'Түпкі Әкімші', '--email', 'root@example.kz');
    assert.equal(made.code, 0, made.stderr);
    const again = await cli({ JOLDANYM_ADMIN_PASSWORD: 'a long admin password' }, 'root.admin', 'Түпкі Әкімші');
    assert.deepEqual([again.code, /taken/.test(again.stderr)], [1, true]);
    const database = await openEmbeddedDatabase(dataDir);
    try {
      const user = await database.db.selectFrom('users').select(['login', 'roles', 'email', 'demo']).where('login', '=', 'root.admin').executeTakeFirstOrThrow();
      assert.deepEqual(user, { login: 'root.admin', roles: ['admin'], email: 'root@example.kz', demo: false });
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
