// The reception glued to the control department (issues 11, 12) over real HTTP on a fresh database
// (PGlite, or the server of DATABASE_URL), the clock fixed: a protocol's instruction is an
// instruction of the general model (PR-31, PR-40, PR-41), the month without a session is a violation
// found by the system (PR-13, EA-06) and the dashboard counts receptions held (CD-17), the quarterly
// report counts instructions executed on time and prints as PDF (PR-46), and a sign-up is
// registered only through the reception's own route (PR-06).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type Api, type TestApp } from '../../test/support.ts';
import { register } from '../../test/accounting.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';

let t: TestApp;
let reception: Api;
let registrar: Api;
let head: Api;
let controller: Api;
let orgs: Record<string, number>;
let official: string;
let sessionId: string;
let appealId: string;
let onTimeId: string;
let lateId: string;

const at = (date: string, time: string) => `${date}T${time}:00+05:00`;
const protocolOf = async () => (await head('GET', `/api/v1/reception/sessions/${sessionId}/protocol`)).body.lines as { lineNo: number; instruction: { id: string; state: string; dueDate: string } | null }[];

before(async () => {
  t = await testApp({ now: '2026-02-27T10:00:00+05:00' });
  reception = await t.as('reception');
  registrar = await t.as('registrar');
  head = await t.as('head');
  controller = await t.as('controller');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const f = await reception('POST', '/api/v1/reception/officials', { fullName: 'Әкімов Серік', positionKk: 'Аудан әкімі', positionRu: 'Аким района', kind: 'akim' });
  assert.equal(f.status, 201, JSON.stringify(f.body));
  official = f.body.id;
  const s = await reception('POST', '/api/v1/reception/sessions', {
    officialId: official,
    startsAt: at('2026-03-18', '10:00'),
    endsAt: at('2026-03-18', '13:00'),
    place: 'Щучинск, 105 каб.',
    format: 'inPerson',
    occasion: 'scheduled',
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  sessionId = s.body.id;
});
after(() => t.close());

describe('a protocol instruction is an instruction under control (PR-31, PR-40, PR-41)', () => {
  test('PR-31, PR-40: the line creates the instruction (issuer receptionProtocol, the protocol as basis, the appeal linked, the main executor); the line keeps its id', async () => {
    t.setNow('2026-03-18T11:00:00+05:00');
    appealId = (await register(reception, { form: 'oral', channel: 'personalReception', protocolText: 'Ауызша: жол жөндеу.', summary: 'Жол жөндеу' })).id;
    const line = await reception('POST', `/api/v1/reception/sessions/${sessionId}/protocol`, {
      question: 'Жол жөндеу',
      decision: 'Тұрғын үй-коммуналдық бөліміне: жолды 10 сәуірге дейін жөндеу',
      instruction: { executorOrganizationId: orgs['AKM-BURABAY'], dueDate: '2026-04-10' },
      appealId,
    });
    assert.equal(line.status, 201, JSON.stringify(line.body));
    const [l] = await protocolOf();
    assert.equal(l!.instruction!.state, 'underControl');
    onTimeId = l!.instruction!.id;
    const i = (await controller('GET', `/api/v1/instructions/${onTimeId}`)).body;
    assert.equal(i.issuer, 'receptionProtocol');
    assert.match(i.basisDocument, /protocol of personal reception of 2026-03-18, line 1/);
    assert.equal(i.text, 'Тұрғын үй-коммуналдық бөліміне: жолды 10 сәуірге дейін жөндеу');
    assert.deepEqual(i.appealIds, [appealId]);
    assert.deepEqual(
      i.executors.map((e: { organizationId: number; main: boolean }) => [e.organizationId, e.main]),
      [[orgs['AKM-BURABAY'], true]],
    );
    assert.equal(i.dueDate, '2026-04-10');
    assert.equal(i.organizationId, orgs['AKM-BURABAY'], 'controlled by the session’s organization (PR-40)');
    const events = (await head('GET', `/api/v1/appeals/${appealId}/events`)).body.items as { kind: string; changes: { instructionId?: string } }[];
    assert.equal(events.find((e) => e.kind === 'instructionLinked')?.changes.instructionId, onTimeId, 'the visitor’s appeal records it');
  });

  test('PR-31: an executor the reception may not instruct is a field error; neither the line nor an instruction is stored', async () => {
    const before = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM instructions`.execute(t.ctx.db)).rows[0]!.n);
    const res = await reception('POST', `/api/v1/reception/sessions/${sessionId}/protocol`, {
      question: 'Басқа аудан',
      decision: 'Зеренді ауданына',
      instruction: { executorOrganizationId: orgs['AKM-ZERENDI'], dueDate: '2026-04-10' },
    });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error.fields[0].path, '/instruction/executorOrganizationId');
    assert.equal(res.body.error.fields[0].code, 'instruction.executorOutOfScope');
    assert.equal((await protocolOf()).length, 1);
    assert.equal(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM instructions`.execute(t.ctx.db)).rows[0]!.n), before);
  });

  test('PR-41: taken off control only with the execution report accepted; the protocol shows the state (overdue, removed)', async () => {
    const second = await reception('POST', `/api/v1/reception/sessions/${sessionId}/protocol`, {
      question: 'Су',
      decision: 'Су құбырын тексеру',
      instruction: { executorOrganizationId: orgs['AKM-BURABAY'], dueDate: '2026-03-20' },
    });
    assert.equal(second.status, 201);
    lateId = (await protocolOf())[1]!.instruction!.id;
    assert.equal((await controller('POST', `/api/v1/instructions/${onTimeId}/removal`)).status, 409, 'no report yet');
    const report = await head('POST', `/api/v1/instructions/${onTimeId}/reports`, { kind: 'execution', text: 'Жол жөнделді, өтініш берушіге дәлелді жауап жіберілді.' });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    const refused = await controller('POST', `/api/v1/instructions/${onTimeId}/removal`);
    assert.equal(refused.status, 409, 'the report not accepted yet');
    assert.equal(refused.body.error.code, 'instruction.noAcceptedReport');
    t.setNow('2026-03-25T10:00:00+05:00');
    assert.equal((await controller('POST', `/api/v1/instructions/${onTimeId}/reports/${report.body.id}/decision`, { accept: true })).status, 200);
    assert.equal((await controller('POST', `/api/v1/instructions/${onTimeId}/removal`)).status, 200);
    assert.deepEqual(
      (await protocolOf()).map((l) => l.instruction?.state),
      ['removed', 'overdue'],
    );
    const lateReport = await head('POST', `/api/v1/instructions/${lateId}/reports`, { kind: 'execution', text: 'Тексерілді.' });
    await controller('POST', `/api/v1/instructions/${lateId}/reports/${lateReport.body.id}/decision`, { accept: true });
    assert.equal((await controller('POST', `/api/v1/instructions/${lateId}/removal`)).status, 200, 'taken off control after its due date');
  });
});

describe('the control department over receptions (PR-13, CD-17, EA-06)', () => {
  test('PR-13, EA-06: an official with no session held in a finished month is found once per month; none where a session was held', async () => {
    const other = await reception('POST', '/api/v1/reception/sessions', {
      officialId: official,
      startsAt: at('2026-05-12', '10:00'),
      endsAt: at('2026-05-12', '12:00'),
      place: '105 каб.',
      format: 'inPerson',
      occasion: 'scheduled',
    });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    // a session in April, cancelled: it does not count
    const april = await reception('POST', '/api/v1/reception/sessions', {
      officialId: official,
      startsAt: at('2026-04-14', '10:00'),
      endsAt: at('2026-04-14', '12:00'),
      place: '105 каб.',
      format: 'inPerson',
      occasion: 'scheduled',
    });
    const cancelled = await reception('POST', `/api/v1/reception/sessions/${april.body.id}/cancel`, { reason: 'businessTrip', noticeOn: '2026-03-25' });
    assert.ok(cancelled.status < 300, JSON.stringify(cancelled.body));
    t.setNow('2026-06-03T10:00:00+05:00');
    assert.equal((await controller('POST', '/api/v1/control/daily')).status, 200);
    const first = await controller('GET', '/api/v1/control/violations?kind=receptionMonthWithoutSession');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal((await controller('POST', '/api/v1/control/daily')).body.violations, 0, 'never found twice');
    const { items } = (await controller('GET', '/api/v1/control/violations?kind=receptionMonthWithoutSession')).body as { items: { organization: { id: number }; basis: string; appealId: string | null }[] };
    const keys = (await t.ctx.db.selectFrom('violations').select('subject_key').where('kind', '=', 'receptionMonthWithoutSession').orderBy('subject_key').execute()).map((v) => v.subject_key);
    assert.deepEqual(keys, [`${official}:2026-04`], 'March and May held; April’s session cancelled; June not finished; February before the official was recorded');
    assert.equal(items.length, 1);
    assert.equal(items[0]!.organization.id, orgs['AKM-BURABAY']);
    assert.match(items[0]!.basis, /PR-13/);
    assert.equal(first.body.notDetected.length, 0);
  });

  test('CD-17: the dashboard counts the reception sessions held in the period', async () => {
    const dash = (await controller('GET', '/api/v1/control/dashboard?from=2026-03-01&to=2026-06-30')).body;
    const held = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM reception_sessions WHERE status <> 'cancelled' AND reception_date BETWEEN '2026-03-01' AND '2026-06-03'`.execute(t.ctx.db)).rows[0]!.n);
    assert.equal(dash.receptionsHeld, held);
    assert.equal(dash.receptionsHeld, 2, '18 March and 12 May');
  });
});

describe('the quarterly report (PR-46)', () => {
  test('PR-46: instructions given and executed on time from the instruction model; the report as PDF', async () => {
    const r = (await head('GET', '/api/v1/reception/reports/quarterly?year=2026&quarter=1')).body;
    const onTime = Number(
      (
        await sql<{ n: number }>`SELECT count(*) AS n FROM reception_protocol_lines l JOIN instructions i ON i.id = l.instruction_id
          WHERE i.state = 'removed' AND (i.removed_at AT TIME ZONE 'Asia/Almaty')::date <= i.due_date`.execute(t.ctx.db)
      ).rows[0]!.n,
    );
    assert.deepEqual([r.instructions, r.instructionsOnTime], [2, onTime]);
    assert.equal(onTime, 1, 'the first, before its due date; the second after it');
    const pdf = await head('GET', '/api/v1/reception/reports/quarterly.pdf?year=2026&quarter=1');
    assert.equal(pdf.status, 200);
    assert.match(pdf.headers.get('content-type') ?? '', /application\/pdf/);
    const text = (await extractPdfText(pdf.raw)).replace(/\s+/g, ' ');
    assert.match(text, /Аппарат Правительства/);
    assert.match(text, /в т\.ч\. исполнено в срок/);
    assert.match(text, /Әкімов Серік/);
  });
});

describe('sign-ups through the reception only (PR-06)', () => {
  test('PR-06: the registration route refuses the sign-up sub-kind (it would have no sign-up record); the reception route registers it', async () => {
    const res = await registrar('POST', '/api/v1/appeals', {
      documentType: 'application',
      subKind: 'receptionSignUp',
      form: 'paper',
      channel: 'inPerson',
      language: 'kk',
      summary: 'Қабылдауға жазылу',
      text: 'Әкімнің қабылдауына жазылғым келеді.',
      applicant: { kind: 'individual', lastName: 'Тестов', firstName: 'Тест', phone: '+77010000001' },
    });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.deepEqual([res.body.error.fields[0].path, res.body.error.fields[0].code], ['/subKind', 'reception.signUpThroughReception']);
    const ok = await registrar('POST', '/api/v1/reception/sign-ups', {
      registration: {
        documentType: 'application',
        form: 'paper',
        channel: 'inPerson',
        language: 'kk',
        summary: 'Қабылдауға жазылу',
        text: 'Жер мәселесі',
        applicant: { kind: 'individual', lastName: 'Тестов', firstName: 'Тест', phone: '+77010000001' },
      },
      reception: { question: 'Жер телімі' },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.subKind, 'receptionSignUp');
  });
});
