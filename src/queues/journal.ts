// A queue or journal on paper and in a spreadsheet (issue 10 item 14): the registration journal of
// incoming appeals every office keeps is the queue "all" over a registration period, sorted by
// number. The rows are the queue's, with its filters and scope; the export is a look-up of
// applicants' names in bulk, so it is audited.
import { newWorkbook } from '../xlsx.ts';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appendEvent } from '../audit/log.ts';
import { DIRECTORIES } from '../db/reference/directories.ts';
import { formatDate } from '../domain/dates.ts';
import type { Queue, QueueSort } from '../domain/queues.ts';
import type { Labels, Language } from '../domain/vocabulary.ts';
import { renderPdf } from '../pdf/render.ts';
import { termDates } from './read.ts';
import { queueItems, type QueueFilter, type QueueRow } from './store.ts';

/** The most rows one export carries; a longer journal is exported by period. */
export const JOURNAL_LIMIT = 5000;

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });
const COLUMNS: { title: Labels; width: number; value: (r: QueueRow, lang: Language) => string }[] = [
  { title: L('Тіркеу нөмірі', 'Регистрационный номер', 'Registration number'), width: 70, value: (r) => r.registration_number },
  { title: L('Тіркелген күні', 'Дата регистрации', 'Registered on'), width: 48, value: (r, l) => formatDate(r.registration_date, l) },
  { title: L('Құжат түрі', 'Вид документа', 'Document type'), width: 50, value: (r, l) => label('documentType', r.document_type, l) },
  { title: L('Түсу арнасы', 'Канал поступления', 'Channel'), width: 60, value: (r, l) => label('channel', r.channel, l) },
  { title: L('Өтініш беруші', 'Заявитель', 'Applicant'), width: 80, value: (r) => r.applicant_name ?? '—' },
  { title: L('Қысқаша мазмұны', 'Краткое содержание', 'Summary'), width: 100, value: (r) => r.summary },
  { title: L('Ұйым', 'Организация', 'Organization'), width: 90, value: (r, l) => (l === 'ru' ? r.name_ru : l === 'en' ? r.name_en : r.name_kk) },
  { title: L('Орындаушы', 'Исполнитель', 'Executor'), width: 70, value: (r) => r.executor_name ?? '—' },
  { title: L('Қарау мерзімі', 'Срок рассмотрения', 'Due date'), width: 48, value: (r, l) => formatDate(r.due_date, l) },
  { title: L('Қарау аяқталды', 'Рассмотрение завершено', 'Review ended'), width: 48, value: (r, l) => (r.review_ended_on ? formatDate(r.review_ended_on, l) : '—') },
];

function label(directory: 'documentType' | 'channel', code: string, lang: Language): string {
  return DIRECTORIES[directory].find((e) => e.code === code)?.label[lang] ?? code;
}

const TITLE = L('Жолданымдарды тіркеу журналы', 'Журнал регистрации обращений', 'Register of appeals');

export interface Journal {
  queue: Queue;
  rows: QueueRow[];
  total: number;
  totalCapped: boolean;
  today: string;
}

/** The rows of a queue for export, at most JOURNAL_LIMIT (the total says how many matched). */
export async function queueJournal(ctx: Context, actor: Actor, queue: Queue, filter: QueueFilter, sort: { sort: QueueSort; order: 'asc' | 'desc' }): Promise<Journal> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = termDates(ctx);
    const { rows, total, totalCapped } = await queueItems(trx, actor, queue, filter, d, { ...sort, limit: JOURNAL_LIMIT, offset: 0 });
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: ctx.clock.now(), kind: 'queueExported', changes: { queue, filter, rows: rows.length, total, totalCapped } });
    return { queue, rows, total, totalCapped, today: d.today };
  });
}

const heading = (j: Journal, lang: Language) => `${TITLE[lang]} — ${formatDate(j.today, lang)}${j.total > j.rows.length ? ` (${j.rows.length} / ${j.total}${j.totalCapped ? '+' : ''})` : ''}`;

export async function journalXlsx(j: Journal, lang: Language, at: Date): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Joldanym';
  wb.created = at;
  const ws = wb.addWorksheet(TITLE[lang].slice(0, 31), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([heading(j, lang)]).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(['№', ...COLUMNS.map((c) => c.title[lang])]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  ws.getColumn(1).width = 6;
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 2).width = Math.round(c.width / 5);
  });
  j.rows.forEach((r, i) => {
    ws.addRow([i + 1, ...COLUMNS.map((c) => c.value(r, lang))]).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A4 landscape, every column on the page (their widths add up to it), the header on each page. */
export async function journalPdf(j: Journal, lang: Language, at: Date): Promise<Buffer> {
  const body: TableCell[][] = [[{ text: '№', bold: true }, ...COLUMNS.map((c) => ({ text: c.title[lang], bold: true }))], ...j.rows.map((r, i) => [String(i + 1), ...COLUMNS.map((c) => c.value(r, lang))])];
  const content: Content[] = [
    { text: heading(j, lang), bold: true, fontSize: 11, margin: [0, 0, 0, 6] },
    { table: { headerRows: 1, dontBreakRows: true, widths: [16, ...COLUMNS.map((c) => c.width)], body }, fontSize: 7 },
  ];
  return renderPdf({ pageSize: 'A4', pageOrientation: 'landscape', pageMargins: [24, 28, 24, 28], content, info: { title: TITLE[lang], creationDate: at } });
}
