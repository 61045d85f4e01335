// The statistical report 1-ТӨ (docs/legal-basis.md#statistical-report, Annex 5): what one accounting card contributes to it.
//
// A card is an appeal at one organization (a forwarded appeal is a new card at the receiving
// organization, rules p.10): its ТЖ-1 fields, its ТЖ-2 decisions and a few flags. Every column of
// the report is a named rule over the card (FORM1_RULES):
//   - a flow rule names the day an event happened (registered, reviewed, forwarded, extended …);
//     the card counts in the month of that day;
//   - a stock rule says whether the card is in a state at the end of a month (carried over from
//     the previous year, in review at the end, overdue at the end); the card counts in every
//     month at whose end it is in that state.
// So a card contributes to a finite set of cells (table, column, year, month) that changes only
// when the card changes (cardCells), and the report for month M of a year is the sum of the flow
// cells of months 1..M and the stock cells of month M (cumulative from 1 January, p.32).
//
// Not shown at all (p.33): documents attached to a main appeal (4.5) and documents moved to
// another information system (4.1, unless the move was cancelled); nor cards deleted by a
// correction (p.27).
//
// Open cards: stock columns of the years after the registration year are computed up to
// `untilYear` (the current year); the statistics module refreshes the cards still open when a
// new year begins (carry-over), so "carried over" and "in review at the end" of the new year count them.

import { daysInMonth, localDateTime, plusDays, type Calendar, type IsoDate } from './calendar.ts';
import type { DecisionCode } from './decisions.ts';
import { APPLICANT_KINDS, CHANNELS, DOCUMENT_TYPES, FORMS, type ApplicantKind, type Channel, type DocumentType, type Form } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// The card

/** A ТЖ-2 decision as the report sees it (cancelled ones are left out). */
export interface Form1Decision {
  code: DecisionCode;
  /** The day the card was saved (rules p.24). */
  date: IsoDate;
  /** 4.15, 4.19: the act is favourable to the applicant. */
  favourable?: boolean;
  /** 4.4 in parts (rules p.11). */
  split?: boolean;
}

export interface Form1Card {
  id: string;
  organizationId: number;
  documentType: DocumentType;
  form: Form | string;
  channel: Channel | string;
  applicantKind: ApplicantKind | string;
  language: string;
  /** Filed at a personal reception (reception regulation p.36). */
  fromReception: boolean;
  /** The duplicate check found earlier appeals of the applicant with similar text (p.13). */
  duplicateCandidate: boolean;
  /** Came from another organization: forwarded, split off, or a complaint sent on (p.10, p.11, Art. 91 p.4). */
  forwardedIn: boolean;
  registrationDate: IsoDate;
  /** The current due date (after extensions). */
  dueDate: IsoDate;
  /** The day the review ended at this organization, and the decision that ended it. */
  endedOn: IsoDate | null;
  finalDecision: DecisionCode | null;
  /** Active decisions in the order they were taken. */
  decisions: readonly Form1Decision[];
  /** The day the answer (the final decision's letter) was sent. */
  answerSentOn: IsoDate | null;
  /** The decision term ran out without a final decision (APPC Art. 91 p.2, Art. 100 p.5). */
  deemedRefusal: boolean;
  /** Deleted by a correction (p.27). */
  deleted: boolean;
}

/** Whether the card is left out of the report (rules p.33; a deleted card, p.27). */
export function excludedFromForm1(card: Form1Card): boolean {
  if (card.deleted) return true;
  return card.decisions.some((d) => d.code === '4.1' || d.code === '4.5');
}

/** The decision that ended the review, when it ended it (the last active one with that code). */
function finalAct(card: Form1Card): Form1Decision | undefined {
  if (!card.finalDecision) return undefined;
  return [...card.decisions].reverse().find((d) => d.code === card.finalDecision);
}

function first(card: Form1Card, code: DecisionCode): Form1Decision | undefined {
  return card.decisions.find((d) => d.code === code);
}

/** Whether the review is still going on at the end of day `d`. */
export function openAt(card: Form1Card, d: IsoDate): boolean {
  return card.registrationDate <= d && (card.endedOn === null || card.endedOn > d);
}

// ---------------------------------------------------------------------------------------------
// The rules: one per column kind

export interface StockPoint {
  year: number;
  month: number;
  /** The last day of the month. */
  monthEnd: IsoDate;
}

export interface FlowRule {
  kind: 'flow';
  doc: string;
  /** The day the event happened, or null when it did not (yet). */
  date(card: Form1Card): IsoDate | null;
}

export interface StockRule {
  kind: 'stock';
  doc: string;
  /** Whether the card is in the state at the end of the month. */
  holds(card: Form1Card, at: StockPoint): boolean;
}

export type Form1Rule = FlowRule | StockRule;

const flow = (doc: string, date: (card: Form1Card) => IsoDate | null): FlowRule => ({ kind: 'flow', doc, date });
const stock = (doc: string, holds: (card: Form1Card, at: StockPoint) => boolean): StockRule => ({ kind: 'stock', doc, holds });
const registeredIf = (doc: string, pred: (card: Form1Card) => boolean) => flow(doc, (c) => (pred(c) ? c.registrationDate : null));
const endedWith = (doc: string, pred: (card: Form1Card) => boolean) => flow(doc, (c) => (c.endedOn !== null && pred(c) ? c.endedOn : null));

/** The final decisions that are outcomes of their own column, by rule name. */
export const OUTCOME_CODES = {
  act: '4.15',
  terminated: '4.13',
  returned: '4.3',
  withdrawn: '4.6',
  forwarded: '4.4',
  actRevoked: '4.18',
  actReplaced: '4.19',
  actionPerformed: '4.20',
  complaintUnsatisfied: '4.21',
  caseSentBack: '4.22',
  complaintNotConsidered: '4.23',
  sentToReviewingBody: '4.24',
  answeredOnMerits: '4.25',
  takenIntoAccount: '4.26',
} as const satisfies Record<string, DecisionCode>;

const endedBy = (code: DecisionCode) => (c: Form1Card) => c.finalDecision === code;

const ruleEntries: [string, Form1Rule][] = [
  ['received', registeredIf('Registered at this organization in the month (incl. received by forwarding).', () => true)],
  ...DOCUMENT_TYPES.map((t): [string, Form1Rule] => [`type.${t}`, registeredIf(`Registered, document type ${t}.`, (c) => c.documentType === t)]),
  ...FORMS.map((f): [string, Form1Rule] => [`form.${f}`, registeredIf(`Registered, form ${f}.`, (c) => c.form === f)]),
  ...CHANNELS.map((ch): [string, Form1Rule] => [`channel.${ch}`, registeredIf(`Registered, received through ${ch}.`, (c) => c.channel === ch)]),
  ...APPLICANT_KINDS.map((k): [string, Form1Rule] => [`applicant.${k}`, registeredIf(`Registered, applicant ${k}.`, (c) => c.applicantKind === k)]),
  ['language.kk', registeredIf('Registered, in Kazakh.', (c) => c.language === 'kk')],
  ['language.ru', registeredIf('Registered, in Russian.', (c) => c.language === 'ru')],
  ['language.other', registeredIf('Registered, in another language.', (c) => c.language !== 'kk' && c.language !== 'ru')],
  ['fromReception', registeredIf('Registered, filed at a personal reception (channel personalReception or marked so, reception regulation p.36).', (c) => c.fromReception || c.channel === 'personalReception')],
  ['contactCentre', registeredIf('Registered, received through the unified contact centre (1414).', (c) => c.channel === 'contactCentre')],
  ['duplicate', registeredIf('Registered, and the duplicate check found earlier appeals of the applicant with similar text (p.13).', (c) => c.duplicateCandidate)],
  ['forwardedIn', registeredIf('Registered, received from another organization: forwarded, split off or sent on as a complaint (p.10–p.11).', (c) => c.forwardedIn)],
  [
    'forwardedOut',
    flow(
      'Sent to another organization: forwarded whole or in parts (4.4) or a complaint sent to the reviewing body (4.24); on the day of the first such decision.',
      (c) => c.decisions.find((d) => d.code === '4.4' || d.code === '4.24')?.date ?? null,
    ),
  ],
  ['reviewed', endedWith('The review at this organization ended (any final decision), on the day of that decision.', () => true)],
  ...Object.entries(OUTCOME_CODES).map(([name, code]): [string, Form1Rule] => [name, endedWith(`The review ended with decision ${code}.`, endedBy(code))]),
  ['actFavourable', endedWith('The review ended with an administrative act favourable to the applicant (4.15).', (c) => c.finalDecision === '4.15' && finalAct(c)?.favourable === true)],
  ['actUnfavourable', endedWith('The review ended with an administrative act unfavourable to the applicant (4.15).', (c) => c.finalDecision === '4.15' && finalAct(c)?.favourable !== true)],
  ['split', flow('Split: parts sent to other organizations by competence (4.4 in parts, p.11), on the day of the first split.', (c) => c.decisions.find((d) => d.code === '4.4' && d.split)?.date ?? null)],
  ['noticeToFix', flow('The applicant was told to bring the appeal into line with Art. 63 (4.2), on the day of the first notice.', (c) => first(c, '4.2')?.date ?? null)],
  ['hearingHeld', flow('A hearing was held (4.11), on the day of the first.', (c) => first(c, '4.11')?.date ?? null)],
  ['extended', flow('The review term was extended (4.14), on the day of the first extension.', (c) => first(c, '4.14')?.date ?? null)],
  ['decidedLate', endedWith('The review ended after the due date.', (c) => c.endedOn !== null && c.endedOn > c.dueDate)],
  [
    'deemedRefusal',
    flow('The decision term ran out without a final decision: a deemed refusal (APPC Art. 91 p.2, Art. 100 p.5), on the day after the due date.', (c) => (c.deemedRefusal ? plusDays(c.dueDate, 1) : null)),
  ],
  ['answerSent', flow("The final decision's letter was signed and sent to the applicant, on that day.", (c) => c.answerSentOn)],
  [
    'carriedOver',
    stock(
      'Registered in an earlier year and still in review at the end of 31 December of the previous year; the same in every month of the year.',
      (c, at) => c.registrationDate < `${at.year}-01-01` && openAt(c, `${at.year - 1}-12-31`),
    ),
  ],
  ['inReviewAtEnd', stock('In review at the end of the month.', (c, at) => openAt(c, at.monthEnd))],
  ['overdueAtEnd', stock('In review at the end of the month and past its due date.', (c, at) => openAt(c, at.monthEnd) && c.dueDate < at.monthEnd)],
];

/** Every rule a column of the layout may name. */
export const FORM1_RULES: Readonly<Record<string, Form1Rule>> = Object.freeze(Object.fromEntries(ruleEntries));

export function isForm1Rule(name: string): boolean {
  return Object.hasOwn(FORM1_RULES, name);
}

// ---------------------------------------------------------------------------------------------
// Cells

/** What cardCells needs of the layout: each table's document types and its columns' rules. */
export interface Form1TableRules {
  id: string;
  documentTypes: readonly DocumentType[];
  columns: readonly { key: string; rule: string }[];
}

/** A cell of one organization and year: `table/column/month`. */
export function cellKey(table: string, column: string, month: number): string {
  return `${table}/${column}/${month}`;
}

export function parseCellKey(key: string): { table: string; column: string; month: number } {
  const [table, column, month] = key.split('/');
  return { table: table!, column: column!, month: Number(month) };
}

function monthEnd(year: number, month: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * The cells the card contributes to, by year: `table/column/month` keys, sorted, each at most once.
 * Stock columns are computed for the years from the registration year to the year the review
 * ended, or, while it goes on, to `untilYear`.
 */
export function cardCells(card: Form1Card, tables: readonly Form1TableRules[], untilYear: number): Map<number, string[]> {
  const byYear = new Map<number, Set<string>>();
  if (excludedFromForm1(card)) return new Map();
  const add = (year: number, key: string) => {
    let set = byYear.get(year);
    if (!set) byYear.set(year, (set = new Set()));
    set.add(key);
  };
  const regYear = Number(card.registrationDate.slice(0, 4));
  const lastYear = card.endedOn !== null ? Math.max(regYear, Number(card.endedOn.slice(0, 4))) : Math.max(regYear, untilYear);
  const points: StockPoint[] = [];
  for (let year = regYear; year <= lastYear; year++) {
    for (let month = 1; month <= 12; month++) points.push({ year, month, monthEnd: monthEnd(year, month) });
  }
  for (const table of tables) {
    if (!table.documentTypes.includes(card.documentType)) continue;
    for (const column of table.columns) {
      const rule = FORM1_RULES[column.rule];
      if (!rule) throw new Error(`form 1-ТӨ: table ${table.id}, column ${column.key}: unknown rule ${column.rule}`);
      if (rule.kind === 'flow') {
        const d = rule.date(card);
        if (d !== null) add(Number(d.slice(0, 4)), cellKey(table.id, column.key, Number(d.slice(5, 7))));
      } else {
        for (const p of points) if (rule.holds(card, p)) add(p.year, cellKey(table.id, column.key, p.month));
      }
    }
  }
  return new Map([...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([y, s]) => [y, [...s].sort()]));
}

/** Whether the card counts in the cell of the report for month `month` (flow: months 1..month; stock: that month). */
export function cardInCell(cells: ReadonlyMap<number, readonly string[]>, year: number, month: number, table: string, column: string, kind: 'flow' | 'stock'): boolean {
  const list = cells.get(year);
  if (!list) return false;
  if (kind === 'stock') return list.includes(cellKey(table, column, month));
  for (let m = 1; m <= month; m++) if (list.includes(cellKey(table, column, m))) return true;
  return false;
}

/** The difference between two contributions: +1 / −1 per `year|table/column/month`, zeros left out. */
export function cellDelta(before: ReadonlyMap<number, readonly string[]>, after: ReadonlyMap<number, readonly string[]>): Map<string, number> {
  const delta = new Map<string, number>();
  const bump = (k: string, d: number) => {
    const v = (delta.get(k) ?? 0) + d;
    if (v === 0) delta.delete(k);
    else delta.set(k, v);
  };
  for (const [y, list] of before) for (const k of list) bump(`${y}|${k}`, -1);
  for (const [y, list] of after) for (const k of list) bump(`${y}|${k}`, +1);
  return delta;
}

// ---------------------------------------------------------------------------------------------
// From the exported records (ТЖ-1, ТЖ-2) to the card: the same mapping for this instance's cards
// and for the cards imported from other instances.

/** The fields of a ТЖ-1 record (src/db/migrations/0004_statistics.ts, form1_tzh1) the report reads. */
export interface Tzh1ForForm1 {
  documentType: string;
  form: string;
  channel: string;
  applicantKind: string;
  language: string;
  fromReception: boolean;
  duplicateCandidate: boolean;
  originAppealId: string | null;
  registrationDate: IsoDate;
  dueDate: IsoDate;
  reviewEndedOn: IsoDate | null;
  finalDecisionCode: string | null;
  /** ISO 8601 instant. */
  answerSentAt: string | null;
  deemedRefusal: boolean;
  deleted?: boolean;
}

/** The fields of a ТЖ-2 record the report reads. */
export interface Tzh2ForForm1 {
  id: string;
  code: string;
  decisionDate: IsoDate;
  /** ISO 8601 instant: the order of decisions. */
  decidedAt: string;
  cancelledAt: string | null;
  deleted?: boolean;
  data: { favourable?: unknown; parts?: unknown };
}

export function form1Card(id: string, organizationId: number, tzh1: Tzh1ForForm1, tzh2: readonly Tzh2ForForm1[], timeZone: string): Form1Card {
  const decisions = tzh2
    .filter((d) => d.cancelledAt === null && !d.deleted)
    .sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d): Form1Decision => {
      const out: Form1Decision = { code: d.code as DecisionCode, date: d.decisionDate };
      if (d.code === '4.15') out.favourable = d.data.favourable === true;
      if (d.code === '4.19') out.favourable = d.data.favourable !== false; // default: favourable
      if (d.code === '4.4' && (typeof d.data.parts === 'number' ? d.data.parts > 0 : Array.isArray(d.data.parts))) out.split = true;
      return out;
    });
  return {
    id,
    organizationId,
    documentType: tzh1.documentType as DocumentType,
    form: tzh1.form,
    channel: tzh1.channel,
    applicantKind: tzh1.applicantKind,
    language: tzh1.language,
    fromReception: tzh1.fromReception,
    duplicateCandidate: tzh1.duplicateCandidate,
    forwardedIn: tzh1.originAppealId !== null,
    registrationDate: tzh1.registrationDate,
    dueDate: tzh1.dueDate,
    endedOn: tzh1.reviewEndedOn,
    finalDecision: (tzh1.finalDecisionCode as DecisionCode | null) ?? null,
    decisions,
    answerSentOn: tzh1.answerSentAt ? localDateTime(new Date(tzh1.answerSentAt), timeZone).date : null,
    deemedRefusal: tzh1.deemedRefusal,
    deleted: tzh1.deleted === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Periods and formation

/** The day the report for the month is formed: the 10th of the next month, or the next working
 *  day when the 10th is not one (rules p.32). */
export function form1FormationDate(year: number, month: number, cal: Calendar): IsoDate {
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 1 : month + 1;
  return cal.onOrNextWorkingDay(`${y}-${String(m).padStart(2, '0')}-10`);
}

/** The reporting periods whose report is due by `today` and not older than `back` months: newest first. */
export function duePeriods(today: IsoDate, cal: Calendar, back = 13): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let i = 0; i < back; i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    if (form1FormationDate(year, month, cal) <= today) out.push({ year, month });
  }
  return out;
}

export function periodBounds(year: number, month: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-01-01`, to: monthEnd(year, month) };
}

// ---------------------------------------------------------------------------------------------
// Who sees whose statistics (rules p.26: by territory and departmental subordination)

/**
 * The organizations whose cards a user of the statistics authority counts: the committee (kind
 * statsAuthority) the whole country; a territorial department (statsDepartment) its territory —
 * every organization located in the oblast or city of its KATO code (the first two digits), of
 * whatever subordination (the territorial units of central bodies included), when their KATO (or
 * an ancestor's) is known — together with its own subordinates. Everyone else sees the
 * organizations below their own (src/domain/scope.ts).
 */
export type StatisticsTerritory = { all: true } | { katoPrefix: string } | null;

export function statisticsTerritory(org: { kind: string; kato: string | null }): StatisticsTerritory {
  if (org.kind === 'statsAuthority') return { all: true };
  if (org.kind === 'statsDepartment' && org.kato && /^\d{2}/.test(org.kato)) return { katoPrefix: org.kato.slice(0, 2) };
  return null;
}
