// The contact centre over HTTP (issue 13): every outcome of a contact (EA-05), the public-service
// complaint that never becomes an appeal nor counts in 1-ТӨ (CC-25), the appeal for the competent
// organization (channel contact centre, talon by SMS, the routing queue), the caller's history,
// the competent organization's suggestion, the Annex 2 report against an SQL recount (CC-16, CC-17).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { person, register } from '../../test/accounting.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import ExcelJS from 'exceljs';

let t: TestApp;
let operator: Api;
let head: Api;
let registrar: Api;
let statistician: Api;
let townHead: Api;
let executor: Api;
let orgs: Record<string, number>;
let cardId: string;

const CALLER = '+77015550101';

before(async () => {
  t = await testApp();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  await t.createUser('town-head', 'AKM-BURABAY-SHCHUCHINSK', ['head'], 'Қала әкімінің орынбасары');
  operator = await t.as('operator');
  head = await t.as('head');
  registrar = await t.as('registrar');
  statistician = await t.as('statistician');
  townHead = await t.as('town-head');
  executor = await t.as('executor');
  // a live knowledge card (CC-07, CC-08): accepted on 16 February, live from 23 February
  const made = await head('POST', '/api/v1/contact-centre/knowledge-cards', {
    serviceKk: 'Жер учаскесін беру',
    serviceRu: 'Предоставление земельного участка',
    bylawKk: 'Мемлекеттік көрсетілетін қызмет қағидалары, № 123',
    bylawRu: 'Правила оказания государственной услуги, № 123',
    bylawApprovedOn: '2026-02-02',
    responsibleName: 'Әлиев Бауыржан',
    responsiblePosition: 'Жер қатынастары бөлімінің басшысы',
    providerName: 'Бурабай ауданының жер қатынастары бөлімі',
    answerKk: 'Өтінішті eGov порталы арқылы беріңіз.',
    answerRu: 'Подайте заявление через портал eGov.',
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  cardId = made.body.id;
  const steps = await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${cardId}`, { sentOn: '2026-02-05', trainedOn: '2026-02-12', protocolOn: '2026-02-16' });
  assert.equal(steps.status, 200, JSON.stringify(steps.body));
  assert.equal(steps.body.state, 'live');
});
after(() => t.close());

const open = async (body: Record<string, unknown> = { channel: 'phone', callerPhone: CALLER }) => {
  const r = await operator('POST', '/api/v1/contact-centre/contacts', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
};
const close = (id: string, body: Record<string, unknown>) => operator('POST', `/api/v1/contact-centre/contacts/${id}/close`, body);
const s1 = async (column: string) => {
  const r = (await statistician('GET', '/api/v1/reports/form1?year=2026&month=3')).body;
  const tb = r.sections.flatMap((s: { tables: unknown[] }) => s.tables).find((x: { id: string }) => x.id === 's1');
  return tb.rows[0].cells[tb.columns.findIndex((c: { key: string }) => c.key === column)] as number;
};
const complaint = {
  outcome: 'publicServiceComplaint',
  region: 'Ақмола облысы',
  applicantName: 'Сапарова Айгүл',
  nature: 'Қызмет көрсету мерзімі бұзылды',
  content: 'Анықтама 10 күн бойы берілмеді',
  measures: 'Жеткізушіге сұрау жіберілді',
  ticketNumber: 'T-2026-0042',
  bylawViolation: 'Стандарттың 8-тармағы',
  employeeActions: 'Маман жауап бермеді',
};

describe('contacts (EA-05)', () => {
  test('EA-05: opening a contact needs the operator role; the contract answers 201 {id}', async () => {
    assert.equal((await registrar('POST', '/api/v1/contact-centre/contacts', { channel: 'phone' })).status, 403);
    const bad = await operator('POST', '/api/v1/contact-centre/contacts', { channel: 'fax' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0].path, '/channel');
    const id = await open({ channel: 'chat', startedAt: '2026-03-18T09:55:00+05:00' });
    const row = await t.ctx.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'chat');
    assert.equal(row.operator_name, 'Ким Виктория Сергеевна');
    assert.equal(row.started_at.toISOString(), '2026-03-18T04:55:00.000Z');
  });

  test('EA-05, CC-03: a consultation from a live card counts the card’s use; a card not yet live is refused', async () => {
    const id = await open();
    const pending = await head('POST', '/api/v1/contact-centre/knowledge-cards', {
      serviceKk: 'Тұрғын үй кезегі',
      serviceRu: 'Очередь на жильё',
      bylawKk: 'Қағидалар',
      bylawRu: 'Правила',
      bylawApprovedOn: '2026-03-02',
      responsibleName: 'Б',
      responsiblePosition: 'Б',
      providerName: 'Тұрғын үй бөлімі',
      answerKk: 'Жауап',
      answerRu: 'Ответ',
    });
    const refused = await close(id, { outcome: 'consultation', knowledgeCardId: pending.body.id });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.fields[0].code, 'contact.cardNotLive');
    const ok = await close(id, { outcome: 'consultation', knowledgeCardId: cardId });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { outcome: 'consultation' });
    const again = await close(id, { outcome: 'consultation', knowledgeCardId: cardId });
    assert.equal(again.status, 409, 'exactly one outcome');
    const card = await operator('GET', `/api/v1/contact-centre/knowledge-cards/${cardId}`);
    assert.equal(card.body.usageCount, 1);
    const row = await t.ctx.db.selectFrom('contacts').select(['outcome', 'knowledge_card_id', 'closed_at', 'ended_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.outcome, 'consultation');
    assert.equal(row.knowledge_card_id, cardId);
    assert.ok(row.closed_at && row.ended_at);
  });

  test('EA-05, CC-14: a status answer by registration and talon numbers, or by IIN; wrong numbers are refused', async () => {
    const applicant = person();
    const a = await register(registrar, { applicant });
    const appeal = (await registrar('GET', `/api/v1/appeals/${a.id}`)).body;
    const id = await open();
    const wrong = await close(id, { outcome: 'statusAnswer', registrationNumber: appeal.registrationNumber, talonNumber: '000000000000' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.fields[0].code, 'contact.appealNotFound');
    const onlyOne = await close(id, { outcome: 'statusAnswer', registrationNumber: appeal.registrationNumber });
    assert.equal(onlyOne.body.error.fields[0].path, '/talonNumber');
    const ok = await close(id, { outcome: 'statusAnswer', registrationNumber: appeal.registrationNumber, talonNumber: appeal.talonNumber });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.appeals[0].id, a.id);
    assert.equal(ok.body.appeals[0].status, 'registered');
    assert.equal(ok.body.appeals[0].dueDate, a.dueDate);
    const byIin = await close(await open(), { outcome: 'statusAnswer', iin: applicant.iin });
    assert.equal(byIin.status, 200);
    assert.deepEqual(
      byIin.body.appeals.map((x: { id: string }) => x.id),
      [a.id],
    );
  });

  test('CC-25: a public-service complaint is stored with the Annex 2 fields, never becomes an appeal, never counts in 1-ТӨ', async () => {
    const appealsBefore = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM appeals`.execute(t.ctx.db)).rows[0]!.n);
    const receivedBefore = await s1('received');
    const id = await open();
    const r = await close(id, { ...complaint, providerId: orgs['AKM-LAND'] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.outcome, 'publicServiceComplaint');
    assert.equal(r.body.appeal, undefined);
    const stored = await t.ctx.db.selectFrom('public_service_complaints').selectAll().where('id', '=', r.body.complaintId).executeTakeFirstOrThrow();
    assert.equal(stored.contact_id, id);
    assert.equal(stored.ticket_number, 'T-2026-0042');
    assert.equal(stored.responsible_name, 'Ким Виктория Сергеевна');
    const contact = await t.ctx.db.selectFrom('contacts').select(['appeal_id', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(contact.appeal_id, null);
    assert.equal(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM appeals`.execute(t.ctx.db)).rows[0]!.n), appealsBefore);
    assert.equal(await s1('received'), receivedBefore);
    // the Annex 2 fields are required
    const missing = await close(await open(), { outcome: 'publicServiceComplaint', region: 'Ақмола облысы' });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.error.fields.some((f: { path: string }) => f.path === '/applicantName'));
  });

  test('EA-05, CC-26: an appeal from a contact is registered for the competent organization, channel contact centre, oral, the talon by SMS; it reaches that organization’s routing queue and counts in 1-ТӨ', async () => {
    const contactCentreBefore = await s1('channel.contactCentre');
    const id = await open({ channel: 'phone', callerPhone: CALLER });
    const applicant = { kind: 'individual', lastName: 'Жұмабаев', firstName: 'Ерлан' };
    const r = await close(id, {
      outcome: 'appeal',
      organizationId: orgs['AKM-BURABAY-SHCHUCHINSK'],
      appeal: {
        documentType: 'application',
        form: 'paper',
        channel: 'post',
        language: 'kk',
        summary: 'Көше жарығы жоқ',
        protocolText: 'Қоңырау шалушы көше жарығының жоқтығын хабарлады.',
        issueCategory: 'landscaping',
        applicant,
      },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { appeal } = r.body;
    assert.match(appeal.registrationNumber, /^ЖТ-2026-/);
    assert.match(appeal.talonNumber, /^260318/);
    const card = (await townHead('GET', `/api/v1/appeals/${appeal.id}`)).body;
    assert.equal(card.channel, 'contactCentre');
    assert.equal(card.form, 'oral');
    assert.equal(card.organizationId ?? card.organization.id, orgs['AKM-BURABAY-SHCHUCHINSK']);
    const sms = await t.ctx.db.selectFrom('outbox').select(['channel', 'recipient', 'body']).where('appeal_id', '=', appeal.id).execute();
    assert.equal(sms.length, 1);
    assert.equal(sms[0]!.channel, 'sms');
    assert.equal(sms[0]!.recipient, CALLER);
    assert.ok(sms[0]!.body.includes(appeal.talonNumber), sms[0]!.body);
    const routing = (await townHead('GET', '/api/v1/queues/awaitingRouting?limit=100')).body.items.map((i: { id: string }) => i.id);
    assert.ok(routing.includes(appeal.id), 'in the competent organization’s routing queue');
    assert.equal(await s1('channel.contactCentre'), contactCentreBefore + 1);
    const contact = await t.ctx.db.selectFrom('contacts').select(['appeal_id', 'concerns_organization_id']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(contact.appeal_id, appeal.id);
    assert.equal(contact.concerns_organization_id, orgs['AKM-BURABAY-SHCHUCHINSK']);
    // the registration's own checks still apply (an oral appeal has its protocol), and nothing is kept of a refused one
    const refusedId = await open();
    const refused = await close(refusedId, { outcome: 'appeal', organizationId: orgs['AKM-BURABAY'], appeal: { documentType: 'application', form: 'oral', channel: 'post', language: 'kk', summary: 'Жол', applicant } });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.fields[0].path, '/protocolText');
    assert.equal((await t.ctx.db.selectFrom('contacts').select('outcome').where('id', '=', refusedId).executeTakeFirstOrThrow()).outcome, null);
    // outside the operator's territory: refused
    const elsewhere = await close(refusedId, {
      outcome: 'appeal',
      organizationId: orgs['AKM-ZERENDI'],
      appeal: { documentType: 'application', form: 'oral', channel: 'post', language: 'kk', summary: 'Жол', protocolText: 'П', applicant },
    });
    assert.equal(elsewhere.status, 403);
  });

  test('EA-05: the caller’s earlier contacts and appeals show when the contact opens; the look-up is audited', async () => {
    const earlier = await register(registrar, { applicant: { ...person(), phone: '8 701 555 0101' } });
    const id = await open();
    const r = await operator('GET', `/api/v1/contact-centre/contacts/${id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.callerPhone, CALLER);
    assert.ok(
      r.body.history.appeals.some((a: { id: string }) => a.id === earlier.id),
      'the same number written otherwise',
    );
    assert.ok(r.body.history.contacts.length >= 3);
    assert.ok(r.body.history.contacts.some((c: { outcome: string }) => c.outcome === 'publicServiceComplaint'));
    assert.ok(!r.body.history.contacts.some((c: { id: string }) => c.id === id));
    const audit = await t.ctx.db.selectFrom('events').select('changes').where('kind', '=', 'callerHistoryViewed').execute();
    assert.ok(audit.some((e) => (e.changes as { contactId: string }).contactId === id));
    assert.equal((await executor('GET', `/api/v1/contact-centre/contacts/${id}`)).status, 403);
  });

  test('the competent organization is suggested from the issue category and the caller’s territory', async () => {
    const q = (category: string, territory: string) => operator('GET', `/api/v1/contact-centre/competent-organization?issueCategory=${category}&territory=${orgs[territory]}`);
    assert.equal((await q('landscaping', 'AKM-BURABAY-ZLATOPOL')).body.code, 'AKM-BURABAY-ZLATOPOL');
    assert.equal((await q('housingProvision', 'AKM-BURABAY-ZLATOPOL')).body.code, 'AKM-BURABAY');
    assert.equal((await q('medicalCare', 'AKM-BURABAY-ZLATOPOL')).body.code, 'AKM-AKIMAT');
    const unknown = await q('nonsense', 'AKM-BURABAY');
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.fields[0].path, '/issueCategory');
  });
});

describe('the Annex 2 report (CC-16, CC-17)', () => {
  test('CC-17: the columns in order; the rows equal an SQL recount, all and per provider; CC-16: due on the 5th of the next month', async () => {
    // one more complaint of another provider, and one in February that March leaves out
    await close(await open(), { ...complaint, applicantName: 'Омарова Дана', providerId: orgs['AKM-EMPLOYMENT'] });
    t.setNow('2026-02-27T12:00:00+05:00');
    await close(await open({ channel: 'web', callerAddress: 'a@example.kz' }), { ...complaint, applicantName: 'Ақпан', ticketNumber: undefined });
    t.setNow('2026-03-18T10:00:00+05:00');
    const r = await head('GET', '/api/v1/contact-centre/reports/annex2?month=2026-03');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.columns.map((c: { n: number }) => c.n),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.deepEqual(r.body.columns[5].title.ru, 'Характер заявления');
    const recount = await sql<{ applicant_name: string; ticket_number: string | null }>`
      SELECT p.applicant_name, p.ticket_number FROM public_service_complaints p
      WHERE p.received_at >= '2026-03-01T00:00:00+05:00' AND p.received_at < '2026-04-01T00:00:00+05:00'
      ORDER BY p.received_at, p.id`.execute(t.ctx.db);
    assert.ok(recount.rows.length >= 2);
    assert.deepEqual(
      r.body.rows.map((x: { applicant: string }) => x.applicant),
      recount.rows.map((x) => x.applicant_name),
    );
    assert.deepEqual(
      r.body.rows.map((x: { number: number }) => x.number),
      recount.rows.map((_, i) => i + 1),
    );
    assert.equal(r.body.rows[0].measures, 'Жеткізушіге сұрау жіберілді; № T-2026-0042');
    assert.equal(r.body.dueOn, '2026-04-05');
    assert.equal(r.body.dueOnWorkingDay, false, '5 April 2026 is a Sunday: the date stands, flagged');
    assert.equal(r.body.pastDue, false);
    const land = await head('GET', `/api/v1/contact-centre/reports/annex2?month=2026-03&provider=${orgs['AKM-EMPLOYMENT']}`);
    const byProvider = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM public_service_complaints
      WHERE provider_id = ${orgs['AKM-EMPLOYMENT']} AND received_at >= '2026-03-01T00:00:00+05:00' AND received_at < '2026-04-01T00:00:00+05:00'`.execute(t.ctx.db);
    assert.equal(land.body.rows.length, byProvider.rows[0]!.n);
    assert.equal(land.body.rows[0].applicant, 'Омарова Дана');
    assert.equal(land.body.provider.code, 'AKM-EMPLOYMENT');
    const feb = await head('GET', '/api/v1/contact-centre/reports/annex2?month=2026-02');
    assert.deepEqual(
      feb.body.rows.map((x: { applicant: string }) => x.applicant),
      ['Ақпан'],
    );
    assert.equal(feb.body.dueOn, '2026-03-05');
    assert.equal(feb.body.pastDue, true);
    assert.equal((await head('GET', '/api/v1/contact-centre/reports/annex2?month=2026-13')).status, 400);
    assert.equal((await executor('GET', '/api/v1/contact-centre/reports/annex2?month=2026-03')).status, 403);
  });

  test('CC-17: the XLSX and PDF carry the columns in order and the rows', async () => {
    const xlsx = await head('GET', '/api/v1/contact-centre/reports/annex2.xlsx?month=2026-03');
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.deepEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => ws.getCell(4, c).value),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.match(String(ws.getCell(3, 6).value), /Характер заявления/);
    assert.deepEqual([ws.getCell(5, 5).value, ws.getCell(6, 5).value].sort(), ['Омарова Дана', 'Сапарова Айгүл']);
    const pdf = await head('GET', '/api/v1/contact-centre/reports/annex2.pdf?month=2026-03');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = await extractPdfText(pdf.raw);
    assert.ok(text.includes('Омарова Дана'), text.slice(0, 500));
  });
});

describe('the centre’s monthly figures', () => {
  test('EA-05: contacts by channel and outcome, calls answered within 20 s, handling time, first-contact resolution, appeals, complaints and top cards equal an SQL recount', async () => {
    // two calls from the telephone system: one answered in 15 s, one in 40 s
    const call = async (callId: string, answerAfter: number) => {
      t.setNow('2026-03-19T11:00:00+05:00');
      const id = await open({ channel: 'phone', callerPhone: '+77019990000' });
      await t.ctx.db
        .updateTable('contacts')
        .set({ call_id: callId, answered_at: new Date(Date.parse('2026-03-19T06:00:00Z') + answerAfter * 1000), ended_at: new Date('2026-03-19T06:05:00Z') })
        .where('id', '=', id)
        .execute();
      return id;
    };
    await close(await call('fig-1', 15), { outcome: 'consultation', knowledgeCardId: cardId });
    await call('fig-2', 40);
    t.setNow('2026-03-18T10:00:00+05:00');
    const r = await head('GET', '/api/v1/contact-centre/reports/figures?month=2026-03');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const q = async (where: string) =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM contacts WHERE started_at >= '2026-03-01T00:00:00+05:00' AND started_at < '2026-04-01T00:00:00+05:00' AND ${sql.raw(where)}`.execute(t.ctx.db)).rows[0]!.n,
      );
    assert.equal(r.body.contacts, await q('true'));
    assert.equal(r.body.byChannel.phone, await q(`channel = 'phone'`));
    assert.equal(r.body.byOutcome.publicServiceComplaint, await q(`outcome = 'publicServiceComplaint'`));
    assert.equal(r.body.byOutcome.open ?? 0, await q('outcome IS NULL'));
    assert.equal(r.body.calls, await q('call_id IS NOT NULL'));
    assert.equal(r.body.answeredInTime, await q(`call_id IS NOT NULL AND answered_at - started_at <= interval '20 seconds'`));
    assert.equal(r.body.answeredInTime, 1);
    assert.equal(r.body.appealsRegistered, await q(`outcome = 'appeal'`));
    assert.equal(r.body.publicServiceComplaints, await q(`outcome = 'publicServiceComplaint'`));
    const handling = await sql<{
      s: number;
    }>`SELECT round(avg(extract(epoch FROM ended_at - coalesce(answered_at, started_at))))::int AS s FROM contacts WHERE ended_at IS NOT NULL AND started_at >= '2026-03-01T00:00:00+05:00' AND started_at < '2026-04-01T00:00:00+05:00'`.execute(
      t.ctx.db,
    );
    assert.equal(r.body.averageHandlingSeconds, handling.rows[0]!.s);
    const repeatCount = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM contacts c
      WHERE c.outcome IS NOT NULL AND c.started_at >= '2026-03-01T00:00:00+05:00' AND c.started_at < '2026-04-01T00:00:00+05:00'
        AND NOT EXISTS (SELECT 1 FROM contacts o WHERE o.id <> c.id AND o.started_at > c.started_at AND o.started_at <= c.started_at + interval '7 days'
          AND coalesce(nullif(right(regexp_replace(o.caller_phone, '[^0-9]', '', 'g'), 10), ''), lower(o.caller_address)) = coalesce(nullif(right(regexp_replace(c.caller_phone, '[^0-9]', '', 'g'), 10), ''), lower(c.caller_address)))`.execute(
      t.ctx.db,
    );
    assert.deepEqual(r.body.firstContactResolution, { resolved: repeatCount.rows[0]!.n, closed: await q('outcome IS NOT NULL') });
    assert.equal(r.body.topCards[0].knowledgeCardId, cardId);
    assert.equal(r.body.topCards[0].uses, await q(`outcome = 'consultation' AND knowledge_card_id = '${cardId}'`));
    assert.equal(r.body.topCards[0].serviceRu, 'Предоставление земельного участка');
    assert.equal((await operator('GET', '/api/v1/contact-centre/reports/figures?month=2026-03')).status, 403);
  });
});
