// Personal reception over real HTTP on a fresh database (PGlite, or the server of DATABASE_URL),
// the clock fixed: schedules, video rules, the public schedule, compliance, sign-up terms on the
// shipped calendar (Nauryz 23–25 Mar 2026), the live queue, cancellation and the protocol.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type Api, type TestApp } from '../../test/support.ts';
import { person } from '../../test/accounting.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { signDetached, verifyDetached } from '../letters/cms.ts';

let t: TestApp;
let reception: Api;
let receptionZerendi: Api;
let head: Api;
let controller: Api;
let anonymous: Api;
let orgs: Record<string, number>;
let akim: { id: string };
let unitHead: { id: string };
let zerendiOfficial: { id: string };
let session: { id: string };
let laterSession: { id: string };

const official = (api: Api, body: Record<string, unknown>) => api('POST', '/api/v1/reception/officials', { positionKk: 'Лауазымы', positionRu: 'Должность', ...body });
const plan = (api: Api, body: Record<string, unknown>) => api('POST', '/api/v1/reception/sessions', { place: 'Щучинск, Абылай хан к-сі, 34, 105 каб.', format: 'inPerson', occasion: 'scheduled', ...body });
const at = (date: string, time: string) => `${date}T${time}:00+05:00`;
const signUp = (api: Api, reception: Record<string, unknown>, applicant: Record<string, unknown> = { ...person('Жұмабаев', 'Ерлан'), email: 'erlan@example.kz' }) =>
  api('POST', '/api/v1/reception/sign-ups', {
    registration: { documentType: 'application', form: 'paper', channel: 'inPerson', language: 'kk', summary: 'Әкімнің қабылдауына жазылу', text: 'Жер телімі мәселесі бойынша', applicant },
    reception: { question: 'Жер телімін ресімдеу', ...reception },
  });
const obligationsOf = async (appealId: string, state: 'open' | 'violated' = 'open') =>
  ((await reception('GET', `/api/v1/terms/obligations?state=${state}`)).body.items as { appealId: string; kind: string; dueDate: string; metOn: string | null }[]).filter((o) => o.appealId === appealId);
const outbox = (appealId: string) => t.ctx.db.selectFrom('outbox').select(['kind', 'channel', 'body']).where('appeal_id', '=', appealId).orderBy('id').execute();

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  await t.createUser('reception-zerendi', 'AKM-ZERENDI', ['reception'], 'Зеренді қабылдау бөлмесі');
  reception = await t.as('reception');
  receptionZerendi = await t.as('reception-zerendi');
  head = await t.as('head');
  controller = await t.as('controller');
  anonymous = async (method, path, body, headers) => {
    const res = await fetch(t.url + path, { method, headers: { 'accept-language': 'kk', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const raw = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, raw, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw.toString()) : raw };
  };
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
});
after(() => t.close());

describe('officials and sessions', () => {
  test('PR-02: officials of the six kinds; reception staff see only their organizations (scope)', async () => {
    const a = await official(reception, { fullName: 'Әкімов Серік Болатұлы', positionKk: 'Бурабай ауданының әкімі', positionRu: 'Аким Бурабайского района', kind: 'akim', phone: '+77163640000' });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    akim = a.body;
    unitHead = (await official(reception, { fullName: 'Бөлімов Арман', kind: 'unitHead' })).body;
    const z = await official(receptionZerendi, { fullName: 'Зерендиев Нұрлан', kind: 'akim' });
    assert.equal(z.status, 201);
    zerendiOfficial = z.body;
    assert.equal((await official(reception, { fullName: 'X', kind: 'minister' })).status, 400, 'not one of the six kinds');
    assert.equal((await official(reception, { fullName: 'X', kind: 'akim', organizationId: orgs['AKM-ZERENDI'] })).status, 403, 'another district');
    assert.equal((await official(head, { fullName: 'X', kind: 'akim' })).status, 403, 'the role reception keeps the officials');
    const mine = (await reception('GET', '/api/v1/reception/officials')).body.items.map((o: { id: string }) => o.id);
    assert.deepEqual(mine.sort(), [akim.id, unitHead.id].sort());
    const theirs = (await receptionZerendi('GET', '/api/v1/reception/officials')).body.items.map((o: { id: string }) => o.id);
    assert.deepEqual(theirs, [zerendiOfficial.id]);
    assert.equal((await plan(receptionZerendi, { officialId: akim.id, startsAt: at('2026-04-14', '10:00'), endsAt: at('2026-04-14', '13:00') })).status, 403);
  });

  test('PR-14, PR-18, CD-15: the occasion; off-schedule needs its instruction, visiting its settlement', async () => {
    const s = await plan(reception, { officialId: akim.id, startsAt: at('2026-04-14', '10:00'), endsAt: at('2026-04-14', '13:00') });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    assert.equal(s.body.date, '2026-04-14');
    assert.equal(s.body.occasion, 'scheduled');
    session = s.body;
    const off = await plan(reception, { officialId: akim.id, occasion: 'offSchedule', startsAt: at('2026-04-20', '10:00'), endsAt: at('2026-04-20', '12:00') });
    assert.equal(off.status, 422);
    assert.deepEqual(
      off.body.error.fields.map((f: { path: string; code: string }) => f.code),
      ['reception.offScheduleNeedsInstruction', 'reception.offScheduleNeedsInstruction'],
    );
    const offOk = await plan(reception, {
      officialId: akim.id,
      occasion: 'offSchedule',
      instructionIssuer: 'Облыс әкімі',
      instructionDate: '2026-03-17',
      startsAt: at('2026-04-20', '10:00'),
      endsAt: at('2026-04-20', '12:00'),
    });
    assert.equal(offOk.status, 201);
    assert.equal(offOk.body.instructionIssuer, 'Облыс әкімі');
    laterSession = offOk.body;
    assert.equal(
      (await plan(reception, { officialId: akim.id, occasion: 'visiting', startsAt: at('2026-04-21', '10:00'), endsAt: at('2026-04-21', '12:00') })).body.error.fields[0].code,
      'reception.visitingNeedsSettlement',
    );
    assert.equal((await plan(reception, { officialId: akim.id, startsAt: at('2026-04-21', '12:00'), endsAt: at('2026-04-21', '10:00') })).status, 422);
  });

  test('PR-22, PR-23: video only for kinds 1–2, with the configured link; under a restrictive regime video only, for everyone', async () => {
    const refused = await plan(reception, { officialId: unitHead.id, format: 'video', startsAt: at('2026-04-15', '10:00'), endsAt: at('2026-04-15', '12:00') });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.fields[0].code, 'reception.videoNotForKind');
    await t.ctx.db
      .insertInto('settings')
      .values({ key: 'receptionVideoUrlTemplate', value: JSON.stringify('https://vc.gov.kz/room/{session}') })
      .execute();
    const video = await plan(reception, { officialId: akim.id, format: 'video', startsAt: at('2026-04-16', '15:00'), endsAt: at('2026-04-16', '17:00') });
    assert.equal(video.status, 201);
    assert.equal(video.body.videoUrl, `https://vc.gov.kz/room/${video.body.id}`);
    const r = await reception('POST', '/api/v1/reception/restrictions', { startsOn: '2026-05-04', endsOn: '2026-05-08', reason: 'Карантин' });
    assert.equal(r.status, 201);
    const inPerson = await plan(reception, { officialId: akim.id, startsAt: at('2026-05-05', '10:00'), endsAt: at('2026-05-05', '12:00') });
    assert.equal(inPerson.body.error.fields[0].code, 'reception.restrictiveRegimeVideoOnly');
    const unitVideo = await plan(reception, { officialId: unitHead.id, format: 'video', startsAt: at('2026-05-05', '10:00'), endsAt: at('2026-05-05', '12:00') });
    assert.equal(unitVideo.status, 201, 'the regime forces video for every kind');
  });

  test('PR-16: the head approves the month once; the schedule shows the approval', async () => {
    assert.equal((await reception('POST', '/api/v1/reception/schedule/approval', { month: '2026-04' })).status, 403);
    // The signature is verified over the text the head is shown, not taken on trust.
    assert.equal((await head('POST', '/api/v1/reception/schedule/approval', { month: '2026-04', signature: 'MIIB' })).status, 422);
    const text = (await head('GET', '/api/v1/reception/schedule/approval-text?month=2026-04')).body.text as string;
    assert.match(text, /^AKM-BURABAY .+\n2026-04\n/);
    assert.ok(text.includes(session.id) === false && text.includes('Щучинск'), 'the sessions as listed, no internal ids');
    const p12 = (await head('GET', '/api/v1/me/demo-key.p12')).raw as Buffer;
    const otherText = await signDetached(Buffer.from(`${text}\nand one more line`, 'utf8'), p12, 'demo', t.ctx.clock.now());
    assert.equal((await head('POST', '/api/v1/reception/schedule/approval', { month: '2026-04', signature: Buffer.from(otherText).toString('base64') })).status, 422);
    assert.equal(await t.ctx.db.selectFrom('reception_schedules').select('month').where('month', '=', '2026-04').executeTakeFirst(), undefined, 'a refused signature approves nothing');
    const cms = await signDetached(Buffer.from(text, 'utf8'), p12, 'demo', t.ctx.clock.now());
    const ok = await head('POST', '/api/v1/reception/schedule/approval', { month: '2026-04', signature: Buffer.from(cms).toString('base64') });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.signed, true);
    const stored = await t.ctx.db.selectFrom('reception_schedules').select(['signature', 'signed_text']).where('month', '=', '2026-04').executeTakeFirstOrThrow();
    assert.equal(stored.signed_text, text);
    const roots = (await t.ctx.db.selectFrom('trusted_certificates').select('pem').execute()).map((r) => r.pem);
    assert.equal((await verifyDetached(Buffer.from(text, 'utf8'), Buffer.from(stored.signature!, 'base64'), roots, t.ctx.clock.now())).valid, true, 'anyone can check it again later');
    assert.equal((await head('POST', '/api/v1/reception/schedule/approval', { month: '2026-04' })).status, 409);
    const s = await reception('GET', '/api/v1/reception/schedule?month=2026-04');
    assert.equal(s.status, 200);
    assert.equal(s.body.approval.approvedBy, 'Қасымов Нұрлан Жақсылықұлы');
    assert.ok(s.body.items.some((i: { id: string }) => i.id === session.id));
  });

  test('PR-16, PR-17: the printable poster: approval block, the Annex title, its six columns in order, kk and ru, without sign-in', async () => {
    const res = await anonymous('GET', `/api/v1/public/reception/schedule/poster.pdf?organization=${orgs['AKM-BURABAY']}&month=2026-04`);
    assert.equal(res.status, 200, res.raw.toString());
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const text = (await extractPdfText(res.raw)).replace(/\s+/g, ' ');
    for (const s of [
      'Бекітемін / Утверждаю',
      'Қасымов Нұрлан Жақсылықұлы',
      'ЭЦҚ-мен қол қойылған',
      'Мемлекеттік органдар басшылығының азаматтарды қабылдау кестесі',
      'График приема граждан руководством государственных органов',
      'Әкімов Серік Болатұлы',
      '14.04.2026 10:00–13:00',
    ]) {
      assert.ok(text.includes(s), `${s} in ${text}`);
    }
    const columns = ['1. Мемлекеттік органның атауы', '2. Қабылдауды жүргізетін', '3. Лауазымы', '4. Қабылдау күні', '5. Мемлекеттік органның немесе', '6. Байланыс телефоны'].map((c) => text.indexOf(c));
    assert.ok(
      columns.every((i, k) => i >= 0 && (k === 0 || i > columns[k - 1]!)),
      `the columns in order: ${columns}`,
    );
    const unapproved = await anonymous('GET', `/api/v1/public/reception/schedule/poster.pdf?organization=${orgs['AKM-BURABAY']}&month=2026-05`);
    assert.match((await extractPdfText(unapproved.raw)).replace(/\s+/g, ' '), /Бекітілмеген \/ Не утвержден/);
  });

  test('PR-17, PR-32: the public schedule without sign-in, names in Kazakh or Russian, nothing personal', async () => {
    const kk = await anonymous('GET', `/api/v1/public/reception/schedule?organization=${orgs['AKM-BURABAY']}&from=2026-04-01&to=2026-04-30`);
    assert.equal(kk.status, 200, JSON.stringify(kk.body));
    const item = kk.body.items.find((i: { id: string }) => i.id === session.id);
    assert.deepEqual(item.organization, { id: orgs['AKM-BURABAY'], name: 'Бурабай ауданының әкімдігі' });
    assert.deepEqual(item.official, { name: 'Әкімов Серік Болатұлы', position: 'Бурабай ауданының әкімі', kind: 'akim' });
    assert.equal(item.startsAt, '2026-04-14T05:00:00.000Z');
    assert.equal(item.format, 'inPerson');
    assert.equal(item.phone, '+77163640000');
    assert.equal(item.approved, true);
    assert.deepEqual(Object.keys(item).sort(), ['approved', 'email', 'endsAt', 'format', 'id', 'occasion', 'official', 'organization', 'phone', 'place', 'startsAt'].sort());
    assert.ok(!kk.body.items.some((i: { organization: { id: number } }) => i.organization.id === orgs['AKM-ZERENDI']), 'only the organization asked for');
    const ru = await anonymous('GET', `/api/v1/public/reception/schedule?organization=${orgs['AKM-BURABAY']}&from=2026-04-01&to=2026-04-30`, undefined, { 'accept-language': 'ru' });
    const itemRu = ru.body.items.find((i: { id: string }) => i.id === session.id);
    assert.equal(itemRu.organization.name, 'Акимат Бурабайского района');
    assert.equal(itemRu.official.position, 'Аким Бурабайского района');
    assert.equal((await anonymous('GET', '/api/v1/reception/officials')).status, 401, 'the staff routes need a sign-in');
  });

  test('PR-13, CD-17: officials with no session in a month, per organization; the control department sees the districts', async () => {
    const mine = await reception('GET', '/api/v1/reception/compliance?month=2026-04');
    assert.equal(mine.status, 200);
    assert.deepEqual(
      mine.body.missing.map((o: { id: string }) => o.id),
      [unitHead.id],
      'the akim has sessions in April, the unit head only in May',
    );
    const march = await reception('GET', '/api/v1/reception/compliance?month=2026-03');
    assert.deepEqual(march.body.missing.map((o: { id: string }) => o.id).sort(), [akim.id, unitHead.id].sort());
    const oblast = await controller('GET', '/api/v1/reception/compliance?month=2026-04');
    assert.equal(oblast.status, 200);
    assert.deepEqual(oblast.body.missing.map((o: { id: string }) => o.id).sort(), [unitHead.id, zerendiOfficial.id].sort());
    const byOrg = Object.fromEntries(oblast.body.organizations.map((o: { organizationId: number; officials: number; withoutSession: number }) => [o.organizationId, [o.officials, o.withoutSession]]));
    assert.deepEqual(byOrg[orgs['AKM-BURABAY']!], [2, 1]);
    assert.deepEqual(byOrg[orgs['AKM-ZERENDI']!], [1, 1]);
    assert.equal((await receptionZerendi('GET', '/api/v1/reception/compliance?month=2026-04')).body.organizations.length, 1);
  });
});

describe('sign-up appeals', () => {
  let signed: { id: string; registrationNumber: string };

  test('PR-06, PR-36: a sign-up is an appeal registered the day it is received, due in 15 WD on the shipped calendar (Nauryz skipped)', async () => {
    const res = await signUp(reception, { officialId: akim.id });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.registrationNumber, /^ЖТ-2026-\d{8}$/);
    assert.equal(res.body.registrationDate, '2026-03-18');
    // Wed 18 Mar is day 1; 23–25 Mar are Nauryz: the 15th working day is Fri 10 Apr
    assert.equal(res.body.dueDate, '2026-04-10');
    assert.equal(res.body.subKind, 'receptionSignUp');
    signed = res.body;
    const open = await obligationsOf(signed.id);
    assert.deepEqual(
      open.map((o) => [o.kind, o.dueDate]),
      [['receptionAnswer', '2026-04-10']],
    );
    const byRegistrar = await signUp(await t.as('registrar'), { question: 'Мектеп' });
    assert.equal(byRegistrar.status, 201, 'registered from every channel by any registering role');
    assert.equal((await signUp(reception, { officialId: zerendiOfficial.id })).status, 422, "another district's official");
    assert.equal((await signUp(reception, { question: '' })).status, 400);
    const byEmail = await reception('POST', '/api/v1/reception/sign-ups', {
      registration: { documentType: 'application', form: 'electronic', channel: 'complaintBox', language: 'kk', summary: 'Жазылу', applicant: person() },
      reception: { question: 'Жол' },
    });
    assert.equal(byEmail.status, 422, 'PR-05: not a channel of sign-ups');
    assert.equal(byEmail.body.error.fields[0].code, 'reception.signUpChannel');
    const complaint = await reception('POST', '/api/v1/reception/sign-ups', {
      registration: { documentType: 'complaint', form: 'paper', channel: 'post', language: 'kk', summary: 'Жазылу', applicant: person() },
      reception: { question: 'Жол' },
    });
    assert.equal(complaint.body.error.fields[0].code, 'reception.signUpIsApplication');
  });

  test('PR-04: with the applicant’s consent a unit head receives the same day: a session today, the answer given at once', async () => {
    const res = await signUp(reception, { sameDay: { officialId: unitHead.id, place: '12 каб.' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const today = (await reception('GET', '/api/v1/reception/sessions?from=2026-03-18&to=2026-03-18')).body.items;
    assert.equal(today.length, 1);
    assert.deepEqual([today[0].occasion, today[0].officialId, today[0].startsAt, today[0].endsAt], ['sameDay', unitHead.id, '2026-03-18T05:00:00.000Z', '2026-03-18T13:30:00.000Z']);
    assert.deepEqual(
      (await reception('GET', `/api/v1/reception/sessions/${today[0].id}/sign-ups`)).body.items.map((u: { appealId: string }) => u.appealId),
      [res.body.id],
    );
    assert.deepEqual(await obligationsOf(res.body.id), [], 'the answer given at once');
    assert.ok((await outbox(res.body.id)).some((m) => m.kind === 'receptionScheduled'));
    const akimToday = await signUp(reception, { sameDay: { officialId: akim.id, place: '1 каб.' } });
    assert.equal(akimToday.status, 422);
    assert.equal(akimToday.body.error.fields[0].code, 'reception.sameDayKind');
    t.setNow('2026-03-18T19:00:00+05:00');
    try {
      const late = await signUp(reception, { sameDay: { officialId: unitHead.id, place: '12 каб.' } });
      assert.equal(late.status, 422, 'after hours it is registered the next working day');
      assert.equal(late.body.error.fields[0].code, 'reception.sameDayOver');
    } finally {
      t.setNow('2026-03-18T10:00:00+05:00');
    }
  });

  test('PR-35, PR-36, PR-33: a session given: the applicant told the date and time, the answer met, the reference note due 5 WD before', async () => {
    const res = await reception('POST', `/api/v1/reception/sign-ups/${signed.id}/session`, { sessionId: session.id });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { date: '2026-04-14', time: '10:00', videoUrl: null });
    const messages = (await outbox(signed.id)).filter((m) => m.kind === 'receptionScheduled');
    assert.equal(messages.length, 2, 'e-mail and SMS');
    assert.match(messages[0]!.body, /14\.04\.2026 10:00/);
    const open = await obligationsOf(signed.id);
    // Tue 14 Apr − 5 WD = Tue 7 Apr
    assert.deepEqual(
      open.map((o) => [o.kind, o.dueDate]),
      [['receptionReferenceNote', '2026-04-07']],
    );
    const list = await reception('GET', `/api/v1/reception/sessions/${session.id}/sign-ups`);
    assert.deepEqual(
      list.body.items.map((u: { appealId: string }) => u.appealId),
      [signed.id],
    );
    const note = await reception('POST', `/api/v1/reception/sign-ups/${signed.id}/reference-note`, { proposal: 'date', text: 'Қабылдау күнін ұсынамыз' });
    assert.equal(note.status, 204);
    assert.deepEqual(await obligationsOf(signed.id), []);
  });

  test('PR-22: a video session needs the applicant’s consent', async () => {
    const video = (await reception('GET', '/api/v1/reception/sessions?from=2026-04-16&to=2026-04-16')).body.items.find((s: { format: string }) => s.format === 'video');
    const noConsent = (await signUp(reception, {})).body;
    const refused = await reception('POST', `/api/v1/reception/sign-ups/${noConsent.id}/session`, { sessionId: video.id });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.fields[0].code, 'reception.videoConsentMissing');
    const consent = (await signUp(reception, { videoConsent: true })).body;
    const given = await reception('POST', `/api/v1/reception/sign-ups/${consent.id}/session`, { sessionId: video.id });
    assert.equal(given.status, 200);
    assert.equal(given.body.videoUrl, `https://vc.gov.kz/room/${video.id}`);
    assert.ok(
      (await outbox(consent.id)).some((m) => m.kind === 'receptionScheduled' && m.body.includes(video.id)),
      'the link sent to the applicant',
    );
  });

  test('PR-37, PR-38: extension by letter to 30 CD, by the head’s decision to 2 months from registration; the applicant told', async () => {
    const a = (await signUp(reception, {})).body;
    const tooFar = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/extension`, { by: 'letter', until: '2026-04-18', reason: 'Күрделі мәселе' });
    assert.equal(tooFar.status, 422);
    assert.equal(tooFar.body.error.fields[0].code, 'reception.extensionBeyondLimit');
    const letter = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/extension`, { by: 'letter', until: '2026-04-17', reason: 'Күрделі мәселе' });
    assert.equal(letter.status, 200, JSON.stringify(letter.body));
    assert.equal(letter.body.dueDate, '2026-04-17');
    assert.deepEqual(
      (await obligationsOf(a.id)).map((o) => [o.kind, o.dueDate]),
      [['receptionAnswer', '2026-04-17']],
    );
    assert.ok((await outbox(a.id)).some((m) => m.kind === 'extended'));
    assert.equal((await reception('POST', `/api/v1/reception/sign-ups/${a.id}/extension`, { by: 'decision', until: '2026-05-18', reason: 'Мән-жайды анықтау' })).status, 403);
    assert.equal((await head('POST', `/api/v1/reception/sign-ups/${a.id}/extension`, { by: 'decision', until: '2026-05-19', reason: 'Мән-жайды анықтау' })).status, 422);
    const decision = await head('POST', `/api/v1/reception/sign-ups/${a.id}/extension`, { by: 'decision', until: '2026-05-18', reason: 'Мән-жайды анықтау' });
    assert.equal(decision.status, 200);
    assert.equal(decision.body.dueDate, '2026-05-18');
  });

  test('PR-36: an answer not given in 15 WD is listed among the violated obligations', async () => {
    const a = (await signUp(reception, {})).body;
    t.setNow('2026-04-13T10:00:00+05:00');
    try {
      const violated = await obligationsOf(a.id, 'violated');
      assert.deepEqual(
        violated.map((o) => [o.kind, o.dueDate]),
        [['receptionAnswer', '2026-04-10']],
      );
    } finally {
      t.setNow('2026-03-18T10:00:00+05:00');
    }
  });
});

describe('the reception day', () => {
  let day: { id: string };
  const arrive = (name: string, time: string, extra: Record<string, unknown> = {}) => reception('POST', `/api/v1/reception/sessions/${day.id}/queue`, { name, arrivedAt: at('2026-03-20', time), ...extra });

  before(async () => {
    day = (await plan(reception, { officialId: akim.id, startsAt: at('2026-03-20', '09:00'), endsAt: at('2026-03-20', '13:00') })).body;
  });

  test('PR-21: every out-of-turn entry before every ordinary one, each class by arrival, arrivals interleaved', async () => {
    const a = await arrive('Ахметов А.', '09:02');
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.position, 1);
    const b = await arrive('Бекова Б.', '09:05', { outOfTurn: 'veteranCombat', evidence: 'Ардагер куәлігі №123' });
    assert.equal(b.body.position, 1, 'out of turn: ahead of the ordinary one who came earlier');
    await arrive('Сейітов С.', '09:01');
    await arrive('Дәулетова Д.', '09:10', { outOfTurn: 'disability' });
    await arrive('Ержанов Е.', '09:00');
    const f = await arrive('Фатимова Ф.', '09:06', { outOfTurn: 'pregnant' });
    assert.equal(f.body.position, 2, 'after the out-of-turn one who came before her, ahead of every ordinary one');
    const q = await reception('GET', `/api/v1/reception/sessions/${day.id}/queue`);
    assert.equal(q.status, 200);
    assert.deepEqual(
      q.body.items.map((i: { name: string }) => i.name),
      ['Бекова Б.', 'Фатимова Ф.', 'Дәулетова Д.', 'Ержанов Е.', 'Сейітов С.', 'Ахметов А.'],
    );
    assert.equal(q.body.items[0].outOfTurn, 'veteranCombat');
    assert.equal(q.body.items[0].evidence, 'Ардагер куәлігі №123');
    assert.equal((await arrive('X', '09:20', { outOfTurn: 'mayor' })).status, 400, 'only the seven categories');
    assert.equal((await receptionZerendi('GET', `/api/v1/reception/sessions/${day.id}/queue`)).status, 403, 'scope');
  });

  test('PR-19: identity seen before the call; a representative shows the authority document', async () => {
    const rep = await arrive('Өкілов Ө.', '09:30', { representative: true });
    assert.equal(rep.status, 422);
    assert.equal(rep.body.error.fields[0].code, 'reception.authorityDocumentMissing');
    assert.equal((await arrive('Өкілов Ө.', '09:30', { representative: true, authorityDocument: 'Сенімхат №5', identityChecked: true })).status, 201);
    const q = (await reception('GET', `/api/v1/reception/sessions/${day.id}/queue`)).body.items as { id: string; name: string }[];
    const first = q[0]!;
    // the representative, checked in already, is called before those not yet checked in
    const called = await reception('POST', `/api/v1/reception/sessions/${day.id}/call-next`);
    assert.equal(called.body.name, 'Өкілов Ө.');
    assert.equal((await reception('POST', `/api/v1/reception/sessions/${day.id}/queue/${first.id}/check-in`, { identityChecked: true })).status, 204);
    const next = await reception('POST', `/api/v1/reception/sessions/${day.id}/call-next`);
    assert.equal(next.body.name, 'Бекова Б.');
  });

  test('the hall screen: public, tickets only, updated live by server-sent events', async () => {
    const snapshot = await anonymous('GET', `/api/v1/public/reception/sessions/${day.id}/hall`);
    assert.equal(snapshot.status, 200);
    assert.equal(snapshot.body.called, 2);
    assert.equal(snapshot.body.waiting[0].ticket, 6);
    assert.ok(!JSON.stringify(snapshot.body).includes('Бекова'), 'no visitor names (PR-32)');
    const abort = new AbortController();
    const res = await fetch(`${t.url}/api/v1/public/reception/sessions/${day.id}/hall/events`, { signal: abort.signal });
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextEvent = async () => {
      while (!buffer.includes('\n\n')) buffer += decoder.decode((await reader.read()).value, { stream: true });
      const [event, ...rest] = buffer.split('\n\n');
      buffer = rest.join('\n\n');
      return JSON.parse(event!.replace(/^data: /, ''));
    };
    assert.equal((await nextEvent()).called, 2);
    const q = (await reception('GET', `/api/v1/reception/sessions/${day.id}/queue`)).body.items as { id: string }[];
    await reception('POST', `/api/v1/reception/sessions/${day.id}/queue/${q[1]!.id}/check-in`, { identityChecked: true });
    assert.equal((await nextEvent()).called, 2, 'a check-in changes the state');
    await reception('POST', `/api/v1/reception/sessions/${day.id}/call-next`);
    const after = await nextEvent();
    assert.equal(after.called, 6, 'Фатимова Ф., ticket 6, called');
    // an address holds at most 4 open streams: the rate limit counts requests, not sockets held open
    const more = await Promise.all([1, 2, 3].map(() => fetch(`${t.url}/api/v1/public/reception/sessions/${day.id}/hall/events`, { signal: abort.signal })));
    assert.deepEqual(
      more.map((r) => r.status),
      [200, 200, 200],
    );
    const fifth = await fetch(`${t.url}/api/v1/public/reception/sessions/${day.id}/hall/events`, { headers: { 'accept-language': 'ru' } });
    assert.equal(fifth.status, 429);
    assert.equal(((await fifth.json()) as { error: { message: string } }).error.message, 'Слишком много запросов, повторите позже');
    abort.abort();
    await reader.cancel().catch(() => {});
  });

  test('PR-31: the protocol records the decision on each question; an instruction names its executor and due date', async () => {
    const q = (await reception('GET', `/api/v1/reception/sessions/${day.id}/queue`)).body.items as { id: string }[];
    const line = await reception('POST', `/api/v1/reception/sessions/${day.id}/protocol`, {
      queueEntryId: q[0]!.id,
      question: 'Жол жөндеу',
      decision: 'Тұрғын үй-коммуналдық бөліміне тапсырылсын',
      instruction: { executorOrganizationId: orgs['AKM-BURABAY-ZLATOPOL'], dueDate: '2026-04-20' },
    });
    assert.equal(line.status, 201, JSON.stringify(line.body));
    assert.equal((await reception('POST', `/api/v1/reception/sessions/${day.id}/protocol`, { question: 'Су', decision: 'Түсіндірілді' })).status, 201);
    const early = await reception('POST', `/api/v1/reception/sessions/${day.id}/protocol`, { question: 'Су', decision: 'Тапсырма', instruction: { executorOrganizationId: orgs['AKM-BURABAY'], dueDate: '2026-03-19' } });
    assert.equal(early.body.error.fields[0].code, 'reception.dueBeforeReception');
    const p = await head('GET', `/api/v1/reception/sessions/${day.id}/protocol`);
    assert.equal(p.status, 200);
    assert.deepEqual(
      p.body.lines.map((l: { lineNo: number }) => l.lineNo),
      [1, 2],
    );
    assert.equal(p.body.lines[0].instruction.dueDate, '2026-04-20');
    assert.equal(p.body.lines[0].instruction.executorOrganizationId, orgs['AKM-BURABAY-ZLATOPOL']);
    assert.equal(p.body.lines[1].instruction, null);
    const part = await reception('POST', `/api/v1/reception/sessions/${day.id}/participants`, { kind: 'legalConsultant', name: 'Заңгер З.' });
    assert.equal(part.status, 201);
  });

  test('PR-24: a late cancellation is flagged; every signed-up applicant is told and offered the next session', async () => {
    t.setNow('2026-04-13T09:00:00+05:00');
    try {
      const list = (await reception('GET', `/api/v1/reception/sessions/${session.id}/sign-ups`)).body.items as { appealId: string }[];
      assert.equal(list.length, 1);
      // two cancellations at once: the session's lock lets one through; the applicant is told once
      const both = await Promise.all([0, 1].map(() => reception('POST', `/api/v1/reception/sessions/${session.id}/cancel`, { reason: 'businessTrip' })));
      assert.deepEqual(both.map((r) => r.status).sort(), [200, 409]);
      const res = both.find((r) => r.status === 200)!;
      // notified Mon 13 Apr: after Fri 10 Apr (14 Apr − 2 WD) and before the day: late
      assert.equal(res.body.late, true);
      assert.equal(res.body.notified, 1);
      assert.equal(res.body.nextSessionId, (await reception('GET', '/api/v1/reception/sessions?from=2026-04-16&to=2026-04-16')).body.items[0].id);
      const told = (await outbox(list[0]!.appealId)).filter((m) => m.kind === 'receptionCancelled');
      assert.equal(told.length, 2);
      assert.match(told[0]!.body, /16\.04\.2026 15:00/, 'the next session offered');
      const waiting = (await reception('GET', '/api/v1/reception/sign-ups')).body.items.map((u: { appealId: string }) => u.appealId);
      assert.ok(waiting.includes(list[0]!.appealId), 'back on the list without a session');
      assert.equal((await reception('POST', `/api/v1/reception/sessions/${session.id}/cancel`, { reason: 'other' })).status, 409);
      const onTime = await reception('POST', `/api/v1/reception/sessions/${laterSession.id}/cancel`, { reason: 'incapacity', noticeOn: '2026-04-16' });
      assert.equal(onTime.body.late, false, 'Thu 16 Apr is 2 WD before Mon 20 Apr');
      const sameDay = (await plan(reception, { officialId: unitHead.id, startsAt: at('2026-04-13', '15:00'), endsAt: at('2026-04-13', '17:00') })).body;
      assert.equal((await reception('POST', `/api/v1/reception/sessions/${sameDay.id}/cancel`, { reason: 'incapacity' })).body.late, false, 'on the day itself');
      const compliance = await reception('GET', '/api/v1/reception/compliance?month=2026-04');
      assert.deepEqual(
        compliance.body.missing.map((o: { id: string }) => o.id),
        [unitHead.id],
        'a cancelled session does not count (PR-13)',
      );
    } finally {
      t.setNow('2026-03-18T10:00:00+05:00');
    }
  });
});

describe('refusal, no substance, other bodies', () => {
  test('PR-10, PR-11: a refusal carries one coded ground with its link, never before the draft + 3 WD', async () => {
    const a = (await signUp(reception, {})).body;
    const noDraft = await head('POST', `/api/v1/reception/sign-ups/${a.id}/refusal`, { ground: 'outsideCompetence', text: 'Құзыретке жатпайды' });
    assert.equal(noDraft.status, 409);
    assert.equal(noDraft.body.error.code, 'reception.refusalWithoutDraft');
    const noLink = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/refusal-draft`, { ground: 'courtAct', text: 'Сот шешімі бар' });
    assert.equal(noLink.status, 422);
    assert.equal(noLink.body.error.fields[0].code, 'reception.refusalLinkMissing');
    assert.equal((await reception('POST', `/api/v1/reception/sign-ups/${a.id}/refusal-draft`, { ground: 'perjury', text: 'X' })).status, 400, 'only the five grounds');
    const draft = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/refusal-draft`, { ground: 'courtAct', link: 'Бурабай аудандық сотының 2026-02-10 № 2-345 шешімі', text: 'Сот шешімі бар' });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    // sent Wed 18 Mar: 19, 20, (Nauryz 23–25), 26 → the refusal from Thu 26 Mar
    assert.equal(draft.body.earliestRefusal, '2026-03-26');
    assert.ok((await outbox(a.id)).some((m) => m.kind === 'receptionRefusalDraft'));
    t.setNow('2026-03-20T10:00:00+05:00');
    try {
      const early = await head('POST', `/api/v1/reception/sign-ups/${a.id}/refusal`, { ground: 'courtAct', link: '№ 2-345', text: 'Сот шешімі бар' });
      assert.equal(early.status, 409);
      assert.equal(early.body.error.code, 'reception.refusalTooEarly');
      t.setNow('2026-03-26T10:00:00+05:00');
      const refused = await head('POST', `/api/v1/reception/sign-ups/${a.id}/refusal`, { ground: 'courtAct', link: '№ 2-345', text: 'Сот шешімі бар' });
      assert.equal(refused.status, 204, JSON.stringify(refused.body));
      assert.ok((await outbox(a.id)).some((m) => m.kind === 'receptionRefused'));
      assert.deepEqual(await obligationsOf(a.id), [], 'the refusal is the answer of PR-36');
      const waiting = (await reception('GET', '/api/v1/reception/sign-ups')).body.items.map((u: { appealId: string }) => u.appealId);
      assert.ok(!waiting.includes(a.id));
      assert.equal((await head('POST', `/api/v1/reception/sign-ups/${a.id}/refusal`, { ground: 'courtAct', link: '№ 2-345', text: 'Тағы' })).status, 409);
    } finally {
      t.setNow('2026-03-18T10:00:00+05:00');
    }
  });

  test('PR-07, PR-08: an appeal with no substance is registered, then not considered, and the applicant told', async () => {
    const a = (await signUp(reception, { question: '—' })).body;
    assert.ok(a.registrationNumber, 'intake never refuses (PR-08)');
    const res = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/not-considered`, { text: 'Мәселенің мәні жазылмаған' });
    assert.equal(res.status, 204);
    const told = (await outbox(a.id)).filter((m) => m.kind === 'receptionNotConsidered');
    assert.equal(told.length, 2);
    assert.match(told[0]!.body, /мәні көрсетілмегендіктен/);
    assert.deepEqual(await obligationsOf(a.id), []);
  });

  test('PR-27, PR-28: the applicant told of a participation request within 2 WD; a refusal reported within 2 WD', async () => {
    const a = (await signUp(reception, {})).body;
    // requested on Fri 13 Mar, told on Wed 18 Mar: 2 WD after is Tue 17 Mar — late
    const req = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/participation`, { body: 'Облыстық жер қатынастары басқармасы', requestedOn: '2026-03-13' });
    assert.equal(req.status, 204, JSON.stringify(req.body));
    assert.ok((await outbox(a.id)).some((m) => m.kind === 'receptionParticipation'));
    const violated = await obligationsOf(a.id, 'violated');
    assert.deepEqual(
      violated.map((o) => [o.kind, o.dueDate, o.metOn]),
      [['receptionParticipationNotice', '2026-03-17', '2026-03-18']],
    );
    const refused = await reception('POST', `/api/v1/reception/sign-ups/${a.id}/participation/refusal`, {});
    assert.equal(refused.status, 204);
    // refused Wed 18 Mar: reported by Fri 20 Mar
    assert.deepEqual(
      (await obligationsOf(a.id)).filter((o) => o.kind === 'receptionJointRefusalReport').map((o) => o.dueDate),
      ['2026-03-20'],
    );
    assert.equal((await reception('POST', `/api/v1/reception/sign-ups/${a.id}/participation/refusal-reported`)).status, 204);
    assert.deepEqual(
      (await obligationsOf(a.id)).map((o) => o.kind),
      ['receptionAnswer'],
    );
  });
});

describe('satisfaction', () => {
  test('PR-44: the sample is drawn only from those who got a consultation and those refused sign-up; each call’s result stored', async () => {
    const drawn = await reception('POST', '/api/v1/reception/satisfaction/sample', { from: '2026-03-01', to: '2026-03-31', size: 10 });
    assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
    const items = drawn.body.items as { id: string; population: string; name: string; queueEntryId: string | null; appealId: string | null }[];
    // served at the 20 Mar reception: the representative (served when the next was called) and the veteran; the one called last is not done yet
    const served = await t.ctx.db.selectFrom('reception_queue').select(['id', 'name']).where('status', '=', 'served').execute();
    assert.deepEqual(
      items
        .filter((i) => i.population === 'consultation')
        .map((i) => i.name)
        .sort(),
      served.map((s) => s.name).sort(),
    );
    assert.deepEqual(served.map((s) => s.name).sort(), ['Бекова Б.', 'Өкілов Ө.']);
    const refused = await t.ctx.db.selectFrom('reception_sign_ups').select('appeal_id').where('outcome', '=', 'refused').execute();
    assert.deepEqual(
      items.filter((i) => i.population === 'refusedSignUp').map((i) => i.appealId),
      refused.map((r) => r.appeal_id),
    );
    assert.equal(items.length, 3, 'nobody from the waiting, called, absent, not considered or scheduled');
    assert.deepEqual((await reception('POST', '/api/v1/reception/satisfaction/sample', { from: '2026-03-01', to: '2026-03-31', size: 10 })).body.items, [], 'nobody drawn twice');
    const refusedCall = items.find((i) => i.population === 'refusedSignUp')!;
    assert.equal((await reception('POST', `/api/v1/reception/satisfaction/calls/${refusedCall.id}`, { reached: true })).status, 422);
    assert.equal((await reception('POST', `/api/v1/reception/satisfaction/calls/${refusedCall.id}`, { reached: true, satisfaction: 6 })).status, 400);
    assert.equal((await reception('POST', `/api/v1/reception/satisfaction/calls/${refusedCall.id}`, { reached: true, satisfaction: 2, comment: 'Келіспеймін' })).status, 204);
    assert.equal((await reception('POST', `/api/v1/reception/satisfaction/calls/${refusedCall.id}`, { reached: false })).status, 409);
    const listed = (await reception('GET', '/api/v1/reception/satisfaction/calls')).body.items.find((c: { id: string }) => c.id === refusedCall.id);
    assert.equal(listed.satisfaction, 2);
    assert.equal(listed.reached, true);
    assert.notEqual(listed.phone, null, 'the applicant’s phone from the appeal');
    assert.deepEqual((await receptionZerendi('GET', '/api/v1/reception/satisfaction/calls')).body.items, [], 'scope');
  });
});

describe('the quarterly report', () => {
  test('PR-46: the figures equal SQL recounts; addressed to the Government Apparatus; a spreadsheet', async () => {
    const burabay = orgs['AKM-BURABAY']!;
    const res = await head('GET', `/api/v1/reception/reports/quarterly?year=2026&quarter=1`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = res.body;
    assert.equal(r.addressee, 'governmentApparatus');
    assert.deepEqual([r.from, r.to], ['2026-01-01', '2026-03-31']);
    const one = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(t.ctx.db)).rows[0]!.n);
    const inSubtree = sql`organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${burabay})`;
    const sessionsQ1 = sql`SELECT id FROM reception_sessions WHERE ${inSubtree} AND reception_date BETWEEN '2026-01-01' AND '2026-03-31'`;
    assert.equal(r.sessionsHeld, await one(sql<{ n: number }>`SELECT count(*) AS n FROM reception_sessions WHERE id IN (${sessionsQ1}) AND status = 'planned'`));
    assert.equal(r.sessionsCancelled, await one(sql<{ n: number }>`SELECT count(*) AS n FROM reception_sessions WHERE id IN (${sessionsQ1}) AND status = 'cancelled'`));
    assert.equal(r.received, await one(sql<{ n: number }>`SELECT count(*) AS n FROM reception_queue WHERE session_id IN (${sessionsQ1}) AND status = 'served'`));
    assert.equal(r.outOfTurn, await one(sql<{ n: number }>`SELECT count(*) AS n FROM reception_queue WHERE session_id IN (${sessionsQ1}) AND status = 'served' AND out_of_turn IS NOT NULL`));
    assert.equal(r.instructions, await one(sql<{ n: number }>`SELECT count(*) AS n FROM reception_protocol_lines WHERE session_id IN (${sessionsQ1}) AND instruction`));
    const signUpsQ1 = sql`SELECT u.outcome FROM reception_sign_ups u JOIN appeals a ON a.id = u.appeal_id WHERE u.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${burabay}) AND a.registration_date BETWEEN '2026-01-01' AND '2026-03-31'`;
    assert.equal(r.signUps, await one(sql<{ n: number }>`SELECT count(*) AS n FROM (${signUpsQ1}) x`));
    assert.equal(r.signUpsRefused, await one(sql<{ n: number }>`SELECT count(*) AS n FROM (${signUpsQ1}) x WHERE outcome = 'refused'`));
    assert.equal(r.signUpsNotConsidered, await one(sql<{ n: number }>`SELECT count(*) AS n FROM (${signUpsQ1}) x WHERE outcome = 'notConsidered'`));
    // and the figures themselves, from the story of this file
    assert.deepEqual(
      [r.sessionsHeld, r.sessionsCancelled, r.received, r.outOfTurn, r.protocolLines, r.instructions, r.signUpsRefused, r.signUpsNotConsidered, r.surveyDrawn, r.surveyReached, r.satisfactionAverage],
      [2, 0, 2, 1, 2, 1, 1, 1, 3, 1, 2],
    );
    assert.deepEqual(
      r.byOfficial.map((o: { name: string; sessions: number; received: number }) => [o.name, o.sessions, o.received]),
      [
        ['Бөлімов Арман', 1, 0],
        ['Әкімов Серік Болатұлы', 1, 2],
      ],
    );
    const q2 = (await head('GET', '/api/v1/reception/reports/quarterly?year=2026&quarter=2')).body;
    assert.equal(q2.sessionsCancelled, await one(sql<{ n: number }>`SELECT count(*) AS n FROM reception_sessions WHERE ${inSubtree} AND reception_date BETWEEN '2026-04-01' AND '2026-06-30' AND status = 'cancelled'`));
    assert.equal(q2.videoSessions, 2, 'the akim’s on 16 Apr and the unit head’s under the regime on 5 May');
    const xlsx = await head('GET', '/api/v1/reception/reports/quarterly.xlsx?year=2026&quarter=1');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.raw.subarray(0, 2).toString(), 'PK');
    assert.equal((await receptionZerendi('GET', `/api/v1/reception/reports/quarterly?year=2026&quarter=1&organization=${burabay}`)).status, 403);
  });
});
