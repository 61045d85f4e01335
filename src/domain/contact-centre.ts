// The contact centre's rules (requirements §A3 CC-16, CC-17, CC-25, §A4 EA-05): the channels and
// outcomes of a contact, what an appeal registered from a contact carries, the competent
// organization suggested for an issue and a territory, and the Annex 2 report. Pure rules.
import type { Calendar, IsoDate } from './calendar.ts';
import type { Form, Labels } from './vocabulary.ts';

/** EA-05: the centre works by phone, chat, web form and e-mail. */
export const CONTACT_CHANNELS = ['phone', 'chat', 'web', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Each contact ends with exactly one outcome (EA-05, CC-25). */
export const CONTACT_OUTCOMES = ['consultation', 'statusAnswer', 'publicServiceComplaint', 'appeal'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** An appeal taken by the centre: channel "contact centre" (rules §4, CC-26); a call is an oral
 *  appeal written into its protocol by the operator, a chat, web form or e-mail an electronic one. */
export function appealFormOf(channel: ContactChannel): Form {
  return channel === 'phone' ? 'oral' : 'electronic';
}

/** Which level of government is competent for an issue: the caller's town or rural akim, the
 *  district (or town of oblast significance) akimat, or the oblast akimat. */
export type CompetenceLevel = 'settlement' | 'district' | 'oblast';

/** The shipped defaults (a design choice [DES], editable as data): the issue category or its
 *  group → the level that decides it. Local matters of the settlement go to its akim; housing,
 *  land and social support to the district; health, education and what the oblast's departments
 *  run to the oblast. Categories not listed: the district. */
export const COMPETENCE_BY_CATEGORY: Readonly<Record<string, CompetenceLevel>> = {
  landscaping: 'settlement',
  wasteCollection: 'settlement',
  pastures: 'settlement',
  housing: 'district',
  utilities: 'district',
  land: 'district',
  architecture: 'district',
  socialProtection: 'district',
  family: 'district',
  health: 'oblast',
  education: 'oblast',
  roads: 'oblast',
  publicTransport: 'district',
  ecology: 'oblast',
  agriculture: 'district',
  religion: 'oblast',
  culture: 'oblast',
  sport: 'oblast',
};

const LEVEL_KINDS: Record<CompetenceLevel, readonly string[]> = {
  settlement: ['townAkimat', 'ruralAkimat'],
  district: ['districtAkimat'],
  oblast: ['akimat'],
};

export interface TerritoryOrganization {
  id: number;
  kind: string;
}

/** The competent organization for an issue in the caller's territory: of the territory's
 *  organization and its ancestors (nearest first), the nearest of the level the issue needs; else
 *  the nearest one above the settlement level; else the territory itself. */
export function suggestCompetentOrganization(issue: { category: string | null; group: string | null }, territoryAndAncestors: readonly TerritoryOrganization[]): { organizationId: number; level: CompetenceLevel } | null {
  if (territoryAndAncestors.length === 0) return null;
  const level = (issue.category && COMPETENCE_BY_CATEGORY[issue.category]) || (issue.group && COMPETENCE_BY_CATEGORY[issue.group]) || 'district';
  const exact = territoryAndAncestors.find((o) => LEVEL_KINDS[level].includes(o.kind));
  if (exact) return { organizationId: exact.id, level };
  const upper = territoryAndAncestors.find((o) => LEVEL_KINDS.district.includes(o.kind) || LEVEL_KINDS.oblast.includes(o.kind));
  return { organizationId: (upper ?? territoryAndAncestors[0]!).id, level };
}

// ---- Annex 2 (CC-16, CC-17) ----

export interface Annex2Column {
  /** The column's number in the Annex (0: "№ р/с"). */
  n: number;
  key: string;
  title: Labels;
}

/** CC-17: the columns of Annex 2, in order. */
export const ANNEX2_COLUMNS: readonly Annex2Column[] = [
  { n: 0, key: 'number', title: { kk: '№ р/с', ru: '№ п/п', en: 'No.' } },
  { n: 1, key: 'receivedAt', title: { kk: 'Шағымның (өтініштің) келіп түскен күні мен уақыты', ru: 'Дата и время поступления жалобы (заявления)', en: 'Date and time the complaint was received' } },
  { n: 2, key: 'responsible', title: { kk: 'Форумға жауапты адамның Т.А.Ә.', ru: 'Ф.И.О. ответственного за форум', en: 'Person responsible for the forum' } },
  { n: 3, key: 'region', title: { kk: 'Өңір', ru: 'Регион', en: 'Region' } },
  { n: 4, key: 'applicant', title: { kk: 'Өтініш берушінің Т.А.Ә.', ru: 'Ф.И.О. заявителя', en: "Applicant's full name" } },
  { n: 5, key: 'nature', title: { kk: 'Өтініштің сипаты', ru: 'Характер заявления', en: 'Nature of the application' } },
  { n: 6, key: 'content', title: { kk: 'Шағымның (өтініштің) мазмұны', ru: 'Содержание жалобы (заявления)', en: 'Content of the complaint' } },
  { n: 7, key: 'measures', title: { kk: 'Қабылданған шаралар, сұраным №', ru: 'Принятые меры, № запроса', en: 'Measures taken, ticket number' } },
  { n: 8, key: 'bylawViolation', title: { kk: 'Мемлекеттік көрсетілетін қызмет стандартының бұзылуы', ru: 'Нарушение подзаконного акта, определяющего порядок оказания услуги', en: 'Violation of the service bylaw' } },
  { n: 9, key: 'employeeActions', title: { kk: 'Қызметкерлердің әрекеті (әрекетсіздігі)', ru: 'Действия (бездействие) работников', en: "Employees' actions (inaction)" } },
];

export interface Annex2Complaint {
  receivedAt: string;
  responsibleName: string;
  region: string;
  applicantName: string;
  nature: string;
  content: string;
  measures: string;
  ticketNumber: string | null;
  bylawViolation: string | null;
  employeeActions: string | null;
}

/** The report's rows, numbered, each cell under its column's key. */
export function annex2Rows(complaints: readonly Annex2Complaint[]): Record<string, string | number>[] {
  return complaints.map((c, i) => ({
    number: i + 1,
    receivedAt: c.receivedAt,
    responsible: c.responsibleName,
    region: c.region,
    applicant: c.applicantName,
    nature: c.nature,
    content: c.content,
    measures: c.ticketNumber ? `${c.measures}; № ${c.ticketNumber}` : c.measures,
    bylawViolation: c.bylawViolation ?? '',
    employeeActions: c.employeeActions ?? '',
  }));
}

/** CC-16: the report of a month is due by the 5th of the next month. The act does not move a 5th
 *  that is not a working day (calendar days): the date stands and is flagged. */
export function annex2Due(year: number, month: number, cal: Calendar): { dueOn: IsoDate; dueOnWorkingDay: boolean } {
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 1 : month + 1;
  const dueOn = `${y}-${String(m).padStart(2, '0')}-05`;
  return { dueOn, dueOnWorkingDay: cal.isWorkingDay(dueOn) };
}

// ---- the centre's monthly figures (CC-24 in spirit, EA-05: [DES] the act lists no figures) ----

/** A call answered within this many seconds counts as answered in time. */
export const ANSWER_TARGET_SECONDS = 20;
/** A caller who comes back within this many days was not helped at the first contact. */
export const REPEAT_WINDOW_DAYS = 7;

export interface FigureContact {
  id: string;
  channel: string;
  outcome: string | null;
  caller: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  callId: string | null;
  knowledgeCardId: string | null;
}

export interface CentreFigures {
  contacts: number;
  byChannel: Record<string, number>;
  byOutcome: Record<string, number>;
  calls: number;
  answeredInTime: number;
  averageHandlingSeconds: number | null;
  firstContactResolution: { resolved: number; closed: number };
  appealsRegistered: number;
  publicServiceComplaints: number;
  topCards: { knowledgeCardId: string; uses: number }[];
}

/** The figures of the contacts of a month (`inMonth`); `later` holds the contacts up to
 *  REPEAT_WINDOW_DAYS after the month, for the repeats of its last days. */
export function centreFigures(inMonth: readonly FigureContact[], later: readonly FigureContact[] = []): CentreFigures {
  const count = (key: (c: FigureContact) => string) => {
    const acc: Record<string, number> = {};
    for (const c of inMonth) acc[key(c)] = (acc[key(c)] ?? 0) + 1;
    return acc;
  };
  const calls = inMonth.filter((c) => c.callId !== null);
  const handled = inMonth.filter((c) => c.endedAt !== null);
  const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;
  const all = [...inMonth, ...later];
  const closed = inMonth.filter((c) => c.outcome !== null);
  const repeated = (c: FigureContact) => c.caller !== null && all.some((o) => o.id !== c.id && o.caller === c.caller && o.startedAt > c.startedAt && seconds(c.startedAt, o.startedAt) <= REPEAT_WINDOW_DAYS * 86_400);
  const uses = new Map<string, number>();
  for (const c of inMonth) if (c.outcome === 'consultation' && c.knowledgeCardId) uses.set(c.knowledgeCardId, (uses.get(c.knowledgeCardId) ?? 0) + 1);
  return {
    contacts: inMonth.length,
    byChannel: count((c) => c.channel),
    byOutcome: count((c) => c.outcome ?? 'open'),
    calls: calls.length,
    answeredInTime: calls.filter((c) => c.answeredAt !== null && seconds(c.startedAt, c.answeredAt) <= ANSWER_TARGET_SECONDS).length,
    averageHandlingSeconds: handled.length ? Math.round(handled.reduce((s, c) => s + seconds(c.answeredAt ?? c.startedAt, c.endedAt!), 0) / handled.length) : null,
    firstContactResolution: { resolved: closed.filter((c) => !repeated(c)).length, closed: closed.length },
    appealsRegistered: inMonth.filter((c) => c.outcome === 'appeal').length,
    publicServiceComplaints: inMonth.filter((c) => c.outcome === 'publicServiceComplaint').length,
    topCards: [...uses.entries()]
      .map(([knowledgeCardId, n]) => ({ knowledgeCardId, uses: n }))
      .sort((a, b) => b.uses - a.uses || a.knowledgeCardId.localeCompare(b.knowledgeCardId))
      .slice(0, 10),
  };
}

// ---- providers' refusals (CC-10, CC-13) ----

/** CC-13 (p.13): "several" refusals within one calendar month make a notice to the quality
 *  authority; the act gives no number, two is the shipped default [DES]. */
export const REFUSALS_FOR_NOTICE = 2;

export interface Refusal {
  id: string;
  providerId: number;
  refusedOn: string;
}

/** The providers with at least `threshold` refusals in the month ('YYYY-MM'), each with its refusals
 *  in date order: the draft notices with their records. */
export function refusalNotices<R extends Refusal>(refusals: readonly R[], month: string, threshold = REFUSALS_FOR_NOTICE): { providerId: number; refusals: R[] }[] {
  const byProvider = new Map<number, R[]>();
  for (const r of refusals) {
    if (r.refusedOn.slice(0, 7) !== month) continue;
    byProvider.set(r.providerId, [...(byProvider.get(r.providerId) ?? []), r]);
  }
  return [...byProvider.entries()]
    .filter(([, list]) => list.length >= threshold)
    .map(([providerId, list]) => ({ providerId, refusals: list.sort((a, b) => a.refusedOn.localeCompare(b.refusedOn) || a.id.localeCompare(b.id)) }))
    .sort((a, b) => a.providerId - b.providerId);
}
