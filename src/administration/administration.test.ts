// Issue 10 item 12: an administrator's users and organization tree over HTTP — administrators only,
// field errors in the caller's language, an audit event for every change, and changes in force at
// once (a deactivated user's next request is refused; a new holiday moves a due date).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type Api, type TestApp } from '../../test/support.ts';

// The server clock: Wednesday 18 March 2026, 10:00 in Astana (UTC+5).
let t: TestApp;
let admin: Api;
let registrar: Api;
let orgs: Record<string, number>;
let adminId: string;

before(async () => {
  t = await testApp();
  admin = await t.as('admin');
  registrar = await t.as('registrar');
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  adminId = (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

const events = (kind: string) => t.ctx.db.selectFrom('events').select(['kind', 'actor_name', 'organization_id', 'changes']).where('kind', '=', kind).orderBy('id').execute();
const eventCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('events')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Calls the API with a bearer token, without the test helper's renewal of an ended session. */
async function withToken(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(t.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function signIn(login: string, password: string) {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  return { status: res.status, body: await res.json() };
}

const newUser = (login: string, extra: Record<string, unknown> = {}) => ({
  login,
  fullName: `Test ${login}`,
  position: 'Specialist',
  organizationId: orgs['AKM-BURABAY'],
  roles: ['executor'],
  email: `${login}@example.kz`,
  ...extra,
});

describe('only an administrator administers', () => {
  test('other roles get 403, no session 401, and nothing changes', async () => {
    const user = await t.createUser('bystander', 'AKM-BURABAY', ['executor']);
    const before = await eventCount();
    for (const [method, path, body] of [
      ['GET', '/api/v1/admin/users', undefined],
      ['GET', `/api/v1/admin/users/${user}`, undefined],
      ['POST', '/api/v1/admin/users', newUser('intruder')],
      ['PATCH', `/api/v1/admin/users/${user}`, { roles: ['admin'] }],
      ['POST', `/api/v1/admin/users/${user}/deactivate`, undefined],
      ['POST', `/api/v1/admin/users/${user}/reactivate`, undefined],
      ['POST', `/api/v1/admin/users/${user}/password-reset`, undefined],
      ['POST', `/api/v1/admin/users/${user}/unlock`, undefined],
      ['GET', '/api/v1/admin/organizations', undefined],
      ['POST', '/api/v1/admin/organizations', { parentId: orgs['AKM-BURABAY'], code: 'X-1', names: { kk: 'x', ru: 'x', en: 'x' }, kind: 'department' }],
      ['PATCH', `/api/v1/admin/organizations/${orgs['AKM-BURABAY']}/profile`, { kato: '111111111' }],
    ] as const) {
      const res = await registrar(method, path, body);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error.code, 'forbidden');
      const anonymous = await fetch(t.url + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
      assert.equal(anonymous.status, 401, `${method} ${path}`);
    }
    assert.equal(await eventCount(), before);
    assert.equal((await t.ctx.db.selectFrom('users').select('active').where('id', '=', user).executeTakeFirstOrThrow()).active, true);
  });
});

describe('users', () => {
  test('the administrator creates a user, who signs in; deactivated, their next request is refused', async () => {
    const created = await admin('POST', '/api/v1/admin/users', newUser('aigerim'));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { user, temporaryPassword } = created.body;
    assert.deepEqual([user.login, user.roles, user.organization.code, user.active, user.throttled, user.email], ['aigerim', ['executor'], 'AKM-BURABAY', true, false, 'aigerim@example.kz']);
    assert.match(temporaryPassword, /^[A-Za-z0-9]{14}$/);
    const row = await t.ctx.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok(!row.password_hash.includes(temporaryPassword));
    const [event] = await events('userCreated');
    assert.deepEqual(event!.changes, { userId: user.id, login: 'aigerim', roles: ['executor'], organizationId: orgs['AKM-BURABAY'] });
    assert.equal(event!.actor_name, 'Жүйе әкімшісі');
    assert.ok(!JSON.stringify(event).includes(temporaryPassword));

    const session = await signIn('aigerim', temporaryPassword);
    assert.equal(session.status, 200);
    assert.equal(session.body.user.passwordChangeRequired, true);
    assert.equal((await withToken(session.body.token, 'GET', '/api/v1/me')).status, 200);
    // with a password the administrator gave, nothing but changing it
    const first = await withToken(session.body.token, 'GET', '/api/v1/users');
    assert.deepEqual([first.status, first.body.error.code], [403, 'auth.passwordChangeRequired']);

    const off = await admin('POST', `/api/v1/admin/users/${user.id}/deactivate`);
    assert.equal(off.status, 200);
    assert.equal(off.body.active, false);
    const refused = await withToken(session.body.token, 'GET', '/api/v1/me');
    assert.equal(refused.status, 401);
    assert.equal((await signIn('aigerim', temporaryPassword)).status, 401);
    const [deactivated] = await events('userDeactivated');
    assert.deepEqual(deactivated!.changes, { userId: user.id, login: 'aigerim', wasActive: true, sessionsEnded: 1 });

    assert.equal(user.createdAt, '2026-03-18T05:00:00.000Z');
    assert.equal((await admin('POST', `/api/v1/admin/users/${user.id}/reactivate`)).body.active, true);
    assert.equal((await signIn('aigerim', temporaryPassword)).status, 200);
    assert.equal((await events('userReactivated')).length, 1);
  });

  test('the list searches and filters by role, organization subtree and status', async () => {
    await admin('POST', '/api/v1/admin/users', newUser('zhanna', { fullName: 'Жанна Сейтқалиқызы', roles: ['registrar', 'reception'] }));
    const byText = await admin('GET', '/api/v1/admin/users?q=сейтқали');
    assert.deepEqual(
      byText.body.items.map((u: { login: string }) => u.login),
      ['zhanna'],
    );
    const byRole = await admin('GET', '/api/v1/admin/users?role=reception');
    assert.deepEqual(byRole.body.items.map((u: { login: string }) => u.login).sort(), ['reception', 'zhanna']);
    // the oblast akimat's subtree holds the district; the statistics authority's does not
    const inOblast = await admin('GET', `/api/v1/admin/users?organization=${orgs['AKM-AKIMAT']}&limit=500`);
    assert.ok(inOblast.body.items.some((u: { login: string }) => u.login === 'zhanna'));
    assert.ok(!inOblast.body.items.some((u: { login: string }) => u.login === 'statistician'));
    assert.equal(inOblast.body.total, inOblast.body.items.length);
    const id = byText.body.items[0].id;
    await admin('POST', `/api/v1/admin/users/${id}/deactivate`);
    assert.equal((await admin('GET', '/api/v1/admin/users?q=zhanna')).body.total, 0);
    assert.equal((await admin('GET', '/api/v1/admin/users?q=zhanna&status=inactive')).body.total, 1);
    assert.equal((await admin('GET', '/api/v1/admin/users?q=zhanna&status=all')).body.items[0].active, false);
  });

  test('roles and organization change; a new organization ends the sessions; roles hold on the next request', async () => {
    const { body } = await admin('POST', '/api/v1/admin/users', newUser('marat'));
    const session = await signIn('marat', body.temporaryPassword);
    const token = session.body.token;
    const promoted = await admin('PATCH', `/api/v1/admin/users/${body.user.id}`, { roles: ['executor', 'head'], position: 'Head of department' });
    assert.equal(promoted.status, 200);
    assert.deepEqual([promoted.body.roles, promoted.body.position], [['executor', 'head'], 'Head of department']);
    assert.deepEqual((await withToken(token, 'GET', '/api/v1/me')).body.roles, ['executor', 'head']);

    const moved = await admin('PATCH', `/api/v1/admin/users/${body.user.id}`, { organizationId: orgs['AKM-CONTROL'] });
    assert.equal(moved.body.organization.code, 'AKM-CONTROL');
    assert.equal((await withToken(token, 'GET', '/api/v1/me')).status, 401);
    const changes = (await events('userChanged')).map((e) => e.changes as { userId: string; sessionsEnded: number; before: { roles: string[] }; after: { roles: string[] } });
    const mine = changes.filter((c) => c.userId === body.user.id);
    assert.deepEqual(
      mine.map((c) => [c.before.roles, c.after.roles, c.sessionsEnded]),
      [
        [['executor'], ['executor', 'head'], 0],
        [['executor', 'head'], ['executor', 'head'], 1],
      ],
    );
  });

  test('a reset password is shown once, ends the sessions, and the old one stops working', async () => {
    const { body } = await admin('POST', '/api/v1/admin/users', newUser('dana'));
    const token = (await signIn('dana', body.temporaryPassword)).body.token;
    const reset = await admin('POST', `/api/v1/admin/users/${body.user.id}/password-reset`);
    assert.equal(reset.status, 200);
    assert.notEqual(reset.body.temporaryPassword, body.temporaryPassword);
    assert.equal((await withToken(token, 'GET', '/api/v1/me')).status, 401);
    assert.equal((await signIn('dana', body.temporaryPassword)).status, 401);
    const again = await signIn('dana', reset.body.temporaryPassword);
    assert.equal(again.body.user.passwordChangeRequired, true);
    assert.equal((await withToken(again.body.token, 'POST', '/api/v1/me/password', { currentPassword: reset.body.temporaryPassword, newPassword: 'dana-chose-this-one' })).status, 204);
    const free = await withToken(again.body.token, 'GET', '/api/v1/me');
    assert.equal(free.body.passwordChangeRequired, false);
    assert.equal((await withToken(again.body.token, 'GET', '/api/v1/users')).status, 200);
    const [event] = await events('passwordReset');
    assert.deepEqual(event!.changes, { userId: body.user.id, login: 'dana', sessionsEnded: 1, unthrottled: false });
    assert.ok(!JSON.stringify(event).includes(reset.body.temporaryPassword));
  });

  test('a sign-in throttled after failures is shown and unlocked at once', async () => {
    const { body } = await admin('POST', '/api/v1/admin/users', newUser('erlan'));
    for (let i = 0; i < 5; i++) assert.equal((await signIn('erlan', 'wrong password')).status, 401);
    // the clock stands still: without the administrator the wait would never pass
    assert.equal((await signIn('erlan', body.temporaryPassword)).status, 401);
    assert.equal((await admin('GET', `/api/v1/admin/users/${body.user.id}`)).body.throttled, true);
    const unlocked = await admin('POST', `/api/v1/admin/users/${body.user.id}/unlock`);
    assert.equal(unlocked.body.throttled, false);
    assert.equal((await signIn('erlan', body.temporaryPassword)).status, 200);
    const [event] = await events('userUnlocked');
    assert.deepEqual(event!.changes, { userId: body.user.id, login: 'erlan', wasThrottled: true });
  });

  test('bad input answers field errors in the caller’s language, and changes nothing', async () => {
    const before = await eventCount();
    const user = (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'statistician').executeTakeFirstOrThrow()).id;
    const cases: [string, string, unknown, number, string, string][] = [
      ['POST', '/api/v1/admin/users', newUser('a b'), 400, '/login', 'pattern'],
      ['POST', '/api/v1/admin/users', newUser('registrar'), 422, '/login', 'administration.loginTaken'],
      ['POST', '/api/v1/admin/users', newUser('newbie', { fullName: '  ' }), 422, '/fullName', 'text.blank'],
      ['POST', '/api/v1/admin/users', newUser('newbie', { roles: [] }), 400, '/roles', 'minItems'],
      ['POST', '/api/v1/admin/users', newUser('newbie', { roles: ['janitor'] }), 400, '/roles/0', 'enum'],
      ['POST', '/api/v1/admin/users', newUser('newbie', { roles: ['statistician'] }), 422, '/roles', 'administration.roleNotAtOrganization'],
      ['POST', '/api/v1/admin/users', newUser('newbie', { organizationId: 999999 }), 422, '/organizationId', 'organization.unknown'],
      ['POST', '/api/v1/admin/users', newUser('newbie', { email: 'not an address' }), 400, '/email', 'pattern'],
      ['PATCH', `/api/v1/admin/users/${user}`, {}, 400, '/', 'minProperties'],
      ['PATCH', `/api/v1/admin/users/${user}`, { organizationId: orgs['AKM-BURABAY'] }, 422, '/roles', 'administration.roleNotAtOrganization'],
      ['POST', '/api/v1/admin/organizations', { parentId: orgs['AKM-BURABAY'], code: 'AKM-CONTROL', names: { kk: 'a', ru: 'b', en: 'c' }, kind: 'department' }, 422, '/code', 'administration.codeTaken'],
      ['POST', '/api/v1/admin/organizations', { parentId: 999999, code: 'NEW-1', names: { kk: 'a', ru: 'b', en: 'c' }, kind: 'department' }, 422, '/parentId', 'organization.unknown'],
      ['POST', '/api/v1/admin/organizations', { parentId: orgs['AKM-BURABAY'], code: 'NEW-1', names: { kk: ' ', ru: 'b', en: 'c' }, kind: 'department' }, 422, '/names/kk', 'text.blank'],
      ['POST', '/api/v1/admin/organizations', { parentId: orgs['AKM-BURABAY'], code: 'NEW-1', names: { kk: 'a', ru: 'b', en: 'c' }, kind: 'castle' }, 400, '/kind', 'enum'],
      ['PATCH', `/api/v1/admin/organizations/${orgs['AKM-BURABAY']}/profile`, { kato: '12345' }, 400, '/kato', 'pattern'],
    ];
    for (const [method, path, body, status, field, code] of cases) {
      const res = await admin(method, path, body, { 'accept-language': 'ru' });
      assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      const error = res.body.error.fields.find((f: { path: string }) => f.path === field);
      assert.ok(error, `${field} in ${JSON.stringify(res.body.error.fields)}`);
      assert.equal(error.code, code);
      assert.ok(/[а-яё]/i.test(error.message), `a Russian message: ${error.message}`);
    }
    for (const [id, body] of [
      [adminId, { roles: ['head'] }],
      [adminId, undefined],
    ] as const) {
      const res = body ? await admin('PATCH', `/api/v1/admin/users/${id}`, body, { 'accept-language': 'kk' }) : await admin('POST', `/api/v1/admin/users/${id}/deactivate`, undefined, { 'accept-language': 'kk' });
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'administration.selfLockout');
      assert.match(res.body.error.message, /Әкімші/);
    }
    assert.equal((await admin('GET', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await admin('POST', '/api/v1/admin/users/not-a-uuid/unlock')).status, 400);
    assert.equal(await eventCount(), before);
  });
});

describe('the organization tree', () => {
  test('the administrator adds a child, renames it, sets its KATO and contacts; the parent’s staff act for it', async () => {
    const tree = await admin('GET', '/api/v1/admin/organizations');
    assert.equal(tree.status, 200);
    const district = tree.body.items.find((o: { code: string }) => o.code === 'AKM-BURABAY');
    assert.ok(district.users >= 5);
    const created = await admin('POST', '/api/v1/admin/organizations', {
      parentId: district.id,
      code: 'AKM-BURABAY-EDU',
      names: { kk: 'Білім бөлімі', ru: 'Отдел образования', en: 'Education department' },
      kind: 'department',
      phone: '+7 716 365 0000',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.parentId, created.body.kato, created.body.phone, created.body.users, created.body.name], [district.id, null, '+7 716 365 0000', 0, 'Education department']);
    const id = created.body.id;
    // the closure: the district's registrar acts for the new department
    const mine = await registrar('GET', '/api/v1/organizations?mine=true&limit=1000');
    assert.ok(mine.body.items.some((o: { id: number }) => o.id === id));

    const changed = await admin('PATCH', `/api/v1/admin/organizations/${id}/profile`, {
      names: { en: 'Department of Education' },
      kato: '114200000',
      address: 'Shchuchinsk, 1 Abylai Khan St',
      email: 'edu@burabay.kz',
      phone: null,
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(
      [changed.body.names, changed.body.kato, changed.body.address, changed.body.email, changed.body.phone],
      [{ kk: 'Білім бөлімі', ru: 'Отдел образования', en: 'Department of Education' }, '114200000', 'Shchuchinsk, 1 Abylai Khan St', 'edu@burabay.kz', null],
    );
    const [made] = await events('organizationCreated');
    assert.equal(made!.organization_id, id);
    const [edit] = await events('organizationChanged');
    assert.deepEqual((edit!.changes as { before: unknown }).before, {
      name_kk: 'Білім бөлімі',
      name_ru: 'Отдел образования',
      name_en: 'Education department',
      kato: null,
      address: null,
      phone: '+7 716 365 0000',
      email: null,
    });

    // a user can now be created there
    assert.equal((await admin('POST', '/api/v1/admin/users', newUser('teacher', { organizationId: id }))).status, 201);
  });
});

describe('the calendar', () => {
  test('a holiday the administrator adds moves a due date computed afterwards', async () => {
    const term = async () => (await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent('2026-03-18T10:00:00+05:00')}&documentType=application`)).body.dueDate;
    const before = await term();
    const set = await admin('PUT', '/api/v1/admin/calendar/days/2026-03-31', { working: false, note: 'Day off by Government decree (test), Labour Code Art. 85' });
    assert.equal(set.status, 200);
    const moved = await term();
    assert.ok(moved > before, `${moved} after ${before}`);
    assert.equal((await registrar('PUT', '/api/v1/admin/calendar/days/2026-04-01', { working: false, note: 'x' })).status, 403);
    assert.equal((await admin('DELETE', '/api/v1/admin/calendar/days/2026-03-31')).status, 204);
    assert.equal(await term(), before);
  });
});
