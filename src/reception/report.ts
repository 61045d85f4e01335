// The quarterly report of reception offices and centres (PR-46): sessions held and cancelled,
// people received (out of turn among them), video receptions, sign-ups and their outcomes,
// protocol instructions given, the satisfaction survey, by official; addressed to the Government
// Apparatus or, for bodies directly subordinate to the President, to the Presidential
// Administration's department. As data and as a spreadsheet.
import ExcelJS from 'exceljs';
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
  const [f, codes] = await Promise.all([reportFigures(ctx.db, { organizationId: org.id, ...period }), codesUp(ctx.db, org.id)]);
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
  ['surveyDrawn', 'Сауалнама іріктемесі / Выборка опроса'],
  ['surveyReached', 'Хабарласқандар / Дозвонились'],
  ['satisfactionAverage', 'Қанағаттанудың орташа бағасы / Средняя оценка удовлетворенности'],
];

export async function quarterlyReportXlsx(report: QuarterlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${report.year}-Q${report.quarter}`);
  ws.columns = [{ width: 60 }, { width: 16 }, { width: 16 }];
  ws.addRow([`${report.organization.kk} / ${report.organization.ru}`]).font = { bold: true };
  ws.addRow([`${report.year} ж./г., ${report.quarter}-тоқсан/квартал (${report.from} – ${report.to})`]);
  ws.addRow([ADDRESSEE[report.addressee]]);
  ws.addRow([]);
  for (const [key, label] of ROWS) ws.addRow([label, report[key] as number | null]);
  ws.addRow([]);
  ws.addRow(['Лауазымды тұлға / Должностное лицо', 'Қабылдаулар / Приемов', 'Қабылданды / Принято']).font = { bold: true };
  for (const o of report.byOfficial) ws.addRow([o.name, o.sessions, o.received]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
