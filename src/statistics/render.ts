// The report 1-ТӨ as a spreadsheet (exceljs) and as a PDF (src/pdf/render.ts): one sheet per table /
// one run of pages per table and column group, the printed layout — the multi-row header with merged group headings over their
// columns, the column titles in Kazakh and Russian, the column numbers, then the rows.
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf, textMeasure } from '../pdf/render.ts';
import type { Labels } from '../domain/vocabulary.ts';
import type { Form1Data, Form1RowData, Form1TableData } from './report.ts';

const MONTHS: Record<'kk' | 'ru', string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
};

export function periodLabel(data: Form1Data): Labels {
  const { year, month } = data.period;
  const kk = month === 1 ? `${year} жылғы ${MONTHS.kk[0]}` : `${year} жылғы ${MONTHS.kk[0]}–${MONTHS.kk[month - 1]}`;
  const ru = month === 1 ? `${MONTHS.ru[0]} ${year} года` : `${MONTHS.ru[0]}–${MONTHS.ru[month - 1]} ${year} года`;
  return { kk, ru, en: `January–${new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}` };
}

const bilingual = (l: Labels) => `${l.kk}\n${l.ru}`;

function rowName(r: Form1RowData): Labels {
  if (!r.organization) return { kk: 'Барлығы', ru: 'Всего', en: 'Total' };
  return r.organization.name;
}

/** Column spans of the group headings: [first column index, count, group] (null: no group). */
function groupSpans(t: Form1TableData): { start: number; count: number; group: Labels | null }[] {
  const spans: { start: number; count: number; group: Labels | null }[] = [];
  t.columns.forEach((c, i) => {
    const last = spans[spans.length - 1];
    if (last && c.group && last.group && last.group.kk === c.group.kk) last.count++;
    else spans.push({ start: i, count: 1, group: c.group });
  });
  return spans;
}

function sheetName(t: Form1TableData): string {
  return t.id === 's1' ? '1-бөлім' : `${t.id[1]}-бөлім, ${t.id.slice(3)}-кесте`;
}

export async function form1Xlsx(data: Form1Data, formedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Joldanym';
  wb.created = formedAt;
  wb.modified = formedAt;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const period = periodLabel(data);
  for (const section of data.sections) {
    for (const t of section.tables) {
      const ws = wb.addWorksheet(sheetName(t), { pageSetup: { orientation: 'landscape', paperSize: 8 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
      const lastCol = t.columns.length + 2;
      ws.getColumn(1).width = 6;
      ws.getColumn(2).width = 44;
      for (let i = 3; i <= lastCol; i++) ws.getColumn(i).width = 9;
      const heading = (row: number, text: string, bold = false) => {
        ws.mergeCells(row, 1, row, lastCol);
        const cell = ws.getCell(row, 1);
        cell.value = text;
        cell.font = { bold, size: bold ? 12 : 10 };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        ws.getRow(row).height = bold ? 32 : 28;
      };
      heading(1, bilingual(data.title), true);
      heading(2, `${bilingual(section.title)}${t.id === 's1' ? '' : `\n${t.title.kk} / ${t.title.ru}`}`, true);
      heading(3, `${period.kk} / ${period.ru}${data.organization ? ` — ${data.organization.name.kk}` : ''}`);
      ws.getRow(2).height = 44;

      // The header: rows 5 (groups) and 6 (titles), row 7 the column numbers.
      const top = 5;
      const head = (r1: number, c1: number, r2: number, c2: number, value: string, rotate = false) => {
        if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1, c1, r2, c2);
        const cell = ws.getCell(r1, c1);
        cell.value = value;
        cell.font = { bold: true, size: 8 };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...(rotate ? { textRotation: 90 } : {}) };
        for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) ws.getCell(r, c).border = border;
      };
      head(top, 1, top + 1, 1, '№');
      head(top, 2, top + 1, 2, 'Ұйымның атауы\nНаименование организации');
      for (const span of groupSpans(t)) {
        const c1 = span.start + 3;
        if (span.group) {
          head(top, c1, top, c1 + span.count - 1, bilingual(span.group));
          for (let i = 0; i < span.count; i++) head(top + 1, c1 + i, top + 1, c1 + i, bilingual(t.columns[span.start + i]!.title), true);
        } else {
          head(top, c1, top + 1, c1, bilingual(t.columns[span.start]!.title), true);
        }
      }
      ws.getRow(top).height = 40;
      ws.getRow(top + 1).height = 190;
      head(top + 2, 1, top + 2, 1, 'А');
      head(top + 2, 2, top + 2, 2, 'Б');
      t.columns.forEach((c, i) => head(top + 2, i + 3, top + 2, i + 3, String(c.n)));
      ws.views = [{ state: 'frozen', xSplit: 2, ySplit: top + 2 }];

      t.rows.forEach((r, i) => {
        const row = ws.getRow(top + 3 + i);
        row.getCell(1).value = r.reportRow ?? (r.kind === 'total' ? 1 : null);
        const name = rowName(r);
        row.getCell(2).value = r.kind === 'own' ? `${name.kk} / ${name.ru}` : name.kk;
        r.cells.forEach((n, j) => (row.getCell(j + 3).value = n));
        for (let c = 1; c <= lastCol; c++) {
          const cell = row.getCell(c);
          cell.border = border;
          cell.font = { size: 9, bold: r.kind === 'total' };
          cell.alignment = c === 2 ? { wrapText: true, vertical: 'middle', indent: r.kind === 'ofWhich' || r.kind === 'own' || r.kind === 'child' ? 1 : 0 } : { horizontal: 'center', vertical: 'middle' };
        }
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// The PDF: landscape A3, every column of every table. A table wider than the page is split into
// groups of consecutive columns, each on its own pages under the table's title with "(columns
// a–b)", the row headings (№ and the organization) repeated in each; the header rows repeat on
// every page a group runs over. Column widths come from the text itself, measured as pdfmake sets
// it (src/pdf/render.ts): a column is at least as wide as the widest word of its heading and its
// widest number, so nothing is cut or breaks mid-word, at 7 pt.

/** pdfmake's A3 turned landscape, in points. */
const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };
const PAGE_MARGIN = 24;
/** The tables' text: headings, numbers and names. */
const TABLE_FONT = 7;
const CELL_PADDING = 2;
const RULE = 0.4;
/** Per column, besides its content: the padding on both sides and one rule. */
const COLUMN_EXTRA = 2 * CELL_PADDING + RULE;
const NAME_WIDTH = 150;
const MIN_COLUMN = 24;
/** A group's spare width widens its narrowest columns, up to this width. */
const MAX_COLUMN = 72;

export interface ColumnGroup {
  /** Indexes of the table's columns, consecutive. */
  columns: number[];
  /** Content width of each of them. */
  widths: number[];
}

/**
 * Splits a table's columns into as few groups of consecutive columns as fit `available` points
 * each, as even in width as possible, preferring cuts between merged headings to cuts through one.
 * `minWidths`: each column's narrowest content width; `spans`: the merged headings (first column,
 * count, the width their text needs). A column wider than `available` alone gets a group alone.
 */
export function splitColumns(minWidths: number[], spans: { start: number; count: number; need: number }[], available: number): ColumnGroup[] {
  const n = minWidths.length;
  /** Content widths of columns [from, to): the minimum, widened where a merged heading needs it. */
  const widthsOf = (from: number, to: number): number[] => {
    const widths = minWidths.slice(from, to);
    for (const span of spans) {
      const a = Math.max(span.start, from);
      const b = Math.min(span.start + span.count, to);
      if (a >= b) continue;
      const inner = widths.slice(a - from, b - from).reduce((x, y) => x + y, 0) + (b - a - 1) * COLUMN_EXTRA;
      const deficit = span.need - inner;
      if (deficit > 0) for (let i = a; i < b; i++) widths[i - from]! += deficit / (b - a);
    }
    return widths;
  };
  const widthOf = (from: number, to: number) => widthsOf(from, to).reduce((x, y) => x + y, 0) + (to - from) * COLUMN_EXTRA;
  const cutsSpan = (at: number) => spans.some((s) => s.count > 1 && at > s.start && at < s.start + s.count);
  // best[k][i]: the columns [0, i) in k groups — [spans cut, widest group] — and where the last group starts
  type Plan = { cuts: number; widest: number; from: number } | null;
  const better = (x: Plan, y: Plan) => !!x && (!y || x.cuts < y.cuts || (x.cuts === y.cuts && x.widest < y.widest));
  let best: Plan[][] = [[{ cuts: 0, widest: 0, from: 0 }, ...Array<Plan>(n).fill(null)]];
  for (let k = 1; k <= n; k++) {
    const row: Plan[] = Array<Plan>(n + 1).fill(null);
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < i; j++) {
        const prev = best[k - 1]![j];
        const w = widthOf(j, i);
        if (!prev || (w > available && i - j > 1)) continue;
        const plan = { cuts: prev.cuts + (j > 0 && cutsSpan(j) ? 1 : 0), widest: Math.max(prev.widest, w), from: j };
        if (better(plan, row[i]!)) row[i] = plan;
      }
    }
    best = [...best, row];
    if (row[n]) break;
  }
  const groups: ColumnGroup[] = [];
  for (let k = best.length - 1, i = n; k > 0; i = best[k]![i]!.from, k--) {
    const from = best[k]![i]!.from;
    groups.unshift({ columns: Array.from({ length: i - from }, (_, x) => from + x), widths: widthsOf(from, i) });
  }
  // the spare width of each group raises its narrowest columns to a common width (MAX_COLUMN at most)
  for (const g of groups) {
    const spare = available - (g.widths.reduce((x, y) => x + y, 0) + g.widths.length * COLUMN_EXTRA);
    if (spare <= 0) continue;
    const raised = (level: number) => g.widths.reduce((sum, w) => sum + Math.max(0, level - w), 0);
    let low = 0;
    let high = MAX_COLUMN;
    if (raised(high) > spare) {
      for (let i = 0; i < 40; i++) {
        const mid = (low + high) / 2;
        if (raised(mid) > spare) high = mid;
        else low = mid;
      }
    } else low = high;
    g.widths = g.widths.map((w) => Math.max(w, low));
  }
  return groups;
}

/** "(columns a–b)" in Kazakh and Russian, after the title of a table printed in column groups. */
export function columnsLabel(first: number, last: number): string {
  return `(${first}–${last}-бағандар / графы ${first}–${last})`;
}

export async function form1Pdf(data: Form1Data, formedAt: Date, signature?: { signerName: string | null; signedAt: string | null } | null): Promise<Buffer> {
  const period = periodLabel(data);
  const measure = await textMeasure();
  const wordWidth = (text: string, bold = false) => measure.widestWord(text, TABLE_FONT, bold) + 0.5;
  const content: Content[] = [];
  let first = true;
  for (const section of data.sections) {
    for (const t of section.tables) {
      const rowNumber = (r: Form1RowData) => String(r.reportRow ?? (r.kind === 'total' ? 1 : ''));
      const numberWidth = Math.max(wordWidth('№'), wordWidth('А'), ...t.rows.map((r) => wordWidth(rowNumber(r), true)));
      const nameWidth = Math.max(NAME_WIDTH, ...t.rows.map((r) => wordWidth(rowName(r).kk, true) + 6));
      const available = A3_LANDSCAPE.width - 2 * PAGE_MARGIN - (numberWidth + nameWidth + 2 * COLUMN_EXTRA + RULE);
      const minWidths = t.columns.map((c, j) => Math.max(MIN_COLUMN, wordWidth(c.title.kk, !c.group), wordWidth(String(c.n)), ...t.rows.map((r) => wordWidth(String(r.cells[j]), r.kind === 'total'))));
      const spans = groupSpans(t).map((s) => ({ ...s, need: s.group ? wordWidth(`${s.group.kk} / ${s.group.ru}`, true) : 0 }));
      const groups = splitColumns(minWidths, spans, available);
      for (const g of groups) {
        const from = g.columns[0]!;
        const to = g.columns[g.columns.length - 1]! + 1;
        const header1: TableCell[] = [
          { text: '№', rowSpan: 2, bold: true, alignment: 'center' },
          { text: 'Ұйымның атауы / Наименование организации', rowSpan: 2, bold: true, alignment: 'center' },
        ];
        const header2: TableCell[] = [{ text: '' }, { text: '' }];
        for (const span of spans) {
          const a = Math.max(span.start, from);
          const b = Math.min(span.start + span.count, to);
          if (a >= b) continue;
          if (span.group) {
            header1.push({ text: `${span.group.kk} / ${span.group.ru}`, colSpan: b - a, bold: true, alignment: 'center' });
            for (let i = a + 1; i < b; i++) header1.push({ text: '' });
            for (let i = a; i < b; i++) header2.push({ text: t.columns[i]!.title.kk, alignment: 'center' });
          } else {
            header1.push({ text: t.columns[a]!.title.kk, rowSpan: 2, bold: true, alignment: 'center' });
            header2.push({ text: '' });
          }
        }
        const columns = t.columns.slice(from, to);
        const numbers: TableCell[] = [{ text: 'А', alignment: 'center' }, { text: 'Б', alignment: 'center' }, ...columns.map((c) => ({ text: String(c.n), alignment: 'center' as const }))];
        const body: TableCell[][] = [
          header1,
          header2,
          numbers,
          ...t.rows.map((r): TableCell[] => [
            { text: rowNumber(r), alignment: 'center', bold: r.kind === 'total' },
            { text: rowName(r).kk, bold: r.kind === 'total', margin: [r.kind === 'ofWhich' || r.kind === 'own' || r.kind === 'child' ? 6 : 0, 0, 0, 0] },
            ...r.cells.slice(from, to).map((n) => ({ text: String(n), alignment: 'right' as const, bold: r.kind === 'total' })),
          ]),
        ];
        const part = groups.length > 1 ? ` ${columnsLabel(columns[0]!.n, columns[columns.length - 1]!.n)}` : '';
        content.push(
          { text: data.title.kk, style: 'title', ...(first ? {} : { pageBreak: 'before' as const }) },
          { text: data.title.ru, style: 'subtitle' },
          { text: `${section.title.kk}${t.id === 's1' ? part : ''}`, style: 'section' },
          ...(t.id === 's1' ? [] : [{ text: `${t.title.kk}${part}`, style: 'section' }]),
          { text: `${period.kk} / ${period.ru}${data.organization ? ` — ${data.organization.name.kk}` : ''}`, style: 'subtitle' },
          {
            table: { headerRows: 3, keepWithHeaderRows: 1, dontBreakRows: true, widths: [numberWidth, nameWidth, ...g.widths], body },
            layout: {
              hLineWidth: () => RULE,
              vLineWidth: () => RULE,
              paddingLeft: () => CELL_PADDING,
              paddingRight: () => CELL_PADDING,
              paddingTop: () => 1.5,
              paddingBottom: () => 1.5,
            },
            fontSize: TABLE_FONT,
          },
        );
        first = false;
      }
    }
  }
  content.push({
    text: signature?.signedAt ? `Қол қойды / Подписал: ${signature.signerName ?? ''}, ${signature.signedAt.slice(0, 10)}` : `Қалыптастырылды / Сформирован: ${formedAt.toISOString().slice(0, 10)}`,
    style: 'subtitle',
    margin: [0, 8, 0, 0],
  });
  const doc: TDocumentDefinitions = {
    pageSize: 'A3',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGIN,
    info: { title: `${data.title.kk} — ${period.kk}`, creationDate: formedAt },
    content,
    styles: {
      title: { fontSize: 11, bold: true, alignment: 'center' },
      subtitle: { fontSize: 8, alignment: 'center', margin: [0, 0, 0, 2] },
      section: { fontSize: 10, bold: true, alignment: 'center', margin: [0, 4, 0, 4] },
    },
  };
  return renderPdf(doc);
}
