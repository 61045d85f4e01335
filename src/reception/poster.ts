// The printable poster of a month's schedule (PR-16, PR-17): the Annex's approval block and title,
// its six columns in their order, every caption in Kazakh and then Russian, to be posted in the
// reception offices. Only what the public schedule shows: nothing personal (PR-32).
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../pdf/render.ts';
import { dateLine, formatDate } from '../pdf/talon.ts';
import { SCHEDULE_FORM } from '../domain/reception.ts';

export interface PosterRow {
  organization: { kk: string; ru: string };
  official: string;
  position: { kk: string; ru: string };
  date: string;
  from: string;
  to: string;
  place: string;
  contacts: string;
}

export interface PosterData {
  month: string;
  organization: { kk: string; ru: string };
  approval: { name: string; position: string; date: string; signed: boolean } | null;
  rows: PosterRow[];
}

const both = (t: { kk: string; ru: string }) => (t.kk === t.ru ? t.kk : `${t.kk} / ${t.ru}`);

export async function renderPoster(data: PosterData): Promise<Buffer> {
  const approval: Content = data.approval
    ? {
        stack: [
          { text: both(SCHEDULE_FORM.approval), bold: true },
          data.approval.position,
          `${data.approval.name} ____________`,
          dateLine(data.approval.date),
          ...(data.approval.signed ? [{ text: 'ЭЦҚ-мен қол қойылған / Подписано ЭЦП', italics: true }] : []),
        ],
        alignment: 'right',
        margin: [0, 0, 0, 12],
      }
    : { text: 'Бекітілмеген / Не утвержден', alignment: 'right', color: '#a00000', bold: true, margin: [0, 0, 0, 12] };
  const header: TableCell[] = SCHEDULE_FORM.columns.map((c, i) => ({ text: `${i + 1}. ${both(c)}`, bold: true, fontSize: 8 }));
  const body: TableCell[][] = data.rows.map((r) => [both(r.organization), r.official, both(r.position), `${formatDate(r.date)} ${r.from}–${r.to}`, r.place, r.contacts]);
  const empty: TableCell[] = [{ text: '—', colSpan: 6, alignment: 'center' }, '', '', '', '', ''];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 28, 30, 28],
    info: { title: `${SCHEDULE_FORM.title.kk} ${data.month}` },
    content: [
      approval,
      { text: SCHEDULE_FORM.title.kk, bold: true, fontSize: 14, alignment: 'center' },
      { text: SCHEDULE_FORM.title.ru, bold: true, fontSize: 12, alignment: 'center' },
      { text: `${both(data.organization)} · ${data.month}`, alignment: 'center', margin: [0, 4, 0, 10] },
      {
        table: { headerRows: 1, widths: ['18%', '14%', '18%', '12%', '20%', '18%'], body: [header, ...(body.length > 0 ? body : [empty])] },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
  };
  return renderPdf(doc);
}
