import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, person, pureRecountMatches, register } from '../../test/accounting.ts';
import { checkPackageContents } from '../exports/package.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let unitHead: Api;
let statistician: Api;
const doc = [{ name: 'анықтама.txt', mediaType: 'text/plain', content: Buffer.from('Растайтын құжат').toString('base64') }];

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  await t.createUser('unit-head', 'AKM-BURABAY', ['head'], 'Бөлім басшысы');
  registrar = await t.as('registrar');
  head = await t.as('head');
  unitHead = await t.as('unit-head');
  statistician = await t.as('statistician');
  await t.ctx.db.updateTable('sessions').set({ expires_at: new Date('2100-01-01T00:00:00Z') }).execute();
});
after(() => t.close());

const file = (api: Api, body: Record<string, unknown>) => api('POST', '/api/v1/corrections', { reason: 'Карточка қате толтырылған', attachments: doc, ...body });
const cell = async (column: string, table = 's1') => {
  const r = (await statistician('GET', '/api/v1/reports/form1?year=2026&month=3')).body;
  const tb = r.sections.flatMap((s: { tables: unknown[] }) => s.tables).find((x: { id: string }) => x.id === table);
  return tb.rows[0].cells[tb.columns.findIndex((c: { key: string }) => c.key === column)] as number;
};

describe('correction petitions', () => {
  test('a field of the organization: a unit head petitions, the head decides, the report follows', async () => {
    const a = await register(registrar, { summary: 'Арна қате' });
    const emailBefore = await cell('channel.email');
    const filed = await file(unitHead, { appealId: a.id, action: 'change', changes: { channel: 'email', form: 'electronic' } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.decidedBy, 'organization');
    assert.equal(filed.body.basis, 'unitHeadPetition');
    assert.deepEqual(filed.body.period, { year: 2026, month: 3 });
    assert.equal(filed.body.reviewDue, '2026-03-30');
    const byAuthority = await statistician('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
    assert.equal(byAuthority.status, 403);
    assert.equal(byAuthority.body.error.code, 'correction.notAllowedToDecide');
    assert.equal((await unitHead('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true })).status, 403, 'not the petitioner');
    const applied = await head('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true, comment: 'Расталды' });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.body.status, 'applied');
    assert.deepEqual(applied.body.before, { channel: 'post', form: 'paper' });
    assert.deepEqual(applied.body.after, { channel: 'email', form: 'electronic' });
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.channel, 'email');
    assert.equal(await cell('channel.email'), emailBefore + 1);
    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items;
    const corrected = events.find((e: { kind: string }) => e.kind === 'corrected');
    assert.deepEqual(corrected.changes.before, { channel: 'post', form: 'paper' });
    assert.ok(events.some((e: { kind: string }) => e.kind === 'correctionFiled'));
    const again = await head('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: false });
    assert.equal(again.status, 409);
    const docs = (await head('GET', `/api/v1/corrections/${filed.body.id}`)).body.attachments;
    assert.equal(docs.length, 1);
    const content = await head('GET', `/api/v1/corrections/${filed.body.id}/attachments/${docs[0].id}`);
    assert.equal(content.raw.toString(), 'Растайтын құжат');
  });

  test('the due date: only the statistics authority, on the head’s petition', async () => {
    const a = await register(registrar, { summary: 'Мерзім қате' });
    assert.equal((await file(unitHead, { appealId: a.id, action: 'change', changes: { dueDate: '2026-03-20' }, basis: 'unitHeadPetition' })).status, 403);
    const filed = await file(head, { appealId: a.id, action: 'change', changes: { dueDate: '2026-03-20' } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.decidedBy, 'authority');
    assert.equal((await unitHead('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true })).status, 403, 'the organization does not decide it');
    const pending = await statistician('GET', '/api/v1/corrections?status=pending');
    const listed = pending.body.items.find((p: { id: string }) => p.id === filed.body.id);
    assert.ok(listed, 'the authority sees the petition');
    assert.equal(listed.petitionerId, (await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'head').executeTakeFirstOrThrow()).id);
    const applied = await statistician('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.dueDate, '2026-03-20');
    const rejected = await file(head, { appealId: a.id, action: 'change', changes: { answerSentAt: '2026-03-18T12:00:00+05:00' } });
    assert.equal((await statistician('POST', `/api/v1/corrections/${rejected.body.id}/decision`, { approve: false, comment: 'Құжат жоқ' })).body.status, 'rejected');
  });

  test('the catalogue of correctable fields says who decides each', async () => {
    const res = await head('GET', '/api/v1/corrections/fields');
    assert.equal(res.status, 200);
    const byName = Object.fromEntries(res.body.items.map((f: { name: string }) => [f.name, f]));
    assert.deepEqual(byName.dueDate, { name: 'dueDate', type: 'date', values: null, directory: null, authorityOnly: true, label: 'Due date' });
    assert.deepEqual([byName.channel.type, byName.channel.authorityOnly, byName.channel.values.includes('email')], ['enum', false, true]);
    assert.equal(byName.issueCategory.directory, 'issueCategory');
  });

  test('refused petitions say why and store nothing', async () => {
    const a = await register(registrar, { summary: 'Қате өтінішхаттар' });
    const count = async () => Number((await t.ctx.db.selectFrom('correction_petitions').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const noDocs = await file(head, { appealId: a.id, action: 'change', changes: { channel: 'email' }, attachments: [] });
    assert.equal(noDocs.status, 422);
    assert.deepEqual(noDocs.body.error.fields.map((f: { code: string }) => f.code), ['correction.documentsRequired']);
    const unknownField = await file(head, { appealId: a.id, action: 'change', changes: { iin: '870412300416' } });
    assert.equal(unknownField.body.error.fields[0].path, '/changes/iin');
    assert.ok(unknownField.body.error.fields[0].message.length > 0);
    const unknownCode = await file(head, { appealId: a.id, action: 'change', changes: { issueCategory: 'nope' } });
    assert.equal(unknownCode.body.error.fields[0].code, 'directory.unknownCode');
    assert.equal((await file(registrar, { appealId: a.id, action: 'change', changes: { channel: 'email' } })).status, 403);
    assert.equal(await count(), before);
  });

  test('deleting the extension card and a whole card; the next daily export carries the corrections', async () => {
    t.setNow('2026-03-18T11:00:00+05:00');
    const extended = await register(registrar, { summary: 'Ұзартылған' });
    await decide(head, extended.id, { code: '4.14', newDueDate: '2026-04-24', reason: 'Тексеру' });
    const extension = (await head('GET', `/api/v1/appeals/${extended.id}/decisions`)).body.items.find((d: { code: string }) => d.code === '4.14');
    const extendedBefore = await cell('extended', 's2t1');
    const noDue = await file(head, { appealId: extended.id, action: 'delete', record: { kind: 'tzh2', id: extension.id } });
    assert.equal(noDue.status, 422);
    assert.equal(noDue.body.error.fields[0].code, 'correction.dueDateRequired');
    const del = await file(head, { appealId: extended.id, action: 'delete', record: { kind: 'tzh2', id: extension.id }, changes: { dueDate: extended.dueDate } });
    assert.equal(del.body.decidedBy, 'authority');
    assert.equal((await statistician('POST', `/api/v1/corrections/${del.body.id}/decision`, { approve: true })).status, 200);
    assert.equal(await cell('extended', 's2t1'), extendedBefore - 1);
    assert.equal((await head('GET', `/api/v1/appeals/${extended.id}`)).body.dueDate, extended.dueDate);

    const wrong = await register(registrar, { documentType: 'report', summary: 'Қате тіркелген', applicant: person() });
    const receivedBefore = await cell('received');
    const gone = await file(head, { appealId: wrong.id, action: 'delete', record: { kind: 'tzh1', id: wrong.id } });
    assert.equal((await statistician('POST', `/api/v1/corrections/${gone.body.id}/decision`, { approve: true })).status, 200);
    assert.equal(await cell('received'), receivedBefore - 1);
    const behind = await statistician('GET', '/api/v1/reports/form1/cell?year=2026&month=3&table=s1&column=received&limit=1000');
    assert.ok(!behind.body.items.some((i: { id: string }) => i.id === wrong.id));
    await pureRecountMatches(t.ctx.db, t.ctx.clock.now());

    t.setNow('2026-03-19T10:00:00+05:00');
    const pkg = await statistician('GET', '/api/v1/exports/daily/2026-03-18');
    assert.equal(pkg.status, 200, JSON.stringify(pkg.body));
    const check = checkPackageContents(pkg.body);
    assert.ok(check.ok);
    if (!check.ok) return;
    assert.ok(check.lines['deletions.ndjson'].some((d) => d.kind === 'tzh1' && d.id === wrong.id));
    assert.ok(check.lines['deletions.ndjson'].some((d) => d.kind === 'tzh2' && d.id === extension.id));
    const corrected = check.lines['tzh1.ndjson'].map((l) => l.record as { summary: string; channel: string }).find((r) => r.summary === 'Арна қате');
    assert.equal(corrected?.channel, 'email');
  });

  test('after the March report is formed and signed, a correction shows as a difference; a late petition goes to the next period', async () => {
    t.setNow('2026-04-10T10:00:00+05:00');
    assert.equal((await statistician('POST', '/api/v1/reports/form1/formation')).status, 200);
    const snapshot = (await statistician('GET', '/api/v1/reports/form1/snapshots?year=2026&month=3')).body.items[0];
    const key = await statistician('GET', '/api/v1/me/demo-key.p12');
    assert.equal((await statistician('POST', `/api/v1/reports/form1/snapshots/${snapshot.id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' })).status, 200);
    const march = await t.ctx.db.selectFrom('appeals').select('id').where('summary', '=', 'Мерзім қате').executeTakeFirstOrThrow();
    const filed = await file(unitHead, { appealId: march.id, action: 'change', changes: { channel: 'contactCentre' } });
    assert.deepEqual(filed.body.period, { year: 2026, month: 4 }, 'later than 5 WD before March closed');
    assert.equal((await head('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true })).status, 200);
    const diff = await statistician('GET', `/api/v1/reports/form1/snapshots/${snapshot.id}/diff`);
    const d = (column: string) => diff.body.differences.find((x: { table: string; column: string; row: { kind: string } }) => x.table === 's1' && x.column === column && x.row.kind === 'total');
    assert.equal(d('channel.contactCentre').difference, 1);
    assert.equal(d('channel.post').difference, -1);
    assert.equal(diff.body.signed, true);
    const events = (await head('GET', `/api/v1/appeals/${march.id}/events`)).body.items;
    assert.deepEqual(events.find((e: { kind: string; changes: { closedPeriods?: string[] } }) => e.kind === 'corrected' && e.changes.closedPeriods?.length).changes.closedPeriods, ['2026-03']);
  });
});
