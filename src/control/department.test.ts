// The control department's own work: disciplinary proposals with their outcome monitored (CD-34),
// briefings of new employees (CD-38), and its documents signed only by its head or the substitute
// designated for the day, and sent only when signed (CD-04). Fixed clock; scope of a controller.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type Api } from '../../test/support.ts';

let t: TestApp;
let controller: Api;
let deputy: Api;
let admin: Api;
let otherOblast: Api;
let orgs: Record<string, number>;
let controllerId: string;
let deputyId: string;

const ids = (items: { id: string }[]) => items.map((i) => i.id);

before(async () => {
  t = await testApp({ now: '2026-03-02T10:00:00+05:00' });
  deputyId = await t.createUser('ctl-deputy', 'AKM-CONTROL', ['controller'], 'Бөлім басшысының орынбасары');
  await t.createUser('kos-controller', 'KOS-OBL', ['controller'], 'Қостанай бақылаушысы');
  controller = await t.as('controller');
  deputy = await t.as('ctl-deputy');
  admin = await t.as('admin');
  otherOblast = await t.as('kos-controller');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  controllerId = (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'controller').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

describe('CD-34 disciplinary proposals', () => {
  test('a proposal is pending, then overdue past its due date, then decided with the penalty imposed; recorded once', async () => {
    const res = await controller('POST', '/api/v1/control/disciplinary-proposals', {
      organizationId: orgs['AKM-BURABAY'],
      officialName: 'Омаров Дәурен Болатұлы',
      officialPosition: 'Бас маман',
      ground: 'Президент тапсырмасы мерзімінде орындалмады',
      dueDate: '2026-03-10',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'pending');
    assert.deepEqual(ids((await controller('GET', '/api/v1/control/disciplinary-proposals?state=pending')).body.items), [res.body.id]);
    t.setNow('2026-03-11T10:00:00+05:00');
    assert.deepEqual(ids((await controller('GET', '/api/v1/control/disciplinary-proposals?state=overdue')).body.items), [res.body.id], 'monitored: overdue without an outcome');
    const noPenalty = await controller('POST', `/api/v1/control/disciplinary-proposals/${res.body.id}/outcome`, { outcome: 'imposed', decidedOn: '2026-03-11' });
    assert.equal(noPenalty.status, 422);
    assert.equal(noPenalty.body.error.fields[0].code, 'discipline.penaltyMissing');
    const decided = await controller('POST', `/api/v1/control/disciplinary-proposals/${res.body.id}/outcome`, { outcome: 'imposed', penalty: 'reprimand', decidedOn: '2026-03-11', note: 'Бұйрық № 15' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    const again = await controller('POST', `/api/v1/control/disciplinary-proposals/${res.body.id}/outcome`, { outcome: 'notImposed', decidedOn: '2026-03-11' });
    assert.equal(again.status, 409);
    const item = (await controller('GET', '/api/v1/control/disciplinary-proposals?state=decided')).body.items[0];
    assert.deepEqual([item.id, item.outcome, item.penalty, item.note], [res.body.id, 'imposed', 'reprimand', 'Бұйрық № 15']);
    assert.equal((await controller('GET', '/api/v1/control/disciplinary-proposals?state=overdue')).body.total, 0);
    t.setNow('2026-03-02T10:00:00+05:00');
  });

  test('a proposal names the instruction whose execution it is about; an unknown one is refused', async () => {
    const instruction = await controller('POST', '/api/v1/instructions', {
      issuer: 'president',
      text: 'Көше жарығын жөндеу',
      dueDate: '2026-03-20',
      appealIds: [],
      executors: [{ organizationId: orgs['AKM-BURABAY'], main: true }],
    });
    assert.equal(instruction.status, 201, JSON.stringify(instruction.body));
    const body = { organizationId: orgs['AKM-BURABAY'], officialName: 'Әкім орынбасары', officialPosition: 'Орынбасар', ground: 'Тапсырма сапасыз орындалды', dueDate: '2026-04-01' };
    const linked = await controller('POST', '/api/v1/control/disciplinary-proposals', { ...body, instructionId: instruction.body.id });
    assert.equal(linked.status, 201, JSON.stringify(linked.body));
    const item = (await controller('GET', '/api/v1/control/disciplinary-proposals')).body.items.find((p: { id: string }) => p.id === linked.body.id);
    assert.equal(item.instructionId, instruction.body.id);
    const unknown = await controller('POST', '/api/v1/control/disciplinary-proposals', { ...body, instructionId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.fields[0].path, '/instructionId');
    // the employee named is one the controller oversees: not an unknown id, not another oblast's
    const stranger = await controller('POST', '/api/v1/control/disciplinary-proposals', { ...body, employeeId: '00000000-0000-4000-8000-000000000000' });
    const otherOblast = (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'kos-controller').executeTakeFirstOrThrow()).id;
    const outside = await controller('POST', '/api/v1/control/disciplinary-proposals', { ...body, employeeId: otherOblast });
    assert.deepEqual([stranger.status, stranger.body.error.fields[0].path, outside.status, outside.body.error.fields[0].path], [422, '/employeeId', 422, '/employeeId']);
  });

  test('only the controller, only for the bodies below its akimat', async () => {
    const body = { organizationId: orgs['AKM-ZERENDI'], officialName: 'X', officialPosition: 'Y', ground: 'Z', dueDate: '2026-04-01' };
    assert.equal((await admin('POST', '/api/v1/control/disciplinary-proposals', { ...body, organizationId: orgs['AKM-ZERENDI'] })).status, 201, 'the administrator acts for every role');
    assert.equal((await otherOblast('POST', '/api/v1/control/disciplinary-proposals', body)).status, 422);
    assert.equal((await otherOblast('GET', '/api/v1/control/disciplinary-proposals')).body.total, 0);
  });
});

describe('CD-38 briefings of new employees', () => {
  test('a new employee is listed until briefed; an old one is not listed', async () => {
    const fresh = await t.createUser('new-executor', 'AKM-ZERENDI', ['executor'], 'Жаңа орындаушы');
    const old = await t.createUser('old-executor', 'AKM-ZERENDI', ['executor'], 'Тәжірибелі орындаушы');
    // hired (the account opened) on these days, by the fixed clock
    await sql`UPDATE users SET created_at = ${'2026-02-20T09:00:00+05:00'}::timestamptz WHERE id = ${fresh}`.execute(t.ctx.db);
    await sql`UPDATE users SET created_at = ${'2025-01-10T09:00:00+05:00'}::timestamptz WHERE id = ${old}`.execute(t.ctx.db);
    const before = (await controller('GET', '/api/v1/control/briefings')).body;
    const waiting = before.notBriefed.map((x: { employee: { id: string } }) => x.employee.id);
    assert.ok(waiting.includes(fresh), 'new, not briefed');
    assert.ok(!waiting.includes(old), 'hired long ago');
    const res = await controller('POST', '/api/v1/control/briefings', { employeeId: fresh, briefedOn: '2026-03-02', topic: 'Әкімшілік рәсімдік-процестік кодекс: жолданымдарды қарау мерзімдері' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const after = (await controller('GET', '/api/v1/control/briefings')).body;
    assert.ok(!after.notBriefed.some((x: { employee: { id: string } }) => x.employee.id === fresh));
    const held = after.held.find((b: { id: string }) => b.id === res.body.id);
    assert.deepEqual([held.employee.id, held.briefedOn, held.conductedBy], [fresh, '2026-03-02', 'Тоқтарова Ләззат Маратқызы']);
    assert.equal((await controller('POST', '/api/v1/control/briefings', { employeeId: fresh, briefedOn: '2026-03-05', topic: 'x' })).status, 422, 'not in the future');
    assert.equal((await otherOblast('POST', '/api/v1/control/briefings', { employeeId: old, briefedOn: '2026-03-02', topic: 'x' })).status, 422, 'another oblast');
    assert.equal((await otherOblast('GET', '/api/v1/control/briefings')).body.held.length, 0);
  });
});

describe('CD-04 the department’s documents: signed by its head or the designated substitute', () => {
  const note = () => controller('POST', '/api/v1/control/documents', { kind: 'systemicNote', addressee: 'Облыс әкімі', from: '2026-02-01', to: '2026-03-01' });

  test('nobody designated: nobody signs; an unsigned document is not sent', async () => {
    const doc = await note();
    assert.equal(doc.status, 201, JSON.stringify(doc.body));
    const sign = await controller('POST', `/api/v1/control/documents/${doc.body.id}/sign`);
    assert.equal(sign.status, 403);
    assert.equal(sign.body.error.code, 'control.notSignatory');
    const send = await controller('POST', `/api/v1/control/documents/${doc.body.id}/send`);
    assert.equal(send.status, 409);
    assert.equal(send.body.error.code, 'control.documentUnsigned');
  });

  test('the head signs; a colleague does not, until designated substitute, and only on those dates', async () => {
    assert.equal((await controller('POST', '/api/v1/control/signatories', { userId: controllerId, kind: 'head', validFrom: '2026-01-01' })).status, 403, 'the administrator designates the head');
    const head = await admin('POST', '/api/v1/control/signatories', { organizationId: orgs['AKM-CONTROL'], userId: controllerId, kind: 'head', validFrom: '2026-01-01' });
    assert.equal(head.status, 201, JSON.stringify(head.body));
    assert.equal((await admin('POST', '/api/v1/control/signatories', { organizationId: orgs['AKM-BURABAY'], userId: controllerId, kind: 'head', validFrom: '2026-01-01' })).status, 422, 'a control department only');

    const first = await note();
    assert.equal((await deputy('POST', `/api/v1/control/documents/${first.body.id}/sign`)).status, 403, 'a colleague not designated');
    const signed = await controller('POST', `/api/v1/control/documents/${first.body.id}/sign`);
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.signedAs, 'head');
    assert.equal((await controller('POST', `/api/v1/control/documents/${first.body.id}/sign`)).status, 409);
    const sent = await controller('POST', `/api/v1/control/documents/${first.body.id}/send`);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal((await controller('POST', `/api/v1/control/documents/${first.body.id}/send`)).status, 409, 'sent once');

    // the head's absence: a substitute for 3–6 March, designated by the head
    assert.equal((await deputy('POST', '/api/v1/control/signatories', { userId: deputyId, kind: 'substitute', validFrom: '2026-03-03', validTo: '2026-03-06' })).status, 403, 'not by the substitute');
    assert.equal((await controller('POST', '/api/v1/control/signatories', { userId: deputyId, kind: 'substitute', validFrom: '2026-03-03' })).status, 422, 'dates needed');
    const sub = await controller('POST', '/api/v1/control/signatories', { userId: deputyId, kind: 'substitute', validFrom: '2026-03-03', validTo: '2026-03-06' });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    const second = await note();
    assert.equal((await deputy('POST', `/api/v1/control/documents/${second.body.id}/sign`)).status, 403, 'before the dates');
    t.setNow('2026-03-04T10:00:00+05:00');
    const bySubstitute = await deputy('POST', `/api/v1/control/documents/${second.body.id}/sign`);
    assert.equal(bySubstitute.status, 200, JSON.stringify(bySubstitute.body));
    assert.equal(bySubstitute.body.signedAs, 'substitute');
    t.setNow('2026-03-09T10:00:00+05:00');
    const third = await note();
    assert.equal((await deputy('POST', `/api/v1/control/documents/${third.body.id}/sign`)).status, 403, 'after the dates');
    t.setNow('2026-03-02T10:00:00+05:00');

    const list = (await controller('GET', '/api/v1/control/signatories')).body.items;
    assert.deepEqual(
      list.map((s: { kind: string; userId: string }) => [s.kind, s.userId]),
      [
        ['head', controllerId],
        ['substitute', deputyId],
      ],
    );
    const docs = (await controller('GET', '/api/v1/control/documents')).body.items;
    const byId = new Map(docs.map((d: { id: string }) => [d.id, d]));
    assert.equal((byId.get(first.body.id) as { signedAs: string }).signedAs, 'head');
    assert.ok((byId.get(first.body.id) as { sentAt: string | null }).sentAt);
    assert.equal((byId.get(second.body.id) as { signedAs: string }).signedAs, 'substitute');
    const pdf = await controller('GET', `/api/v1/control/documents/${second.body.id}/pdf`);
    assert.equal(pdf.status, 200);
  });

  test('another oblast’s controller neither sees nor signs the department’s documents', async () => {
    const doc = await note();
    assert.equal((await otherOblast('POST', `/api/v1/control/documents/${doc.body.id}/sign`)).status, 404);
    assert.equal((await otherOblast('GET', `/api/v1/control/documents/${doc.body.id}/pdf`)).status, 404);
  });
});
