// The Annex 2 report (CC-16, CC-17): the public-service complaints of a month, per provider or
// all (for the quality authority), due by the 5th of the next month; as data, XLSX and PDF with
// the Annex's columns in order (the same way as the 1-ТӨ report: exceljs, src/pdf/render.ts).
import { newWorkbook } from '../xlsx.ts';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { forbidden, invalid } from '../errors.ts';
import { renderPdf } from '../pdf/render.ts';
import { localDateTime, zonedInstant } from '../domain/calendar.ts';
import { ANNEX2_COLUMNS, annex2Due, annex2Rows, centreFigures, REPEAT_WINDOW_DAYS, type FigureContact } from '../domain/contact-centre.ts';
import type { Annex2Query } from './schemas.ts';
import * as store from './store.ts';

export interface Annex2Report {
  month: string;
  provider: { id: number; code: string; name: { kk: string; ru: string; en: string } } | null;
  dueOn: string;
  dueOnWorkingDay: boolean;
  /** Today is after the due date (the report of a month past its 5th). */
  pastDue: boolean;
  columns: typeof ANNEX2_COLUMNS;
  rows: Record<string, string | number>[];
}

/** Who reads the report: the centre's head and operators, the control department, the administrator. */
const mayRead = (actor: Actor) => hasRole(actor, 'head', 'operator', 'controller');

export async function annex2Report(ctx: Context, actor: Actor, query: Annex2Query): Promise<Annex2Report> {
  if (!mayRead(actor)) throw forbidden();
  const [year, month] = query.month.split('-').map(Number) as [number, number];
  const tz = ctx.config.timeZone;
  const { from, to } = monthBounds(query.month, tz);
  let provider: Annex2Report['provider'] = null;
  if (query.provider !== undefined) {
    const org = await store.organizationById(ctx.db, query.provider);
    if (!org) throw invalid([{ path: '/query/provider', code: 'organization.unknown' }]);
    provider = { id: org.id, code: org.code, name: { kk: org.name_kk, ru: org.name_ru, en: org.name_en } };
  }
  const complaints = await store.complaintsOf(ctx.db, actor, from, to, query.provider);
  const rows = annex2Rows(
    complaints.map((c) => {
      const local = localDateTime(c.received_at, tz);
      return {
        receivedAt: `${local.date} ${local.time.slice(0, 5)}`,
        responsibleName: c.responsible_name,
        region: c.region,
        applicantName: c.applicant_name,
        nature: c.nature,
        content: c.content,
        measures: c.measures,
        ticketNumber: c.ticket_number,
        bylawViolation: c.bylaw_violation,
        employeeActions: c.employee_actions,
      };
    }),
  );
  const due = annex2Due(year, month, ctx.law.calendar);
  return { month: query.month, provider, ...due, pastDue: today(ctx) > due.dueOn, columns: ANNEX2_COLUMNS, rows };
}

/** The instants a month ('YYYY-MM') begins and the next begins, in the time zone. */
function monthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: zonedInstant(`${month}-01`, '00:00', timeZone), to: zonedInstant(next, '00:00', timeZone) };
}

const TITLE = { kk: 'Есеп (2-қосымша)', ru: 'Отчет (приложение 2)' };

export async function annex2Xlsx(report: Annex2Report, at: Date): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Joldanym';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet('2-қосымша', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = report.columns.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = `${TITLE.kk} / ${TITLE.ru} — ${report.month}${report.provider ? ` — ${report.provider.name.kk}` : ''}`;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  report.columns.forEach((c, i) => {
    const head = ws.getCell(3, i + 1);
    head.value = `${c.title.kk}\n${c.title.ru}`;
    head.font = { bold: true, size: 9 };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    head.border = border;
    const n = ws.getCell(4, i + 1);
    n.value = c.n === 0 ? '' : c.n;
    n.alignment = { horizontal: 'center' };
    n.border = border;
    ws.getColumn(i + 1).width = c.n === 0 ? 6 : 24;
  });
  ws.getRow(3).height = 60;
  report.rows.forEach((r, i) => {
    report.columns.forEach((c, j) => {
      const cell = ws.getCell(5 + i, j + 1);
      cell.value = r[c.key] ?? '';
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = border;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function annex2Pdf(report: Annex2Report, at: Date): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 24, 24, 24],
    info: { title: `${TITLE.kk} — ${report.month}`, creationDate: at },
    content: [
      { text: `${TITLE.kk} / ${TITLE.ru}`, fontSize: 12, bold: true, alignment: 'center' },
      { text: `${report.month}${report.provider ? ` — ${report.provider.name.kk}` : ''}`, fontSize: 9, alignment: 'center', margin: [0, 2, 0, 6] },
      {
        table: {
          headerRows: 2,
          widths: report.columns.map((c) => (c.n === 0 ? 18 : '*')),
          body: [
            report.columns.map((c) => ({ text: `${c.title.kk} / ${c.title.ru}`, bold: true, alignment: 'center' as const })),
            report.columns.map((c) => ({ text: c.n === 0 ? '' : String(c.n), alignment: 'center' as const })),
            ...report.rows.map((r) => report.columns.map((c) => ({ text: String(r[c.key] ?? '') }))),
          ],
        },
        fontSize: 7,
        layout: { hLineWidth: () => 0.4, vLineWidth: () => 0.4 },
      },
      { text: `Мерзімі / Срок: ${report.dueOn}`, fontSize: 8, margin: [0, 8, 0, 0] },
    ],
  };
  return renderPdf(doc);
}

/** The centre's own figures of a month: contacts by channel and outcome, calls answered within
 *  20 s, average handling time, first-contact resolution, appeals registered, public-service
 *  complaints, the cards that answered most. The contact-centre head and the control department. */
export async function centreFiguresOf(ctx: Context, actor: Actor, month: string) {
  if (!hasRole(actor, 'head', 'controller')) throw forbidden();
  const { from, to } = monthBounds(month, ctx.config.timeZone);
  const after = new Date(to.getTime() + REPEAT_WINDOW_DAYS * 86_400_000);
  const rows = await store.contactsBetween(ctx.db, actor, from, after);
  const of = (r: (typeof rows)[number]): FigureContact => ({
    id: r.id,
    channel: r.channel,
    outcome: r.outcome,
    caller: r.caller,
    startedAt: r.started_at,
    answeredAt: r.answered_at,
    endedAt: r.ended_at,
    callId: r.call_id,
    knowledgeCardId: r.knowledge_card_id,
  });
  const figures = centreFigures(rows.filter((r) => r.started_at < to).map(of), rows.filter((r) => r.started_at >= to).map(of));
  const names = new Map(
    (
      await store.cardNames(
        ctx.db,
        figures.topCards.map((c) => c.knowledgeCardId),
      )
    ).map((c) => [c.id, c]),
  );
  return {
    month,
    ...figures,
    topCards: figures.topCards.map((c) => ({ ...c, serviceKk: names.get(c.knowledgeCardId)?.service_kk ?? '', serviceRu: names.get(c.knowledgeCardId)?.service_ru ?? '' })),
  };
}
