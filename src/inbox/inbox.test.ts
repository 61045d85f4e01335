// Staff notifications (issue 10, item 13): the inbox gets an assignment, a draft waiting for
// approval, a return — written by the door in the change's transaction, once — and, from the daily
// sweep, a term ending within the configured working days and an overdue appeal, once per due date;
// each comes by e-mail through the outbox unless the user turned e-mail off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type Api, type TestApp } from '../../test/support.ts';
import { sweepTermNotices } from './sweep.ts';

// Wednesday 18 March 2026, 10:00 in Astana.
let t: TestApp;
let registrar: Api;
let head: Api;
let executor: Api;
let executorId: string;

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
  head = await t.as('head');
  executor = await t.as('executor');
  executorId = (await executor('GET', '/api/v1/me')).body.id;
});
after(() => t.close());

const appeal = {
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  summary: 'Су құбыры туралы',
  text: 'Ауылдағы су құбырын жөндеуді сұраймын.',
  applicant: { kind: 'individual', iin: '780315345211', lastName: 'Жұмабеков', firstName: 'Ерлан' },
};
const inbox = async (api: Api, query = '') => (await api('GET', `/api/v1/inbox${query}`)).body;
const staffMail = async (to: string) => t.ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'staffNotice').where('recipient', '=', to).orderBy('id').execute();

test('issue 10 item 13: an assignment, a draft to approve and a return reach the inbox and the e-mail, once, never the one who acted', async () => {
  const a = (await registrar('POST', '/api/v1/appeals', appeal)).body;
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId })).status, 201);
  const mine = await inbox(executor);
  assert.equal(mine.unread, 1);
  assert.deepEqual([mine.items[0].kind, mine.items[0].appealId, mine.items[0].registrationNumber], ['assigned', a.id, a.registrationNumber]);
  assert.match(mine.items[0].text, new RegExp(`Appeal ${a.registrationNumber} is assigned to you \\(due \\d{4}-\\d\\d-\\d\\d\\)`));
  const kk = await executor('GET', '/api/v1/inbox', undefined, { 'accept-language': 'kk' });
  assert.match(kk.body.items[0].text, /орындауға берілді/);
  assert.equal((await inbox(head)).total, 0, 'not the one who assigned');
  const mails = await staffMail('executor@demo.joldanym.kz');
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.body, /орындауға берілді[\s\S]*поручено[\s\S]*assigned/);

  const drafted = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.7', hearingAt: '2026-03-27T11:00:00+05:00', place: 'Щучинск, Абылай хан 22' });
  assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
  const heads = await inbox(head);
  assert.deepEqual(
    heads.items.map((i: { kind: string }) => i.kind),
    ['draftToApprove'],
  );
  assert.match(heads.items[0].text, /Омаров/);
  const returned = await head('POST', `/api/v1/appeals/${a.id}/drafts/${drafted.body.decision.id}/return`, { remark: 'Орынды нақтылаңыз' });
  assert.equal(returned.status, 200, JSON.stringify(returned.body));
  const back = await inbox(executor);
  assert.deepEqual(
    back.items.map((i: { kind: string }) => i.kind),
    ['draftReturned', 'assigned'],
  );
  assert.match(back.items[0].text, /returned: Орынды нақтылаңыз/);
  assert.equal((await staffMail('executor@demo.joldanym.kz')).length, 2);

  // read: one, then all
  assert.deepEqual((await executor('POST', '/api/v1/inbox/read', { ids: [back.items[0].id] })).body, { marked: 1 });
  assert.equal((await inbox(executor)).unread, 1);
  assert.equal((await inbox(executor, '?unread=true')).items[0].kind, 'assigned');
  assert.deepEqual((await head('POST', '/api/v1/inbox/read', { ids: [back.items[1].id] })).body, { marked: 0 }, "not another user's");
  assert.deepEqual((await executor('POST', '/api/v1/inbox/read', { ids: 'all' })).body, { marked: 1 });
  assert.equal((await inbox(executor)).unread, 0);
  assert.equal((await executor('POST', '/api/v1/inbox/read', { ids: 'some' })).status, 400);
});

test('issue 10 item 13: each user chooses e-mail or not', async () => {
  assert.deepEqual((await executor('GET', '/api/v1/inbox/settings')).body, { email: true });
  assert.deepEqual((await executor('PUT', '/api/v1/inbox/settings', { email: false })).body, { email: false });
  assert.deepEqual((await executor('GET', '/api/v1/inbox/settings')).body, { email: false });
  const audited = await t.ctx.db.selectFrom('events').select(['changes', 'actor_id']).where('kind', '=', 'notificationSettingsChanged').execute();
  assert.deepEqual(
    audited.map((e) => [e.actor_id, e.changes]),
    [[executorId, { email: { from: true, to: false } }]],
  );
  const before = (await staffMail('executor@demo.joldanym.kz')).length;
  const a = (await registrar('POST', '/api/v1/appeals', { ...appeal, summary: 'Жол жөндеу' })).body;
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId })).status, 201);
  assert.equal((await inbox(executor)).items[0].appealId, a.id, 'the inbox still has it');
  assert.equal((await staffMail('executor@demo.joldanym.kz')).length, before, 'no e-mail');
  assert.deepEqual((await executor('PUT', '/api/v1/inbox/settings', { email: true })).body, { email: true });
});

test('issue 10 item 13: the daily sweep tells a term ending (configured working days) and an overdue appeal, once per due date', async () => {
  await executor('POST', '/api/v1/inbox/read', { ids: 'all' });
  const a = (await registrar('POST', '/api/v1/appeals', { ...appeal, summary: 'Мерзім жақын' })).body;
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId })).status, 201);
  const termOf = (kind: string) => async (api: Api) => (await inbox(api, '?limit=100')).items.filter((i: { kind: string; appealId: string }) => i.kind === kind && i.appealId === a.id);
  await sweepTermNotices(t.ctx);
  assert.equal((await termOf('termEnding')(executor)).length, 0, `not yet: due ${a.dueDate}`);
  // three working days before the due date (the default): the executor is told
  const due = new Date(`${a.dueDate}T10:00:00+05:00`);
  let day = new Date(due);
  for (let n = 0; n < 3; ) {
    day = new Date(day.getTime() - 86_400_000);
    if (t.ctx.law.calendar.isWorkingDay(day.toISOString().slice(0, 10))) n++;
  }
  t.setNow(day.toISOString());
  assert.ok((await sweepTermNotices(t.ctx)) >= 1);
  assert.equal(await sweepTermNotices(t.ctx), 0, 'idempotent');
  const ending = await termOf('termEnding')(executor);
  assert.equal(ending.length, 1);
  assert.match(ending[0].text, /ends on/);
  assert.equal((await termOf('termEnding')(head)).length, 0, 'the heads are told only while nobody is assigned');
  // the day after the due date: overdue, to the executor and the heads
  t.setNow(new Date(due.getTime() + 86_400_000).toISOString());
  assert.ok((await sweepTermNotices(t.ctx)) >= 2);
  assert.equal(await sweepTermNotices(t.ctx), 0, 'idempotent');
  assert.equal((await termOf('overdue')(executor)).length, 1);
  assert.equal((await termOf('overdue')(head)).length, 1);
  t.setNow('2026-03-18T10:00:00+05:00');
});

test('issue 10 item 13: the inbox needs a signed-in user', async () => {
  assert.equal((await fetch(`${t.url}/api/v1/inbox`)).status, 401);
  assert.equal((await fetch(`${t.url}/api/v1/inbox/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"email":false}' })).status, 401);
});
