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
let statisticianElsewhere: Api;
let admin: Api;
const doc = [{ name: 'анықтама.pdf', content: Buffer.from('%PDF-1.4\nРастайтын құжат').toString('base64') }];

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  await t.createUser('unit-head', 'AKM-BURABAY', ['head'], 'Бөлім басшысы');
  await t.createUser('akimat-statistician', 'AKM-BURABAY', ['statistician', 'head'], 'Аудандағы статистик');
  registrar = await t.as('registrar');
  head = await t.as('head');
  unitHead = await t.as('unit-head');
  statistician = await t.as('statistician');
  statisticianElsewhere = await t.as('akimat-statistician');
  admin = await t.as('admin');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
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
    assert.deepEqual(filed.body.period, { year: 2026, month: 3, opensOn: '2026-03-10', late: false });
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
    assert.equal(content.raw.toString(), '%PDF-1.4\nРастайтын құжат');
    // the type found in the content, sent as a download only (issue 10 item 11)
    assert.deepEqual([content.headers.get('content-type'), content.headers.get('x-content-type-options')], ['application/pdf', 'nosniff']);
    assert.match(content.headers.get('content-disposition')!, /^attachment; filename="/);
    const page = await file(unitHead, {
      appealId: a.id,
      action: 'change',
      changes: { channel: 'post' },
      attachments: [{ name: 'анықтама.pdf', mediaType: 'application/pdf', content: Buffer.from('<html><script>').toString('base64') }],
    });
    assert.deepEqual([page.status, page.body.error.fields[0].path, page.body.error.fields[0].code], [422, '/attachments/0/content', 'attachment.type']);
  });

  test('the due date: only the statistics authority, on the head’s petition', async () => {
    const a = await register(registrar, { summary: 'Мерзім қате' });
    assert.equal((await file(unitHead, { appealId: a.id, action: 'change', changes: { dueDate: '2026-03-20' }, basis: 'unitHeadPetition' })).status, 403);
    const filed = await file(head, { appealId: a.id, action: 'change', changes: { dueDate: '2026-03-20' } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.decidedBy, 'authority');
    assert.equal((await unitHead('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true })).status, 403, 'the organization does not decide it');
    const elsewhere = await statisticianElsewhere('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
    assert.equal(elsewhere.status, 403, 'the role outside the statistics authority is not the authority');
    assert.equal(elsewhere.body.error.code, 'correction.notAllowedToDecide');
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
    assert.deepEqual(byName.dueDate, { name: 'dueDate', card: 'tzh1', type: 'date', values: null, directory: null, authorityOnly: true, label: 'Due date' });
    assert.deepEqual([byName['applicant.lastName'].card, byName['applicant.lastName'].applicantKinds, byName['applicant.lastName'].authorityOnly], ['ai1', ['individual'], false]);
    assert.deepEqual([byName['decision.text'].card, byName['decision.text'].decisions.includes('4.15')], ['tzh2', true]);
    assert.deepEqual([byName.channel.type, byName.channel.authorityOnly, byName.channel.values.includes('email')], ['enum', false, true]);
    assert.equal(byName.issueCategory.directory, 'issueCategory');
  });

  test('refused petitions say why and store nothing', async () => {
    const a = await register(registrar, { summary: 'Қате өтінішхаттар' });
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('correction_petitions')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const noDocs = await file(head, { appealId: a.id, action: 'change', changes: { channel: 'email' }, attachments: [] });
    assert.equal(noDocs.status, 422);
    assert.deepEqual(
      noDocs.body.error.fields.map((f: { code: string }) => f.code),
      ['correction.documentsRequired'],
    );
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

  test('applicant (АИ-1) and decision (ТЖ-2) fields, the document type within its procedure, the extension card by the authority', async () => {
    t.setNow('2026-03-19T12:00:00+05:00');
    // АИ-1: names, phone, e-mail of the applicant card the petition names
    const a = await register(registrar, { summary: 'Арыз иесі қате жазылған', applicant: person('Қатеұлы') });
    const card = await t.ctx.db.selectFrom('applicant_cards').select(['id', 'last_name', 'first_name']).where('appeal_id', '=', a.id).executeTakeFirstOrThrow();
    const noRecord = await file(unitHead, { appealId: a.id, action: 'change', changes: { 'applicant.lastName': 'Дұрысұлы' } });
    assert.deepEqual([noRecord.status, noRecord.body.error.fields[0].code], [422, 'correction.fieldNotOnRecord']);
    const ai1 = await file(unitHead, {
      appealId: a.id,
      action: 'change',
      record: { kind: 'ai1', id: card.id },
      changes: { 'applicant.lastName': 'Дұрысұлы', 'applicant.phone': '8 701 555 44 33', 'applicant.email': 'durys@example.kz' },
    });
    assert.equal(ai1.status, 201, JSON.stringify(ai1.body));
    assert.equal(ai1.body.decidedBy, 'organization');
    const applied = await head('POST', `/api/v1/corrections/${ai1.body.id}/decision`, { approve: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.body.before['applicant.lastName'], card.last_name);
    const shown = (await head('GET', `/api/v1/appeals/${a.id}`)).body;
    assert.deepEqual([shown.applicants[0].lastName, shown.applicants[0].phone, shown.applicants[0].email], ['Дұрысұлы', '+77015554433', 'durys@example.kz']);
    assert.equal(shown.applicantName, `Дұрысұлы ${card.first_name}`);
    // the word search reads the corrected name (appeals.search_text, written by the appeal core)
    const found = async (typed: string) => (await head('GET', `/api/v1/queues/all?q=${encodeURIComponent(typed)}`)).body.items.map((i: { id: string }) => i.id);
    assert.deepEqual([(await found('дурысулы')).includes(a.id), (await found(card.last_name!)).includes(a.id)], [true, false]);
    const journaled = await t.ctx.db.selectFrom('export_journal').select('record').where('record_id', '=', card.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal((journaled.record as { lastName: string }).lastName, 'Дұрысұлы', 'the next daily export carries the АИ-1');

    // ТЖ-2: a favourable act recorded as unfavourable — the report follows
    const act = await register(registrar, { summary: 'Акт қате белгіленген' });
    await decide(head, act.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
    const decision = (await head('GET', `/api/v1/appeals/${act.id}/decisions`)).body.items.find((d: { code: string }) => d.code === '4.15');
    const [fav, unfav] = [await cell('actFavourable', 's2t1'), await cell('actUnfavourable', 's2t1')];
    const wrongCard = await file(unitHead, { appealId: act.id, action: 'change', record: { kind: 'tzh2', id: decision.id }, changes: { 'decision.protocol': 'Хаттама' } });
    assert.deepEqual([wrongCard.status, wrongCard.body.error.fields[0].path], [422, '/changes/decision.protocol']);
    const tzh2 = await file(unitHead, { appealId: act.id, action: 'change', record: { kind: 'tzh2', id: decision.id }, changes: { 'decision.favourable': false, 'decision.hearingException': 'urgency' } });
    assert.equal(tzh2.status, 201, JSON.stringify(tzh2.body));
    assert.equal((await head('POST', `/api/v1/corrections/${tzh2.body.id}/decision`, { approve: true })).status, 200);
    assert.deepEqual([await cell('actFavourable', 's2t1'), await cell('actUnfavourable', 's2t1')], [fav - 1, unfav + 1]);
    const data = (await t.ctx.db.selectFrom('decisions').select('data').where('id', '=', decision.id).executeTakeFirstOrThrow()).data;
    assert.deepEqual([data.favourable, data.hearingException, data.text], [false, 'urgency', 'Қанағаттандырылсын.']);

    // "term extended": the whole 4.14 card is the authority's
    const ext = await register(registrar, { summary: 'Ұзарту негізі' });
    await decide(head, ext.id, { code: '4.14', newDueDate: '2026-04-24', reason: 'Тексеру' });
    const extension = (await head('GET', `/api/v1/appeals/${ext.id}/decisions`)).body.items.find((d: { code: string }) => d.code === '4.14');
    const reason = { appealId: ext.id, action: 'change', record: { kind: 'tzh2', id: extension.id }, changes: { 'decision.extensionReason': 'Сараптама қажет' } };
    assert.equal((await file(unitHead, { ...reason, basis: 'unitHeadPetition' })).status, 403);
    const byHead = await file(head, reason);
    assert.equal(byHead.body.decidedBy, 'authority');
    assert.equal((await head('POST', `/api/v1/corrections/${byHead.body.id}/decision`, { approve: true })).status, 403);
    assert.equal((await statistician('POST', `/api/v1/corrections/${byHead.body.id}/decision`, { approve: true })).status, 200);

    // the document type: within the simplified procedure; not into another procedure
    const report = await register(registrar, { documentType: 'report', summary: 'Шын мәнінде сұрау салу' });
    const [reports, inquiries] = [await cell('received', 's3t1'), await cell('received', 's3t2')];
    const other = await file(unitHead, { appealId: report.id, action: 'change', changes: { documentType: 'application' } });
    assert.deepEqual([other.status, other.body.error.fields[0].code], [422, 'correction.procedureChange']);
    const retyped = await file(unitHead, { appealId: report.id, action: 'change', changes: { documentType: 'inquiry' } });
    assert.equal((await head('POST', `/api/v1/corrections/${retyped.body.id}/decision`, { approve: true })).status, 200);
    assert.deepEqual([await cell('received', 's3t1'), await cell('received', 's3t2')], [reports - 1, inquiries + 1]);
    await pureRecountMatches(t.ctx.db, t.ctx.clock.now());
  });

  test('one decision per petition, on the cards as they are: concurrent decisions neither lose a change nor count twice', async () => {
    t.setNow('2026-03-19T15:00:00+05:00');
    const approve = (p: { body: { id: string } }) => head('POST', `/api/v1/corrections/${p.body.id}/decision`, { approve: true });
    // two petitions on one field: the one applied second starts from what the first applied
    const a = await register(registrar, { summary: 'Бастапқы мазмұн' });
    const one = await file(unitHead, { appealId: a.id, action: 'change', changes: { summary: 'Бірінші түзету' } });
    const two = await file(unitHead, { appealId: a.id, action: 'change', changes: { summary: 'Екінші түзету' } });
    const applied = await Promise.all([approve(one), approve(two)]);
    assert.deepEqual(
      applied.map((r) => r.status),
      [200, 200],
      JSON.stringify(applied.map((r) => r.body)),
    );
    const [first, second] = applied.map((r) => r.body).sort((x, y) => (x.before.summary === 'Бастапқы мазмұн' ? -1 : y.before.summary === 'Бастапқы мазмұн' ? 1 : 0));
    assert.equal(first.before.summary, 'Бастапқы мазмұн');
    assert.equal(second.before.summary, first.after.summary, 'the second one’s “before” is the first one’s “after”');
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.summary, second.after.summary);

    // two petitions on one decision card: neither change is lost
    const act = await register(registrar, { summary: 'Бір картаға екі түзету' });
    await decide(head, act.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
    const decision = (await head('GET', `/api/v1/appeals/${act.id}/decisions`)).body.items.find((d: { code: string }) => d.code === '4.15');
    const record = { kind: 'tzh2', id: decision.id };
    const text = await file(unitHead, { appealId: act.id, action: 'change', record, changes: { 'decision.text': 'Түзетілген мәтін.' } });
    const favourable = await file(unitHead, { appealId: act.id, action: 'change', record, changes: { 'decision.favourable': false } });
    assert.deepEqual(
      (await Promise.all([approve(text), approve(favourable)])).map((r) => r.status),
      [200, 200],
    );
    const data = (await t.ctx.db.selectFrom('decisions').select('data').where('id', '=', decision.id).executeTakeFirstOrThrow()).data;
    assert.deepEqual([data.text, data.favourable], ['Түзетілген мәтін.', false]);

    // approved and rejected at once: one of them decides, the other is told it is decided
    const contested = await file(unitHead, { appealId: a.id, action: 'change', changes: { language: 'ru' } });
    const [yes, no] = await Promise.all([approve(contested), head('POST', `/api/v1/corrections/${contested.body.id}/decision`, { approve: false, comment: 'Негіз жоқ' })]);
    assert.deepEqual([yes.status, no.status].sort(), [200, 409]);
    assert.equal((yes.status === 409 ? yes : no).body.error.code, 'correction.alreadyDecided');
    const decided = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items.filter(
      (e: { kind: string; changes: { petitionId?: string } }) => ['corrected', 'correctionRejected'].includes(e.kind) && e.changes.petitionId === contested.body.id,
    );
    assert.equal(decided.length, 1, 'one decision in the audit log');
    const status = (await head('GET', `/api/v1/corrections/${contested.body.id}`)).body.status;
    assert.equal(status, decided[0].kind === 'corrected' ? 'applied' : 'rejected');
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.language, status === 'applied' ? 'ru' : 'kk');
    await pureRecountMatches(t.ctx.db, t.ctx.clock.now());
  });

  test('after the March report is formed and signed, a correction shows as a difference; a late petition goes to the next period', async () => {
    t.setNow('2026-04-10T10:00:00+05:00');
    assert.equal((await statistician('POST', '/api/v1/reports/form1/formation')).status, 200);
    const snapshot = (await statistician('GET', '/api/v1/reports/form1/snapshots?year=2026&month=3')).body.items[0];
    const key = await statistician('GET', '/api/v1/me/demo-key.p12');
    assert.equal((await statistician('POST', `/api/v1/reports/form1/snapshots/${snapshot.id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' })).status, 200);
    const march = await t.ctx.db.selectFrom('appeals').select('id').where('summary', '=', 'Мерзім қате').executeTakeFirstOrThrow();
    const filed = await file(unitHead, { appealId: march.id, action: 'change', changes: { channel: 'contactCentre' } });
    assert.deepEqual(filed.body.period, { year: 2026, month: 4, opensOn: '2026-04-10', late: true }, 'later than 5 WD before March closed: reviewed from the day March closes');
    assert.equal((await head('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true })).status, 200);
    const diff = await statistician('GET', `/api/v1/reports/form1/snapshots/${snapshot.id}/diff`);
    const d = (column: string) => diff.body.differences.find((x: { table: string; column: string; row: { kind: string } }) => x.table === 's1' && x.column === column && x.row.kind === 'total');
    assert.equal(d('channel.contactCentre').difference, 1);
    assert.equal(d('channel.post').difference, -1);
    assert.equal(diff.body.signed, true);
    const events = (await head('GET', `/api/v1/appeals/${march.id}/events`)).body.items;
    assert.deepEqual(events.find((e: { kind: string; changes: { closedPeriods?: string[] } }) => e.kind === 'corrected' && e.changes.closedPeriods?.length).changes.closedPeriods, ['2026-03']);
  });

  test('a late petition is reviewed only in its period; a petition not reviewed within 5 working days is flagged', async () => {
    const a = await t.ctx.db.selectFrom('appeals').select('id').where('summary', '=', 'Арна қате').executeTakeFirstOrThrow();
    // 4 May: April closes with its report on 12 May, and its deadline was 30 April
    t.setNow('2026-05-04T10:00:00+05:00');
    const late = await file(unitHead, { appealId: a.id, action: 'change', changes: { language: 'ru' } });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.deepEqual(late.body.period, { year: 2026, month: 5, opensOn: '2026-05-12', late: true });
    assert.equal(late.body.reviewDue, '2026-05-19', '5 working days from the day its period opens');
    const early = await head('POST', `/api/v1/corrections/${late.body.id}/decision`, { approve: true });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'correction.periodNotOpen');
    assert.match(early.body.error.message, /2026-05.*2026-05-12/);
    assert.equal((await head('POST', `/api/v1/corrections/${late.body.id}/decision`, { approve: false })).status, 409, 'nor rejected before');
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.language, 'kk', 'nothing changed');

    t.setNow('2026-05-13T10:00:00+05:00');
    const inTime = await file(unitHead, { appealId: a.id, action: 'change', changes: { summary: 'Арна қате (нақтыланды)' } });
    assert.deepEqual(inTime.body.period, { year: 2026, month: 5, opensOn: '2026-05-12', late: false });
    assert.equal(inTime.body.reviewDue, '2026-05-20');
    assert.equal(inTime.body.overdue, false);

    t.setNow('2026-05-21T10:00:00+05:00');
    const overdue = await statistician('GET', '/api/v1/corrections?overdue=true');
    assert.equal(overdue.status, 200);
    assert.deepEqual(overdue.body.items.map((p: { id: string }) => p.id).sort(), [late.body.id, inTime.body.id].sort());
    assert.ok(overdue.body.items.every((p: { overdue: boolean }) => p.overdue));
    assert.equal((await head('POST', `/api/v1/corrections/${late.body.id}/decision`, { approve: true })).status, 200);
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.language, 'ru');
    assert.deepEqual(
      (await head('GET', '/api/v1/corrections?overdue=true')).body.items.map((p: { id: string }) => p.id),
      [inTime.body.id],
    );
    const all = await head('GET', '/api/v1/corrections');
    assert.equal(all.body.items.find((p: { id: string }) => p.id === late.body.id).overdue, false, 'decided: no longer overdue');
  });

  test('a petition keeps the period it was filed for: a calendar edited later moves its days, not its period', async () => {
    // Thursday 4 June: May closes on Wednesday 10 June, its deadline was 3 June — a late petition, for June
    t.setNow('2026-06-04T10:00:00+05:00');
    const a = await register(registrar, { summary: 'Күнтізбе кейін өзгерді' });
    const filed = await file(unitHead, { appealId: a.id, action: 'change', changes: { language: 'ru' } });
    const june = { year: 2026, month: 6, opensOn: '2026-06-10', late: true };
    assert.deepEqual(filed.body.period, june);
    // Saturday 6 June made a working day: had it been so on 4 June, the petition would have been in time for May
    assert.equal((await admin('PUT', '/api/v1/admin/calendar/days/2026-06-06', { working: true, note: 'Жұмыс сенбісі (тест)' })).status, 200);
    assert.deepEqual((await head('GET', `/api/v1/corrections/${filed.body.id}`)).body.period, june, 'the period kept, its days from it');
    const early = await head('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
    assert.deepEqual([early.status, early.body.error.code], [409, 'correction.periodNotOpen'], 'not into May, which it missed');
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}`)).body.language, 'kk');
    // the administrator acts as the statistics authority: sees the petition in the list and opens it
    assert.ok((await admin('GET', '/api/v1/corrections?status=pending')).body.items.some((p: { id: string }) => p.id === filed.body.id));
    assert.equal((await admin('GET', `/api/v1/corrections/${filed.body.id}`)).status, 200);
    assert.equal((await admin('DELETE', '/api/v1/admin/calendar/days/2026-06-06')).status, 204);
  });
});
