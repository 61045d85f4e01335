// Instructions under control (CD-29…CD-36, EA-07, PR-31): the general model (issuer, basis,
// appeals, executors with one main, due date, warning dates), the register and its filters,
// reminders through the outbox before the due date and on the day after, extension requests
// decided by the controller, and taking off control only by the controller with an accepted
// execution report; the overdue one is a violation (EA-06). Fixed clock, the shipped calendar.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { register } from '../../test/accounting.ts';
import ExcelJS from 'exceljs';
import { createInstruction } from './service.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let zerendiHead: Api;
let controller: Api;
let otherOblast: Api;
let orgs: Record<string, number>;

before(async () => {
  t = await testApp({ now: '2026-03-02T10:00:00+05:00' });
  await t.createUser('zerendi-head', 'AKM-ZERENDI', ['head'], 'Зеренді басшысы');
  await t.createUser('kos-controller', 'KOS-OBL', ['controller'], 'Қостанай бақылаушысы');
  await t.ctx.db.updateTable('users').set({ email: 'zerendi@demo.joldanym.kz' }).where('login', '=', 'zerendi-head').execute();
  registrar = await t.as('registrar');
  head = await t.as('head');
  zerendiHead = await t.as('zerendi-head');
  controller = await t.as('controller');
  otherOblast = await t.as('kos-controller');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
});
after(() => t.close());

const reminders = async () => (await t.ctx.db.selectFrom('outbox').select(['recipient', 'subject']).where('kind', '=', 'instructionReminder').orderBy('id').execute()).map((r) => r.recipient);

describe('instructions under control (CD-29…CD-36, EA-07)', () => {
  let id: string;
  let appealId: string;

  test('CD-29: recorded with the issuer, linked appeals and exactly one main executor; the link is an event on the appeal', async () => {
    appealId = (await register(registrar, { summary: 'Тапсырма бойынша' })).id;
    const body = {
      issuer: 'president',
      text: 'Жолдың жөнделуін қамтамасыз ету',
      dueDate: '2026-03-13',
      appealIds: [appealId],
      executors: [
        { organizationId: orgs['AKM-ZERENDI'], main: true },
        { organizationId: orgs['AKM-BURABAY'], main: false },
      ],
      basisDocument: 'ҚР Президентінің 2026 жылғы 1 наурыздағы тапсырмасы',
    };
    const twoMain = await controller('POST', '/api/v1/instructions', { ...body, executors: body.executors.map((e) => ({ ...e, main: true })) });
    assert.equal(twoMain.status, 422);
    assert.equal(twoMain.body.error.fields[0].code, 'instruction.oneMainExecutor');
    assert.equal((await controller('POST', '/api/v1/instructions', { ...body, issuer: 'someone' })).status, 400);
    assert.equal((await otherOblast('POST', '/api/v1/instructions', body)).status, 422, 'executors of another oblast');
    const res = await controller('POST', '/api/v1/instructions', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'underControl');
    id = res.body.id;
    const events = (await head('GET', `/api/v1/appeals/${appealId}/events`)).body.items;
    assert.equal(events.find((e: { kind: string }) => e.kind === 'instructionLinked').changes.instructionId, id);
    const one = (await controller('GET', `/api/v1/instructions/${id}`)).body;
    assert.deepEqual(one.warningDates, ['2026-03-10', '2026-03-12'], '3 and 1 working days before (9 March: a holiday)');
    assert.deepEqual(
      one.executors.map((e: { organizationId: number; main: boolean }) => [e.organizationId, e.main]),
      [
        [orgs['AKM-ZERENDI'], true],
        [orgs['AKM-BURABAY'], false],
      ],
    );
  });

  test('EA-07 / PR-31: the create use case is callable from another module (a reception protocol’s instruction)', async () => {
    const actor = {
      id: (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'reception').executeTakeFirstOrThrow()).id,
      login: 'reception',
      fullName: 'Қабылдау',
      position: '',
      organizationId: orgs['AKM-BURABAY']!,
      scopeOrganizationId: orgs['AKM-BURABAY']!,
      roles: ['reception' as const],
    };
    const r = await createInstruction(t.ctx, actor, {
      issuer: 'receptionProtocol',
      text: 'Хаттама бойынша',
      dueDate: '2026-03-20',
      appealIds: [appealId],
      executors: [{ organizationId: orgs['AKM-BURABAY']!, main: true }],
    });
    assert.equal(r.state, 'underControl');
    const list = (await head('GET', `/api/v1/instructions?issuer=receptionProtocol&appealId=${appealId}`)).body;
    assert.deepEqual(
      list.items.map((i: { id: string }) => i.id),
      [r.id],
    );
  });

  test('CD-29: reminded through the outbox on the warning dates and the day after the due date, once each', async () => {
    t.setNow('2026-03-10T08:00:00+05:00');
    const run = await controller('POST', '/api/v1/control/daily');
    assert.equal(run.status, 200, JSON.stringify(run.body));
    await controller('POST', '/api/v1/control/daily');
    const warned = await reminders();
    assert.ok(warned.includes('zerendi@demo.joldanym.kz'), 'the main executor’s head');
    assert.ok(warned.includes('head@demo.joldanym.kz'), 'the co-executor’s head');
    const n = warned.length;
    t.setNow('2026-03-11T08:00:00+05:00');
    await controller('POST', '/api/v1/control/daily');
    assert.equal((await reminders()).length, n, 'no reminder between the warning dates');
    t.setNow('2026-03-14T08:00:00+05:00');
    const due = (await controller('GET', '/api/v1/instructions?state=overdue')).body;
    assert.ok(due.items.some((i: { id: string; state: string }) => i.id === id && i.state === 'overdue'));
    await controller('POST', '/api/v1/control/daily');
    await controller('POST', '/api/v1/control/daily');
    const after = await t.ctx.db.selectFrom('outbox').select(['subject']).where('kind', '=', 'instructionReminder').execute();
    assert.equal(after.filter((m) => /истёк/.test(m.subject ?? '')).length, n, 'the day after: once to each');
  });

  test('EA-06: the overdue instruction is a violation of its main executor, found once', async () => {
    const v = (await controller('GET', '/api/v1/control/violations?kind=instructionOverdue')).body.items.filter((x: { instructionId: string }) => x.instructionId === id);
    assert.equal(v.length, 1);
    assert.equal(v[0].organization.id, orgs['AKM-ZERENDI']);
  });

  test('CD-29: an extension asked by the executor and granted by the controller moves the due date; a refused one does not', async () => {
    assert.equal((await controller('POST', `/api/v1/instructions/${id}/extensions`, { dueDate: '2026-03-31', reason: 'x' })).status, 403, 'the executor asks');
    const early = await zerendiHead('POST', `/api/v1/instructions/${id}/extensions`, { dueDate: '2026-03-12', reason: 'Қосымша уақыт' });
    assert.equal(early.status, 422);
    const ask = await zerendiHead('POST', `/api/v1/instructions/${id}/extensions`, { dueDate: '2026-03-31', reason: 'Мердігер ауыстырылды' });
    assert.equal(ask.status, 201, JSON.stringify(ask.body));
    assert.equal((await zerendiHead('POST', `/api/v1/instructions/${id}/extensions/${ask.body.id}/decision`, { grant: true })).status, 403, 'only the controller decides');
    const granted = await controller('POST', `/api/v1/instructions/${id}/extensions/${ask.body.id}/decision`, { grant: true });
    assert.deepEqual([granted.status, granted.body.dueDate], [200, '2026-03-31']);
    assert.equal((await controller('POST', `/api/v1/instructions/${id}/extensions/${ask.body.id}/decision`, { grant: false })).status, 409);
    const one = (await controller('GET', `/api/v1/instructions/${id}`)).body;
    assert.deepEqual([one.state, one.dueDate], ['underControl', '2026-03-31']);
    const ask2 = await zerendiHead('POST', `/api/v1/instructions/${id}/extensions`, { dueDate: '2026-04-30', reason: 'Тағы' });
    const refused = await controller('POST', `/api/v1/instructions/${id}/extensions/${ask2.body.id}/decision`, { grant: false });
    assert.deepEqual([refused.body.granted, refused.body.dueDate], [false, '2026-03-31']);
    const week = (await controller('GET', '/api/v1/instructions?dueThisWeek=true')).body.items.map((i: { id: string }) => i.id);
    assert.ok(!week.includes(id), 'due on 31 March: not this week');
    const byExecutor = (await controller('GET', `/api/v1/instructions?executor=${orgs['AKM-ZERENDI']}`)).body.items.map((i: { id: string }) => i.id);
    assert.deepEqual(byExecutor, [id]);
  });

  test('CD-29, CD-36: taken off control only by the controller, and only with the execution report accepted', async () => {
    assert.equal((await controller('POST', `/api/v1/instructions/${id}/removal`)).status, 409, 'no report yet');
    const interim = await zerendiHead('POST', `/api/v1/instructions/${id}/reports`, { kind: 'interim', text: 'Жұмыс басталды' });
    assert.equal(interim.status, 201);
    await controller('POST', `/api/v1/instructions/${id}/reports/${interim.body.id}/decision`, { accept: true });
    assert.equal((await controller('POST', `/api/v1/instructions/${id}/removal`)).status, 409, 'an interim report is not enough');
    const report = await zerendiHead('POST', `/api/v1/instructions/${id}/reports`, { kind: 'execution', text: 'Жол жөнделді' });
    const rejected = await controller('POST', `/api/v1/instructions/${id}/reports/${report.body.id}/decision`, { accept: false, comment: 'Фото жоқ' });
    assert.equal(rejected.body.accepted, false);
    assert.equal((await controller('POST', `/api/v1/instructions/${id}/removal`)).status, 409, 'the execution report rejected');
    const second = await zerendiHead('POST', `/api/v1/instructions/${id}/reports`, { kind: 'execution', text: 'Жол жөнделді, фото қоса беріледі' });
    await controller('POST', `/api/v1/instructions/${id}/reports/${second.body.id}/decision`, { accept: true });
    assert.equal((await zerendiHead('POST', `/api/v1/instructions/${id}/removal`)).status, 403, 'not the executor');
    const removed = await controller('POST', `/api/v1/instructions/${id}/removal`);
    assert.deepEqual([removed.status, removed.body.state], [200, 'removed']);
    assert.equal((await zerendiHead('POST', `/api/v1/instructions/${id}/reports`, { kind: 'interim', text: 'x' })).status, 409);
    assert.ok((await controller('GET', '/api/v1/instructions?state=removed')).body.items.some((i: { id: string }) => i.id === id));
  });

  test('CD-22: the semi-annual report on the President’s and the PA’s instructions, as XLSX and PDF', async () => {
    const xlsx = await controller('GET', '/api/v1/instructions/semi-annual-report.xlsx?year=2026&half=1');
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as never);
    const texts = wb.worksheets[0]!.getSheetValues().flat().map(String);
    assert.ok(texts.includes('Жолдың жөнделуін қамтамасыз ету'), 'the President’s instruction');
    assert.ok(!texts.includes('Хаттама бойынша'), 'not a reception protocol’s');
    assert.ok(texts.some((x) => x.startsWith('Барлығы / Всего: 1; орындалды / исполнено: 1; мерзімінде / в срок: 1;')));
    const pdf = await controller('GET', '/api/v1/instructions/semi-annual-report.pdf?year=2026&half=1');
    assert.equal(pdf.raw.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await zerendiHead('GET', '/api/v1/instructions/semi-annual-report.pdf?year=2026&half=1')).status, 403);
  });

  test('scope: another oblast’s controller sees none of these instructions', async () => {
    assert.equal((await otherOblast('GET', '/api/v1/instructions')).body.total, 0);
    assert.equal((await otherOblast('GET', `/api/v1/instructions/${id}`)).status, 403);
  });
});
