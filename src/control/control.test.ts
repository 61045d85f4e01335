// The control department (issue 12): appeals under the akim's control (CD-09), the quality review
// (CD-09) and returns for rework counted (CD-10), the violations the detectors find (EA-06) — each
// exactly once, none where the rule was kept — with explanations, and the scope of a controller
// (bodies below its akimat, nothing of another oblast). Fixed clock, the shipped calendar.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, importRefusal, person, register, signAll } from '../../test/accounting.ts';

let t: TestApp;
let registrar: Api;
let reception: Api;
let head: Api;
let unitHead: Api;
let executor: Api;
let controller: Api;
let otherOblast: Api;
let orgs: Record<string, number>;
let executorId: string;
let secondExecutorId: string;

const userId = async (login: string) => (await t.ctx.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
const answered = async (summary: string) => {
  const a = await register(registrar, { summary });
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId })).status, 201);
  await decide(head, a.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
  return a;
};

before(async () => {
  t = await testApp({ now: '2026-03-02T10:00:00+05:00' });
  await t.createUser('unit-head', 'AKM-BURABAY', ['head'], 'Бөлім басшысы');
  await t.createUser('executor-2', 'AKM-BURABAY', ['executor'], 'Екінші орындаушы');
  await t.createUser('kos-controller', 'KOS-OBL', ['controller'], 'Қостанай бақылаушысы');
  registrar = await t.as('registrar');
  reception = await t.as('reception');
  head = await t.as('head');
  unitHead = await t.as('unit-head');
  executor = await t.as('executor');
  controller = await t.as('controller');
  otherOblast = await t.as('kos-controller');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  executorId = await userId('executor');
  secondExecutorId = await userId('executor-2');
});
after(() => t.close());

describe('quality of answers (CD-09, CD-10)', () => {
  test('CD-09: an appeal is put under the akim’s control — who, when, why — as an event on the appeal', async () => {
    const a = await answered('Бақылаудағы жолданым');
    const res = await controller('POST', `/api/v1/appeals/${a.id}/control`, { reason: 'Әкімнің тапсырмасы' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual([res.body.underControl, res.body.reason, res.body.at], [true, 'Әкімнің тапсырмасы', '2026-03-02T05:00:00.000Z']);
    assert.equal((await controller('POST', `/api/v1/appeals/${a.id}/control`, { reason: 'Тағы' })).status, 409);
    assert.equal((await executor('POST', `/api/v1/appeals/${a.id}/control`, { reason: 'x' })).status, 403, 'only the controller');
    assert.equal((await otherOblast('POST', `/api/v1/appeals/${a.id}/control`, { reason: 'x' })).status, 403, 'another oblast');
    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items;
    const put = events.find((e: { kind: string }) => e.kind === 'putUnderControl');
    assert.equal(put.changes.reason, 'Әкімнің тапсырмасы');
    // under control: in the review queue of the controller
    const queue = (await controller('GET', '/api/v1/control/quality')).body.items;
    assert.ok(queue.some((q: { appealId: string; underControl: boolean }) => q.appealId === a.id && q.underControl));
  });

  test('CD-09: the checklist is data; all kept → good, one not kept → poor, one left out → 422', async () => {
    const list = (await controller('GET', '/api/v1/control/quality/checklist')).body.items;
    assert.ok(list.length >= 7);
    const a = await answered('Сапасы тексерілетін');
    const all = Object.fromEntries(list.map((c: { code: string }) => [c.code, true]));
    const good = await controller('POST', `/api/v1/appeals/${a.id}/quality-reviews`, { checks: all });
    assert.equal(good.status, 201, JSON.stringify(good.body));
    assert.deepEqual([good.body.verdict, good.body.score], ['good', 100]);
    const poor = await controller('POST', `/api/v1/appeals/${a.id}/quality-reviews`, { checks: { ...all, notFormal: false }, remark: 'Формалды жауап' });
    assert.equal(poor.body.verdict, 'poor');
    const { legalBasis: _, ...missing } = all;
    const bad = await controller('POST', `/api/v1/appeals/${a.id}/quality-reviews`, { checks: missing });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.fields[0].path, '/checks/legalBasis');
  });

  test('CD-10: a return for rework is an event with a new internal due date; the executor sees the remark and answers; returns are counted per organization and executor', async () => {
    const a = await answered('Пысықтауға қайтарылатын');
    const b = await answered('Тағы біреуі');
    const res = await controller('POST', `/api/v1/appeals/${a.id}/rework`, { remark: 'Барлық сұраққа жауап жоқ', dueDate: '2026-03-06' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual([res.body.remark, res.body.dueDate, res.body.executorId], ['Барлық сұраққа жауап жоқ', '2026-03-06', executorId]);
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.controlDate, '2026-03-06', 'the new internal due date');
    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items;
    assert.equal(events.find((e: { kind: string }) => e.kind === 'returnedForRework').changes.remark, 'Барлық сұраққа жауап жоқ');
    assert.equal((await controller('POST', `/api/v1/appeals/${b.id}/rework`, { remark: 'Құқықтық негіз жоқ', dueDate: '2026-03-05' })).status, 201);
    assert.equal((await controller('POST', `/api/v1/appeals/${b.id}/rework`, { remark: 'x', dueDate: '2026-03-01' })).status, 422, 'a due date in the past');
    const open = await register(registrar, { summary: 'Жауапсыз' });
    assert.equal((await controller('POST', `/api/v1/appeals/${open.id}/rework`, { remark: 'x', dueDate: '2026-03-05' })).status, 409, 'no answer to return');
    assert.equal((await executor('POST', `/api/v1/appeals/${b.id}/rework`, { remark: 'x', dueDate: '2026-03-05' })).status, 403);
    // the executor sees the remark and answers again
    const mine = (await executor('GET', '/api/v1/reworks')).body.items;
    const item = mine.find((r: { appealId: string }) => r.appealId === a.id);
    assert.equal(item.remark, 'Барлық сұраққа жауап жоқ');
    const again = await executor('POST', `/api/v1/reworks/${item.id}/answer`, { answer: 'Екінші сұраққа да жауап берілді.' });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal((await executor('POST', `/api/v1/reworks/${item.id}/answer`, { answer: 'тағы' })).status, 409);
    assert.ok((await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items.some((e: { kind: string }) => e.kind === 'reworkAnswered'));
    const counts = await controller('GET', '/api/v1/control/reworks?from=2026-03-01&to=2026-03-31');
    const burabay = counts.body.items.find((c: { organization: { id: number }; executor: { id: string } }) => c.organization.id === orgs['AKM-BURABAY'] && c.executor.id === executorId);
    assert.equal(burabay.count, 2);
    const dash = (await controller('GET', '/api/v1/control/dashboard?from=2026-03-01&to=2026-03-31')).body;
    assert.equal(dash.returns, 2);
    const burabayRow = dash.territories.find((x: { territoryId: number }) => x.territoryId === orgs['AKM-BURABAY']);
    assert.equal(burabayRow.appeals, dash.appeals, 'CD-08: every appeal so far is Burabay’s');
  });

  test('CD-10: a rework is answered by the appeal’s executor (the one it has now) or a head of its organization; another executor gets 403 and changes nothing', async () => {
    const secondExecutor = await t.as('executor-2');
    const returned = async (summary: string) => {
      const a = await answered(summary);
      assert.equal((await controller('POST', `/api/v1/appeals/${a.id}/rework`, { remark: 'Толық емес', dueDate: '2026-03-06' })).status, 201);
      const item = (await executor('GET', '/api/v1/reworks')).body.items.find((r: { appealId: string }) => r.appealId === a.id);
      return { appealId: a.id, reworkId: item.id as string };
    };
    const answeredEvents = async (appealId: string) => (await head('GET', `/api/v1/appeals/${appealId}/events`)).body.items.filter((e: { kind: string }) => e.kind === 'reworkAnswered').length;

    const first = await returned('Басқа орындаушы жауап бере алмайды');
    assert.ok(!(await secondExecutor('GET', '/api/v1/reworks')).body.items.some((r: { id: string }) => r.id === first.reworkId), 'not in another executor’s list');
    const refused = await secondExecutor('POST', `/api/v1/reworks/${first.reworkId}/answer`, { answer: 'Мен жауап беремін.' });
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'forbidden']);
    assert.equal(await answeredEvents(first.appealId), 0);
    assert.equal((await executor('POST', `/api/v1/reworks/${first.reworkId}/answer`, { answer: 'Толықтырылды.' })).status, 200, 'the appeal’s executor still can');

    // the head of the appeal’s organization answers for it (the head’s list shows the organization’s reworks)
    const second = await returned('Бөлім басшысы жауап береді');
    assert.ok((await unitHead('GET', '/api/v1/reworks')).body.items.some((r: { id: string }) => r.id === second.reworkId));
    const byHead = await unitHead('POST', `/api/v1/reworks/${second.reworkId}/answer`, { answer: 'Басшы толықтырды.' });
    assert.equal(byHead.status, 200, JSON.stringify(byHead.body));
    assert.equal(await answeredEvents(second.appealId), 1);

    // an executor's draft pending the head's approval returned, then the appeal reassigned: the
    // rework goes on to the new executor, and the former one may no longer answer it
    const c = await register(registrar, { summary: 'Қайта тапсырылған' });
    assert.equal((await head('POST', `/api/v1/appeals/${c.id}/assignments`, { executorId })).status, 201);
    await decide(executor, c.id, { code: '4.15', favourable: true, text: 'Жоба' });
    assert.equal((await controller('POST', `/api/v1/appeals/${c.id}/rework`, { remark: 'Жоба әлсіз', dueDate: '2026-03-06' })).status, 201);
    assert.equal((await head('POST', `/api/v1/appeals/${c.id}/assignments`, { executorId: secondExecutorId })).status, 201);
    const handedOn = (await secondExecutor('GET', '/api/v1/reworks')).body.items.find((r: { appealId: string }) => r.appealId === c.id);
    assert.ok(handedOn, 'in the new executor’s list');
    assert.ok(!(await executor('GET', '/api/v1/reworks')).body.items.some((r: { appealId: string }) => r.appealId === c.id), 'no longer in the former executor’s');
    assert.equal((await executor('POST', `/api/v1/reworks/${handedOn.id}/answer`, { answer: 'Мен.' })).status, 403);
    assert.equal((await secondExecutor('POST', `/api/v1/reworks/${handedOn.id}/answer`, { answer: 'Жаңа орындаушы толықтырды.' })).status, 200);
  });
});

describe('violations found by the system (EA-06)', () => {
  const found = (items: { kind: string; appealId: string | null }[], kind: string, appealId: string) => items.filter((v) => v.kind === kind && v.appealId === appealId).length;
  const ids: Record<string, string> = {};

  test('EA-06: each detector finds its violation exactly once, and none where the rule was kept', async () => {
    t.setNow('2026-03-02T10:00:00+05:00');
    // answer overdue: A left open; B answered at once
    ids.A = (await register(registrar, { summary: 'Мерзімі өтетін' })).id;
    ids.B = (await answered('Уақытында жауап берілген')).id;
    // forwarding: F1 forwarded the day it came; F2 a week later (below)
    ids.F1 = (await register(registrar, { summary: 'Бірден жіберілген' })).id;
    await decide(registrar, ids.F1, { code: '4.4', targetOrganizationId: orgs['AKM-HEALTH'] });
    ids.F2 = (await register(registrar, { summary: 'Кешіктіріп жіберілген' })).id;
    // extension: E1 notified at once (its letter signed and sent), E2 never
    ids.E1 = (await register(registrar, { summary: 'Ұзартылған, хабарланған' })).id;
    await decide(head, ids.E1, { code: '4.14', newDueDate: '2026-04-24', reason: 'Қосымша тексеру' });
    await signAll(head, ids.E1);
    ids.E2 = (await register(registrar, { summary: 'Ұзартылған, хабарланбаған' })).id;
    await decide(head, ids.E2, { code: '4.14', newDueDate: '2026-04-24', reason: 'Қосымша тексеру' });
    // refusal: R1 with an Art. 73 p.2 exception; R2 a card imported without a hearing notice
    ids.R1 = (await register(registrar, { summary: 'Тыңдаусыз, негізімен' })).id;
    await decide(head, ids.R1, { code: '4.15', favourable: false, text: 'Бас тартылсын.', hearingException: 'urgency' });
    const r2 = await register(registrar, { summary: 'Тыңдаусыз бас тарту' });
    ids.R2 = r2.id;
    await importRefusal(t.ctx.db, r2);
    // PR-43: P2 (the same applicant at reception) may not go to P1's executor — refused by the
    // assignment; an assignment made around the rule (an imported one) is found
    const applicant = person('Қабылдауұлы');
    const p1 = await register(reception, { form: 'oral', channel: 'personalReception', protocolText: 'Ауызша.', applicant });
    const p2 = await register(reception, { form: 'oral', channel: 'personalReception', protocolText: 'Қайта келді.', applicant });
    ids.P1 = p1.id;
    ids.P2 = p2.id;
    assert.equal((await head('POST', `/api/v1/appeals/${p1.id}/assignments`, { executorId })).status, 201);
    assert.equal((await head('POST', `/api/v1/appeals/${p2.id}/assignments`, { executorId })).status, 409);
    assert.equal((await head('POST', `/api/v1/appeals/${p2.id}/assignments`, { executorId: secondExecutorId })).status, 201);
    await t.ctx.db
      .insertInto('assignments')
      .values({
        id: randomUUID(),
        appeal_id: p2.id,
        organization_id: p2.organizationId,
        executor_id: executorId,
        co_executor_ids: [],
        control_date: null,
        assigned_by: await userId('head'),
        assigned_at: new Date('2026-03-02T06:30:00Z'),
        replaced_at: null,
      })
      .execute();
    // outage journal: the first entry within 24 hours of the restoration, the second later
    const act = await head('POST', '/api/v1/outages', { startedAt: '2026-03-01T09:00:00+05:00', endedAt: '2026-03-01T12:00:00+05:00', cause: 'Байланыс үзілді' });
    const entry = (n: number) =>
      registrar('POST', `/api/v1/outages/${act.body.id}/journal-entries`, {
        page: 1,
        entry: n,
        registration: { documentType: 'application', form: 'paper', channel: 'inPerson', language: 'kk', summary: 'Қағаз журналдан', text: '…', receivedAt: '2026-03-01T10:00:00+05:00', applicant: person() },
      });
    ids.J1 = (await entry(1)).body.appealId;
    // corrections: C1 decided at once, C2 left pending past its 5 working days
    const doc = [{ name: 'a.pdf', content: Buffer.from('%PDF-1.4 x').toString('base64') }];
    const c1 = await unitHead('POST', '/api/v1/corrections', { appealId: ids.B, action: 'change', changes: { channel: 'email', form: 'electronic' }, reason: 'Қате', attachments: doc });
    assert.equal(c1.status, 201, JSON.stringify(c1.body));
    assert.equal((await head('POST', `/api/v1/corrections/${c1.body.id}/decision`, { approve: true })).status, 200);
    const c2 = await unitHead('POST', '/api/v1/corrections', { appealId: ids.A, action: 'change', changes: { channel: 'email', form: 'electronic' }, reason: 'Қате', attachments: doc });
    assert.equal(c2.status, 201);

    t.setNow('2026-03-03T10:00:00+05:00');
    ids.J2 = (await entry(2)).body.appealId;
    t.setNow('2026-03-10T10:00:00+05:00');
    await decide(registrar, ids.F2, { code: '4.4', targetOrganizationId: orgs['AKM-HEALTH'] });

    t.setNow('2026-04-01T10:00:00+05:00');
    // the changes found what they broke; the terms that passed meanwhile are the hourly run's to find,
    // and what was written around the door (R2, P2) the full run's (POST /control/daily)
    const byChanges = await t.ctx.db.selectFrom('violations').select(['kind', 'appeal_id']).execute();
    assert.ok(
      byChanges.some((v) => v.kind === 'forwardLate' && v.appeal_id === ids.F2),
      'the late forwarding found by the change itself',
    );
    assert.ok(
      byChanges.some((v) => v.kind === 'outageEntryLate' && v.appeal_id === ids.J2),
      'the late journal entry found by the change itself',
    );
    assert.ok(!byChanges.some((v) => v.kind === 'refusalWithoutHearing' && v.appeal_id === ids.R2), 'an imported refusal: no change saw it');
    assert.ok(!byChanges.some((v) => v.kind === 'answerOverdue' && v.appeal_id === ids.A), 'a term passing is the hourly run’s to find');
    assert.equal((await controller('POST', '/api/v1/control/daily')).status, 200);
    const first = await controller('GET', '/api/v1/control/violations');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal((await controller('POST', '/api/v1/control/daily')).body.violations, 0, 'the next run finds nothing new');
    const { items, total } = (await controller('GET', '/api/v1/control/violations')).body;
    assert.equal(total, first.body.total, 'never duplicated');
    assert.deepEqual([total, first.body.totalCapped], [items.length, false], 'the total counts the register, under the cap');
    const once: [string, string][] = [
      ['answerOverdue', ids.A!],
      ['forwardLate', ids.F2!],
      ['extensionNoticeLate', ids.E2!],
      ['refusalWithoutHearing', ids.R2!],
      ['receptionReviewerConflict', ids.P2!],
      ['outageEntryLate', ids.J2!],
      ['correctionDecidedLate', ids.A!],
    ];
    for (const [kind, appealId] of once) assert.equal(found(items, kind, appealId), 1, `${kind} found once`);
    const kept: [string, string][] = [
      ['answerOverdue', ids.B!],
      ['forwardLate', ids.F1!],
      ['extensionNoticeLate', ids.E1!],
      ['refusalWithoutHearing', ids.R1!],
      ['receptionReviewerConflict', ids.P1!],
      ['outageEntryLate', ids.J1!],
      ['correctionDecidedLate', ids.B!],
    ];
    for (const [kind, appealId] of kept) assert.equal(found(items, kind, appealId), 0, `${kind}: the rule kept`);
    const v = items.find((x: { kind: string; appealId: string }) => x.kind === 'forwardLate' && x.appealId === ids.F2);
    assert.match(v.basis, /APPC Art\. 65/);
    assert.equal(v.organization.id, orgs['AKM-BURABAY']);
    assert.ok(v.rule.length > 0);
    assert.deepEqual(first.body.notDetected, [], 'every kind is detected (PR-13 since the reception module)');
    const filtered = (await controller('GET', `/api/v1/control/violations?organization=${orgs['AKM-HEALTH']}`)).body.items;
    assert.ok(filtered.every((x: { organization: { id: number } }) => x.organization.id === orgs['AKM-HEALTH']));
    assert.equal((await controller('GET', '/api/v1/control/violations?from=2026-04-02&to=2026-04-30')).body.total, 0, 'detected on 1 April');
  });

  test('EA-06: an explanation is asked (oral or written, with a due date) and recorded', async () => {
    const { items } = (await controller('GET', '/api/v1/control/violations?kind=answerOverdue')).body;
    const v = items.find((x: { appealId: string }) => x.appealId === ids.A);
    const asked = await controller('POST', `/api/v1/control/violations/${v.id}/explanations`, { form: 'written', dueDate: '2026-04-06' });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    assert.equal((await controller('POST', `/api/v1/control/violations/${v.id}/explanations`, { form: 'spoken', dueDate: '2026-04-06' })).status, 400);
    const rec = await controller('POST', `/api/v1/control/violations/${v.id}/explanations/${asked.body.id}`, { explanation: 'Орындаушы ауырып қалды.' });
    assert.equal(rec.status, 200);
    assert.equal((await controller('POST', `/api/v1/control/violations/${v.id}/explanations/${asked.body.id}`, { explanation: 'тағы' })).status, 409);
    const again = (await controller('GET', '/api/v1/control/violations?kind=answerOverdue')).body.items.find((x: { id: string }) => x.id === v.id);
    const report = await controller('GET', '/api/v1/control/violations/report.pdf?from=2026-04-01&to=2026-04-30');
    assert.deepEqual([report.status, report.raw.subarray(0, 5).toString()], [200, '%PDF-'], 'the report to the akim');
    assert.deepEqual(again.explanations, [{ id: asked.body.id, form: 'written', dueDate: '2026-04-06', explanation: 'Орындаушы ауырып қалды.' }]);
  });

  test('CD-32, CD-37: a check of a body is planned, then held with its findings and follow-up', async () => {
    const planned = await controller('POST', '/api/v1/control/checks', { kind: 'onSite', organizationId: orgs['AKM-BURABAY'], plannedOn: '2026-04-10', place: 'Щучинск', participants: 'Бақылау бөлімі, аудан әкімдігі' });
    assert.equal(planned.status, 201, JSON.stringify(planned.body));
    assert.equal((await otherOblast('POST', '/api/v1/control/checks', { kind: 'recordKeeping', organizationId: orgs['AKM-BURABAY'], plannedOn: '2026-04-10', place: 'x', participants: 'x' })).status, 422);
    const held = await controller('POST', `/api/v1/control/checks/${planned.body.id}/findings`, { findings: 'Журнал толық емес', followUp: 'Тапсырма берілді' });
    assert.deepEqual([held.status, held.body.heldOn], [200, '2026-04-01']);
    assert.equal((await controller('POST', `/api/v1/control/checks/${planned.body.id}/findings`, { findings: 'тағы' })).status, 409);
    const list = (await controller('GET', '/api/v1/control/checks')).body.items;
    assert.deepEqual([list[0].kind, list[0].findings, list[0].organization.id], ['onSite', 'Журнал толық емес', orgs['AKM-BURABAY']]);
    assert.equal((await otherOblast('GET', '/api/v1/control/checks')).body.total, 0);
  });

  test('scope: the controller sees the bodies below its akimat, and nothing of another oblast', async () => {
    const mine = (await controller('GET', '/api/v1/control/violations')).body.items;
    const codes = new Set(mine.map((v: { organization: { code: string } }) => v.organization.code));
    assert.ok(codes.has('AKM-BURABAY'), 'a district akimat below the oblast akimat');
    const other = await otherOblast('GET', '/api/v1/control/violations');
    assert.equal(other.status, 200);
    assert.equal(other.body.total, 0);
    assert.equal((await otherOblast('GET', `/api/v1/control/violations?organization=${orgs['AKM-BURABAY']}`)).status, 403);
    assert.equal((await otherOblast('GET', `/api/v1/appeals/${ids.A}/reworks`)).status, 403);
    assert.equal((await executor('GET', '/api/v1/control/violations')).status, 403, 'not the executor’s register');
  });
});
