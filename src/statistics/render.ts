// The report 1-ТӨ as a spreadsheet (exceljs) and as a PDF (src/pdf/render.ts): one sheet per table /
// one A3 page per table and group of columns that fits (FORM1_PDF), the printed layout — the multi-row header with merged group headings over their
// columns, the column titles in Kazakh and Russian, the column numbers, then the rows.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../xlsx.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { columnPages, columnsPerPage } from '../pdf/column-pages.ts';
import { renderPdf } from '../pdf/render.ts';
import { pdfWorker } from '../pdf/worker-pool.ts';
import { formatDate, formatDateTime } from '../domain/dates.ts';
import type { Labels } from '../domain/vocabulary.ts';
import { FORM1_PDF } from './form1-layout.ts';
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
  const wb = await newWorkbook();
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

/** The pdfmake definition of the report: per table, one page per group of columns (issue 10 item 1). */
export function form1PdfDocument(data: Form1Data, formedAt: Date, signature?: Form1Signature): TDocumentDefinitions {
  const period = periodLabel(data);
  const { pageWidth, margin, headingWidths, columnWidth, cellPadding, rule, fontSize } = FORM1_PDF;
  const perPage = columnsPerPage({ pageWidth: pageWidth - 2 * margin, headingWidths, columnWidth, cellExtra: 2 * cellPadding + rule });
  const content: Content[] = [];
  for (const section of data.sections) {
    for (const t of section.tables) {
      const pages = columnPages(
        t.columns.map((c) => c.group?.kk ?? null),
        perPage,
      );
      pages.forEach(({ start, end }, p) => {
        const part: Form1TableData = { ...t, columns: t.columns.slice(start, end), rows: t.rows.map((r) => ({ ...r, cells: r.cells.slice(start, end) })) };
        content.push(
          { text: data.title.kk, style: 'title', ...(content.length > 0 ? { pageBreak: 'before' as const } : {}) },
          { text: data.title.ru, style: 'subtitle' },
          { text: `${section.title.kk} / ${section.title.ru}`, style: 'section' },
          ...(t.id === 's1' ? [] : [{ text: `${t.title.kk} / ${t.title.ru}`, style: 'section' }]),
          { text: `${period.kk} / ${period.ru}${data.organization ? ` — ${data.organization.name.kk}` : ''}`, style: 'subtitle' },
          ...(pages.length > 1 ? [{ text: `${part.columns[0]!.n}–${part.columns[part.columns.length - 1]!.n} бағандар / графы (${p + 1}/${pages.length})`, style: 'subtitle' }] : []),
          {
            table: { headerRows: 3, dontBreakRows: true, widths: [...headingWidths, ...part.columns.map(() => columnWidth)], body: pdfTableBody(part) },
            layout: { hLineWidth: () => rule, vLineWidth: () => rule, paddingLeft: () => cellPadding, paddingRight: () => cellPadding },
            fontSize,
          },
        );
      });
    }
  }
  content.push({
    text: signature?.signedAt ? `Қол қойды / Подписал: ${signature.signerName ?? ''}, ${formatDateTime(signature.signedAt, 'kk')}` : `Қалыптастырылды / Сформирован: ${formatDate(formedAt, 'kk')}`,
    style: 'subtitle',
    margin: [0, 8, 0, 0],
  });
  return {
    pageSize: 'A3',
    pageOrientation: 'landscape',
    pageMargins: [margin, margin, margin, margin],
    info: { title: `${data.title.kk} — ${period.kk}`, creationDate: formedAt },
    content,
    styles: {
      title: { fontSize: 11, bold: true, alignment: 'center' },
      subtitle: { fontSize: 8, alignment: 'center', margin: [0, 0, 0, 2] },
      section: { fontSize: 10, bold: true, alignment: 'center', margin: [0, 4, 0, 4] },
    },
  };
}

/** The header (groups, column titles in Kazakh and Russian, column numbers) and the rows of a table. */
function pdfTableBody(t: Form1TableData): TableCell[][] {
  const header1: TableCell[] = [
    { text: '№', rowSpan: 2, bold: true, alignment: 'center' },
    { text: 'Ұйымның атауы / Наименование организации', rowSpan: 2, bold: true, alignment: 'center' },
  ];
  const header2: TableCell[] = [{ text: '' }, { text: '' }];
  for (const span of groupSpans(t)) {
    if (span.group) {
      header1.push({ text: bilingual(span.group), colSpan: span.count, bold: true, alignment: 'center' });
      for (let i = 1; i < span.count; i++) header1.push({ text: '' });
      for (let i = 0; i < span.count; i++) header2.push({ text: bilingual(t.columns[span.start + i]!.title), alignment: 'center' });
    } else {
      header1.push({ text: bilingual(t.columns[span.start]!.title), rowSpan: 2, bold: true, alignment: 'center' });
      header2.push({ text: '' });
    }
  }
  const numbers: TableCell[] = [{ text: 'А', alignment: 'center' }, { text: 'Б', alignment: 'center' }, ...t.columns.map((c) => ({ text: String(c.n), alignment: 'center' as const }))];
  return [
    header1,
    header2,
    numbers,
    ...t.rows.map((r): TableCell[] => [
      { text: String(r.reportRow ?? (r.kind === 'total' ? 1 : '')), alignment: 'center' },
      { text: rowName(r).kk, bold: r.kind === 'total', margin: [r.kind === 'ofWhich' || r.kind === 'own' || r.kind === 'child' ? 6 : 0, 0, 0, 0] },
      ...r.cells.map((n) => ({ text: String(n), alignment: 'right' as const, bold: r.kind === 'total' })),
    ]),
  ];
}

type Form1Signature = { signerName: string | null; signedAt: string | null } | null;

export async function form1Pdf(data: Form1Data, formedAt: Date, signature?: Form1Signature): Promise<Buffer> {
  return renderPdf(form1PdfDocument(data, formedAt, signature));
}

/** form1Pdf in a worker thread: the country report takes ~300 ms to lay out (docs/performance.md). */
export const form1PdfOffThread = pdfWorker<[data: Form1Data, formedAt: Date, signature?: Form1Signature]>(new URL('./form1-pdf-worker.ts', import.meta.url));
