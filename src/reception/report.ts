// The quarterly report of reception offices and centres (PR-46): sessions held and cancelled,
// people received (out of turn among them), video receptions, sign-ups and their outcomes,
// protocol instructions given, the satisfaction survey, by official; addressed to the Government
// Apparatus or, for bodies directly subordinate to the President, to the Presidential
// Administration's department. As data, a spreadsheet and a PDF.
import { formatDate } from '../domain/dates.ts';
import { newWorkbook } from '../xlsx.ts';
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../pdf/render.ts';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { forbidden, invalid } from '../errors.ts';
import { quarterRange, reportAddressee } from '../domain/reception.ts';
import { assertReader } from './sessions.ts';
import type { QuarterQuery } from './schemas.ts';
import * as store from './store.ts';
import { codesUp, reportFigures } from './report-store.ts';

export async function quarterlyReport(ctx: Context, actor: Actor, query: QuarterQuery) {
  assertReader(actor);
  const org = await store.organizationById(ctx.db, query.organization ?? actor.organizationId);
  if (!org) throw invalid([{ path: '/organization', code: 'organization.unknown' }]);
  if (!(await canActFor(ctx.db, actor, org.id))) throw forbidden();
  const period = quarterRange(query.year, query.quarter as 1 | 2 | 3 | 4);
  const [f, codes] = await Promise.all([reportFigures(ctx.db, { organizationId: org.id, ...period, timeZone: ctx.config.timeZone }), codesUp(ctx.db, org.id)]);
  const num = (v: unknown) => Number(v ?? 0);
  return {
    year: query.year,
    quarter: query.quarter,
    ...period,
    organization: { id: org.id, kk: org.name_kk, ru: org.name_ru },
    addressee: reportAddressee(codes),
    sessionsHeld: num(f.sessions.held),
    sessionsCancelled: num(f.sessions.cancelled),
    videoSessions: num(f.sessions.video),
    received: num(f.visitors.received),
    outOfTurn: num(f.visitors.out_of_turn),
    protocolLines: num(f.instructions.lines),
    instructions: num(f.instructions.instructions),
    instructionsOnTime: num(f.instructions.on_time),
    signUps: num(f.signUps.registered),
    signUpsGivenSession: num(f.signUps.given_session),
    signUpsRefused: num(f.signUps.refused),
    signUpsNotConsidered: num(f.signUps.not_considered),
    surveyDrawn: num(f.calls.drawn),
    surveyReached: num(f.calls.reached),
    satisfactionAverage: f.calls.average === null ? null : Number(f.calls.average),
    byOfficial: f.byOfficial.map((o) => ({ officialId: o.id, name: o.full_name, kind: o.kind, sessions: num(o.sessions), received: num(o.received) })),
  };
}

export type QuarterlyReport = Awaited<ReturnType<typeof quarterlyReport>>;

const ADDRESSEE = {
  governmentApparatus: 'Қазақстан Республикасы Үкіметінің Аппараты / Аппарат Правительства Республики Казахстан',
  presidentialAdministration: 'ҚР Президенті Әкімшілігінің өтініштерді қарауды бақылау бөлімі / Отдел контроля за рассмотрением обращений Администрации Президента РК',
};

const ROWS: [keyof QuarterlyReport, string][] = [
  ['sessionsHeld', 'Өткізілген қабылдаулар / Проведено приемов'],
  ['sessionsCancelled', 'Болдырылмаған қабылдаулар / Отменено приемов'],
  ['videoSessions', 'Бейнебайланыс арқылы / По видеосвязи'],
  ['received', 'Қабылданған адамдар / Принято граждан'],
  ['outOfTurn', 'оның ішінде кезектен тыс / в т.ч. вне очереди'],
  ['signUps', 'Жазылу жолданымдары / Обращений о записи'],
  ['signUpsGivenSession', 'Қабылдау күні берілді / Назначен прием'],
  ['signUpsRefused', 'Жазудан бас тартылды / Отказано в записи'],
  ['signUpsNotConsidered', 'Қаралмады (мәні жоқ) / Не рассмотрено (нет сути)'],
  ['protocolLines', 'Хаттамадағы шешімдер / Решений в протоколах'],
  ['instructions', 'Берілген тапсырмалар / Дано поручений'],
  ['instructionsOnTime', 'оның ішінде мерзімінде орындалды / в т.ч. исполнено в срок'],
  ['surveyDrawn', 'Сауалнама іріктемесі / Выборка опроса'],
  ['surveyReached', 'Хабарласқандар / Дозвонились'],
  ['satisfactionAverage', 'Қанағаттанудың орташа бағасы / Средняя оценка удовлетворенности'],
];

export async function quarterlyReportXlsx(report: QuarterlyReport): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(`${report.year}-Q${report.quarter}`);
  ws.columns = [{ width: 60 }, { width: 16 }, { width: 16 }];
  ws.addRow([`${report.organization.kk} / ${report.organization.ru}`]).font = { bold: true };
  ws.addRow([`${report.year} ж./г., ${report.quarter}-тоқсан/квартал (${formatDate(report.from, 'kk')} – ${formatDate(report.to, 'kk')})`]);
  ws.addRow([ADDRESSEE[report.addressee]]);
  ws.addRow([]);
  for (const [key, label] of ROWS) ws.addRow([label, report[key] as number | null]);
  ws.addRow([]);
  ws.addRow(['Лауазымды тұлға / Должностное лицо', 'Қабылдаулар / Приемов', 'Қабылданды / Принято']).font = { bold: true };
  for (const o of report.byOfficial) ws.addRow([o.name, o.sessions, o.received]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same report as a PDF to send to its addressee (PR-46). */
export async function quarterlyReportPdf(report: QuarterlyReport): Promise<Buffer> {
  const figures: TableCell[][] = ROWS.map(([key, label]) => [label, { text: String(report[key] ?? '—'), alignment: 'right' }]);
  const none: TableCell[] = [{ text: '—', colSpan: 3, alignment: 'center' }, '', ''];
  const header: TableCell[] = [
    { text: 'Лауазымды тұлға / Должностное лицо', bold: true },
    { text: 'Қабылдаулар / Приемов', bold: true },
    { text: 'Қабылданды / Принято', bold: true },
  ];
  const officials: TableCell[][] = report.byOfficial.map((o) => [o.name, { text: String(o.sessions), alignment: 'right' }, { text: String(o.received), alignment: 'right' }]);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 36],
    info: { title: `Reception report ${report.year}-Q${report.quarter}` },
    content: [
      { text: ADDRESSEE[report.addressee], alignment: 'right', margin: [200, 0, 0, 12] },
      { text: 'Жеке қабылдау жөніндегі тоқсандық есеп / Квартальный отчет о личном приеме', bold: true, fontSize: 13, alignment: 'center' },
      { text: `${report.organization.kk} / ${report.organization.ru}`, alignment: 'center', margin: [0, 4, 0, 0] },
      { text: `${report.year} ж./г., ${report.quarter}-тоқсан/квартал (${formatDate(report.from, 'kk')} – ${formatDate(report.to, 'kk')})`, alignment: 'center', margin: [0, 2, 0, 10] },
      { table: { widths: ['*', 80], body: figures }, layout: 'lightHorizontalLines', fontSize: 10 },
      { text: 'Лауазымды тұлғалар бойынша / По должностным лицам', bold: true, margin: [0, 14, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 80, 80],
          body: [header, ...(officials.length > 0 ? officials : [none])],
        },
        layout: 'lightHorizontalLines',
        fontSize: 10,
      },
    ],
  };
  return renderPdf(doc);
}
