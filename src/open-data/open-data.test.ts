// Open data (EA-08), open statistics (issue 14 §5) and Open311 GeoReport v2 (issue 14 §7): the
// files valid against their datapackage.json, small cells suppressed, figures reconciled with
// 1-ТӨ, and no personal data in any public answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { person, register } from '../../test/accounting.ts';

let t: TestApp;
let registrar: Api;
let statistician: Api;
const applicants: ReturnType<typeof person>[] = [];
const ids: string[] = [];

async function get(path: string) {
  const res = await fetch(t.url + path, { headers: { 'accept-language': 'en' } });
  const raw = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: raw.toString('utf8') };
}

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  registrar = await t.as('registrar');
  statistician = await t.as('statistician');
  // six appeals about land by post, two about roads by e-mail: the second cell is small
  for (let i = 0; i < 8; i++) {
    const applicant = person('Құпиясов');
    applicants.push(applicant);
    const road = i >= 6;
    const a = await register(registrar, {
      applicant,
      summary: `Жеке мәселе ${i}`,
      text: `Менің үйім туралы құпия мәтін ${i}`,
      issueCategory: road ? 'roads' : 'land',
      ...(road ? { channel: 'email', form: 'electronic' } : {}),
    });
    ids.push(a.id);
  }
  // personal receptions: five sessions of an akim in March, six visitors at the first (one served)
  const reception = await t.as('reception');
  const official = await reception('POST', '/api/v1/reception/officials', { fullName: 'Құпияұлы Серік', positionKk: 'Аудан әкімі', positionRu: 'Аким района', kind: 'akim' });
  assert.equal(official.status, 201, JSON.stringify(official.body));
  const sessions: string[] = [];
  for (const day of ['2026-03-19', '2026-03-20', '2026-03-26', '2026-03-27', '2026-03-30']) {
    const s = await reception('POST', '/api/v1/reception/sessions', {
      officialId: official.body.id,
      startsAt: `${day}T10:00:00+05:00`,
      endsAt: `${day}T13:00:00+05:00`,
      place: 'Щучинск, 105 каб.',
      format: 'inPerson',
      occasion: 'scheduled',
    });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    sessions.push(s.body.id);
  }
  for (let i = 0; i < 6; i++) {
    const q = await reception('POST', `/api/v1/reception/sessions/${sessions[0]}/queue`, { name: `Құпиясов Келуші ${i}`, arrivedAt: `2026-03-19T10:0${i}:00+05:00` });
    assert.equal(q.status, 201, JSON.stringify(q.body));
  }
  // the contact centre: six calls and two chats
  const operator = await t.as('operator');
  for (const channel of ['phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'chat', 'chat']) {
    const c = await operator('POST', '/api/v1/contact-centre/contacts', channel === 'phone' ? { channel, callerPhone: '+77015550777' } : { channel });
    assert.equal(c.status, 201, JSON.stringify(c.body));
  }
});
after(() => t.close());

/** A minimal CSV reader (RFC 4180: quoted cells, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

type Field = { name: string; type: string; constraints?: { minimum?: number } };

/** Whether a cell is valid for its Table Schema field (missing values are ''). */
function validCell(value: string, field: Field, missing: string[]): boolean {
  if (missing.includes(value)) return true;
  if (field.type === 'integer') return /^-?\d+$/.test(value) && Number(value) >= (field.constraints?.minimum ?? Number.NEGATIVE_INFINITY);
  if (field.type === 'number') return Number.isFinite(Number(value));
  return field.type === 'string';
}

describe('open data (EA-08)', () => {
  test('every file the datapackage.json lists exists and is valid against its schema; the licence is stated', async () => {
    const res = await get('/opendata/datapackage.json');
    assert.equal(res.status, 200);
    const pkg = JSON.parse(res.text);
    assert.equal(pkg.profile, 'tabular-data-package');
    assert.equal(pkg.licenses[0].name, 'CC-BY-4.0');
    assert.deepEqual(
      pkg.resources.map((r: { path: string }) => r.path),
      [
        'appeals-monthly.csv',
        'appeals-monthly.json',
        'appeals-by-category.csv',
        'appeals-by-category.json',
        'receptions-monthly.csv',
        'receptions-monthly.json',
        'contact-centre-monthly.csv',
        'contact-centre-monthly.json',
      ],
    );
    for (const r of pkg.resources) for (const f of r.schema.fields) assert.ok(f.description.length > 10, `${r.name}.${f.name} is described`);
    for (const r of pkg.resources) {
      const file = await get(`/opendata/${r.path}`);
      assert.equal(file.status, 200, r.path);
      const fields: Field[] = r.schema.fields;
      const missing: string[] = r.schema.missingValues;
      const rows: Record<string, string | number | null>[] =
        r.format === 'csv'
          ? (() => {
              assert.match(file.type, /^text\/csv/);
              const [header, ...body] = parseCsv(file.text);
              assert.deepEqual(
                header,
                fields.map((f) => f.name),
                `${r.path}: the header is the schema's fields`,
              );
              for (const line of body) fields.forEach((f, i) => assert.ok(validCell(line[i]!, f, missing), `${r.path}: ${f.name}=${line[i]}`));
              return body.map((line) => Object.fromEntries(fields.map((f, i) => [f.name, line[i]!])));
            })()
          : JSON.parse(file.text);
      assert.ok(rows.length > 0, `${r.path} has rows`);
      for (const row of rows) assert.deepEqual(Object.keys(row).sort(), fields.map((f) => f.name).sort(), r.path);
    }
  });

  test('counts of 1–4 are suppressed (empty), five and more published', async () => {
    const rows: Record<string, unknown>[] = JSON.parse((await get('/opendata/appeals-by-category.json')).text);
    const land = rows.filter((r) => r.issue_category === 'land');
    const roads = rows.filter((r) => r.issue_category === 'roads');
    assert.deepEqual(
      land.map((r) => r.appeals),
      [6],
    );
    assert.deepEqual(
      roads.map((r) => r.appeals),
      [null],
    );
    const csv = (await get('/opendata/appeals-by-category.csv')).text;
    assert.ok(
      csv.split('\r\n').some((l) => l.includes(',roads,') && l.endsWith(',')),
      'an empty cell in the CSV',
    );
  });

  test('receptions and the contact centre by month: counts of 1–4 suppressed, no names', async () => {
    const receptions: Record<string, unknown>[] = JSON.parse((await get('/opendata/receptions-monthly.json')).text);
    assert.deepEqual(
      receptions.map((r) => [r.month, r.sessions, r.sessions_cancelled, r.visitors, r.visitors_served]),
      [[3, 5, 0, 6, 0]],
    );
    const contacts: Record<string, unknown>[] = JSON.parse((await get('/opendata/contact-centre-monthly.json')).text);
    assert.deepEqual(
      contacts.map((r) => [r.month, r.channel, r.contacts]),
      [
        [3, 'chat', null],
        [3, 'phone', 6],
      ],
    );
    const files = await Promise.all(['receptions-monthly.csv', 'receptions-monthly.json', 'contact-centre-monthly.csv', 'contact-centre-monthly.json'].map(async (f) => (await get(`/opendata/${f}`)).text));
    for (const text of files) assert.ok(!/Құпия|\+7701/.test(text), 'no visitor, official or caller');
  });

  test('open statistics reconcile with 1-ТӨ and suppress small counts', async () => {
    const stats = await fetch(`${t.url}/api/v1/public/statistics?year=2026`).then((r) => r.json());
    const report = (await statistician('GET', '/api/v1/reports/form1?year=2026&month=3')).body;
    const s1 = report.sections.flatMap((s: { tables: unknown[] }) => s.tables).find((x: { id: string }) => x.id === 's1');
    const received = s1.rows[0].cells[s1.columns.findIndex((c: { key: string }) => c.key === 'received')];
    assert.equal(received, 8);
    assert.equal(stats.total.received, received, 'the same aggregates as 1-ТӨ');
    const burabay = stats.organizations.find((o: { code: string }) => o.code === 'AKM-BURABAY');
    assert.equal(burabay.received, 8);
    assert.equal(burabay.reviewed, 0);
    assert.equal(burabay.onTimeShare, null, 'nothing reviewed yet');
    assert.deepEqual(
      stats.months.map((m: { month: number; received: number | null }) => [m.month, m.received]),
      [[3, 8]],
      'up to this month',
    );
    const pairs = (list: { code: string; appeals: number | null; name: string }[]) => list.map((c) => [c.code, c.appeals, c.name.length > 0]);
    assert.deepEqual(pairs(stats.issueCategories), [
      ['land', 6, true],
      ['roads', null, true],
    ]);
    assert.deepEqual(pairs(stats.channels), [
      ['post', 6, true],
      ['email', null, true],
    ]);
    assert.equal(stats.total.electronicShare, null, '2 electronic of 8: the share would give the small count away');
  });
});

describe('Open311 GeoReport v2 (issue 14 §7)', () => {
  test('services are the issue categories', async () => {
    const res = await get('/open311/v2/services.json');
    assert.equal(res.status, 200);
    const services = JSON.parse(res.text);
    const land = services.find((s: { service_code: string }) => s.service_code === 'land');
    assert.deepEqual(Object.keys(land).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    assert.equal(land.metadata, true);
    assert.equal(land.type, 'realtime');
    const xml = await get('/open311/v2/services.xml');
    assert.match(xml.type, /^text\/xml/);
    assert.match(xml.text, /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
  });

  test('requests carry public fields only: status, category, organization, dates — never personal data', async () => {
    // only what was filed in public is listed: the eight desk appeals above are not
    const filed: string[] = [];
    for (const road of [false, false, true]) {
      const applicant = person('Құпиясов');
      applicants.push(applicant);
      const a = await register(registrar, { applicant, summary: 'Жеке мәселе портал', text: 'Менің үйім туралы құпия мәтін', issueCategory: road ? 'roads' : 'land', channel: 'publicPortal', form: 'electronic' });
      filed.push(a.id);
    }
    const list = await get('/open311/v2/requests.json');
    assert.equal(list.status, 200);
    const requests = JSON.parse(list.text);
    assert.deepEqual(requests.map((r: { service_request_id: string }) => r.service_request_id).sort(), [...filed].sort());
    assert.equal((await get(`/open311/v2/requests/${ids[0]}.json`)).status, 404, 'a desk appeal is not published');
    const fields = ['agency_responsible', 'expected_datetime', 'requested_datetime', 'service_code', 'service_name', 'service_request_id', 'status', 'status_notes', 'updated_datetime'];
    for (const r of requests) assert.deepEqual(Object.keys(r).sort(), fields);
    assert.ok(requests.every((r: { status: string }) => r.status === 'open'));
    const everything = [list.text, (await get('/open311/v2/requests.xml')).text, (await get('/opendata/appeals-by-category.csv')).text, (await get('/opendata/appeals-monthly.csv')).text].join('\n');
    for (const a of applicants) {
      for (const value of [a.lastName, a.iin, a.phone]) assert.ok(!everything.includes(value), `no ${value} in public answers`);
    }
    assert.ok(!everything.includes('құпия'), 'no text or summary of an appeal');
    assert.ok(!everything.includes('Жеке мәселе'));

    const one = await get(`/open311/v2/requests/${filed[0]}.json`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(
      JSON.parse(one.text).map((r: { service_request_id: string }) => r.service_request_id),
      [filed[0]],
    );
    assert.equal((await get('/open311/v2/requests/00000000-0000-4000-8000-000000000000.json')).status, 404);
    const roads = JSON.parse((await get('/open311/v2/requests.json?service_code=roads')).text);
    assert.equal(roads.length, 1);
    assert.deepEqual(JSON.parse((await get('/open311/v2/requests.json?status=closed')).text), []);
    const discovery = JSON.parse((await get('/open311/v2/discovery.json')).text);
    assert.equal(discovery.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
  });
});

describe('open statistics at a country’s size (issue 15)', () => {
  test('one computation answers every reader of a year and language for ten minutes; then the figures are read again', async () => {
    t.setNow('2026-03-18T12:00:00+05:00');
    const read = async () => (await fetch(`${t.url}/api/v1/public/statistics?year=2026`, { headers: { 'accept-language': 'en' } }).then((r) => r.json())).total.received;
    const before = await read();
    await register(registrar, { applicant: person('Кейінов'), summary: 'Кейін тіркелген', text: 'Кейін тіркелген мәтін', issueCategory: 'land' });
    assert.equal(await read(), before, 'the kept answer, not a new computation');
    t.setNow('2026-03-18T12:10:00+05:00');
    assert.equal(await read(), before + 1, 'ten minutes on, computed again');
  });
});
