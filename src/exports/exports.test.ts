import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { actorsOf, monthOfActivity, type Actors } from '../../test/accounting.ts';
import { plusDays } from '../domain/calendar.ts';
import { buildPackage, checkPackageContents, importedCardKey } from './package.ts';
import { signingKey } from './keys.ts';
import { pushHeaders } from './incoming.ts';
import { signDetached } from '../letters/cms.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { canonicalJson } from '../statistics/cards.ts';

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
    out[table] = Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  out.statSum = Number(
    (
      await B.ctx.db
        .selectFrom('stat_cells')
        .select((e) => e.fn.sum<number>('n').as('n'))
        .executeTakeFirstOrThrow()
    ).n ?? 0,
  );
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
  test('a package from an unregistered instance, signed by another key, or tampered is refused and changes nothing', async () => {
    const pkg = (await exportOf('2026-03-02')).body;
    const before = await counts(B);
    const anchors = await B.ctx.db.selectFrom('trusted_certificates').select('pem').execute();
    const unknown = await bStatistician('POST', '/api/v1/exports/import', pkg);
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.code, 'export.instanceNotTrusted');

    // B registers A: its id and the certificate that signs its manifests
    const cert = await a.admin('GET', '/api/v1/exports/signing-certificate');
    assert.equal(cert.status, 200);
    assert.equal(cert.body.instanceId, JSON.parse(pkg.manifest).instanceId);
    const register = { instanceId: cert.body.instanceId, name: 'Ақмола облысы', certificatePem: cert.body.certificatePem };
    assert.equal((await bStatistician('POST', '/api/v1/exports/trusted-instances', register)).status, 403);
    const bad = await bAdmin('POST', '/api/v1/exports/trusted-instances', { ...register, certificatePem: 'not a certificate' });
    assert.deepEqual([bad.status, bad.body.error.fields[0].path], [422, '/certificatePem']);
    assert.equal((await bAdmin('POST', '/api/v1/exports/trusted-instances', register)).status, 201);
    assert.deepEqual(
      (await bAdmin('GET', '/api/v1/exports/trusted-instances')).body.items.map((i: { instanceId: string }) => i.instanceId),
      [register.instanceId],
    );
    assert.deepEqual(await B.ctx.db.selectFrom('trusted_certificates').select('pem').execute(), anchors, "trusting an instance adds no anchor for users' signatures");

    // a user's EDS (B's own, chaining to B's trust anchors) cannot sign a package
    const userKey = await bStatistician('GET', '/api/v1/me/demo-key.p12');
    const byUser = { ...pkg, signature: Buffer.from(await signDetached(Buffer.from(pkg.manifest), userKey.raw, 'demo', B.ctx.clock.now())).toString('base64') };
    const userSigned = await bStatistician('POST', '/api/v1/exports/import', byUser);
    assert.equal(userSigned.status, 422);
    assert.equal(userSigned.body.error.code, 'export.signature.notInstanceCertificate');

    // A's key signing a manifest that claims another instance: unregistered, or registered with its own certificate
    const key = await signingKey(A.ctx);
    const claiming = async (instanceId: string) => {
      const manifest = canonicalJson({ ...JSON.parse(pkg.manifest), instanceId });
      return { ...pkg, manifest, signature: Buffer.from(await signDetached(Buffer.from(manifest), key.pkcs12, key.password, A.ctx.clock.now())).toString('base64') };
    };
    const other = randomUUID();
    assert.equal((await bStatistician('POST', '/api/v1/exports/import', await claiming(other))).body.error.code, 'export.instanceNotTrusted');
    const otherCa = await createDemoCa('Басқа инстанция CA', new Date('2026-01-01T00:00:00Z'));
    const otherCert = await issueDemoCertificate(otherCa, { commonName: `Joldanym instance ${other}` }, 'demo', new Date('2026-01-01T00:00:00Z'));
    assert.equal((await bAdmin('POST', '/api/v1/exports/trusted-instances', { instanceId: other, name: 'Басқа', certificatePem: otherCert.certificatePem })).status, 201);
    const impostor = await bStatistician('POST', '/api/v1/exports/import', await claiming(other));
    assert.equal(impostor.status, 422);
    assert.equal(impostor.body.error.code, 'export.signature.notInstanceCertificate');
    assert.equal((await bAdmin('DELETE', `/api/v1/exports/trusted-instances/${other}`)).status, 204);
    assert.equal((await bAdmin('DELETE', `/api/v1/exports/trusted-instances/${other}`)).status, 404);

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
      tampered.files['tzh1.ndjson']
        .trim()
        .split('\n')
        .map((l: string) => {
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
    assert.deepEqual(
      again.body.differences.map((d: { appealId: string; authority: unknown }) => [d.appealId, d.authority]),
      [[unsent.id, null]],
    );
    A.setNow(AFTER);
    B.setNow(AFTER);
  });

  test('pushed to the authority, with retries', async () => {
    assert.equal((await a.admin('PUT', '/api/v1/exports/push', { url: 'http://127.0.0.1:9/unreachable' })).status, 200);
    const failed = await a.admin('POST', '/api/v1/exports/push/run');
    assert.equal(failed.status, 200, JSON.stringify(failed.body));
    assert.equal(failed.body.sent, 0);
    assert.ok(failed.body.failed > 0);
    const pending = await A.ctx.db.selectFrom('export_pushes').selectAll().where('status', '=', 'pending').execute();
    assert.ok(pending.length > 0 && pending.every((p) => p.attempts === 1 && p.next_attempt_at > A.ctx.clock.now()));
    assert.equal((await a.admin('POST', '/api/v1/exports/push/run')).body.failed, 0, 'not again before the backoff');

    // No sign-in on B: the package's signature by A's registered certificate is the credential.
    // a push carries its manifest and signature as headers too (incoming.ts)
    const anonymous = (path: string, body: { manifest: string; signature: string }) =>
      fetch(`${B.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...pushHeaders(body.manifest, body.signature) }, body: JSON.stringify(body) });
    const pkg = (await exportOf('2026-03-02')).body;
    assert.equal((await anonymous('/api/v1/exports/import', pkg)).status, 401, 'the manual import needs a user');
    const logged = async () =>
      Number(
        (
          await B.ctx.db
            .selectFrom('export_log')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const logBefore = await logged();
    const forged = await anonymous('/api/v1/exports/incoming', { ...pkg, manifest: canonicalJson({ ...JSON.parse(pkg.manifest), instanceId: randomUUID() }) });
    assert.equal(forged.status, 422);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'export.instanceNotTrusted');
    const unsigned = await anonymous('/api/v1/exports/incoming', { ...pkg, signature: Buffer.from('not a signature').toString('base64') });
    assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'export.signature.malformed');
    const tooLarge = await anonymous('/api/v1/exports/incoming', { ...pkg, files: { ...pkg.files, 'tzh1.ndjson': 'x'.repeat(64 * 1024 * 1024) } });
    assert.equal(tooLarge.status, 413);
    assert.equal(((await tooLarge.json()) as { error: { code: string } }).error.code, 'body.tooLarge');
    assert.equal(await logged(), logBefore, 'a push nobody answers for leaves nothing, not even a log entry');
    // signed by the registered instance: it answers for the package, so its refusal is logged
    const tampered = await anonymous('/api/v1/exports/incoming', { ...pkg, files: { ...pkg.files, 'tzh1.ndjson': `${pkg.files['tzh1.ndjson']}\n` } });
    assert.equal(((await tampered.json()) as { error: { code: string } }).error.code, 'export.hashMismatch');
    assert.equal(await logged(), logBefore + 1);
    assert.equal((await a.admin('PUT', '/api/v1/exports/push', { url: `${B.url}/api/v1/exports/incoming` })).status, 200);
    const before = await counts(B);
    const pushed = await a.admin('POST', '/api/v1/exports/push/run');
    assert.equal(pushed.body.failed, 0, JSON.stringify(pushed.body));
    assert.equal(pushed.body.sent, days.length);
    assert.deepEqual({ ...(await counts(B)), import_packages: before.import_packages }, before, 'already imported: nothing changes');
    const log = await a.admin('GET', '/api/v1/exports/log?limit=1000');
    assert.ok(log.body.items.some((i: { direction: string; ok: boolean }) => i.direction === 'push' && i.ok));
    assert.ok(log.body.items.some((i: { direction: string; ok: boolean }) => i.direction === 'push' && !i.ok));
    const received = await bAdmin('GET', '/api/v1/exports/log?limit=1000');
    assert.ok(received.body.items.some((i: { direction: string; ok: boolean; actor: string }) => i.direction === 'import' && i.ok && i.actor === 'push'));
  });
});
