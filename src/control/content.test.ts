// Content analysis (CD-18, CD-19): counts by issue category and by territory equal plain SQL
// recounts, with the same period a year before; a category rising in a territory is flagged as a
// systemic problem and a steady one is not; the most frequent words in Russian and Kazakh; scope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { register } from '../../test/accounting.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';

let t: TestApp;
let burabay: Api;
let zerendi: Api;
let controller: Api;
let otherOblast: Api;
let orgs: Record<string, number>;

const at = (day: string) => t.setNow(`${day}T10:00:00+05:00`);
const many = async (api: Api, n: number, body: Record<string, unknown>) => {
  for (let i = 0; i < n; i++) await register(api, body);
};

before(async () => {
  t = await testApp({ now: '2025-03-10T10:00:00+05:00' });
  await t.createUser('reg-zerendi', 'AKM-ZERENDI', ['registrar'], 'Зеренді тіркеушісі');
  await t.createUser('kos-controller', 'KOS-OBL', ['controller'], 'Қостанай бақылаушысы');
  burabay = await t.as('registrar');
  zerendi = await t.as('reg-zerendi');
  controller = await t.as('controller');
  otherOblast = await t.as('kos-controller');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const spike = { issueCategory: 'housingEmergency', language: 'ru', summary: 'Аварийный дом', text: 'Дом аварийный, дорога разбита, дороги нет.' };
  const steady = { issueCategory: 'housingProvision', language: 'kk', summary: 'Кезек', text: 'Тұрғын үй кезегі жылжымайды, жол жоқ.' };
  // a year before: the spike's category twice in Burabay
  await many(burabay, 2, spike);
  // the steady category in Zerendi: 6 in each of the three months before March 2026 and in March
  for (const day of ['2025-12-10', '2026-01-15', '2026-02-10']) {
    at(day);
    await many(zerendi, 6, steady);
  }
  // March 2026: the steady 6 again; the spike: 7 in Burabay, where there were none before
  at('2026-03-10');
  await many(zerendi, 6, steady);
  await many(burabay, 7, spike);
  await register(burabay, { summary: 'Санатсыз', text: 'Жарық жоқ.' });
});
after(() => t.close());

const recount = async (from: string, to: string) => {
  const r = await sql<{ k: string; n: number }>`
    SELECT coalesce(issue_category, 'none') AS k, count(*)::int AS n FROM appeals
    WHERE registration_date BETWEEN ${from} AND ${to} AND origin_appeal_id IS NULL
      AND organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${orgs['AKM-AKIMAT']})
    GROUP BY 1`.execute(t.ctx.db);
  return Object.fromEntries(r.rows.map((x) => [x.k, Number(x.n)]));
};

describe('content analysis (CD-18, CD-19)', () => {
  test('CD-18: counts by category equal the SQL recount, with the same period a year before', async () => {
    const res = await controller('GET', '/api/v1/control/content?from=2026-03-01&to=2026-03-31&groupBy=category');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const got = Object.fromEntries(res.body.items.map((i: { key: string; count: number }) => [i.key, i.count]));
    const expected = await recount('2026-03-01', '2026-03-31');
    for (const [k, n] of Object.entries(expected)) assert.equal(got[k], n, k);
    assert.deepEqual(got, {
      ...expected,
      ...Object.fromEntries(
        Object.keys(got)
          .filter((k) => !(k in expected))
          .map((k) => [k, 0]),
      ),
    });
    const emergency = res.body.items.find((i: { key: string }) => i.key === 'housingEmergency');
    assert.deepEqual([emergency.count, emergency.previousCount], [7, 2]);
    assert.equal(emergency.previousCount, (await recount('2025-03-01', '2025-03-31')).housingEmergency);
    assert.ok(emergency.label.length > 0);
  });

  test('CD-19: counts by territory (the district under the oblast akimat)', async () => {
    const res = await controller('GET', '/api/v1/control/content?from=2026-03-01&to=2026-03-31&groupBy=territory');
    const got = Object.fromEntries(res.body.items.map((i: { key: string; count: number }) => [i.key, i.count]));
    assert.equal(got[String(orgs['AKM-BURABAY'])], 8);
    assert.equal(got[String(orgs['AKM-ZERENDI'])], 6);
    const total = Object.values(await recount('2026-03-01', '2026-03-31')).reduce((a, b) => a + b, 0);
    assert.equal(
      res.body.items.reduce((a: number, i: { count: number }) => a + i.count, 0),
      total,
    );
  });

  test('CD-18: a category rising in a territory is a systemic problem; a steady one is not', async () => {
    const res = await controller('GET', '/api/v1/control/systemic-problems?from=2026-03-01&to=2026-03-31');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const flagged = res.body.items.map((i: { category: { code: string }; territory: { id: number }; reason: string }) => [i.category.code, i.territory.id, i.reason]);
    assert.deepEqual(flagged, [['housingEmergency', orgs['AKM-BURABAY'], 'rising']]);
  });

  test('CD-18: the most frequent words, Russian stemmed and Kazakh as written', async () => {
    const ru = (await controller('GET', '/api/v1/control/content/words?from=2026-03-01&to=2026-03-31&language=ru')).body.items;
    const top = ru.filter((w: { count: number }) => w.count === 7).map((w: { word: string }) => w.word);
    assert.deepEqual(top.sort(), ['аварийн', 'дом', 'дорог', 'разбит'].sort(), 'stems, by the number of appeals that use them');
    const kk = (await controller('GET', '/api/v1/control/content/words?from=2026-03-01&to=2026-03-31&language=kk')).body.items.map((w: { word: string }) => w.word);
    assert.ok(kk.includes('кезегі') && kk.includes('жылжымайды'));
  });

  test('scope: another oblast’s controller sees nothing of this one', async () => {
    assert.equal((await otherOblast('GET', `/api/v1/control/content?organization=${orgs['AKM-AKIMAT']}`)).status, 403);
    const own = await otherOblast('GET', '/api/v1/control/content?from=2025-01-01&to=2026-12-31');
    assert.deepEqual(own.body.items, []);
  });
});

describe('the map of problems and the reference note (CD-19, CD-18)', () => {
  test('CD-19: every district under the oblast, by KATO code, with its appeals and systemic flags — none left out', async () => {
    const res = await controller('GET', '/api/v1/control/map?from=2026-03-01&to=2026-03-31');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const by = Object.fromEntries(res.body.items.map((i: { kato: string | null; appeals: number; systemic: number; territoryId: number }) => [i.kato ?? 'none', [i.territoryId, i.appeals, i.systemic]]));
    assert.deepEqual(by['117000000'], [orgs['AKM-BURABAY'], 8, 1], 'Burabay: the spike');
    assert.deepEqual(by['115600000'], [orgs['AKM-ZERENDI'], 6, 0], 'Zerendi: steady');
    assert.deepEqual(by['116800000'], [orgs['AKM-SHORTANDY'], 0, 0], 'Shortandy: on the map without appeals');
    const total = Object.values(await recount('2026-03-01', '2026-03-31')).reduce((a, b) => a + b, 0);
    assert.equal(
      res.body.items.reduce((a: number, i: { appeals: number }) => a + i.appeals, 0),
      total,
    );
    assert.equal((await otherOblast('GET', `/api/v1/control/map?organization=${orgs['AKM-AKIMAT']}`)).status, 403);
  });

  test('CD-18: the reference note for the akim names each flagged category × territory with its figures and trend (PDF read back)', async () => {
    const created = await controller('POST', '/api/v1/control/documents', { kind: 'systemicNote', addressee: 'Ақмола облысының әкімі / Акиму Акмолинской области', from: '2026-03-01', to: '2026-03-31' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.items, 1);
    const pdf = await controller('GET', `/api/v1/control/documents/${created.body.id}/pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = (await extractPdfText(pdf.raw)).replace(/\s+/g, ' ');
    const flagged = (await controller('GET', '/api/v1/control/systemic-problems?from=2026-03-01&to=2026-03-31')).body.items;
    assert.ok(flagged.length > 0);
    const category = await t.ctx.db.selectFrom('directory_entries').select(['code', 'label_kk', 'label_ru']).where('directory', '=', 'issueCategory').execute();
    const district = await t.ctx.db.selectFrom('organizations').select(['id', 'name_kk', 'name_ru']).execute();
    for (const f of flagged) {
      const c = category.find((x) => x.code === f.category.code)!;
      const d = district.find((x) => x.id === f.territory.id)!;
      const row = `${c.label_kk} / ${c.label_ru} ${d.name_kk} / ${d.name_ru} ${f.count} ${f.baseline} 2 +250 %`;
      assert.ok(text.includes(row.replace(/\s+/g, ' ')), `${row} in: ${text}`);
    }
    assert.ok(text.includes('Акиму Акмолинской области'), 'the addressee');
    assert.ok(text.includes('2026-03-01 — 2026-03-31'), 'the period');
    assert.ok(text.includes('Проект, не подписан'), 'not signed yet (CD-04)');
  });
});
