// CD-22: once every half-year, the report for the akim and the head of the apparatus on the
// instructions of the President, the State Counsellor, the Presidential Administration and its
// control department: each instruction due in the half-year (or still under control), its main
// executor, due date, state and the day its execution report was accepted; with totals. As a
// spreadsheet and as PDF (kk/ru headings).
import { formatDate } from '../domain/dates.ts';
import { newWorkbook } from '../xlsx.ts';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { forbidden } from '../errors.ts';
import { instructionState, SEMI_ANNUAL_REPORT_ISSUERS, type InstructionState } from '../domain/instructions.ts';
import { renderPdf } from '../pdf/render.ts';
import { visibleTo } from './store.ts';

const ISSUER_NAMES: Record<string, string> = {
  president: 'ҚР Президенті / Президент РК',
  stateCounsellor: 'Мемлекеттік кеңесші / Государственный советник',
  presidentialAdministration: 'Президент Әкімшілігі / Администрация Президента',
  paControlDepartment: 'ПӘ бақылау бөлімі / Отдел контроля АП',
};
const STATE_NAMES: Record<InstructionState, string> = {
  underControl: 'Бақылауда / На контроле',
  overdue: 'Мерзімі өткен / Просрочено',
  removed: 'Орындалды, бақылаудан алынды / Исполнено, снято с контроля',
};

export interface SemiAnnualRow {
  issuer: string;
  basisDocument: string | null;
  text: string;
  mainExecutor: string;
  dueDate: string;
  state: InstructionState;
  acceptedOn: string | null;
  onTime: boolean | null;
}

export interface SemiAnnualReport {
  year: number;
  half: 1 | 2;
  from: string;
  to: string;
  rows: SemiAnnualRow[];
  totals: { total: number; executed: number; onTime: number; overdue: number; underControl: number };
}

/** The instructions of the report's issuers due in the half-year, or due before it and still under control. */
export async function semiAnnualReport(ctx: Context, actor: Actor, year: number, half: 1 | 2): Promise<SemiAnnualReport> {
  if (!hasRole(actor, 'controller')) throw forbidden();
  const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
  const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
  const today = todayOf(ctx);
  const tz = ctx.config.timeZone;
  const r = await sql<{ issuer: string; basis_document: string | null; text: string; due_date: string; state: 'underControl' | 'removed'; executor: string; accepted_on: string | null }>`
    SELECT i.issuer, i.basis_document, i.text, i.due_date, i.state, o.name_kk AS executor,
      (SELECT min((r.decided_at AT TIME ZONE ${tz})::date)::text FROM instruction_reports r WHERE r.instruction_id = i.id AND r.kind = 'execution' AND r.accepted) AS accepted_on
    FROM instructions i
    JOIN instruction_executors e ON e.instruction_id = i.id AND e.main
    JOIN organizations o ON o.id = e.organization_id
    WHERE i.issuer IN (${sql.join(SEMI_ANNUAL_REPORT_ISSUERS)}) AND ${visibleTo(actor)}
      AND ((i.due_date BETWEEN ${from} AND ${to}) OR (i.due_date < ${from} AND i.state = 'underControl'))
    ORDER BY i.due_date, i.created_at`.execute(ctx.db);
  const rows = r.rows.map((x) => {
    const state = instructionState(x.state, x.due_date, today);
    return {
      issuer: x.issuer,
      basisDocument: x.basis_document,
      text: x.text,
      mainExecutor: x.executor,
      dueDate: x.due_date,
      state,
      acceptedOn: x.accepted_on,
      onTime: x.accepted_on === null ? (state === 'overdue' ? false : null) : x.accepted_on <= x.due_date,
    };
  });
  const totals = {
    total: rows.length,
    executed: rows.filter((x) => x.state === 'removed').length,
    onTime: rows.filter((x) => x.onTime === true).length,
    overdue: rows.filter((x) => x.state === 'overdue' || x.onTime === false).length,
    underControl: rows.filter((x) => x.state === 'underControl').length,
  };
  return { year, half, from, to, rows, totals };
}

const TITLE = 'ҚР Президентінің, Мемлекеттік кеңесшінің, Президент Әкімшілігінің тапсырмаларының орындалуы туралы есеп / Отчёт об исполнении поручений Президента РК, Государственного советника, Администрации Президента';
const HEADERS = ['№', 'Тапсырма берген / Кем дано', 'Негіз / Основание', 'Мәтіні / Текст', 'Негізгі орындаушы / Главный исполнитель', 'Мерзімі / Срок', 'Күйі / Состояние', 'Есеп қабылданды / Отчёт принят'];
const cells = (x: SemiAnnualRow, i: number) => [
  String(i + 1),
  ISSUER_NAMES[x.issuer] ?? x.issuer,
  x.basisDocument ?? '',
  x.text,
  x.mainExecutor,
  formatDate(x.dueDate, 'kk'),
  STATE_NAMES[x.state],
  x.acceptedOn ? formatDate(x.acceptedOn, 'kk') : '',
];
const totalsLine = (t: SemiAnnualReport['totals']) =>
  `Барлығы / Всего: ${t.total}; орындалды / исполнено: ${t.executed}; мерзімінде / в срок: ${t.onTime}; мерзімі бұзылды / с нарушением срока: ${t.overdue}; бақылауда / на контроле: ${t.underControl}`;
const periodLine = (r: SemiAnnualReport) => `${r.year} ж. ${r.half}-жартыжылдық / ${r.half}-е полугодие ${r.year} г. (${formatDate(r.from, 'kk')} — ${formatDate(r.to, 'kk')})`;

export async function semiAnnualXlsx(r: SemiAnnualReport, at: Date): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Joldanym';
  wb.created = at;
  const ws = wb.addWorksheet(`${r.year}-${r.half}`, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  [5, 28, 24, 50, 32, 12, 24, 14].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.addRow([TITLE]).font = { bold: true };
  ws.addRow([periodLine(r)]);
  ws.addRow([]);
  ws.addRow(HEADERS).font = { bold: true };
  r.rows.forEach((x, i) => {
    ws.addRow(cells(x, i)).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.addRow([]);
  ws.addRow([totalsLine(r.totals)]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function semiAnnualPdf(r: SemiAnnualReport, at: Date): Promise<Buffer> {
  const body: TableCell[][] = [HEADERS.map((h) => ({ text: h, bold: true })), ...r.rows.map((x, i) => cells(x, i))];
  const content: Content[] = [
    { text: TITLE, bold: true, fontSize: 11, margin: [0, 0, 0, 6] },
    { text: periodLine(r), margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths: [18, 70, 60, '*', 80, 48, 70, 50], body }, fontSize: 7 },
    { text: totalsLine(r.totals), bold: true, margin: [0, 8, 0, 0] },
  ];
  return renderPdf({ pageOrientation: 'landscape', pageSize: 'A4', content, info: { title: TITLE, creationDate: at } });
}
