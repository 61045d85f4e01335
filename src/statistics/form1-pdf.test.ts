// The 1-ТӨ PDF holds every column and every cell of every table (issue 10, defect 1): the PDF is
// read back with pdf.js, page by page, and each table's pages are parsed by position — the row of
// column numbers (under "А", "Б") gives each column's place, the "№" column each row's — so every
// cell is found where it belongs, and every heading of the layout is on the table's pages. Every
// page is landscape A3 and no text run leaves the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/support.ts';
import { actorsOf, decide, register, type Actors } from '../../test/accounting.ts';
import { extractPdfPages, type PdfPage, type PdfTextItem } from '../pdf/pdf-text.ts';
import { FORM1_LAYOUT } from './form1-layout.ts';

type Report = { sections: { id: string; tables: { id: string; columns: { n: number; key: string }[]; rows: { kind: string; reportRow: number | null; cells: number[] }[] }[] }[] };

const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };
const flat = (s: string) => s.replace(/\s+/g, '');

let t: TestApp;
let a: Actors;
let report: Report;
let pages: PdfPage[];

before(async () => {
  t = await testApp({ now: '2026-03-02T09:00:00+05:00' });
  a = await actorsOf(t);
  // Open appeals of every document type, a different number of each, left past their terms: the
  // last column of Sections 2 and 3 ("of which overdue" at the end of the period) is not zero.
  const types = ['application', 'complaint', 'report', 'inquiry', 'feedback', 'proposal'] as const;
  for (const [i, documentType] of types.entries()) {
    for (let k = 0; k < i + 2; k++) {
      await register(a.registrar, {
        documentType,
        ...(documentType === 'complaint' ? { complainedOrganizationId: a.orgs['AKM-BURABAY'] } : {}),
        form: k % 2 ? 'electronic' : 'paper',
        channel: k % 2 ? 'email' : 'post',
        language: k % 3 ? 'ru' : 'kk',
      });
    }
  }
  // Forwarded by competence: the last column of Section 1 ("sent to other organizations").
  for (let k = 0; k < 3; k++) {
    const r = await register(a.registrar, { documentType: 'report', summary: 'Құзыреті бойынша' });
    await decide(a.registrar, r.id, { code: '4.4', targetOrganizationId: a.orgs['AKM-HEALTH'] });
  }
  t.setNow('2026-06-01T09:00:00+05:00');
  const res = await a.admin('GET', '/api/v1/reports/form1?year=2026&month=5');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  report = res.body as Report;
  const pdf = await a.admin('GET', '/api/v1/reports/form1.pdf?year=2026&month=5');
  assert.equal(pdf.status, 200);
  pages = await extractPdfPages(pdf.raw);
});
after(() => t.close());

/** The pages of each table: from the page with its heading up to the next table's. */
function pagesByTable(): Map<string, PdfPage[]> {
  const markers = FORM1_LAYOUT.flatMap((s) => s.tables.map((x) => ({ id: x.id, marker: flat(s.title.kk + (x.id === 's1' ? '' : x.title.kk)) })));
  const out = new Map<string, PdfPage[]>();
  let current: string | null = null;
  for (const p of pages) {
    const text = flat(p.text);
    const found = markers.find((m) => text.includes(m.marker));
    if (found) current = found.id;
    assert.ok(current, 'the first page names its table');
    out.set(current, [...(out.get(current) ?? []), p]);
  }
  return out;
}

const near = (a: number, b: number, tolerance = 1) => Math.abs(a - b) <= tolerance;

/**
 * The cells of a table page by position: the column numbers' row (with "А" and "Б") gives each
 * column's x, the numbers in the "№" column under it each row's baseline; a value belongs to the
 * column whose number is centred last before its right end (the values are right-aligned). Returns reportRow → column number → value.
 */
function cellsOnPage(p: PdfPage): { columns: number[]; cells: Map<number, Map<number, string>> } {
  const letterA = p.items.find((i) => i.str === 'А' && p.items.some((j) => j.str === 'Б' && near(j.y, i.y)));
  assert.ok(letterA, 'the row of column numbers');
  const letterB = p.items.find((j) => j.str === 'Б' && near(j.y, letterA.y))!;
  const centre = (i: PdfTextItem) => i.x + i.width / 2;
  const numbers = p.items.filter((i) => near(i.y, letterA.y) && i.x > letterB.x + letterB.width).map((i) => ({ n: Number(i.str), x: centre(i) }));
  assert.ok(
    numbers.every((c) => Number.isInteger(c.n)),
    JSON.stringify(numbers),
  );
  const cells = new Map<number, Map<number, string>>();
  const rowHeads = p.items.filter((i) => i.y < letterA.y - 1 && near(centre(i), centre(letterA), 4) && /^\d+$/.test(i.str));
  for (const head of rowHeads) {
    const row = new Map<number, string>();
    // the row's values: the numbers on its baseline right of the "№" column (the name is words)
    for (const v of p.items.filter((i) => near(i.y, head.y) && i.x > letterB.x && /^\d+$/.test(i.str))) {
      // right-aligned: its right end lies past the centre of its column's number, before the next one's
      const column = numbers.filter((c) => c.x < v.x + v.width).at(-1);
      assert.ok(column, `a column for "${v.str}" in row ${head.str}`);
      assert.ok(!row.has(column.n), `one value per cell: row ${head.str}, column ${column.n}`);
      row.set(column.n, v.str);
    }
    cells.set(Number(head.str), row);
  }
  return { columns: numbers.map((c) => c.n), cells };
}

describe('the 1-ТӨ PDF', () => {
  test('the last column of every table has non-zero cells (the data the PDF must show)', () => {
    for (const table of report.sections.flatMap((s) => s.tables)) {
      assert.ok(table.rows[0]!.cells.at(-1)! > 0, `${table.id}/${table.columns.at(-1)!.key}: ${table.rows[0]!.cells.at(-1)}`);
    }
  });

  test('every page is landscape A3 and no text leaves it', () => {
    assert.ok(pages.length > FORM1_LAYOUT.flatMap((s) => s.tables).length);
    for (const [n, p] of pages.entries()) {
      assert.ok(near(p.width, A3_LANDSCAPE.width) && near(p.height, A3_LANDSCAPE.height), `page ${n + 1}: ${p.width}×${p.height}`);
      for (const i of p.items) {
        assert.ok(i.x >= 0 && i.x + i.width <= p.width && i.y >= 0 && i.y + i.height <= p.height, `page ${n + 1}: "${i.str}" at ${i.x},${i.y} (${i.width} wide)`);
      }
    }
  });

  test('every column heading, group heading and column number of every table is on its pages', () => {
    const byTable = pagesByTable();
    for (const table of FORM1_LAYOUT.flatMap((s) => s.tables)) {
      const tablePages = byTable.get(table.id);
      assert.ok(tablePages, table.id);
      const text = flat(tablePages.map((p) => p.text).join(''));
      for (const c of table.columns) {
        assert.ok(text.includes(flat(c.title.kk)), `${table.id} column ${c.n}: ${c.title.kk}`);
        if (c.group) assert.ok(text.includes(flat(c.group.kk)), `${table.id} group of column ${c.n}: ${c.group.kk}`);
      }
      // a table printed in column groups: each group's first page says which columns it holds
      const marker = flat(FORM1_LAYOUT.find((s) => s.tables.includes(table))!.title.kk + (table.id === 's1' ? '' : table.title.kk));
      for (const p of tablePages.filter((x) => flat(x.text).includes(marker))) {
        const columns = cellsOnPage(p).columns;
        if (columns.length === table.columns.length) continue;
        const [a, b] = [columns[0], columns.at(-1)];
        assert.ok(flat(p.text).includes(flat(`${marker}(${a}–${b}-бағандар / графы ${a}–${b})`)), `${table.id}: the title says "columns ${a}–${b}"`);
      }
      const numbers = tablePages.flatMap((p) => cellsOnPage(p).columns);
      assert.deepEqual(
        [...new Set(numbers)].sort((x, y) => x - y),
        table.columns.map((c) => c.n),
        `${table.id}: the numbers of its columns`,
      );
    }
  });

  test('every cell of every table is in its row and column', () => {
    const byTable = pagesByTable();
    for (const table of report.sections.flatMap((s) => s.tables)) {
      const found = new Map<number, Map<number, string>>();
      for (const p of byTable.get(table.id)!) {
        for (const [row, cells] of cellsOnPage(p).cells) {
          const m = found.get(row) ?? new Map<number, string>();
          for (const [n, v] of cells) {
            assert.ok(!m.has(n), `${table.id}: row ${row}, column ${n} printed once`);
            m.set(n, v);
          }
          found.set(row, m);
        }
      }
      let nonZero = 0;
      for (const r of table.rows) {
        r.cells.forEach((value, j) => {
          const n = table.columns[j]!.n;
          assert.equal(found.get(r.reportRow!)?.get(n), String(value), `${table.id}: row ${r.reportRow}, column ${n}`);
          if (value) nonZero++;
        });
      }
      assert.ok(nonZero > 0, table.id);
    }
  });
});
