// Issue 16, item 5: a creating request sent again with the same Idempotency-Key creates nothing new
// and answers the first answer; the same key with another request is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type Api, type TestApp } from '../../test/support.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let executor: Api;
let executorId: string;

const outage = { startedAt: '2026-03-17T09:00:00+05:00', endedAt: '2026-03-17T15:00:00+05:00', cause: 'Байланыс арнасы үзілді' };
const key = (k: string) => ({ 'idempotency-key': k });
const count = async (table: 'outage_acts' | 'decision_drafts' | 'assignments' | 'events') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
  head = await t.as('head');
  executor = await t.as('executor');
  executorId = (await executor('GET', '/api/v1/me')).body.id;
});
after(() => t.close());

describe('Idempotency-Key on the creating routes (issue 16, item 5)', () => {
  test('an outage act sent again with its key: the first answer, one act; another body with the key: 422', async () => {
    const k = randomUUID();
    const before = await count('outage_acts');
    const first = await head('POST', '/api/v1/outages', outage, key(k));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await head('POST', '/api/v1/outages', { cause: outage.cause, endedAt: outage.endedAt, startedAt: outage.startedAt }, key(k));
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body, 'the same act');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('outage_acts'), before + 1, 'created once');
    const other = await head('POST', '/api/v1/outages', { ...outage, cause: 'Басқа себеп' }, key(k));
    assert.deepEqual([other.status, other.body.error.code, other.body.error.fields[0].path], [422, 'idempotency.keyReused', '/headers/idempotency-key']);
    // keys are per user: another user's same key is another request
    const adminsOwn = await (await t.as('admin'))('POST', '/api/v1/outages', outage, key(k));
    assert.notEqual(adminsOwn.status, 422);
    // without a key every request creates
    await head('POST', '/api/v1/outages', outage);
    await head('POST', '/api/v1/outages', outage);
    assert.equal(await count('outage_acts'), before + 3 + (adminsOwn.status === 201 ? 1 : 0));
  });

  test('a refused request frees its key; concurrent repeats create once', async () => {
    const k = randomUUID();
    const bad = await head('POST', '/api/v1/outages', { ...outage, endedAt: '2026-03-17T08:00:00+05:00' }, key(k));
    assert.equal(bad.status, 422);
    const before = await count('outage_acts');
    const answers = await Promise.all([1, 2, 3, 4].map(() => head('POST', '/api/v1/outages', outage, key(k))));
    assert.equal(await count('outage_acts'), before + 1);
    const created = answers.filter((a) => a.status === 201);
    assert.ok(created.length >= 1, answers.map((a) => a.status).join());
    assert.ok(
      answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error.code === 'idempotency.inProgress')),
      answers.map((a) => a.status).join(),
    );
    assert.ok(created.every((a) => a.body.id === created[0]!.body.id));
  });

  test("an assignment and an executor's draft decision sent again with their keys: one each, the same answer", async () => {
    const reg = await registrar('POST', '/api/v1/appeals', {
      documentType: 'application',
      form: 'paper',
      channel: 'post',
      language: 'kk',
      summary: 'Су құбыры туралы',
      text: 'Ауылдағы су құбырын жөндеуді сұраймын.',
      applicant: { kind: 'individual', iin: '780315345211', lastName: 'Жұмабеков', firstName: 'Ерлан' },
    });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const id = reg.body.id as string;
    const ka = randomUUID();
    const events = await count('events');
    const assigned = await head('POST', `/api/v1/appeals/${id}/assignments`, { executorId }, key(ka));
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    const eventsAfter = await count('events');
    assert.ok(eventsAfter > events);
    const assignedAgain = await head('POST', `/api/v1/appeals/${id}/assignments`, { executorId }, key(ka));
    assert.deepEqual([assignedAgain.status, assignedAgain.body], [201, assigned.body]);
    assert.equal(await count('events'), eventsAfter, 'no second assignment event');

    const kd = randomUUID();
    const draft = { code: '4.15', favourable: true, text: 'Құбыр жөнделсін.' };
    const first = await executor('POST', `/api/v1/appeals/${id}/decisions`, draft, key(kd));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await executor('POST', `/api/v1/appeals/${id}/decisions`, draft, key(kd));
    assert.deepEqual([again.status, again.body], [201, first.body]);
    const drafts = await executor('GET', `/api/v1/appeals/${id}/drafts`);
    assert.equal(drafts.body.total, 1, 'one draft');
    // the same key on another appeal's path is another request
    const elsewhere = await executor('POST', `/api/v1/appeals/${randomUUID()}/decisions`, draft, key(kd));
    assert.equal(elsewhere.body.error.code, 'idempotency.keyReused');
    const malformed = await executor('POST', `/api/v1/appeals/${id}/decisions`, draft, key('x'.repeat(201)));
    assert.deepEqual([malformed.status, malformed.body.error.fields[0].code], [422, 'idempotency.keyFormat']);
  });
});
