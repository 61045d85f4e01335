// The 1-ТӨ PDF prints every column and every cell of every table (issue 10 item 1): read back from
// the PDF, each page's column numbers, the values at each row and the headings must be those of
// the report, and no text may run past the page edge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPdfItems, textOutsidePages, type PdfTextItem } from '../pdf/pdf-text.ts';
import { INSTANCE_SCOPE } from './scope.ts';
import { FORM1_LAYOUT, FORM1_TITLE } from './form1-layout.ts';
import type { Form1Data, Form1RowData } from './report.ts';
import { form1Pdf, form1PdfOffThread } from './render.ts';

const ORGS = [
  'Ақмола облысының әкімдігі',
  'Бурабай ауданының әкімдігі',
  'Ақмола облысы Бурабай ауданы әкімдігінің жер қатынастары, сәулет және қала құрылысы бөлімі',
  'Көкшетау қаласының әкімдігі',
  'Астана қаласының әкімдігі',
  'Астана қаласының білім басқармасы',
  'Алматы облысының денсаулық сақтау басқармасы',
  'Қарағанды облысының әкімдігі',
  'Шымкент қаласының әкімдігі',
];

/** A country report with a value in each cell that occurs nowhere else. */
function countryReport(orgs: readonly string[]): Form1Data {
  let table = 0;
  return {
    form: '1-ТӨ',
    title: FORM1_TITLE,
    period: { year: 2026, month: 11, from: '2026-01-01', to: '2026-11-30' },
    scope: INSTANCE_SCOPE,
    organization: null,
    sections: FORM1_LAYOUT.map((s) => ({
      id: s.id,
      title: s.title,
      tables: s.tables.map((t) => {
        table++;
        const rows: Form1RowData[] = [null, ...orgs].map((name, r) => ({
          kind: name === null ? 'total' : r % 3 === 1 ? 'group' : 'ofWhich',
          organization: name === null ? null : { id: r, code: `ORG-${r}`, name: { kk: name, ru: `${name} (ru)`, en: name } },
          reportRow: r + 1,
          cells: t.columns.map((_, c) => table * 100_000 + r * 100 + c + 1),
        }));
        return { id: t.id, title: t.title, columns: t.columns.map((c) => ({ n: c.n, key: c.key, title: c.title, kind: c.kind, group: c.group ?? null })), rows };
      }),
    })),
  };
}

// pdfkit writes a run per word (and breaks after hyphens): compare with all whitespace removed
const bare = (s: string) => s.replace(/\s+/g, '');
const flat = (items: PdfTextItem[]) => bare(items.map((i) => i.str).join(''));
const lines = (items: PdfTextItem[]) => {
  const byY: PdfTextItem[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = byY[byY.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) < 1) line.push(item);
    else byY.push([item]);
  }
  return byY;
};

test('1-ТӨ PDF: every column and every cell of every table, headings repeated, within the page', async () => {
  // more rows than an A3 page holds: a group of columns continues on the next page, its header repeated
  const data = countryReport(Array.from({ length: 50 }, (_, i) => `${ORGS[i % ORGS.length]} ${i + 2}`));
  const pages = await extractPdfItems(await form1Pdf(data, new Date('2026-12-04T10:00:00Z')));
  assert.deepEqual(textOutsidePages(pages), [], 'nothing runs past the page edge');
  for (const [p, page] of pages.entries()) {
    assert.ok(page.width > page.height, `page ${p + 1} is landscape`);
    assert.ok(Math.abs(page.width - 1190.55) < 1 && Math.abs(page.height - 841.89) < 1, `page ${p + 1} is A3`);
  }
  // a page printing a table's titles starts a part of it; the pages after it without titles continue it
  const tables = data.sections.flatMap((s) => s.tables.map((t) => ({ section: s, t, pages: [] as typeof pages })));
  let owner: (typeof tables)[number] | undefined;
  for (const page of pages) {
    const text = flat(page.items);
    owner = tables.find(({ section, t }) => [section.title.kk, section.title.ru, t.title.kk, t.title.ru].every((title) => text.includes(bare(title)))) ?? owner;
    owner?.pages.push(page);
  }
  for (const { t, pages: own } of tables) {
    assert.ok(own.length > 0, `${t.id}: pages found`);
    // the pages of one group of columns: its columns, its rows' values left to right, its text
    const parts: { columns: number[]; rows: number[][]; text: string }[] = [];
    for (const page of own) {
      const numbersRow = lines(page.items).find((l) => l[0]?.str === 'А' && l[1]?.str === 'Б');
      if (!numbersRow) continue; // the signature line alone
      const numbers = numbersRow.slice(2);
      const columns = numbers.map((i) => Number(i.str));
      const valuesFrom = numbers[0]!.x - 15;
      const rows = lines(page.items.filter((i) => i.y < numbersRow[0]!.y - 1))
        .map((l) => l.filter((i) => i.x >= valuesFrom))
        .filter((l) => l.length > 0 && l.every((i) => /^\d+$/.test(i.str)))
        .map((l) => l.map((i) => Number(i.str)));
      const last = parts[parts.length - 1];
      if (last && last.columns.join() === columns.join()) {
        last.rows.push(...rows);
        last.text += flat(page.items);
      } else parts.push({ columns, rows, text: flat(page.items) });
    }
    for (const { columns, rows, text } of parts) {
      assert.deepEqual(
        rows,
        t.rows.map((r) => columns.map((n) => r.cells[n - 1])),
        `${t.id}: each row's values under their column numbers`,
      );
      for (const r of t.rows) assert.ok(text.includes(bare(r.organization?.name.kk ?? 'Барлығы')), `${t.id}: row ${r.reportRow} named beside each group of columns`);
      for (const [k, n] of columns.entries()) {
        const column = t.columns[n - 1]!;
        for (const title of [column.title.kk, column.title.ru, ...(column.group ? [column.group.kk, column.group.ru] : [])]) {
          assert.ok(text.includes(bare(title)), `${t.id} column ${n} (${k + 1} on its page): heading "${title}"`);
        }
      }
    }
    assert.deepEqual(
      parts.flatMap((x) => x.columns).sort((x, y) => x - y),
      t.columns.map((c) => c.n),
      `${t.id}: every column printed once`,
    );
  }
});

test('1-ТӨ PDF: rendered in a worker thread, the same bytes', async () => {
  const data = countryReport(ORGS.slice(0, 3));
  const at = new Date('2026-12-04T10:00:00Z');
  const signature = { signerName: 'Сүлейменова Г.', signedAt: '2026-12-04T10:05:00.000Z' };
  const [inThread, offThread] = await Promise.all([form1Pdf(data, at, signature), form1PdfOffThread(data, at, signature)]);
  assert.ok(offThread.equals(inThread));
  // the signer and the local time of signing (15:05 in Almaty), dd.MM.yyyy
  assert.match(flat((await extractPdfItems(offThread)).flatMap((p) => p.items)), /Сүлейменова.*04\.12\.202615:05/);
});
