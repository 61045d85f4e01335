// An administrator edits the reference data over HTTP; the running server uses the new data at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, rowCounts, type TestApp, type Api } from '../../test/support.ts';
import { buildServer } from '../http/server.ts';

// The server clock: Wednesday 18 March 2026, 10:00 in Astana (UTC+5).
let t: TestApp;
let admin: Api;
let registrar: Api;

const application = {
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  summary: 'Анықтамалықтар сынағы',
  text: 'Мәтін',
  applicant: { kind: 'individual', lastName: 'Сынақов', firstName: 'Ерлан' },
};

before(async () => {
  t = await testApp();
  admin = await t.as('admin');
  registrar = await t.as('registrar');
});
after(() => t.close());

/** The reference tables and the audit log, to prove that a refused edit changed nothing. */
async function referenceState() {
  const db = t.ctx.db;
  return {
    days: await db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
    years: await db.selectFrom('calendar_years').select('year').orderBy('year').execute(),
    terms: await db.selectFrom('term_rules').selectAll().orderBy('document_type').orderBy('sub_kind').execute(),
    organizations: await db.selectFrom('organizations').select(['id', 'work_start', 'work_end', 'time_zone']).orderBy('id').execute(),
    directories: await db.selectFrom('directory_entries').selectAll().orderBy('directory').orderBy('code').execute(),
    ...(await rowCounts(t.database)),
  };
}

async function eventsOf(kind: string) {
  return t.ctx.db.selectFrom('events').select(['kind', 'actor_name', 'organization_id', 'changes']).where('kind', '=', kind).orderBy('id').execute();
}

describe('only an administrator edits, and a refused edit changes nothing', () => {
  test('other roles get 403, no session 401', async () => {
    const before = await referenceState();
    for (const [method, path, body] of [
      ['PUT', '/api/v1/admin/calendar/days/2026-03-17', { working: false, note: 'x' }],
      ['POST', '/api/v1/admin/calendar/2027/confirm', undefined],
      ['PUT', '/api/v1/admin/terms', { documentType: 'inquiry', term: { unit: 'workingDays', count: 10 }, basis: 'APPC Art. 76' }],
      ['PATCH', '/api/v1/admin/organizations/1', { timeZone: null }],
      ['POST', '/api/v1/admin/directories/issueCategory', { code: 'x', label: { kk: 'x', ru: 'x', en: 'x' } }],
      ['PATCH', '/api/v1/admin/directories/issueCategory/land', { active: false }],
    ] as const) {
      const res = await registrar(method, path, body);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error.code, 'forbidden');
      const anonymous = await fetch(t.url + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      assert.equal(anonymous.status, 401, `${method} ${path}`);
    }
    assert.deepEqual(await referenceState(), before);
  });

  test('bad edits answer field errors in the caller’s language', async () => {
    const before = await referenceState();
    const cases: [string, string, unknown, number, string, string][] = [
      ['PUT', '/api/v1/admin/calendar/days/2026-03-17', { working: false, note: '   ' }, 422, '/note', 'text.blank'],
      ['PUT', '/api/v1/admin/calendar/days/2026-03-17', { working: 'no', note: 'x' }, 400, '/working', 'type'],
      ['PUT', '/api/v1/admin/calendar/days/1999-03-17', { working: false, note: 'x' }, 422, '/date', 'calendar.yearOutOfRange'],
      ['PUT', '/api/v1/admin/terms', { documentType: 'inquiry', term: { unit: 'workingDays', count: 0 }, basis: 'APPC' }, 422, '/term/count', 'term.countOutOfRange'],
      ['PUT', '/api/v1/admin/terms', { documentType: 'inquiry', term: { unit: 'months', count: 13 }, basis: 'APPC' }, 422, '/term/count', 'term.countOutOfRange'],
      ['PUT', '/api/v1/admin/terms', { documentType: 'inquiry', term: { unit: 'workingDays', count: 5 }, basis: ' ' }, 422, '/basis', 'text.blank'],
      ['PUT', '/api/v1/admin/terms', { documentType: 'inquiry', subKind: 'deputyInquiry', term: { unit: 'workingDays', count: 5 }, basis: 'Law on Parliament' }, 422, '/label', 'term.newSubKindNeedsLabel'],
      ['PUT', '/api/v1/admin/terms', { documentType: 'inquiry', subKind: 'Bad kind', term: { unit: 'workingDays', count: 5 }, basis: 'x', label: { kk: 'a', ru: 'b', en: 'c' } }, 422, '/subKind', 'pattern'],
      ['PUT', '/api/v1/admin/terms', { documentType: 'petition', term: { unit: 'workingDays', count: 5 }, basis: 'x' }, 400, '/documentType', 'enum'],
      ['PATCH', '/api/v1/admin/organizations/1', { timeZone: 'Mars/Olympus' }, 422, '/timeZone', 'timeZone.unknown'],
      ['PATCH', '/api/v1/admin/organizations/1', { workingHours: { start: '18:00', end: '09:00' } }, 422, '/workingHours/end', 'workingHours.endBeforeStart'],
      ['PATCH', '/api/v1/admin/organizations/1', { workingHours: { start: '9:00', end: '18:00' } }, 400, '/workingHours/start', 'pattern'],
      ['PATCH', '/api/v1/admin/organizations/1', {}, 400, '/', 'minProperties'],
      ['POST', '/api/v1/admin/directories/documentType', { code: 'petition', label: { kk: 'a', ru: 'b', en: 'c' } }, 422, '/code', 'directory.closed'],
      ['POST', '/api/v1/admin/directories/issueCategory', { code: 'land', label: { kk: 'a', ru: 'b', en: 'c' } }, 422, '/code', 'directory.codeExists'],
      ['POST', '/api/v1/admin/directories/issueCategory', { code: 'snow', parentCode: 'roads', label: { kk: 'a', ru: 'b', en: 'c' } }, 422, '/parentCode', 'directory.unknownParent'],
      ['POST', '/api/v1/admin/directories/issueCategory', { code: 'snow', label: { kk: ' ', ru: 'b', en: 'c' } }, 422, '/label/kk', 'text.blank'],
      ['PATCH', '/api/v1/admin/directories/form/paper', { active: false }, 422, '/active', 'directory.closed'],
    ];
    for (const [method, path, body, status, field, code] of cases) {
      const res = await admin(method, path, body, { 'accept-language': 'ru' });
      assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      const found = res.body.error.fields.find((f: { path: string }) => f.path === field);
      assert.ok(found, `${field} in ${JSON.stringify(res.body.error.fields)}`);
      assert.equal(found.code, code);
      assert.ok(found.message.length > 0 && found.message !== code, found.message);
    }
    const kk = await admin('PATCH', '/api/v1/admin/organizations/1', { timeZone: 'Mars/Olympus' }, { 'accept-language': 'kk' });
    assert.equal(kk.body.error.fields[0].message, '«Mars/Olympus» деген уақыт белдеуі жоқ (IANA атауы күтілген)');
    assert.equal((await admin('PATCH', '/api/v1/admin/organizations/999999', { timeZone: null })).status, 404);
    assert.equal((await admin('PATCH', '/api/v1/admin/directories/issueCategory/noSuchCode', { active: false })).status, 404);
    assert.equal((await admin('DELETE', '/api/v1/admin/calendar/days/2026-03-17')).status, 404);
    assert.deepEqual(await referenceState(), before);
  });
});

describe('the calendar', () => {
  test('a day made non-working moves registration on it to the next working day; removing the entry moves it back', async () => {
    const receivedAt = '2026-03-17T10:00:00+05:00'; // Tuesday
    const first = await registrar('POST', '/api/v1/appeals', { ...application, receivedAt });
    assert.deepEqual([first.body.registrationDate, first.body.dueDate], ['2026-03-17', '2026-04-09']);

    const set = await admin('PUT', '/api/v1/admin/calendar/days/2026-03-17', { working: false, note: 'day off by Government order (test)' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body, { date: '2026-03-17', working: false, note: 'day off by Government order (test)', provisional: false });
    const second = await registrar('POST', '/api/v1/appeals', { ...application, receivedAt });
    // the next working day, and the 15 working days from it skip the new day off too
    assert.deepEqual([second.body.registrationDate, second.body.dueDate], ['2026-03-18', '2026-04-10']);
    const year = await registrar('GET', '/api/v1/calendar/2026');
    assert.ok(year.body.exceptions.some((d: { date: string; working: boolean }) => d.date === '2026-03-17' && !d.working));
    const term = await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent(receivedAt)}&documentType=application`);
    assert.equal(term.body.registrationDate, '2026-03-18');
    // the appeal registered before keeps its dates
    assert.equal((await registrar('GET', `/api/v1/appeals/${first.body.id}`)).body.registrationDate, '2026-03-17');

    assert.equal((await admin('DELETE', '/api/v1/admin/calendar/days/2026-03-17')).status, 204);
    const third = await registrar('POST', '/api/v1/appeals', { ...application, receivedAt });
    assert.equal(third.body.registrationDate, '2026-03-17');

    const [setEvent] = await eventsOf('calendarDaySet');
    assert.equal(setEvent!.actor_name, 'Жүйе әкімшісі');
    assert.deepEqual(setEvent!.changes, { date: '2026-03-17', before: null, after: { working: false, note: 'day off by Government order (test)' } });
    const [cleared] = await eventsOf('calendarDayCleared');
    assert.deepEqual(cleared!.changes, { date: '2026-03-17', before: { working: false, note: 'day off by Government order (test)' } });
  });

  test('confirming one day of a provisional year keeps its derived days; the year stays provisional until confirmed', async () => {
    const before = (await registrar('GET', '/api/v1/calendar/2027')).body;
    assert.equal(before.provisional, true);
    const derived = before.exceptions.map((d: { date: string }) => d.date);
    assert.ok(derived.includes('2027-01-04') && derived.includes('2027-03-22'), derived.join());
    const termOn = async (iso: string) => (await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent(iso)}&documentType=application`)).body.registrationDate;
    assert.equal(await termOn('2027-01-07T10:00:00+05:00'), '2027-01-08'); // Orthodox Christmas → Friday

    const set = await admin('PUT', '/api/v1/admin/calendar/days/2027-01-08', { working: false, note: 'day off by Government order, moved from Sat 16 Jan' });
    assert.equal(set.status, 200);
    assert.equal(set.body.provisional, false); // the day itself is settled …
    const during = (await registrar('GET', '/api/v1/calendar/2027')).body;
    assert.equal(during.provisional, true); // … the year is not
    const dates = during.exceptions.map((d: { date: string }) => d.date);
    for (const d of derived) assert.ok(dates.includes(d), `${d} is still a day off`);
    assert.ok(dates.includes('2027-01-08'));
    assert.equal(await termOn('2027-01-07T10:00:00+05:00'), '2027-01-11');

    const confirmed = await admin('POST', '/api/v1/admin/calendar/2027/confirm');
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.provisional, false);
    assert.deepEqual(
      confirmed.body.exceptions.map((d: { date: string }) => d.date),
      dates,
    );
    assert.ok(confirmed.body.exceptions.every((d: { provisional: boolean; note: string }) => !d.provisional && !d.note.includes('provisional')));
    // stored as the year's explicit list
    const stored = await t.ctx.db.selectFrom('calendar_days').select('date').where('date', '>=', '2027-01-01').where('date', '<=', '2027-12-31').execute();
    assert.equal(stored.length, dates.length);
    assert.equal(await termOn('2027-01-07T10:00:00+05:00'), '2027-01-11');

    const again = await admin('POST', '/api/v1/admin/calendar/2027/confirm', undefined, { 'accept-language': 'en' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.message, 'The calendar of 2027 is already confirmed');
    const [event] = await eventsOf('calendarYearConfirmed');
    assert.equal((event!.changes as { year: number }).year, 2027);
    assert.equal((event!.changes as { added: unknown[] }).added.length, dates.length - 1);
    assert.equal((await admin('POST', '/api/v1/admin/calendar/2026/confirm')).status, 409); // shipped years are confirmed
  });
});

describe('the term catalogue', () => {
  test('a changed term gives the due dates of registrations from then on', async () => {
    const inquiry = { ...application, documentType: 'inquiry', receivedAt: '2026-03-18T09:00:00+05:00' };
    const before = await registrar('POST', '/api/v1/appeals', inquiry);
    assert.equal(before.body.dueDate, '2026-04-10'); // 15 WD over Nauryz

    const set = await admin('PUT', '/api/v1/admin/terms', {
      documentType: 'inquiry',
      term: { unit: 'workingDays', count: 10 },
      basis: 'APPC Art. 87 p.2 as amended (test): 10 working days',
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual([set.body.subKind, set.body.term, set.body.extendable], [null, { unit: 'workingDays', count: 10 }, true]);
    const after = await registrar('POST', '/api/v1/appeals', inquiry);
    assert.equal(after.body.dueDate, '2026-04-03');
    const term = await registrar('GET', '/api/v1/calendar/term?receivedAt=2026-03-18T09:00:00%2B05:00&documentType=inquiry');
    assert.deepEqual([term.body.dueDate, term.body.term.basis], ['2026-04-03', 'APPC Art. 87 p.2 as amended (test): 10 working days']);
    const [event] = await eventsOf('termRuleSet');
    assert.deepEqual((event!.changes as { before: { count: number }; after: { count: number } }).after.count, 10);
    assert.deepEqual((event!.changes as { before: { count: number } }).before.count, 15);
  });

  test('a new special-law sub-kind is registered with its own term; an unknown one is refused', async () => {
    const unknown = await registrar('POST', '/api/v1/appeals', { ...application, documentType: 'inquiry', subKind: 'deputyInquiry' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.fields[0].path, '/subKind');
    const added = await admin('PUT', '/api/v1/admin/terms', {
      documentType: 'inquiry',
      subKind: 'deputyInquiry',
      term: { unit: 'calendarDays', count: 15 },
      basis: 'Constitutional Law "On the Parliament", deputy inquiry (test value)',
      label: { kk: 'Депутаттық сауал', ru: 'Депутатский запрос', en: 'Deputy inquiry' },
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual([added.body.extendable, added.body.label], [false, 'Deputy inquiry']);
    const terms = await registrar('GET', '/api/v1/terms');
    assert.ok(terms.body.items.some((r: { subKind: string | null }) => r.subKind === 'deputyInquiry'));
    const registered = await registrar('POST', '/api/v1/appeals', { ...application, documentType: 'inquiry', subKind: 'deputyInquiry', receivedAt: '2026-03-18T09:00:00+05:00' });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    // 15 calendar days from the next day: 2 April (Thursday)
    assert.deepEqual([registered.body.subKind, registered.body.dueDate], ['deputyInquiry', '2026-04-02']);
  });
});

describe('organizations', () => {
  test('working hours and time zone: in force at once; null time zone is the configured one', async () => {
    const burabay = (await admin('GET', '/api/v1/organizations?code=AKM-BURABAY')).body.items[0];
    assert.deepEqual([burabay.timeZone, burabay.ownTimeZone, burabay.workingHours], ['Asia/Almaty', null, { start: '09:00', end: '18:30' }]);
    const late = { ...application, receivedAt: '2026-03-17T17:30:00+05:00' };
    assert.equal((await registrar('POST', '/api/v1/appeals', late)).body.registrationDate, '2026-03-17');

    const set = await admin('PATCH', `/api/v1/admin/organizations/${burabay.id}`, { workingHours: { start: '09:00', end: '17:00' } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.workingHours, { start: '09:00', end: '17:00' });
    assert.equal((await registrar('POST', '/api/v1/appeals', late)).body.registrationDate, '2026-03-18');

    // Moscow is two hours behind: 17:30 in Astana is 15:30 there, within the working day.
    const zoned = await admin('PATCH', `/api/v1/admin/organizations/${burabay.id}`, { timeZone: 'Europe/Moscow' });
    assert.deepEqual([zoned.body.timeZone, zoned.body.ownTimeZone], ['Europe/Moscow', 'Europe/Moscow']);
    assert.equal((await registrar('GET', '/api/v1/me')).body.timeZone, 'Europe/Moscow');
    assert.equal((await registrar('POST', '/api/v1/appeals', late)).body.registrationDate, '2026-03-17');

    const reset = await admin('PATCH', `/api/v1/admin/organizations/${burabay.id}`, { workingHours: { start: '09:00', end: '18:30' }, timeZone: null });
    assert.deepEqual([reset.body.timeZone, reset.body.ownTimeZone], ['Asia/Almaty', null]);
    const events = await eventsOf('organizationHoursSet');
    assert.equal(events.length, 3);
    assert.ok(events.every((e) => e.organization_id === burabay.id));
    assert.deepEqual((events[1]!.changes as { after: unknown }).after, { workingHours: { start: '09:00', end: '17:00' }, timeZone: 'Europe/Moscow' });
  });

  test('JOLDANYM_TIME_ZONE is the time zone of organizations that name none, also for /calendar/term', async () => {
    const moscow = await buildServer({ ...t.ctx, config: { ...t.ctx.config, timeZone: 'Europe/Moscow' } });
    await moscow.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = moscow.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const login = await (await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'registrar', password: 'demo' }) })).json();
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        return (await res.json()) as any;
      };
      const receivedAt = '2026-03-17T19:00:00+05:00'; // after hours in Astana, 17:00 in Moscow
      assert.equal(login.user.timeZone, 'Europe/Moscow');
      assert.equal((await call('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent(receivedAt)}&documentType=application`)).registrationDate, '2026-03-17');
      assert.equal((await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent(receivedAt)}&documentType=application`)).body.registrationDate, '2026-03-18');
      assert.equal((await call('POST', '/api/v1/appeals', { ...application, receivedAt })).registrationDate, '2026-03-17');
      assert.equal((await registrar('POST', '/api/v1/appeals', { ...application, receivedAt })).body.registrationDate, '2026-03-18');
    } finally {
      await moscow.close();
    }
  });
});

describe('directories', () => {
  test('an entry is added, relabelled, deactivated and reactivated; registration follows at once', async () => {
    const added = await admin('POST', '/api/v1/admin/directories/issueCategory', {
      code: 'snowRemoval',
      parentCode: 'transport',
      label: { kk: 'Қар тазалау', ru: 'Уборка снега', en: 'Snow removal' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(added.body, { code: 'snowRemoval', label: 'Snow removal', labels: { kk: 'Қар тазалау', ru: 'Уборка снега', en: 'Snow removal' }, parentCode: 'transport', active: true });
    const withIt = await registrar('POST', '/api/v1/appeals', { ...application, issueCategory: 'snowRemoval' });
    assert.equal(withIt.status, 201, JSON.stringify(withIt.body));

    const relabelled = await admin('PATCH', '/api/v1/admin/directories/issueCategory/snowRemoval', { label: { ru: 'Очистка улиц от снега' } }, { 'accept-language': 'ru' });
    assert.equal(relabelled.status, 200);
    assert.deepEqual([relabelled.body.label, relabelled.body.labels.kk], ['Очистка улиц от снега', 'Қар тазалау']);
    const listed = await registrar('GET', '/api/v1/directories/issueCategory', undefined, { 'accept-language': 'ru' });
    assert.equal(listed.body.items.find((e: { code: string }) => e.code === 'snowRemoval').label, 'Очистка улиц от снега');

    assert.equal((await admin('PATCH', '/api/v1/admin/directories/issueCategory/snowRemoval', { active: false })).body.active, false);
    const refused = await registrar('POST', '/api/v1/appeals', { ...application, issueCategory: 'snowRemoval' });
    assert.equal(refused.status, 422);
    assert.deepEqual([refused.body.error.fields[0].path, refused.body.error.fields[0].code], ['/issueCategory', 'directory.unknownCode']);
    assert.ok(!(await registrar('GET', '/api/v1/directories/issueCategory')).body.items.some((e: { code: string }) => e.code === 'snowRemoval'));
    const all = await registrar('GET', '/api/v1/directories/issueCategory?includeInactive=true');
    assert.equal(all.body.items.find((e: { code: string }) => e.code === 'snowRemoval').active, false);

    await admin('PATCH', '/api/v1/admin/directories/issueCategory/snowRemoval', { active: true });
    assert.equal((await registrar('POST', '/api/v1/appeals', { ...application, issueCategory: 'snowRemoval' })).status, 201);
    // a closed directory is relabelled only
    const form = await admin('PATCH', '/api/v1/admin/directories/form/paper', { label: { en: 'Paper (post or in person)' } });
    assert.equal(form.status, 200);
    assert.equal(form.body.labels.en, 'Paper (post or in person)');

    assert.equal((await eventsOf('directoryEntryAdded')).length, 1);
    const changes = await eventsOf('directoryEntryChanged');
    assert.equal(changes.length, 4);
    assert.deepEqual((changes[1]!.changes as { before: { active: boolean }; after: { active: boolean } }).after.active, false);
  });
});
