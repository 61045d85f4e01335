import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { testApp, type TestApp } from '../../test/support.ts';
import { actorsOf, monthOfActivity, pureRecountMatches, signAll, decide, sqlRecount, type Actors, type Activity } from '../../test/accounting.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { FORM1_TABLES } from './form1-layout.ts';

const run = promisify(execFile);
// Skipped, and said so, on a machine without LibreOffice (a fresh machine with only Node.js); CI
// installs it (.ci/run) and there a missing LibreOffice is a failure.
const LIBREOFFICE_MISSING =
  !process.env.PATH?.split(path.delimiter).some((dir) => existsSync(path.join(dir, 'libreoffice'))) && !process.env.CI
    ? 'LibreOffice is not installed (apt-get install -y libreoffice-calc): the spreadsheet check is skipped'
    : false;

let t: TestApp;
let a: Actors;
let activity: Activity;

type Report = {
  period: { year: number; month: number };
  sections: { id: string; tables: { id: string; columns: { key: string; kind: string }[]; rows: { kind: string; reportRow: number | null; organization: { id: number | null; code: string }; cells: number[] }[] }[] }[];
};

const tablesOf = (r: Report) => r.sections.flatMap((s) => s.tables);

before(async () => {
  t = await testApp({ now: '2026-03-02T09:00:00+05:00' });
  a = await actorsOf(t);
  activity = await monthOfActivity(t, a, { seed: 11, randomOps: 120 });
});
after(() => t.close());

describe('1-ТӨ from the aggregates', () => {
  test('the month covered every kind of change', () => {
    for (const k of [
      'registered',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      'split',
      '4.5',
      '4.6',
      '4.7',
      '4.11',
      '4.13',
      '4.14',
      '4.15',
      '4.18',
      '4.19',
      '4.20',
      '4.21',
      '4.22',
      '4.23',
      '4.24',
      '4.25',
      '4.26',
      'moveOutCancelled',
      'correction.tzh1',
      'correction.ai1',
      'correction.tzh2',
      'correction.deleteTzh2',
      'correction.deleteTzh1',
    ]) {
      assert.ok((activity.done[k] ?? 0) > 0, `${k}: ${JSON.stringify(activity.done)}`);
    }
    assert.ok(activity.done.registered! > 50);
  });

  for (const month of [3, 4]) {
    test(`the report for ${month === 3 ? 'March' : 'April'} equals a recount in SQL, row by row and cell by cell`, async () => {
      const res = await a.admin('GET', `/api/v1/reports/form1?year=2026&month=${month}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const report = res.body as Report;
      const rows = tablesOf(report)[0]!.rows;
      assert.equal(rows[0]!.kind, 'total');
      assert.equal(rows.length, 1 + 67, 'the total and rows 2–68');
      const specs = rows.slice(1).map((r) => ({ organizationId: r.organization.id!, ownOnly: false }));
      const recount = await sqlRecount(t.ctx.db, 2026, month, specs);
      let nonZero = 0;
      for (const table of tablesOf(report)) {
        const groups = table.rows.filter((r) => r.kind === 'group');
        table.columns.forEach((c, j) => {
          assert.equal(
            table.rows[0]!.cells[j],
            groups.reduce((s, r) => s + r.cells[j]!, 0),
            `total = sum of the groups: ${table.id}/${c.key}`,
          );
        });
        table.rows.slice(1).forEach((r, i) => {
          table.columns.forEach((c, j) => {
            const want = recount.get(i)?.get(`${table.id}/${c.key}`) ?? 0;
            assert.equal(r.cells[j], want, `${table.id}/${c.key}, row ${r.reportRow} (${r.organization.code})`);
            if (want) nonZero++;
          });
        });
      }
      assert.ok(nonZero > 100, `non-zero cells: ${nonZero}`);
    });
  }

  test("an organization's subtree: total, own appeals and each child, equal to the SQL recount", async () => {
    const org = a.orgs['AKM-AKIMAT']!;
    const res = await a.admin('GET', `/api/v1/reports/form1?year=2026&month=3&organization=${org}`);
    assert.equal(res.status, 200);
    const report = res.body as Report;
    const rows = tablesOf(report)[0]!.rows;
    assert.deepEqual(
      rows.slice(0, 2).map((r) => r.kind),
      ['total', 'own'],
    );
    assert.ok(rows.some((r) => r.organization.code === 'AKM-BURABAY'));
    const recount = await sqlRecount(
      t.ctx.db,
      2026,
      3,
      rows.map((r) => ({ organizationId: r.organization.id!, ownOnly: r.kind === 'own' })),
    );
    for (const table of tablesOf(report)) {
      table.rows.forEach((r, i) => table.columns.forEach((c, j) => assert.equal(r.cells[j], recount.get(i)?.get(`${table.id}/${c.key}`) ?? 0, `${table.id}/${c.key} ${r.kind} ${r.organization.code}`)));
      // the total of a subtree is its own appeals and its children's
      table.columns.forEach((_, j) =>
        assert.equal(
          table.rows[0]!.cells[j],
          table.rows.slice(1).reduce((s, r) => s + r.cells[j]!, 0),
        ),
      );
    }
  });

  test('attached and moved-out documents are not in the report (p.33)', async () => {
    const excluded = await t.ctx.db
      .selectFrom('decisions')
      .select('appeal_id')
      .where('code', 'in', ['4.1', '4.5'])
      .where('cancelled_at', 'is', null)
      // a decision card deleted by a correction no longer excludes its appeal
      .where((w) => w.not(w.exists(w.selectFrom('card_deletions').select('record_id').whereRef('card_deletions.record_id', '=', 'decisions.id'))))
      .execute();
    assert.ok(excluded.length >= 2);
    const cells = await t.ctx.db
      .selectFrom('card_cells')
      .select('appeal_id')
      .where(
        'appeal_id',
        'in',
        excluded.map((e) => e.appeal_id),
      )
      .execute();
    assert.equal(cells.length, 0);
    for (const e of excluded) {
      const res = await a.admin('GET', `/api/v1/reports/form1/cell?year=2026&month=3&table=s1&column=received&limit=1000`);
      assert.ok(!res.body.items.some((x: { id: string }) => x.id === e.appeal_id));
    }
  });

  test('the aggregates equal the rules recomputed over every card', async () => {
    const r = await pureRecountMatches(t.ctx.db, t.ctx.clock.now());
    assert.ok(r.cards > 60 && r.cells > 100, JSON.stringify(r));
  });

  test("every cell's appeals add up to the cell", async () => {
    for (const organization of [undefined, a.orgs['AKM-AKIMAT']!]) {
      const q = organization ? `&organization=${organization}` : '';
      const report = (await a.admin('GET', `/api/v1/reports/form1?year=2026&month=3${q}`)).body as Report;
      let checked = 0;
      for (const table of tablesOf(report)) {
        for (const row of table.rows) {
          if (organization === undefined && row.kind !== 'total' && !['AKM-OBL', 'KNB'].includes(row.organization.code)) continue;
          for (const [j, c] of table.columns.entries()) {
            const n = row.cells[j]!;
            if (n === 0 && j % 5 !== 0) continue;
            const rowQ = row.kind === 'total' ? q : `&organization=${row.organization.id}${row.kind === 'own' ? '&own=true' : ''}`;
            const res = await a.admin('GET', `/api/v1/reports/form1/cell?year=2026&month=3&table=${table.id}&column=${encodeURIComponent(c.key)}${rowQ}&limit=1000`);
            assert.equal(res.status, 200, JSON.stringify(res.body));
            assert.equal(res.body.total, n, `${table.id}/${c.key} ${row.kind} ${row.organization.code}`);
            assert.equal(res.body.items.length, n);
            checked++;
          }
        }
      }
      assert.ok(checked > 100, `checked ${checked}`);
    }
  });

  test('scope: the territorial department counts its oblast, heads their subtree, registrars nothing', async () => {
    const all = (await a.admin('GET', '/api/v1/reports/form1?year=2026&month=3')).body as Report;
    const stat = await a.statistician('GET', '/api/v1/reports/form1?year=2026&month=3');
    assert.equal(stat.status, 200);
    const col = (r: Report, code: string) => tablesOf(r)[0]!.rows.find((x) => x.organization.code === code)!.cells[0]!;
    assert.equal(col(stat.body, 'AKM-OBL'), col(all, 'AKM-OBL'), 'the Akmola oblast is its territory');
    assert.ok(col(all, 'KNB') > 0);
    assert.equal(col(stat.body, 'KNB'), 0, 'a body outside the territory (no KATO) is not counted');
    const head = await a.head('GET', '/api/v1/reports/form1?year=2026&month=3');
    assert.equal(head.status, 200);
    assert.equal((head.body as Report).sections[0]!.tables[0]!.rows[0]!.organization.code, 'AKM-BURABAY');
    // behind a cell, the cards a user may open: a head's are theirs; the department's are not its own organizations'
    const headCell = await a.head('GET', '/api/v1/reports/form1/cell?year=2026&month=3&table=s1&column=received');
    const statCell = await a.statistician('GET', '/api/v1/reports/form1/cell?year=2026&month=3&table=s1&column=received');
    assert.ok(headCell.body.total > 0 && headCell.body.items.every((x: { visible: boolean }) => x.visible));
    assert.ok(statCell.body.total > 0 && statCell.body.items.every((x: { visible: boolean }) => !x.visible));
    assert.equal((await a.registrar('GET', '/api/v1/reports/form1?year=2026&month=3')).status, 403);
    assert.equal((await a.head('GET', `/api/v1/reports/form1?year=2026&month=3&organization=${a.orgs['KNB']}`)).status, 403);
    const bad = await a.admin('GET', '/api/v1/reports/form1?year=2026&month=13');
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields[0].path.includes('month'));
    const badCell = await a.admin('GET', '/api/v1/reports/form1/cell?year=2026&month=3&table=s9&column=received');
    assert.equal(badCell.status, 422);
    assert.equal(badCell.body.error.fields[0].code, 'form1.unknownTable');
  });
});

describe('formation, signature, differences', () => {
  test('formed on the 10th equals the report on demand; signed; a later change shows as a difference', async () => {
    t.setNow('2026-04-09T12:00:00+05:00');
    const early = await a.statistician('POST', '/api/v1/reports/form1/formation');
    assert.equal(early.status, 200);
    assert.deepEqual(early.body.formed, [], 'not before the 10th, and nothing before the first appeal');
    t.setNow('2026-04-10T09:00:00+05:00');
    const formed = await a.statistician('POST', '/api/v1/reports/form1/formation');
    assert.deepEqual(
      formed.body.formed.map((f: { year: number; month: number }) => [f.year, f.month]),
      [
        [2026, 3],
        [2026, 3],
      ],
      'the instance and the territory',
    );
    const again = await a.statistician('POST', '/api/v1/reports/form1/formation');
    assert.equal(again.body.formed.length, 0, 'idempotent');

    const list = await a.statistician('GET', '/api/v1/reports/form1/snapshots?year=2026&month=3');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 1, 'the statistician sees the report of their territory');
    const id = list.body.items[0].id;
    const snapshot = await a.statistician('GET', `/api/v1/reports/form1/snapshots/${id}`);
    const onDemand = await a.statistician('GET', '/api/v1/reports/form1?year=2026&month=3');
    const { snapshot: meta, ...content } = snapshot.body;
    assert.deepEqual(content, onDemand.body, 'formed = on demand');
    assert.equal(meta.kind, 'scheduled');
    const adminList = await a.admin('GET', '/api/v1/reports/form1/snapshots?year=2026&month=3');
    assert.equal(adminList.body.items.length, 2, 'the whole instance and the territory');

    const key = await a.statistician('GET', '/api/v1/me/demo-key.p12');
    const signed = await a.statistician('POST', `/api/v1/reports/form1/snapshots/${id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.signature.valid, true);
    const twice = await a.statistician('POST', `/api/v1/reports/form1/snapshots/${id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' });
    assert.equal(twice.status, 409);
    // the administrator acts as the statistics authority (src/statistics/scope.ts): signs the instance's report
    const instanceReport = adminList.body.items.find((i: { id: string }) => i.id !== id).id;
    await t.issueDemoKey((await t.ctx.db.selectFrom('users').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()).id);
    const adminKey = (await a.admin('GET', '/api/v1/me/demo-key.p12')).raw.toString('base64');
    assert.equal((await a.admin('POST', `/api/v1/reports/form1/snapshots/${instanceReport}/sign`, { pkcs12: adminKey, password: 'demo' })).status, 200);
    await assert.rejects(t.ctx.db.updateTable('form1_reports').set({ content: '{}' }).where('id', '=', id).execute());

    assert.deepEqual((await a.statistician('GET', `/api/v1/reports/form1/snapshots/${id}/diff`)).body.differences, []);
    // March is closed: a registration backdated into it is refused and changes nothing …
    const registration = { documentType: 'report', form: 'paper', channel: 'post', language: 'kk', summary: 'Кеш енгізілген', text: '…', receivedAt: '2026-03-20T10:00:00+05:00', anonymous: true };
    const backdated = await a.registrar('POST', '/api/v1/appeals', registration);
    assert.equal(backdated.status, 409, JSON.stringify(backdated.body));
    assert.equal(backdated.body.error.code, 'registration.periodClosed');
    assert.equal(backdated.body.error.fields[0].path, '/receivedAt');
    assert.match(backdated.body.error.message, /2026-03.*2026-04-10/);
    assert.deepEqual((await a.statistician('GET', `/api/v1/reports/form1/snapshots/${id}/diff`)).body.differences, []);
    // … while an appeal of the paper journal of a March outage keeps its receipt time there (p.31)
    const act = await a.head('POST', '/api/v1/outages', { startedAt: '2026-03-20T09:00:00+05:00', endedAt: '2026-03-20T17:00:00+05:00', cause: 'Желі үзілді' });
    assert.equal(act.status, 201, JSON.stringify(act.body));
    const late = await a.registrar('POST', `/api/v1/outages/${act.body.id}/journal-entries`, { page: 1, entry: 1, registration });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.equal(late.body.late, true, 'entered more than 24 hours after the restoration: a violation, not a refusal');
    const diff = await a.statistician('GET', `/api/v1/reports/form1/snapshots/${id}/diff`);
    const received = diff.body.differences.find((d: { table: string; column: string; row: { kind: string } }) => d.table === 's1' && d.column === 'received' && d.row.kind === 'total');
    assert.deepEqual([received.snapshot + 1, received.current, received.difference], [received.current, received.current, 1]);
    // the signed snapshot itself did not change
    assert.deepEqual((await a.statistician('GET', `/api/v1/reports/form1/snapshots/${id}`)).body.sections, snapshot.body.sections);
  });

  test('the XLSX opens in LibreOffice', { skip: LIBREOFFICE_MISSING }, async () => {
    const xlsx = await a.statistician('GET', '/api/v1/reports/form1.xlsx?year=2026&month=3');
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    const dir = await mkdtemp(path.join(tmpdir(), 'form1-'));
    try {
      await writeFile(path.join(dir, 'form1.xlsx'), xlsx.raw);
      await run('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'form1.xlsx')], { timeout: 120_000 });
      assert.ok((await readdir(dir)).includes('form1.pdf'), 'LibreOffice converted the spreadsheet');
      const text = await extractPdfText(await readFile(path.join(dir, 'form1.pdf')));
      assert.ok(text.includes('Тіркелген жолданымдар'), 'the converted sheet keeps its headings');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the PDF has Kazakh headings', async () => {
    const pdf = await a.statistician('GET', '/api/v1/reports/form1.pdf?year=2026&month=3');
    assert.equal(pdf.status, 200);
    const text = await extractPdfText(pdf.raw);
    for (const heading of ['1-бөлім. Тіркелген жолданымдар', '2-бөлім. Әкімшілік рәсім тәртібімен қаралған жолданымдар', '1-кесте. Арыздар', '2-кесте. Шағымдар', '4-кесте. Ұсыныстар', 'Барлығы']) {
      assert.ok(text.includes(heading), heading);
    }
  });

  test('the columns of the layout are each a documented rule', async () => {
    const layout = await a.admin('GET', '/api/v1/reports/form1/layout');
    const columns = layout.body.sections.flatMap((s: { tables: { columns: { definition: string }[] }[] }) => s.tables.flatMap((x) => x.columns));
    assert.equal(
      columns.length,
      FORM1_TABLES.reduce((n, x) => n + x.columns.length, 0),
    );
    assert.ok(columns.every((c: { definition: string }) => c.definition.length > 10));
    // the columns issue 5 asks for
    const rules = (id: string) => FORM1_TABLES.find((x) => x.id === id)!.columns.map((c) => c.rule);
    for (const rule of ['received', 'type.complaint', 'form.electronic', 'channel.contactCentre', 'applicant.collective', 'language.ru', 'fromReception', 'duplicate', 'forwardedIn', 'forwardedOut']) {
      assert.ok(rules('s1').includes(rule), `s1 ${rule}`);
    }
    for (const id of ['s2t1', 's2t2', 's3t1', 's3t2', 's3t3', 's3t4']) {
      for (const rule of ['carriedOver', 'received', 'reviewed', 'terminated', 'returned', 'withdrawn', 'forwarded', 'extended', 'decidedLate', 'inReviewAtEnd', 'overdueAtEnd']) {
        assert.ok(rules(id).includes(rule), `${id} ${rule}`);
      }
    }
    for (const rule of ['actFavourable', 'actUnfavourable', 'hearingHeld', 'deemedRefusal']) assert.ok(rules('s2t1').includes(rule), rule);
    for (const rule of ['actRevoked', 'actReplaced', 'actionPerformed', 'complaintUnsatisfied', 'caseSentBack', 'complaintNotConsidered', 'sentToReviewingBody', 'hearingHeld', 'deemedRefusal']) {
      assert.ok(rules('s2t2').includes(rule), rule);
    }
    for (const rule of ['answeredOnMerits', 'takenIntoAccount']) assert.ok(rules('s3t1').includes(rule), rule);
  });

  test('a decision after the report keeps the aggregates equal to the rules', async () => {
    const open = await t.ctx.db
      .selectFrom('appeals')
      .select('id')
      .where('review_ended_on', 'is', null)
      .where('organization_id', '=', a.orgs['AKM-BURABAY']!)
      .where('document_type', '=', 'application')
      // a card whose decision card a correction deleted: the review still counts that decision (src/review)
      .where((w) => w.not(w.exists(w.selectFrom('card_deletions').select('record_id').whereRef('card_deletions.appeal_id', '=', 'appeals.id'))))
      .executeTakeFirstOrThrow();
    await decide(a.head, open.id, { code: '4.15', favourable: true, text: 'Кеш қаралды.' });
    await signAll(a.head, open.id);
    await pureRecountMatches(t.ctx.db, t.ctx.clock.now());
  });
});
