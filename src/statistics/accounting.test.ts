import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, person, register } from '../../test/accounting.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { signDetached, verifyDetached } from '../letters/cms.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let admin: Api;
let statistician: Api;
let orgs: Record<string, number>;

before(async () => {
  t = await testApp({ now: '2026-03-02T10:00:00+05:00' });
  registrar = await t.as('registrar');
  head = await t.as('head');
  admin = await t.as('admin');
  statistician = await t.as('statistician');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
});
after(() => t.close());

describe('indicators', () => {
  test('on-time share, overdue at the end, shares of electronic, reception and contact-centre appeals, by organization and month', async () => {
    const org = orgs['AKM-BURABAY-VEDENOVKA']!;
    const at = { organizationId: org };
    const late = await register(registrar, { ...at, summary: 'Мерзімі өтеді' });
    const onTime = await register(registrar, { ...at, form: 'electronic', channel: 'egovPortal' });
    await register(registrar, { ...at, form: 'electronic', channel: 'email' });
    await register(registrar, { ...at, documentType: 'inquiry', form: 'oral', channel: 'personalReception', protocolText: 'Хаттама' });
    await decide(head, onTime.id, { code: '4.15', favourable: true, text: 'Иә.' });
    t.setNow('2026-04-02T10:00:00+05:00');
    await decide(head, late.id, { code: '4.13', reason: 'repeatWithoutNewArguments' });
    const res = await statistician('GET', `/api/v1/indicators?year=2026&month=4&organization=${org}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const total = res.body.rows.find((r: { kind: string }) => r.kind === 'total');
    const [march, april] = [total.months[2], total.months[3]];
    assert.deepEqual(
      { received: march.received, reviewed: march.reviewed, onTime: march.onTimeShare, overdue: march.overdueAtEnd, electronic: march.electronicShare, reception: march.receptionShare },
      { received: 4, reviewed: 1, onTime: 1, overdue: 3, electronic: 0.5, reception: 0.25 },
    );
    // cumulative from 1 January, as 1-ТӨ (issue 10, item 3); April is not over: no "overdue at its end" yet
    assert.deepEqual(
      { reviewed: april.reviewed, late: april.decidedLate, onTime: april.onTimeShare, received: april.received, electronic: april.electronicShare, overdue: april.overdueAtEnd },
      { reviewed: 2, late: 1, onTime: 0.5, received: 4, electronic: 0.5, overdue: null },
    );
    assert.equal((await registrar('GET', '/api/v1/indicators?year=2026&month=4')).status, 403);
    // the authority's rows start with the total of the groups, as 1-ТӨ's row 1
    const country = (await statistician('GET', '/api/v1/indicators?year=2026&month=4')).body;
    const groups = country.rows.filter((r: { kind: string }) => r.kind === 'group');
    assert.deepEqual([country.rows[0].kind, country.rows[0].organization, country.rows[0].reportRow], ['total', null, 1]);
    for (const k of ['received', 'reviewed', 'decidedLate', 'overdueAtEnd'] as const) {
      assert.equal(
        country.rows[0].months[2][k],
        groups.reduce((n: number, r: { months: Record<string, number>[] }) => n + r.months[2]![k]!, 0),
        k,
      );
    }
    assert.equal(country.rows[0].months[2].received, 4);
  });
});

describe('outage mode (p.31)', () => {
  test('an act; journal entries keep their receipt time, page and entry; later than 24 hours is a violation', async () => {
    t.setNow('2026-04-14T16:00:00+05:00');
    const act = await head('POST', '/api/v1/outages', { startedAt: '2026-04-14T09:00:00+05:00', endedAt: '2026-04-14T15:00:00+05:00', cause: 'Байланыс арнасы үзілді' });
    assert.equal(act.status, 201, JSON.stringify(act.body));
    const bad = await head('POST', '/api/v1/outages', { startedAt: '2026-04-14T09:00:00+05:00', endedAt: '2026-04-14T08:00:00+05:00', cause: 'x' });
    assert.equal(bad.body.error.fields[0].code, 'outage.endBeforeStart');
    const entry = (page: number, n: number, receivedAt = '2026-04-14T11:30:00+05:00') =>
      registrar('POST', `/api/v1/outages/${act.body.id}/journal-entries`, {
        page,
        entry: n,
        registration: { documentType: 'application', form: 'paper', channel: 'inPerson', language: 'kk', summary: 'Қағаз журналдан', text: '…', receivedAt, applicant: person() },
      });
    const first = await entry(1, 1);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.late, false);
    const card = (await head('GET', `/api/v1/appeals/${first.body.appealId}`)).body;
    assert.equal(card.registrationDate, '2026-04-14');
    assert.equal((await entry(1, 1)).status, 409, 'the same journal entry twice');
    assert.equal((await entry(1, 2, '2026-04-14T16:30:00+05:00')).body.error.fields[0].code, 'outage.receivedOutsideOutage');
    t.setNow('2026-04-15T16:00:01+05:00');
    const late = await entry(1, 2);
    assert.equal(late.body.late, true);
    const list = await head('GET', '/api/v1/outages');
    assert.deepEqual([list.body.items[0].entries, list.body.items[0].lateEntries], [2, 1]);
    const violations = await head('GET', '/api/v1/outages/late-entries');
    assert.equal(violations.body.items.length, 1);
    assert.equal(violations.body.items[0].hoursAfterRestoration, 25);
    // reported to the statistics authority: the territorial department sees the late entries of its territory
    const byAuthority = await statistician('GET', '/api/v1/outages/late-entries');
    assert.deepEqual(
      byAuthority.body.items.map((i: { appealId: string }) => i.appealId),
      [late.body.appealId],
    );
    assert.equal((await statistician('GET', '/api/v1/outages')).body.items[0].lateEntries, 1);
    assert.equal((await statistician('GET', '/api/v1/outages')).body.items[0].organization.code, 'AKM-BURABAY');
    // … and not those outside it
    await t.createUser('knb-registrar', 'KNB', ['registrar', 'head']);
    const knb = await t.as('knb-registrar');
    const knbAct = await knb('POST', '/api/v1/outages', { startedAt: '2026-04-14T09:00:00+05:00', endedAt: '2026-04-14T10:00:00+05:00', cause: 'Желі' });
    const knbLate = await knb('POST', `/api/v1/outages/${knbAct.body.id}/journal-entries`, {
      page: 1,
      entry: 1,
      registration: { documentType: 'report', form: 'paper', channel: 'post', language: 'kk', summary: 'Журналдан', text: '…', receivedAt: '2026-04-14T09:30:00+05:00', anonymous: true },
    });
    assert.equal(knbLate.body.late, true, JSON.stringify(knbLate.body));
    assert.deepEqual(
      (await statistician('GET', '/api/v1/outages/late-entries')).body.items.map((i: { appealId: string }) => i.appealId),
      [late.body.appealId],
    );
    assert.equal((await admin('GET', '/api/v1/outages/late-entries')).body.items.length, 2);
    const journal = await t.ctx.db.selectFrom('export_journal').select('record').where('appeal_id', '=', late.body.appealId).where('kind', '=', 'tzh1').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((journal.record as { paperJournal: { page: number; entry: number; late: boolean } }).paperJournal, {
      outageActId: act.body.id,
      page: 1,
      entry: 2,
      receivedAt: '2026-04-14T06:30:00.000Z',
      late: true,
    });
    const events = (await head('GET', `/api/v1/appeals/${late.body.appealId}/events`)).body.items.map((e: { kind: string }) => e.kind);
    assert.deepEqual(events, ['registered', 'paperJournalEntry']);
  });
});

describe('access requests (p.25–p.26)', () => {
  let ca: Awaited<ReturnType<typeof createDemoCa>>;
  const apply = async (application: Record<string, unknown>, commonName: string, tamper?: (s: string) => string) => {
    const cert = await issueDemoCertificate(ca, { commonName }, 'demo', t.ctx.clock.now());
    const text = JSON.stringify(application);
    const signature = Buffer.from(await signDetached(Buffer.from(text), cert.pkcs12, 'demo', t.ctx.clock.now())).toString('base64');
    const res = await fetch(`${t.url}/api/v1/access-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ application: tamper ? tamper(text) : text, signature, password: 'жаңа-құпиясөз' }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  test('an EDS-signed application, approved by the territorial department: the user signs in with the roles asked for', async () => {
    ca = await createDemoCa('Ұлттық куәландырушы орталық (тест)', new Date('2026-01-01T00:00:00Z'));
    assert.equal((await admin('POST', '/api/v1/exports/trusted-certificates', { certificatePem: ca.certificatePem })).status, 201);
    const application = { login: 'zh.tirkeushi', fullName: 'Жаңабаева Тіркеуші', position: 'Бас маман', organizationCode: 'AKM-BURABAY-ZLATOPOL', roles: ['registrar'] };
    const tampered = await apply(application, 'Жаңабаева Тіркеуші', (s) => s.replace('"registrar"', '"head"'));
    assert.equal(tampered.status, 422);
    assert.equal(tampered.body.error.code, 'accessRequest.signature.digestMismatch');
    const other = await apply(application, 'Басқа Адам');
    assert.equal(other.body.error.code, 'accessRequest.signerMismatch');
    const invalid = await apply({ ...application, login: 'X', roles: ['admin'] }, 'Жаңабаева Тіркеуші');
    assert.deepEqual(
      invalid.body.error.fields.map((f: { path: string }) => f.path),
      ['/application/login', '/application/roles'],
    );

    const statisticianHere = await apply({ ...application, login: 'zh.stat', roles: ['registrar', 'statistician'] }, 'Жаңабаева Тіркеуші');
    assert.equal(statisticianHere.status, 422);
    assert.deepEqual(
      statisticianHere.body.error.fields.map((f: { path: string; code: string }) => [f.path, f.code]),
      [['/application/roles', 'accessRequest.roleNotAtOrganization']],
    );
    const filed = await apply(application, 'Жаңабаева Тіркеуші');
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal((await apply(application, 'Жаңабаева Тіркеуші')).status, 409, 'the login is taken by the pending request');
    const pending = await statistician('GET', '/api/v1/access-requests?status=pending');
    assert.equal(pending.body.items.length, 1);
    assert.equal(pending.body.items[0].signer.commonName, 'Жаңабаева Тіркеуші');
    assert.equal((await head('GET', '/api/v1/access-requests')).status, 403);
    const approved = await statistician('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: true });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const login = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'zh.tirkeushi', password: 'жаңа-құпиясөз' }) });
    assert.equal(login.status, 200);
    const { token } = (await login.json()) as { token: string };
    const me = (await (await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; roles: string[] };
    assert.deepEqual(me.roles, ['registrar']);
    // the certificate of the application is the user's signing certificate
    const certificates = await fetch(`${t.url}/api/v1/users/${me.id}/certificates`, { headers: { authorization: `Bearer ${token}` } });
    const [certificate] = ((await certificates.json()) as { items: { fingerprint: string; revokedAt: string | null }[] }).items;
    assert.deepEqual([certificate!.fingerprint, certificate!.revokedAt], [pending.body.items[0].signer.fingerprint, null]);
  });

  test('the statistician exists only at the statistics authority: never granted elsewhere, and one elsewhere decides nothing', async () => {
    const filed = await apply({ login: 'old.request', fullName: 'Ескі Өтініш', position: 'Маман', organizationCode: 'AKM-BURABAY', roles: ['registrar'] }, 'Ескі Өтініш');
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    // as if filed before the rule
    await t.ctx.db
      .updateTable('access_requests')
      .set({ roles: ['statistician'] })
      .where('id', '=', filed.body.id)
      .execute();
    const granted = await statistician('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: true });
    assert.equal(granted.status, 422);
    assert.equal(granted.body.error.fields[0].code, 'accessRequest.roleNotAtOrganization');
    assert.equal(await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'old.request').executeTakeFirst(), undefined);
    await t.createUser('akimat-statistician', 'AKM-BURABAY', ['statistician'], 'Аудандағы статистик');
    const elsewhere = await t.as('akimat-statistician');
    assert.equal((await elsewhere('GET', '/api/v1/access-requests')).status, 403);
    assert.equal((await elsewhere('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: false, reason: 'Жоқ' })).status, 403);
    assert.equal((await statistician('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: false, reason: 'Рөл бұл ұйымда жоқ' })).status, 200);
  });

  test('outside its territory the department neither sees nor decides; a refusal needs a reason', async () => {
    const filed = await apply({ login: 'knb.user', fullName: 'Сыртқы Қызметкер', position: 'Маман', organizationCode: 'KNB', roles: ['executor'] }, 'Сыртқы Қызметкер');
    assert.equal(filed.status, 201);
    assert.ok(!(await statistician('GET', '/api/v1/access-requests')).body.items.some((r: { id: string }) => r.id === filed.body.id));
    assert.equal((await statistician('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: true })).status, 403);
    assert.equal((await admin('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: false })).body.error.fields[0].code, 'accessRequest.reasonRequired');
    assert.equal((await admin('POST', `/api/v1/access-requests/${filed.body.id}/decision`, { approve: false, reason: 'Қызметкер емес' })).status, 200);
    assert.equal(await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'knb.user').executeTakeFirst(), undefined);
  });
});

describe('reconciliation (p.34)', () => {
  test('from the 1st to the 8th: the authority’s counts (the daily exports) against the organization’s, the differing appeals, both confirmations', async () => {
    // A paper-journal entry received on 31 March and entered on 6 April: not in the exports yet.
    t.setNow('2026-04-03T10:00:00+05:00');
    const act = await head('POST', '/api/v1/outages', { startedAt: '2026-03-31T10:00:00+05:00', endedAt: '2026-03-31T12:00:00+05:00', cause: 'Электр қуаты өшті' });
    t.setNow('2026-04-06T10:00:00+05:00');
    const entered = await registrar('POST', `/api/v1/outages/${act.body.id}/journal-entries`, {
      page: 3,
      entry: 7,
      registration: { documentType: 'report', form: 'paper', channel: 'post', language: 'kk', summary: 'Журналдан', text: '…', receivedAt: '2026-03-31T11:00:00+05:00', anonymous: true },
    });
    assert.equal(entered.status, 201, JSON.stringify(entered.body));
    const org = orgs['AKM-BURABAY']!;
    assert.equal((await head('POST', '/api/v1/reconciliations', { organizationId: org })).status, 403, 'the authority opens it');
    const opened = await statistician('POST', '/api/v1/reconciliations', { organizationId: org });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    assert.deepEqual(opened.body.period, { year: 2026, month: 3 });
    assert.equal(opened.body.organization.counts.received, opened.body.authority.counts.received + 1);
    assert.deepEqual(opened.body.differences, [
      { appealId: entered.body.appealId, registrationNumber: opened.body.differences[0].registrationNumber, authority: null, organization: { received: true, reviewed: false, result: null } },
    ]);
    const statement = await head('GET', `/api/v1/reconciliations/statement?organization=${org}&year=2026&month=3`);
    assert.equal(statement.body.cards.length, opened.body.organization.counts.received + statement.body.cards.filter((c: { received: boolean }) => !c.received).length);

    // the authority signs its confirmation with its own EDS (not someone else's); the organization confirms unsigned
    const headKey = (await head('GET', '/api/v1/me/demo-key.p12')).raw.toString('base64');
    const notOwn = await statistician('POST', `/api/v1/reconciliations/${opened.body.id}/confirm`, { pkcs12: headKey, password: 'demo' });
    assert.equal(notOwn.status, 422);
    assert.equal(notOwn.body.error.code, 'letter.signature.notSignersCertificate');
    const key = (await statistician('GET', '/api/v1/me/demo-key.p12')).raw.toString('base64');
    const signed = await statistician('POST', `/api/v1/reconciliations/${opened.body.id}/confirm`, { pkcs12: key, password: 'demo' });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.authority.confirmedBy, 'Ахметжанов Ержан Қайратұлы');
    const anchors = (await t.ctx.db.selectFrom('trusted_certificates').select('pem').execute()).map((r) => r.pem);
    const check = await verifyDetached(Buffer.from(signed.body.signedContent), Buffer.from(signed.body.authority.signature, 'base64'), anchors);
    assert.equal(check.valid, true);
    assert.equal(check.signer?.commonName, 'Ахметжанов Ержан Қайратұлы');
    const mine = await head('GET', '/api/v1/reconciliations?year=2026&month=3');
    assert.deepEqual(mine.body.period, { year: 2026, month: 3 });
    assert.deepEqual(
      mine.body.items.map((r: { id: string; organization: { code: string }; differences: number; authorityConfirmedAt: string | null; organizationConfirmedAt: string | null }) => [
        r.id,
        r.organization.code,
        r.differences,
        !!r.authorityConfirmedAt,
        !!r.organizationConfirmedAt,
      ]),
      [[opened.body.id, 'AKM-BURABAY', 1, true, false]],
    );
    assert.equal((await registrar('GET', '/api/v1/reconciliations')).status, 403);
    // a head who holds the statistician's role outside the authority is the organization's side
    await t.createUser('burabay-head-statistician', 'AKM-BURABAY', ['head', 'statistician'], 'Аудандағы статистик');
    const headStatistician = await t.as('burabay-head-statistician');
    assert.equal((await headStatistician('POST', '/api/v1/reconciliations', { organizationId: org })).status, 403, 'does not open it');
    const own = await headStatistician('POST', `/api/v1/reconciliations/${opened.body.id}/confirm`, {});
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.deepEqual([own.body.organization.confirmedBy, own.body.authority.confirmedBy], ['Аудандағы статистик', 'Ахметжанов Ержан Қайратұлы']);
    const both = await head('POST', `/api/v1/reconciliations/${opened.body.id}/confirm`, {});
    assert.equal(both.status, 200, JSON.stringify(both.body));
    assert.equal(both.body.organization.confirmedBy, 'Қасымов Нұрлан Жақсылықұлы');
    assert.equal(both.body.organization.signature, null);
    assert.ok(both.body.authority.signature);
    assert.equal((await statistician('POST', '/api/v1/reconciliations', { organizationId: org })).status, 409);

    // Confirmed while opened again: the confirmation stands over the row as it is, or the new opening cleared it.
    const zerendi = orgs['AKM-ZERENDI']!;
    const statementOf = (await statistician('GET', `/api/v1/reconciliations/statement?organization=${zerendi}&year=2026&month=3`)).body;
    const first = await statistician('POST', '/api/v1/reconciliations', { organizationId: zerendi, statement: statementOf });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const unsent = { id: randomUUID(), registrationNumber: 'ЖТ-2026-09999999', received: true, reviewed: false, result: null };
    const [confirmed, reopened] = await Promise.all([
      statistician('POST', `/api/v1/reconciliations/${first.body.id}/confirm`, { pkcs12: key, password: 'demo' }),
      statistician('POST', '/api/v1/reconciliations', { organizationId: zerendi, statement: { ...statementOf, cards: [...statementOf.cards, unsent] } }),
    ]);
    assert.deepEqual([confirmed.status, reopened.status], [200, 201], JSON.stringify([confirmed.body, reopened.body]));
    const now = (await statistician('GET', `/api/v1/reconciliations/${first.body.id}`)).body;
    assert.deepEqual(
      now.differences.map((d: { appealId: string }) => d.appealId),
      [unsent.id],
    );
    if (now.authority.confirmedAt) {
      const signedNow = await verifyDetached(Buffer.from(now.signedContent), Buffer.from(now.authority.signature, 'base64'), anchors);
      assert.equal(signedNow.valid, true, 'the signature is over the reconciliation as it stands');
    }
    t.setNow('2026-04-09T10:00:00+05:00');
    const late = await statistician('POST', '/api/v1/reconciliations', { organizationId: orgs['AKM-ZERENDI'] });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'reconciliation.outsideWindow');
  });
});
