// Issue 10, item 3: every indicator has one definition, that of the 1-ТӨ report's cells for its
// month (cumulative from 1 January, as the screen's caption says), and "overdue at the end of the
// month" is not shown for a month that is not over (the overview's "overdue" is overdue now).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, register } from '../../test/accounting.ts';
import { REVIEW_TABLES } from '../domain/accounting.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let statistician: Api;

before(async () => {
  t = await testApp({ now: '2026-02-03T10:00:00+05:00' });
  registrar = await t.as('registrar');
  head = await t.as('head');
  statistician = await t.as('statistician');
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
});
after(() => t.close());

interface Form1Table {
  id: string;
  columns: { key: string }[];
  rows: { kind: string; cells: number[] }[];
}

/** The total row's cells of the month's 1-ТӨ report, as 'table/column' → n. */
async function reportCells(month: number): Promise<Map<string, number>> {
  const res = await statistician('GET', `/api/v1/reports/form1?year=2026&month=${month}`);
  assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
  const out = new Map<string, number>();
  for (const table of res.body.sections.flatMap((s: { tables: Form1Table[] }) => s.tables) as Form1Table[]) {
    const total = table.rows.find((r) => r.kind === 'total')!;
    table.columns.forEach((c, j) => out.set(`${table.id}/${c.key}`, total.cells[j]!));
  }
  return out;
}

test('indicators are the cells of each month’s 1-ТӨ report (cumulative); overdue at month end only for a month that is over (issue 10, item 3)', async () => {
  const a = await register(registrar, { form: 'electronic', channel: 'egovPortal' });
  const late = await register(registrar, {});
  await decide(head, a.id, { code: '4.15', favourable: true, text: 'Иә.' });
  t.setNow('2026-03-02T10:00:00+05:00');
  await register(registrar, { form: 'electronic', channel: 'email' });
  await decide(head, late.id, { code: '4.13', reason: 'repeatWithoutNewArguments' });
  // due within March but not yet: overdue "at the end of March" is a forecast on the 18th
  const open = await register(registrar, {});
  t.setNow('2026-03-18T10:00:00+05:00');
  assert.ok(open.dueDate > '2026-03-18' && open.dueDate < '2026-03-31', open.dueDate);

  const res = await statistician('GET', '/api/v1/indicators?year=2026&month=3');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const total = res.body.rows.find((r: { kind: string }) => r.kind === 'total');
  for (const month of [2, 3]) {
    const cells = await reportCells(month);
    const v = (k: string) => cells.get(k) ?? 0;
    const sum = (column: string) => REVIEW_TABLES.reduce((n, tb) => n + v(`${tb}/${column}`), 0);
    const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
    const reviewed = sum('reviewed');
    const expected = {
      month,
      received: v('s1/received'),
      reviewed,
      decidedLate: sum('decidedLate'),
      onTimeShare: share(reviewed - sum('decidedLate'), reviewed),
      overdueAtEnd: month === 2 ? sum('overdueAtEnd') : null,
      electronicShare: share(v('s1/form.electronic'), v('s1/received')),
      receptionShare: share(v('s1/fromReception'), v('s1/received')),
      contactCentreShare: share(v('s1/channel.contactCentre'), v('s1/received')),
    };
    assert.deepEqual(total.months[month - 1], expected, `month ${month}`);
  }
  // cumulative from 1 January: March counts February's appeals too
  assert.deepEqual([total.months[1].received, total.months[2].received, total.months[2].reviewed, total.months[2].decidedLate], [2, 4, 2, 1]);
  // the running month: nothing is overdue now (the overview says so), and the indicator does not say otherwise
  const overview = await head('GET', '/api/v1/overview');
  assert.equal(overview.status, 200, JSON.stringify(overview.body));
  assert.equal(overview.body.counts.overdue, 0);
  assert.equal(total.months[2].overdueAtEnd, null);
});
