import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { actorsOf, monthOfActivity, type Actors } from '../../test/accounting.ts';
import { plusDays } from '../domain/calendar.ts';
import { buildPackage, checkPackageContents, importedCardKey } from './package.ts';

// Two instances: A registers and reviews a month of appeals; B, the statistics authority's,
// imports A's daily packages and builds the same 1-ТӨ.
let A: TestApp;
let B: TestApp;
let a: Actors;
let bAdmin: Api;
let bStatistician: Api;
const days: string[] = [];
for (let d = '2026-03-02'; d <= '2026-04-10'; d = plusDays(d, 1)) days.push(d);
const AFTER = '2026-04-11T10:00:00+05:00';

before(async () => {
  A = await testApp({ now: '2026-03-02T09:00:00+05:00' });
  a = await actorsOf(A, 'a');
  await monthOfActivity(A, a, { seed: 5, randomOps: 40 });
  A.setNow(AFTER);
  B = await testApp({ now: AFTER });
  bAdmin = await B.as('admin');
  bStatistician = await B.as('statistician');
});
after(async () => {
  // The pools' connections end asynchronously after the pool says it ended; give them a moment
  // before each database is dropped WITH (FORCE), or a connection being closed gets terminated
  // and its pool reports the error after the test (test/support.ts closes without waiting).
  for (const t of [A, B]) {
    await t.server.close();
    await t.ctx.db.destroy();
    await new Promise((r) => setTimeout(r, 300));
    await t.close();
  }
});

async function counts(t: TestApp) {
  const out: Record<string, number> = {};
  for (const table of ['imported_records', 'card_cells', 'stat_cells', 'import_packages'] as const) {
    out[table] = Number((await t.ctx.db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  out.statSum = Number((await B.ctx.db.selectFrom('stat_cells').select((e) => e.fn.sum<number>('n').as('n')).executeTakeFirstOrThrow()).n ?? 0);
  return out;
}

const exportOf = async (day: string, query = '') => {
  const res = await a.admin('GET', `/api/v1/exports/daily/${day}${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res;
};

describe('daily export', () => {
  test('a day exported again is the same bytes; a day not over is refused', async () => {
    const first = await exportOf('2026-03-05');
    const again = await exportOf('2026-03-05');
    assert.ok(first.raw.equals(again.raw));
    const pkg = first.body;
    const check = checkPackageContents(pkg);
    assert.ok(check.ok);
    if (!check.ok) return;
    assert.equal(check.manifest.day, '2026-03-05');
    assert.ok(check.manifest.counts.tzh1New! > 0 && check.manifest.counts.tzh2New! > 0);
    assert.ok(check.manifest.counts.ai1New! > 0);
    assert.ok(check.manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256)));
    const today = await a.admin('GET', '/api/v1/exports/daily/2026-04-11');
    assert.equal(today.status, 409);
    assert.equal(today.body.error.code, 'export.dayNotOver');
    assert.equal((await a.registrar('GET', '/api/v1/exports/daily/2026-03-05')).status, 403);
    const log = await a.admin('GET', '/api/v1/exports/log');
    assert.ok(log.body.items.filter((i: { direction: string; day: string }) => i.direction === 'pull' && i.day === '2026-03-05').length >= 2);
  });

  test("one organization's package holds only its cards", async () => {
    const res = await exportOf('2026-03-04', `?organization=${a.orgs['AKM-HEALTH']}`);
    const check = checkPackageContents(res.body);
    assert.ok(check.ok);
    if (!check.ok) return;
    assert.equal(check.manifest.organization, 'AKM-HEALTH');
    assert.ok(check.lines['tzh1.ndjson'].length >= 2, 'the forwarded card and the split part');
    for (const l of check.lines['tzh1.ndjson']) assert.equal((l.record as { organizationCode: string }).organizationCode, 'AKM-HEALTH');
  });

  test('a change of a later day is in the later package, not the earlier one', async () => {
    const pkg = await exportOf('2026-03-02');
    const check = checkPackageContents(pkg.body);
    assert.ok(check.ok);
    if (!check.ok) return;
    // the open application of 2 March became a deemed refusal on 31 March
    const march31 = checkPackageContents((await exportOf('2026-03-31')).body);
    assert.ok(march31.ok);
    if (!march31.ok) return;
    const refused = march31.lines['tzh1.ndjson'].map((l) => l.record as { id: string; deemedRefusal: boolean }).filter((r) => r.deemedRefusal);
    assert.ok(refused.length >= 1);
    const onSecond = check.lines['tzh1.ndjson'].map((l) => l.record as { id: string; deemedRefusal: boolean }).find((r) => r.id === refused[0]!.id);
    if (onSecond) assert.equal(onSecond.deemedRefusal, false, 'as it was at the end of 2 March');
  });
});

describe('import by the statistics authority', () => {
  test('a package from an untrusted or tampered source is refused and changes nothing', async () => {
    const pkg = (await exportOf('2026-03-02')).body;
    const before = await counts(B);
    const untrusted = await bStatistician('POST', '/api/v1/exports/import', pkg);
    assert.equal(untrusted.status, 422);
    assert.equal(untrusted.body.error.code, 'export.signature.untrustedChain');

    const cert = await a.admin('GET', '/api/v1/exports/signing-certificate');
    assert.equal(cert.status, 200);
    assert.equal((await bAdmin('POST', '/api/v1/exports/trusted-certificates', { certificatePem: cert.body.issuerPem })).status, 201);
    assert.equal((await bStatistician('POST', '/api/v1/exports/trusted-certificates', { certificatePem: cert.body.issuerPem })).status, 403);

    const tzh1 = pkg.files['tzh1.ndjson'] as string;
    const tampered = { ...pkg, files: { ...pkg.files, 'tzh1.ndjson': tzh1.replace('"documentType":"application"', '"documentType":"complaint"') } };
    assert.notEqual(tampered.files['tzh1.ndjson'], tzh1);
    const byHash = await bStatistician('POST', '/api/v1/exports/import', tampered);
    assert.equal(byHash.status, 422);
    assert.equal(byHash.body.error.code, 'export.hashMismatch');

    // the file and its hash in the manifest changed together: the signature no longer matches
    const check = checkPackageContents(pkg);
    assert.ok(check.ok);
    const rebuilt = buildPackage(
      tampered.files['tzh1.ndjson'].trim().split('\n').map((l: string) => {
        const { seq, record } = JSON.parse(l);
        return { seq, kind: 'tzh1' as const, recordId: record.id, appealId: record.id, record, existed: false };
      }),
      { instanceId: JSON.parse(pkg.manifest).instanceId, day: '2026-03-02', organization: null },
    );
    const forged = { ...pkg, manifest: rebuilt.manifestText, files: rebuilt.files };
    const bySignature = await bStatistician('POST', '/api/v1/exports/import', forged);
    assert.equal(bySignature.status, 422);
    assert.equal(bySignature.body.error.code, 'export.signature.digestMismatch');
    assert.deepEqual(await counts(B), before, 'nothing changed');
    const log = await bAdmin('GET', '/api/v1/exports/log');
    assert.ok(log.body.items.some((i: { direction: string; ok: boolean }) => i.direction === 'import' && !i.ok));
  });

  test("an import of every day of another instance gives the same report as the source's", async () => {
    for (const day of days) {
      const pkg = (await exportOf(day)).body;
      const res = await bStatistician('POST', '/api/v1/exports/import', pkg);
      assert.equal(res.status, 200, `${day}: ${JSON.stringify(res.body)}`);
    }
    // idempotent: a package imported again changes nothing
    const before = await counts(B);
    const again = await bStatistician('POST', '/api/v1/exports/import', (await exportOf('2026-03-05')).body);
    assert.equal(again.status, 200);
    assert.deepEqual({ ...(await counts(B)), import_packages: before.import_packages }, before);

    for (const month of [3, 4]) {
      const source = (await a.admin('GET', `/api/v1/reports/form1?year=2026&month=${month}`)).body;
      const imported = (await bAdmin('GET', `/api/v1/reports/form1?year=2026&month=${month}`)).body;
      let nonZero = 0;
      source.sections.forEach((s: { tables: { id: string; rows: { organization: { code: string }; cells: number[] }[] }[] }, i: number) =>
        s.tables.forEach((t, j) => {
          const other = imported.sections[i].tables[j];
          assert.equal(other.id, t.id);
          t.rows.forEach((r, k) => {
            assert.equal(other.rows[k].organization.code, r.organization.code);
            assert.deepEqual(other.rows[k].cells, r.cells, `${t.id} ${r.organization.code} month ${month}`);
            nonZero += r.cells.filter((n) => n > 0).length;
          });
        }),
      );
      assert.ok(nonZero > 50);
    }
    // the cards behind a cell are the imported ones
    const total = (await bAdmin('GET', '/api/v1/reports/form1?year=2026&month=3')).body.sections[0].tables[0].rows[0].cells[0];
    const cell = await bAdmin('GET', '/api/v1/reports/form1/cell?year=2026&month=3&table=s1&column=received&limit=1000');
    assert.equal(cell.body.total, total);
    assert.ok(cell.body.items.every((i: { imported: boolean }) => i.imported));
    const instanceId = JSON.parse((await exportOf('2026-03-02')).body.manifest).instanceId;
    const some = await A.ctx.db.selectFrom('appeals').select('id').limit(1).executeTakeFirstOrThrow();
    assert.ok(await B.ctx.db.selectFrom('card_cells').select('appeal_id').where('appeal_id', '=', importedCardKey(instanceId, some.id)).executeTakeFirst());
  });

  test("reconciliation across instances: the organization's statement against the authority's imported cards", async () => {
    A.setNow('2026-04-06T10:00:00+05:00');
    B.setNow('2026-04-06T10:00:00+05:00');
    const statement = (await a.head('GET', `/api/v1/reconciliations/statement?organization=${a.orgs['AKM-BURABAY']}&year=2026&month=3`)).body;
    assert.ok(statement.cards.length > 10, JSON.stringify(statement).slice(0, 300));
    const bOrg = (await B.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'AKM-BURABAY').executeTakeFirstOrThrow()).id;
    const opened = await bStatistician('POST', '/api/v1/reconciliations', { organizationId: bOrg, statement });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    assert.deepEqual(opened.body.differences, []);
    assert.deepEqual(opened.body.authority.counts, opened.body.organization.counts);
    const unsent = { id: randomUUID(), registrationNumber: 'ЖТ-2026-09999999', received: true, reviewed: false, result: null };
    const again = await bStatistician('POST', '/api/v1/reconciliations', { organizationId: bOrg, statement: { ...statement, cards: [...statement.cards, unsent] } });
    assert.deepEqual(again.body.differences.map((d: { appealId: string; authority: unknown }) => [d.appealId, d.authority]), [[unsent.id, null]]);
    A.setNow(AFTER);
    B.setNow(AFTER);
  });

  test('pushed to the authority, with retries', async () => {
    assert.equal((await a.admin('PUT', '/api/v1/exports/push', { url: 'http://127.0.0.1:9/unreachable', token: null })).status, 200);
    const failed = await a.admin('POST', '/api/v1/exports/push/run');
    assert.equal(failed.status, 200, JSON.stringify(failed.body));
    assert.equal(failed.body.sent, 0);
    assert.ok(failed.body.failed > 0);
    const pending = await A.ctx.db.selectFrom('export_pushes').selectAll().where('status', '=', 'pending').execute();
    assert.ok(pending.length > 0 && pending.every((p) => p.attempts === 1 && p.next_attempt_at > A.ctx.clock.now()));
    assert.equal((await a.admin('POST', '/api/v1/exports/push/run')).body.failed, 0, 'not again before the backoff');

    const login = await fetch(`${B.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'statistician', password: 'demo' }) });
    const { token } = (await login.json()) as { token: string };
    assert.equal((await a.admin('PUT', '/api/v1/exports/push', { url: `${B.url}/api/v1/exports/import`, token })).status, 200);
    const before = await counts(B);
    const pushed = await a.admin('POST', '/api/v1/exports/push/run');
    assert.equal(pushed.body.failed, 0, JSON.stringify(pushed.body));
    assert.equal(pushed.body.sent, days.length);
    assert.deepEqual({ ...(await counts(B)), import_packages: before.import_packages }, before, 'already imported: nothing changes');
    const log = await a.admin('GET', '/api/v1/exports/log?limit=1000');
    assert.ok(log.body.items.some((i: { direction: string; ok: boolean }) => i.direction === 'push' && i.ok));
    assert.ok(log.body.items.some((i: { direction: string; ok: boolean }) => i.direction === 'push' && !i.ok));
  });
});
