// The detectors' runs (EA-06): a change's detection finds what the change broke, from every kind's
// full form; the hourly run only what time alone broke (open rows past their term), so a violation
// written around the door is not its to find; the nightly run (once a night, from 02:00 local time)
// and a controller's "run now" look at everything. Fixed clock, the shipped calendar.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, importRefusal, register } from '../../test/accounting.ts';
import { runControlHourly } from './daily.ts';
import { TIME_KINDS } from './detectors.ts';
import { VIOLATION_KINDS, VIOLATION_RULES } from '../domain/violations.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let unitHead: Api;
let controller: Api;
let executorId: string;
const ids: Record<string, string> = {};

const found = async (kind: string, appealId: string) => (await t.ctx.db.selectFrom('violations').select('id').where('kind', '=', kind).where('appeal_id', '=', appealId).execute()).length;

/** An unfavourable act without a hearing notice, written around the door (an import). */

before(async () => {
  t = await testApp({ now: '2026-03-02T10:00:00+05:00' });
  await t.createUser('unit-head', 'AKM-BURABAY', ['head'], 'Бөлім басшысы');
  registrar = await t.as('registrar');
  head = await t.as('head');
  unitHead = await t.as('unit-head');
  controller = await t.as('controller');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  executorId = (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'executor').executeTakeFirstOrThrow()).id;

  // 2 March: A left open; E extended and the applicant never told; L answered late (below);
  // P's correction petition decided late (below); R and R2 carry an imported refusal
  ids.A = (await register(registrar, { summary: 'Ашық қалған' })).id;
  ids.E = (await register(registrar, { summary: 'Ұзартылған, хабарланбаған' })).id;
  await decide(head, ids.E, { code: '4.14', newDueDate: '2026-04-24', reason: 'Қосымша тексеру' });
  ids.L = (await register(registrar, { summary: 'Кеш жауап берілген' })).id;
  const p = await register(registrar, { summary: 'Түзету сұралған' });
  ids.P = p.id;
  const doc = [{ name: 'a.pdf', content: Buffer.from('%PDF-1.4 x').toString('base64') }];
  const petition = await unitHead('POST', '/api/v1/corrections', { appealId: p.id, action: 'change', changes: { channel: 'email', form: 'electronic' }, reason: 'Қате', attachments: doc });
  assert.equal(petition.status, 201, JSON.stringify(petition.body));
  ids.petition = petition.body.id;
  const r = await register(registrar, { summary: 'Импортталған бас тарту, кейін өзгерген' });
  ids.R = r.id;
  await importRefusal(t.ctx.db, r);
  const r2 = await register(registrar, { summary: 'Импортталған бас тарту' });
  ids.R2 = r2.id;
  await importRefusal(t.ctx.db, r2);
});
after(() => t.close());

describe('the detectors’ runs (EA-06)', () => {
  test('EA-06: each rule says whether time alone can break it, and exactly those have a time form the hourly run uses', () => {
    assert.deepEqual(TIME_KINDS, ['answerOverdue', 'forwardLate', 'extensionNoticeLate', 'receptionMonthWithoutSession', 'correctionDecidedLate', 'instructionOverdue']);
    for (const kind of VIOLATION_KINDS) assert.ok(VIOLATION_RULES[kind].time.why.length > 0, kind);
  });

  test('EA-06: a change finds what it broke, from the full forms: an answer ended late, a petition decided late, a refusal on its appeal written around the door', async () => {
    t.setNow('2026-04-01T10:00:00+05:00');
    assert.equal((await head('POST', `/api/v1/appeals/${ids.L}/assignments`, { executorId })).status, 201);
    await decide(head, ids.L!, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
    assert.equal(await found('answerOverdue', ids.L!), 1, 'ended after its due date');
    const decided = await head('POST', `/api/v1/corrections/${ids.petition}/decision`, { approve: false, comment: 'Негізсіз' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(await found('correctionDecidedLate', ids.P!), 1, 'decided after its 5 working days');
    assert.equal((await head('POST', `/api/v1/appeals/${ids.R}/assignments`, { executorId })).status, 201);
    assert.equal(await found('refusalWithoutHearing', ids.R!), 1, 'the change of its appeal finds the imported refusal');
    // what time alone broke no change saw
    assert.equal(await found('answerOverdue', ids.A!), 0);
    assert.equal(await found('extensionNoticeLate', ids.E!), 0);
  });

  test('EA-06: the hourly run finds an open appeal past its due date and an open obligation past its term, but not a refusal written around the door', async () => {
    const run = await runControlHourly(t.ctx);
    assert.equal(run.over, 'time', '10:00 is not the night');
    assert.equal(await found('answerOverdue', ids.A!), 1);
    assert.equal(await found('extensionNoticeLate', ids.E!), 1);
    assert.equal(await found('refusalWithoutHearing', ids.R2!), 0, 'only a change makes it: not the hourly run’s to look for');
    assert.equal((await runControlHourly(t.ctx)).violations, 0, 'never found twice');
  });

  test('EA-06: the first run from 02:00 looks at everything, once a night; the controller’s "run now" always does', async () => {
    t.setNow('2026-04-02T01:30:00+05:00');
    assert.equal((await runControlHourly(t.ctx)).over, 'time', 'before 02:00');
    t.setNow('2026-04-02T02:30:00+05:00');
    const night = await runControlHourly(t.ctx);
    assert.deepEqual([night.over, night.violations], ['everything', 1]);
    assert.equal(await found('refusalWithoutHearing', ids.R2!), 1, 'the imported refusal found within a day');
    t.setNow('2026-04-02T03:30:00+05:00');
    assert.equal((await runControlHourly(t.ctx)).over, 'time', 'the night’s run is done');
    t.setNow('2026-04-02T11:00:00+05:00');
    const r3 = await register(registrar, { summary: 'Тағы импортталған' });
    await importRefusal(t.ctx.db, r3);
    assert.equal((await runControlHourly(t.ctx)).over, 'time');
    assert.equal(await found('refusalWithoutHearing', r3.id), 0);
    const now = await controller('POST', '/api/v1/control/daily');
    assert.deepEqual([now.status, now.body.over, now.body.violations], [200, 'everything', 1]);
    assert.equal(await found('refusalWithoutHearing', r3.id), 1, 'a controller asking gets everything');
    t.setNow('2026-04-03T02:10:00+05:00');
    assert.equal((await runControlHourly(t.ctx)).over, 'everything', 'the next night');
  });

  test('CD-29: an instruction taken off control after its due date is found by the next full run, though no hourly run saw it overdue', async () => {
    t.setNow('2026-04-03T10:00:00+05:00');
    const burabay = (await t.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'AKM-BURABAY').executeTakeFirstOrThrow()).id;
    const instruction = async (text: string) => {
      const res = await controller('POST', '/api/v1/instructions', { issuer: 'president', text, dueDate: '2026-04-06', appealIds: [], executors: [{ organizationId: burabay, main: true }] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    const late = await instruction('Мерзімінен кеш орындалған');
    const onTime = await instruction('Мерзімінде орындалған');
    // taken off control (what POST /instructions/:id/removal writes once the report is accepted)
    const takeOff = (id: string, at: string) =>
      t.ctx.db
        .updateTable('instructions')
        .set({ state: 'removed', removed_at: new Date(at), removed_by_name: 'Бақылаушы' })
        .where('id', '=', id)
        .execute();
    await takeOff(onTime, '2026-04-06T17:00:00+05:00');
    t.setNow('2026-04-07T10:00:00+05:00');
    await takeOff(late, '2026-04-07T09:30:00+05:00');
    const flagged = async (id: string) => (await t.ctx.db.selectFrom('violations').select('id').where('kind', '=', 'instructionOverdue').where('instruction_id', '=', id).execute()).length;
    assert.equal((await runControlHourly(t.ctx)).over, 'time');
    assert.deepEqual([await flagged(late), await flagged(onTime)], [0, 0], 'off control before any hourly run saw it past due');
    assert.equal((await controller('POST', '/api/v1/control/daily')).status, 200);
    assert.deepEqual([await flagged(late), await flagged(onTime)], [1, 0], 'executed a day late; the other on its due date');
  });
});
