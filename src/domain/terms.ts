// The catalogue of review terms and the other statutory terms (docs/legal-basis.md#review-terms, #counting-working-days), as data with their
// legal basis. APPC = Administrative Procedural-Procedural Code of the Republic of Kazakhstan
// (29 June 2020 No. 350-VI). The article numbers were checked against the edition amended up to
// November 2022; later amendments (Law No. 241-VIII of 17 December 2025) may have reworded
// Arts. 76 and 99 — the numbers live here, as data, so that they can be reconfigured.

import type { Calendar, CountMode, IsoDate } from './calendar.ts';
import type { DocumentType, Labels, Procedure } from './vocabulary.ts';
import { RECEPTION_TERMS, signUpTermRule } from './reception.ts';

export type { CountMode } from './calendar.ts';

export interface Term {
  unit: 'workingDays' | 'calendarDays' | 'months';
  count: number;
}

/** A term counted in hours (e.g. the paper-journal backfill after an outage). */
export interface HoursTerm {
  unit: 'hours';
  count: number;
}

export interface TermRule {
  documentType: DocumentType;
  /** null: the document type's default rule. */
  subKind: string | null;
  label: Labels;
  term: Term;
  /** Whether the head or a deputy may extend it (APPC Art. 76 p.3, within the 2-month cap). */
  extendable: boolean;
  basis: string;
}

const SIMPLIFIED_BASIS = 'APPC Art. 87 p.2 (simplified procedure) via Art. 76 p.1: 15 working days from receipt';

export const TERM_CATALOGUE: readonly TermRule[] = [
  {
    documentType: 'application',
    subKind: null,
    label: { kk: 'Арызды қарау', ru: 'Рассмотрение заявления', en: 'Decide an application' },
    term: { unit: 'workingDays', count: 15 },
    extendable: true,
    basis: 'APPC Art. 76 p.1: 15 working days from receipt; extension by the head or a deputy up to 2 months (Art. 76 p.3)',
  },
  {
    documentType: 'complaint',
    subKind: null,
    label: { kk: 'Шағымды қарау', ru: 'Рассмотрение жалобы', en: 'Review a complaint' },
    term: { unit: 'workingDays', count: 20 },
    extendable: false,
    basis: 'APPC Art. 99: 20 working days from receipt by the reviewing body; no extension',
  },
  {
    documentType: 'report',
    subKind: null,
    label: { kk: 'Хабарламаны қарау', ru: 'Рассмотрение сообщения', en: 'Decide a report' },
    term: { unit: 'workingDays', count: 15 },
    extendable: true,
    basis: SIMPLIFIED_BASIS,
  },
  {
    documentType: 'inquiry',
    subKind: null,
    label: { kk: 'Сұрау салуды қарау', ru: 'Рассмотрение запроса', en: 'Decide an inquiry' },
    term: { unit: 'workingDays', count: 15 },
    extendable: true,
    basis: SIMPLIFIED_BASIS,
  },
  {
    documentType: 'feedback',
    subKind: null,
    label: { kk: 'Пікірді қарау', ru: 'Рассмотрение отклика', en: 'Decide feedback' },
    term: { unit: 'workingDays', count: 15 },
    extendable: true,
    basis: SIMPLIFIED_BASIS,
  },
  {
    documentType: 'proposal',
    subKind: null,
    label: { kk: 'Ұсынысты қарау', ru: 'Рассмотрение предложения', en: 'Decide a proposal' },
    term: { unit: 'workingDays', count: 15 },
    extendable: true,
    basis: SIMPLIFIED_BASIS,
  },
  // Special laws (docs/legal-basis.md#special-terms). The numbers below are NOT verified against the current editions:
  // an administrator must confirm them before relying on them.
  {
    documentType: 'inquiry',
    subKind: 'lawyerInquiry',
    label: {
      kk: 'Адвокаттың сұрау салуы (мерзімді тексеру керек)',
      ru: 'Запрос адвоката (срок требует проверки)',
      en: "Lawyer's inquiry (term to be verified)",
    },
    term: { unit: 'workingDays', count: 10 },
    extendable: false,
    basis: 'Law "On Advocacy and Legal Assistance" of 5 July 2018 No. 176-VI, provision on the lawyer\'s inquiry ' + '(Art. 35 or nearby); 10 working days is an UNVERIFIED value — verify against the current edition',
  },
  {
    documentType: 'inquiry',
    subKind: 'mediaInquiry',
    label: {
      kk: 'Масс-медиа сұрау салуы (мерзімді тексеру керек)',
      ru: 'Запрос масс-медиа (срок требует проверки)',
      en: 'Media inquiry (term to be verified)',
    },
    term: { unit: 'workingDays', count: 5 },
    extendable: false,
    basis:
      'Law "On Mass Media" of 19 June 2024 No. 93-VIII, provision on inquiries of mass media: 5 working days ' +
      '(as reported when the bill was adopted; article number and any extension rule to be verified against the current edition)',
  },
  {
    documentType: 'application',
    subKind: 'rehabilitation',
    label: {
      kk: 'Ақтау туралы арыз (мерзімді тексеру керек)',
      ru: 'Заявление о реабилитации (срок требует проверки)',
      en: 'Rehabilitation application (term to be verified)',
    },
    term: { unit: 'months', count: 3 },
    extendable: false,
    basis: 'Law "On the Rehabilitation of Victims of Mass Political Repressions" of 14 April 1993 No. 2143-XII: ' + '3 months is an UNVERIFIED value — verify the article and term against the current edition',
  },
  // A sign-up for personal reception is an application to be received (PR-36).
  signUpTermRule('application'),
];

/**
 * The rule of a document type's sub-kind, or the document type's default (subKind null) when no
 * sub-kind is given; undefined for a sub-kind the catalogue does not have for that document type
 * (a registration naming one is refused, never given the default term silently). Looks in the
 * given catalogue: TERM_CATALOGUE, or the administrator-edited one loaded from the database.
 */
export function findTermRule(catalogue: readonly TermRule[], documentType: DocumentType, subKind?: string | null): TermRule | undefined {
  const wanted = subKind || null;
  const rule = catalogue.find((r) => r.documentType === documentType && r.subKind === wanted);
  if (!rule && wanted === null) throw new Error(`no default term for document type ${String(documentType)}`);
  return rule;
}

/** findTermRule for a sub-kind known to be in the catalogue (an appeal's, checked when it was
 *  registered); throws otherwise. */
export function termRule(catalogue: readonly TermRule[], documentType: DocumentType, subKind?: string | null): TermRule {
  const rule = findTermRule(catalogue, documentType, subKind);
  if (!rule) throw new Error(`no term for ${String(documentType)} of sub-kind ${String(subKind)}`);
  return rule;
}

/** Applies any term from start: working days per the count mode; calendar days and months from the next day with the next-working-day rule. */
export function applyTerm(cal: Calendar, start: IsoDate, term: Term, count: CountMode = 'registrationDayIsDayOne'): IsoDate {
  switch (term.unit) {
    case 'workingDays':
      return cal.addWorkingDays(start, term.count, count);
    case 'calendarDays':
      return cal.addCalendarDays(start, term.count);
    case 'months':
      return cal.addMonths(start, term.count);
    default: {
      const never: never = term.unit;
      throw new RangeError(`unknown term unit: ${String(never)}`);
    }
  }
}

/** The due date of a review term from the registration date. */
export function dueDate(cal: Calendar, registrationDate: IsoDate, term: Term, count: CountMode = 'registrationDayIsDayOne'): IsoDate {
  return applyTerm(cal, registrationDate, term, count);
}

export interface ProceduralTerm {
  label: Labels;
  term: Term | HoursTerm;
  basis: string;
  /** 'after': the term runs forward from its event; 'before': at least this long before the event. */
  direction: 'after' | 'before';
}

const wd = (count: number): Term => ({ unit: 'workingDays', count });

export const PROCEDURAL_TERMS = {
  forward: {
    label: { kk: 'Құзыреті бойынша жіберу', ru: 'Перенаправление по компетенции', en: 'Forward by competence and notify the applicant' },
    term: wd(3),
    basis: 'APPC Art. 65: no later than 3 working days from receipt',
    direction: 'after',
  },
  moveOut: {
    label: { kk: 'Басқа ақпараттық жүйеге ауыстыру', ru: 'Перевод в другую ИС', en: 'Move to another information system' },
    term: wd(1),
    basis: 'Rules of registration and accounting of appeals (PG order No. 4 of 4 January 2023) p.15: within 1 working day of receipt',
    direction: 'after',
  },
  moveOutCancel: {
    label: { kk: 'Ауыстыруды болдырмау', ru: 'Отмена перевода в другую ИС', en: 'Cancel a move to another information system' },
    term: wd(1),
    basis: 'Rules p.15: within 1 working day of the decision',
    direction: 'after',
  },
  notifyExtension: {
    label: { kk: 'Ұзарту туралы хабарлау', ru: 'Уведомление о продлении', en: 'Notify the applicant of an extension' },
    term: wd(3),
    basis: 'APPC Art. 76 p.3: within 3 working days of the extension',
    direction: 'after',
  },
  preliminaryNotice: {
    label: { kk: 'Алдын ала шешім туралы хабарлау', ru: 'Уведомление о предварительном решении', en: 'Notify the preliminary decision' },
    term: wd(3),
    basis: 'APPC Art. 73 p.1: at least 3 working days before the administrative act',
    direction: 'before',
  },
  objection: {
    label: { kk: 'Қарсылық білдіру', ru: 'Возражение заявителя', en: "Applicant's objection" },
    term: wd(2),
    basis: 'APPC Art. 73 p.3: no later than 2 working days from receiving the preliminary decision',
    direction: 'after',
  },
  protocolRemarks: {
    label: { kk: 'Хаттамаға ескертулер', ru: 'Замечания на протокол заслушивания', en: 'Remarks on the hearing protocol' },
    term: wd(3),
    basis: 'APPC Art. 74 p.6: 3 working days after reading the protocol',
    direction: 'after',
  },
  notifyTerminationOrReturn: {
    label: { kk: 'Тоқтату немесе қайтару туралы хабарлау', ru: 'Уведомление о прекращении или возврате', en: 'Notify termination or return' },
    term: wd(3),
    basis: 'APPC Art. 70 p.3: 3 working days',
    direction: 'after',
  },
  forwardAtOnce: {
    label: {
      kk: 'Дереу жіберу: қылмыс немесе қауіпсіздікке қатер туралы анонимді хабарлама',
      ru: 'Незамедлительное направление анонимного сообщения о преступлении или угрозе безопасности',
      en: 'Forward at once an anonymous report of a crime or a threat to security',
    },
    term: { unit: 'calendarDays', count: 0 },
    basis: 'APPC Art. 88 p.1: forwarded at once — the day it is registered, or marked as such',
    direction: 'after',
  },
  complaintForward: {
    label: { kk: 'Шағымды және істі жіберу', ru: 'Направление жалобы и дела', en: 'Forward a complaint and the case to the reviewing body' },
    term: wd(3),
    basis: 'APPC Art. 91 p.4: within 3 working days of receipt (or a favourable act fully satisfying the complaint)',
    direction: 'after',
  },
  complaintLeftWithoutConsideration: {
    label: { kk: 'Шағымды қараусыз қалдыру туралы хабарлау', ru: 'Уведомление об оставлении жалобы без рассмотрения', en: 'Notify a complaint left without consideration' },
    term: wd(3),
    basis: 'APPC Art. 95 p.2: 3 working days',
    direction: 'after',
  },
  caseReturn: {
    label: { kk: 'Істі қайтару', ru: 'Возврат дела', en: 'Send the case back after a complaint decision' },
    term: wd(5),
    basis: 'APPC Art. 100 p.2: no later than 5 working days',
    direction: 'after',
  },
  recusal: {
    label: { kk: 'Қарсылықты (бас тартуды) шешу', ru: 'Разрешение отвода', en: 'Decide a challenge (recusal)' },
    term: wd(3),
    basis: 'APPC Art. 67 p.3: 3 working days',
    direction: 'after',
  },
  caseAccess: {
    label: { kk: 'Іс материалдарымен танысу', ru: 'Ознакомление с материалами дела', en: 'Give access to the case file' },
    term: wd(3),
    basis: 'APPC Art. 75 p.1: 3 working days from the request',
    direction: 'after',
  },
  fixDefault: {
    label: { kk: 'Кемшіліктерді жою', ru: 'Устранение недостатков', en: 'Fix the missing requirements' },
    term: wd(5),
    basis: 'APPC Art. 64 p.6: a "reasonable term" set by the registrar; 5 working days is this project\'s default',
    direction: 'after',
  },
  extensionCap: {
    label: { kk: 'Ұзартудың шекті мерзімі', ru: 'Предельный срок продления', en: 'Extension cap (whole term)' },
    term: { unit: 'months', count: 2 },
    basis: 'APPC Art. 76 p.3: the whole term at most 2 months from receipt (Civil Code Arts. 173–175 for the count)',
    direction: 'after',
  },
  correctionReview: {
    label: { kk: 'Түзету туралы өтінішхатты қарау', ru: 'Рассмотрение ходатайства о корректировке', en: 'Review a correction petition' },
    term: wd(5),
    basis: 'Rules p.28: 5 working days (petitions at least 5 working days before the period closes)',
    direction: 'after',
  },
  outageBackfill: {
    label: { kk: 'Қағаз журналынан енгізу', ru: 'Внесение из бумажного журнала', en: 'Backfill the paper journal after an outage' },
    term: { unit: 'hours', count: 24 },
    basis: 'Rules p.31: within 24 hours of the system being restored',
    direction: 'after',
  },
  // personal reception (src/domain/reception.ts)
  ...RECEPTION_TERMS,
} as const satisfies Record<string, ProceduralTerm>;

export type ProceduralTermName = keyof typeof PROCEDURAL_TERMS;

/** The latest date the whole term may be extended to: the registration date + 2 months, next-working-day rule (APPC Art. 76 p.3). */
export function extensionCap(cal: Calendar, registrationDate: IsoDate): IsoDate {
  return applyTerm(cal, registrationDate, PROCEDURAL_TERMS.extensionCap.term);
}

/** A missed decision term is a deemed refusal in these procedures (APPC Art. 91 p.2, Art. 100 p.5;
 *  docs/legal-basis.md#review-terms): the simplified one adopts no act to refuse. */
export const DEEMED_REFUSAL_PROCEDURES: readonly Procedure[] = ['administrative', 'complaint'];
