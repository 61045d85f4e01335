import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { testApp, type Api, type TestApp } from '../../test/support.ts';
import { extractPdfItems, textOutsidePages } from '../pdf/pdf-text.ts';
import { termDates } from './read.ts';
import { queueCounts, queueItems } from './store.ts';

// Wednesday 18 March 2026, 10:00 in Astana.
let t: TestApp;
let registrar: Api;
let head: Api;
let executor: Api;
let executorId: string;
let orgs: Record<string, number>;

const base = {
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  summary: 'Су құбыры туралы',
  text: 'Ауылдағы су құбырын жөндеуді сұраймын.',
  applicant: { kind: 'individual', iin: '780315345211', lastName: 'Жұмабеков', firstName: 'Ерлан' },
};

async function register(body: Record<string, unknown> = {}) {
  const res = await registrar('POST', '/api/v1/appeals', { ...base, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; registrationNumber: string; talonNumber: string; dueDate: string };
}

const queue = async (api: Api, name: string, query = '') => (await api('GET', `/api/v1/queues/${name}${query ? `?${query}` : ''}`)).body;
const counts = async (api: Api, query = '') => (await api('GET', `/api/v1/queues${query ? `?${query}` : ''}`)).body.counts;

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
  head = await t.as('head');
  executor = await t.as('executor');
  executorId = (await executor('GET', '/api/v1/me')).body.id;
  const list = await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute();
  orgs = Object.fromEntries(list.map((o) => [o.code, o.id]));
});
after(() => t.close());

test("queues move with the appeal: awaiting routing → in execution → to approve → completed; a head's own act → to sign", async () => {
  const a = await register({ summary: 'Жарық бағанасы құлады', text: 'Мектеп жанындағы жарық бағанасы құлап жатыр.' });
  assert.equal((await counts(head)).awaitingRouting, 1);
  const waiting = await queue(head, 'awaitingRouting');
  assert.equal(waiting.total, 1);
  assert.deepEqual([waiting.items[0].registrationNumber, waiting.items[0].risk, waiting.items[0].daysLeft, waiting.items[0].organization.code], [a.registrationNumber, 'onTrack', 14, 'AKM-BURABAY']);
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId })).status, 201);
  const c1 = await counts(head);
  assert.deepEqual([c1.awaitingRouting, c1.inExecution], [0, 1]);
  assert.equal((await queue(head, 'inExecution', `executor=${executorId}`)).items[0].executor.name, 'Омаров Дәурен Болатұлы');
  // The executor's act is a draft: to approve, still in execution, its letter not yet one to sign.
  const act = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: true, text: 'Бағана қалпына келтірілсін.' });
  assert.equal(act.status, 201);
  const toApprove = await queue(head, 'toApprove');
  assert.deepEqual([toApprove.total, toApprove.items[0].id, toApprove.items[0].risk], [1, a.id, 'onTrack']);
  const c2 = await counts(head);
  assert.deepEqual([c2.toApprove, c2.toSign, c2.inExecution], [1, 0, 1]);
  const key = await head('GET', '/api/v1/me/demo-key.p12');
  const sign = async (id: string) => {
    const letters = (await head('GET', `/api/v1/appeals/${id}/letters`)).body.items;
    const res = await head('POST', `/api/v1/appeals/${id}/letters/${letters[0].id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  await sign(a.id);
  const c3 = await counts(head);
  assert.deepEqual([c3.toApprove, c3.toSign, c3.completed, c3.inExecution], [0, 0, 1, 0]);
  assert.equal((await queue(head, 'completed')).items[0].status, 'completed');

  // The head's own act is saved at once; its letter waits in "to sign".
  const b = await register({ summary: 'Жол белгісі', text: 'Жол белгісі жоқ.' });
  await head('POST', `/api/v1/appeals/${b.id}/decisions`, { code: '4.15', favourable: true, text: 'Белгі қойылсын.' });
  const toSign = await queue(head, 'toSign');
  assert.deepEqual([toSign.items[0].id, toSign.items[0].unsignedLetters, toSign.items[0].risk], [b.id, 1, null]); // the review has ended
  await sign(b.id);
  assert.deepEqual([(await counts(head)).toSign, (await counts(head)).completed], [0, 2]);
});

test('search by number, talon, IIN, applicant name and words of the text; filters, sorting, paging', async () => {
  const x = await register({ summary: 'Көпір жөндеу', text: 'Өзен үстіндегі көпір қираған, жөндеу керек.' });
  const y = await register({
    documentType: 'proposal',
    summary: 'Саябақ салу туралы ұсыныс',
    text: 'Ауыл ортасында балалар саябағын салуды ұсынамын.',
    applicant: { kind: 'individual', lastName: 'Сейітқалиева', firstName: 'Айгүл', phone: '+77010000202' },
  });
  const all = (q: string) => queue(registrar, 'all', q);
  assert.deepEqual(
    (await all(`q=${encodeURIComponent(x.registrationNumber)}`)).items.map((i: { id: string }) => i.id),
    [x.id],
  );
  assert.deepEqual(
    (await all(`q=${encodeURIComponent(x.registrationNumber.slice(-8))}`)).items.map((i: { id: string }) => i.id),
    [x.id],
  );
  assert.deepEqual(
    (await all(`q=${encodeURIComponent(x.registrationNumber.toLowerCase())}`)).items.map((i: { id: string }) => i.id),
    [x.id],
    'a whole number typed in lower case',
  );
  assert.deepEqual(
    (await all(`q=${y.talonNumber}`)).items.map((i: { id: string }) => i.id),
    [y.id],
  );
  assert.ok((await all('q=780315345211')).items.some((i: { id: string }) => i.id === x.id));
  assert.ok(!(await all('q=780315345211')).items.some((i: { id: string }) => i.id === y.id));
  assert.deepEqual(
    (await all(`q=${encodeURIComponent('сейітқалиева')}`)).items.map((i: { id: string }) => i.id),
    [y.id],
  );
  assert.deepEqual(
    (await all(`q=${encodeURIComponent('көпір қираған')}`)).items.map((i: { id: string }) => i.id),
    [x.id],
  );
  assert.equal((await all(`q=${encodeURIComponent('көпір саябақ')}`)).total, 0); // every word must match
  assert.deepEqual(
    (await all('documentType=proposal')).items.map((i: { id: string }) => i.id),
    [y.id],
  );
  assert.equal((await counts(registrar, 'documentType=proposal')).all, 1);

  const asc = await all('sort=registrationNumber&order=asc&limit=2');
  const desc = await all('sort=registrationNumber&order=desc&limit=2');
  assert.equal(asc.items.length, 2);
  assert.ok(asc.items[0].registrationNumber < asc.items[1].registrationNumber);
  assert.ok(desc.items[0].registrationNumber > desc.items[1].registrationNumber);
  const page2 = await all('sort=registrationNumber&order=asc&limit=2&offset=2');
  assert.equal(page2.total, asc.total);
  assert.ok(page2.items[0].registrationNumber > asc.items[1].registrationNumber);
  const bad = await registrar('GET', '/api/v1/queues/nope');
  assert.equal(bad.status, 400);
});

test('at risk and overdue by working days left; the overview for heads and controllers', async () => {
  t.setNow('2026-03-18T10:00:00+05:00');
  const a = await register({ summary: 'Мерзімі жақын', text: 'Мерзімі жақындап қалған арыз.' });
  await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId });
  t.setNow('2026-04-07T10:00:00+05:00'); // due 10 April: 3 working days left
  const risky = await queue(head, 'atRisk');
  const item = risky.items.find((i: { id: string }) => i.id === a.id);
  assert.deepEqual([item.daysLeft, item.risk], [3, 'atRisk']);
  const term = (await head('GET', `/api/v1/appeals/${a.id}/term`)).body;
  assert.deepEqual([term.daysLeft, term.risk, term.dueDate], [3, 'atRisk', '2026-04-10']);
  t.setNow('2026-04-13T10:00:00+05:00');
  const overdue = await queue(head, 'overdue');
  assert.ok(overdue.items.some((i: { id: string; risk: string; daysLeft: number }) => i.id === a.id && i.risk === 'overdue' && i.daysLeft < 0));

  await register({ summary: 'Қалалық әкімдікке', organizationId: orgs['AKM-BURABAY-SHCHUCHINSK'] }); // below the district akimat
  const overview = await head('GET', '/api/v1/overview');
  assert.equal(overview.status, 200, JSON.stringify(overview.body));
  assert.equal(overview.body.organization.code, 'AKM-BURABAY');
  assert.ok(overview.body.counts.overdue >= 1);
  const mine = overview.body.byExecutor.find((e: { executor: { id: string } }) => e.executor.id === executorId);
  assert.ok(mine.overdue >= 1);
  const own = overview.body.byOrganization.find((o: { own: boolean }) => o.own);
  assert.equal(own.organization.code, 'AKM-BURABAY');
  assert.ok(own.overdue >= 1);
  assert.equal(overview.body.onTime.ended, 2); // the completed ones of the first test, on time
  assert.equal(overview.body.onTime.share, 1);

  const controller = await t.as('controller');
  const oblast = (await controller('GET', '/api/v1/overview')).body;
  const burabay = oblast.byOrganization.find((o: { organization: { code: string } }) => o.organization.code === 'AKM-BURABAY');
  assert.ok(burabay.overdue >= 1);
  // each number of the overview is the total of the queue its link opens (web/src/pages/Overview.tsx)
  type Row = { organization: { id: number }; own: boolean; open: number; atRisk: number; overdue: number };
  for (const [api, row] of [
    [head, own],
    [controller, oblast.byOrganization.find((o: Row) => o.own)],
    [controller, burabay],
  ] as [Api, Row][]) {
    const filter = `organization=${row.organization.id}${row.own ? '&ownOnly=true' : ''}`;
    assert.equal((await queue(api, 'all', `${filter}&open=true`)).total, row.open, `open of ${filter}`);
    assert.equal((await queue(api, 'atRisk', filter)).total, row.atRisk, `at risk of ${filter}`);
    assert.equal((await queue(api, 'overdue', filter)).total, row.overdue, `overdue of ${filter}`);
  }
  assert.ok(burabay.open > own.open, 'the subtree holds more than the akimat itself');
  assert.equal((await queue(head, 'all', `executor=${executorId}&open=true`)).total, mine.open);
  assert.equal((await registrar('GET', '/api/v1/overview')).status, 403);
  assert.equal((await head('GET', `/api/v1/overview?organization=${orgs['KNB']}`)).status, 403);
  t.setNow('2026-03-18T10:00:00+05:00');
});

test('the route shows the card a complaint was sent to, and split parts', async () => {
  t.setNow('2026-03-18T10:00:00+05:00');
  const c = await register({ documentType: 'complaint', summary: 'Шағым', complainedOrganizationId: orgs['AKM-BURABAY'] });
  const sent = await head('POST', `/api/v1/appeals/${c.id}/decisions`, { code: '4.24', targetOrganizationId: orgs['AKM-AKIMAT'] });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const route = (await head('GET', `/api/v1/appeals/${c.id}/route`)).body;
  assert.equal(route.forwardedTo.length, 1);
  assert.equal(route.forwardedTo[0].organization.code, 'AKM-AKIMAT');
  assert.equal(route.forwardedTo[0].visible, false); // the oblast akimat is above the district
  assert.equal(route.origin, null);

  const s = await register({ summary: 'Екі мәселе' });
  const split = await registrar('POST', `/api/v1/appeals/${s.id}/decisions`, {
    code: '4.4',
    parts: [{ summary: 'Елді мекен', targetOrganizationId: orgs['AKM-BURABAY-ZLATOPOL'] }],
  });
  assert.equal(split.status, 201, JSON.stringify(split.body));
  const parts = (await head('GET', `/api/v1/appeals/${s.id}/route`)).body.parts;
  assert.deepEqual(
    parts.map((p: { registrationNumber: string; visible: boolean }) => [p.registrationNumber, p.visible]),
    [[`${s.registrationNumber}/1`, true]],
  );
  const back = (await head('GET', `/api/v1/appeals/${parts[0].id}/route`)).body;
  assert.equal(back.origin.id, s.id);
  // a part's own summary is what the word search finds it by: its folded text is PostgreSQL's to
  // write (migration 0030), not copied from the appeal it was split from
  const found = (await head('GET', `/api/v1/queues/all?q=${encodeURIComponent('ЕЛДІ мекен')}`)).body;
  assert.deepEqual(
    found.items.map((i: { id: string }) => i.id),
    [parts[0].id],
  );
});

test('allowed decisions carry their fields, a reason in words, and the vocabularies', async () => {
  const a = await register({ summary: 'Шешімдер' });
  const allowed = (await registrar('GET', `/api/v1/appeals/${a.id}/decisions/allowed`)).body;
  const forward = allowed.items.find((d: { code: string }) => d.code === '4.4');
  assert.equal(forward.allowed, true);
  assert.deepEqual(forward.exactlyOneOf, ['targetOrganizationId', 'parts']);
  const extension = allowed.items.find((d: { code: string }) => d.code === '4.14');
  assert.equal(extension.allowed, false);
  assert.ok(extension.reasonMessage.length > 0);
  assert.ok(allowed.vocabularies.moveOutReason.some((v: { code: string }) => v.code === 'otherProcedureLaw'));
  assert.ok(allowed.vocabularies.compliance.length > 0);
});

test('a returned draft: the executor gets its text back with the remark, and the queues mark the appeal until it is drafted again (issue 10, item 5)', async () => {
  const a = await register({ summary: 'Көше шамы', text: 'Көше шамы жанбайды.' });
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId })).status, 201);
  const text = 'Көше шамы үш күн ішінде жөнделсін; жауапты — коммуналдық бөлім.';
  assert.equal((await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: true, text })).status, 201);
  const draftId = (await executor('GET', `/api/v1/appeals/${a.id}/drafts`)).body.items[0].id;
  const mark = async (api: Api) => (await queue(api, 'inExecution', `executor=${executorId}`)).items.find((i: { id: string }) => i.id === a.id)?.returnedDraft;
  assert.equal(await mark(executor), null, 'pending, not returned');
  assert.equal((await head('POST', `/api/v1/appeals/${a.id}/drafts/${draftId}/return`, { remark: 'Мерзімді нақтылаңыз' })).status, 200);

  const returned = await mark(executor);
  assert.deepEqual({ code: returned.code, remark: returned.remark, by: returned.returnedBy }, { code: '4.15', remark: 'Мерзімді нақтылаңыз', by: 'Қасымов Нұрлан Жақсылықұлы' });
  assert.ok(returned.returnedAt);
  assert.deepEqual((await mark(head)).remark, 'Мерзімді нақтылаңыз', "the head's queue marks it too");
  // the text comes back whole, for the editor to start from
  const back = (await executor('GET', `/api/v1/appeals/${a.id}/drafts`)).body.items.find((d: { id: string }) => d.id === draftId);
  assert.deepEqual([back.draft.status, back.draft.remark, back.data.text, back.data.favourable], ['returned', 'Мерзімді нақтылаңыз', text, true]);

  // drafted again: no longer marked
  assert.equal((await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: true, text: `${text} Мерзімі — 25 наурыз.` })).status, 201);
  assert.equal(await mark(executor), null);
});

test('a queue as a journal, XLSX and PDF: its rows with the filters and scope, in the language asked, every column on the page; audited (issue 10 item 14)', async () => {
  const a = await register({ summary: 'Журналға: көше жарығы', applicant: { ...base.applicant, lastName: 'Журналов' } });
  const json = await queue(head, 'all', 'sort=registrationNumber&order=asc&limit=200');
  const xlsx = await head('GET', '/api/v1/queues/all.xlsx?sort=registrationNumber&order=asc', undefined, { 'accept-language': 'kk' });
  assert.equal(xlsx.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  assert.match(String(ws.getCell(1, 1).value), /^Жолданымдарды тіркеу журналы — 18\.03\.2026/);
  assert.equal(ws.getCell(3, 2).value, 'Тіркеу нөмірі');
  const numbers = Array.from({ length: json.total }, (_, i) => ws.getCell(4 + i, 2).value);
  assert.deepEqual(
    numbers,
    json.items.map((x: { registrationNumber: string }) => x.registrationNumber),
  );
  const row = 4 + numbers.indexOf(a.registrationNumber);
  assert.deepEqual([ws.getCell(row, 3).value, ws.getCell(row, 4).value, ws.getCell(row, 7).value], ['18.03.2026', 'Арыз', 'Журналға: көше жарығы']);

  // the PDF in Russian: every heading and the row's values, nothing past the page
  const pdf = await head('GET', '/api/v1/queues/all.pdf?q=Журналов', undefined, { 'accept-language': 'ru' });
  assert.equal(pdf.status, 200);
  const pages = await extractPdfItems(pdf.raw);
  assert.deepEqual(textOutsidePages(pages), []);
  const text = pages
    .flatMap((p) => p.items.map((i) => i.str))
    .join('')
    .replace(/\s+/g, '');
  for (const s of ['Журнал регистрации обращений', 'Регистрационный номер', 'Дата регистрации', 'Заявитель', 'Срок рассмотрения', 'Рассмотрение завершено', a.registrationNumber, 'Заявление', 'Журналов', '18.03.2026']) {
    assert.ok(text.includes(s.replace(/\s+/g, '')), s);
  }
  // the executor's journal holds only what the executor sees
  // (a download link names its language: lang= over Accept-Language)
  const mine = await executor('GET', '/api/v1/queues/all.xlsx?lang=ru', undefined, { 'accept-language': 'kk' });
  const own = await queue(executor, 'all', 'limit=200');
  const mineWb = new ExcelJS.Workbook();
  await mineWb.xlsx.load(mine.raw as unknown as ArrayBuffer);
  assert.equal(mineWb.worksheets[0]!.rowCount, 3 + own.total);
  assert.match(String(mineWb.worksheets[0]!.getCell(1, 1).value), /^Журнал регистрации обращений/);
  const events = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('kind', '=', 'queueExported').execute();
  assert.equal(events.length, 3);
});

test('counts and totals stop at the cap and say so: a whole territory is not counted on every page (docs/performance.md)', async () => {
  for (let i = 0; i < 3; i++) await register({ summary: `Жол жөндеу ${i}` });
  const c = (await head('GET', '/api/v1/queues')).body;
  assert.deepEqual(c.capped, []);
  const all = await queue(head, 'all');
  assert.equal(all.totalCapped, false);
  assert.equal(c.counts.all, all.total);
  assert.ok(all.total >= 3);
  const user = await t.ctx.db.selectFrom('users').select(['id', 'login', 'full_name', 'organization_id']).where('login', '=', 'head').executeTakeFirstOrThrow();
  const actor = { id: user.id, login: user.login, fullName: user.full_name, position: '', organizationId: user.organization_id, scopeOrganizationId: user.organization_id, roles: ['head' as const] };
  const d = termDates(t.ctx);
  const capped = await queueCounts(t.ctx.db, actor, {}, d, 2);
  assert.equal(capped.counts.all, 2);
  assert.ok(capped.capped.includes('all'));
  const page = await queueItems(t.ctx.db, actor, 'all', {}, d, { sort: 'registrationDate', order: 'desc', limit: 1, offset: 0 }, 2);
  assert.deepEqual([page.total, page.totalCapped, page.rows.length], [2, true, 1]);
  const exact = await queueItems(t.ctx.db, actor, 'all', {}, d, { sort: 'registrationDate', order: 'desc', limit: 1, offset: 0 }, all.total);
  assert.deepEqual([exact.total, exact.totalCapped], [all.total, false]);
  // words beyond the cap are read walking the newest first, within and outside a transaction (the
  // journal's): the same page as the one sorted under the cap
  const words = { q: 'жол ЖӨНДЕУ' };
  const page2 = { sort: 'registrationDate' as const, order: 'desc' as const, limit: 2, offset: 1 };
  const sorted = await queueItems(t.ctx.db, actor, 'all', words, d, page2, 100);
  assert.equal(sorted.totalCapped, false);
  const walked = await queueItems(t.ctx.db, actor, 'all', words, d, page2, 1);
  assert.equal(walked.totalCapped, true);
  assert.deepEqual(
    walked.rows.map((r) => r.id),
    sorted.rows.map((r) => r.id),
  );
  const inTrx = await t.ctx.db.transaction().execute((trx) => queueItems(trx, actor, 'all', words, d, page2, 1));
  assert.deepEqual(
    inTrx.rows.map((r) => r.id),
    sorted.rows.map((r) => r.id),
  );
});
