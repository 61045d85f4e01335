// The decision catalogue of the review (card ТЖ-2, rules.md §1.4–1.5; law.md §5): which decisions
// fit which procedure, which end the review at this organization, who may take them, what data
// the card carries and in what order they may follow each other — one declarative table
// (DECISIONS) with its APPC citations, and the pure functions that enforce it on every path
// (allowedDecisions, checkDecision, nextStatus, checkCancelMoveOut). No I/O: the review layer
// loads the appeal into an AppealState, asks, and stores.
//
// APPC = Administrative Procedural-Procedural Code of the Republic of Kazakhstan (29 June 2020
// No. 350-VI). "Rules p.N" = Prosecutor General's order No. 4 of 4 January 2023 (registration and
// accounting of appeals). The Kazakh labels are the wording of Annex 4 of the rules; the Russian
// ones follow the APPC's Russian terminology (the Russian text of Annex 4 was not at hand: check
// them against it when it is).

import { isIsoDate, plusDays, type Calendar, type CountMode, type IsoDate } from './calendar.ts';
import type { FieldError } from './registration.ts';
import { PROCEDURAL_TERMS, applyTerm, extensionCap } from './terms.ts';
import type { ApplicantKind, DocumentType, Labels, Procedure, Role } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Codes

export const DECISION_CODES = [
  '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12', '4.13',
  '4.14', '4.15', '4.16', '4.17', '4.18', '4.19', '4.20', '4.21', '4.22', '4.23', '4.24', '4.25', '4.26',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];

export function isDecisionCode(x: unknown): x is DecisionCode {
  return typeof x === 'string' && (DECISION_CODES as readonly string[]).includes(x);
}

/** The roles a decision rule may name. A deputy head has the role 'head'. 'admin' is never special here. */
export type DecisionRole = Extract<Role, 'registrar' | 'executor' | 'head'>;

/**
 * Where on the complaint's path a decision may be taken (APPC Art. 91 p.4, rules p.20): at the body
 * whose act is complained about (before it sends the complaint on with 4.24), at the reviewing body
 * (after it received it), or at either. Ignored outside the complaint procedure.
 */
export type ComplaintStage = 'any' | 'bodyComplainedAbout' | 'reviewingBody';

// ---------------------------------------------------------------------------------------------
// Closed vocabularies of the card's fields (each code with kk/ru/en labels and its basis)

export interface VocabularyItem {
  code: string;
  label: Labels;
  basis?: string;
  /** false: the wording or the sub-paragraph number could not be checked against the APPC text. */
  verified?: boolean;
}

/** Rules p.15: the five kinds of documents not accounted as appeals, moved out by decision 4.1. */
export const MOVE_OUT_REASONS = [
  {
    code: 'serviceDocument',
    label: {
      kk: 'Бір мемлекеттік органнан басқа мемлекеттік органға келіп түскен қызметтік құжаттар',
      ru: 'Служебные документы, поступившие из одного государственного органа в другой',
      en: 'Service document from one state body to another',
    },
    basis: 'Rules p.15 sub.1',
  },
  {
    code: 'higherBodyInstruction',
    label: {
      kk: 'Жоғары тұрған органның тапсырмалары мен нұсқаулары',
      ru: 'Поручения и указания вышестоящего органа',
      en: 'Task or instruction of a higher body',
    },
    basis: 'Rules p.15 sub.2',
  },
  {
    code: 'advertisingProposal',
    label: { kk: 'Жарнама қамтылған ұсыныстар', ru: 'Предложения, содержащие рекламу', en: 'Proposal containing advertising' },
    basis: 'Rules p.15 sub.3',
  },
  {
    code: 'publicService',
    label: {
      kk: 'Мемлекеттік қызметтерді көрсету мәселелері бойынша жолданымдар («Мемлекеттік көрсетілетін қызметтер туралы» Заңның 4-бабы 1-тармағының 3) тармақшасындағыларды қоспағанда)',
      ru: 'Обращения по вопросам оказания государственных услуг (кроме предусмотренных подпунктом 3) пункта 1 статьи 4 Закона «О государственных услугах»)',
      en: 'Appeal about public services (except those under Art. 4 p.1 sub.3 of the Law on Public Services)',
    },
    basis: 'Rules p.15 sub.4',
  },
  {
    code: 'otherProcedureLaw',
    label: {
      kk: 'Қаралу тәртібі әкімшілік құқық бұзушылықтар туралы, қылмыстық-процестік, азаматтық процестік заңнамада белгіленген жолданымдар',
      ru: 'Обращения, порядок рассмотрения которых установлен законодательством об административных правонарушениях, уголовно-процессуальным, гражданским процессуальным законодательством',
      en: 'Appeal governed by the law on administrative offences, criminal or civil procedure',
    },
    basis: 'Rules p.15 sub.5',
  },
] as const satisfies readonly VocabularyItem[];

/** What an appeal must contain (APPC Art. 63) and a complaint (APPC Art. 93); the codes of 4.2 `missing`. */
export const COMPLIANCE_CHECKLIST = {
  art63: [
    {
      code: 'individualName',
      label: {
        kk: 'Жеке тұлғаның тегі, аты, әкесінің аты (бар болса)',
        ru: 'Фамилия, имя, отчество (при его наличии) физического лица',
        en: "Individual's surname, first name and patronymic (if any)",
      },
      basis: 'APPC Art. 63',
    },
    {
      code: 'individualIin',
      label: { kk: 'Жеке тұлғаның ЖСН-і (бар болса)', ru: 'ИИН физического лица (при его наличии)', en: "Individual's IIN (if any)" },
      basis: 'APPC Art. 63',
    },
    {
      code: 'individualPostalAddress',
      label: { kk: 'Жеке тұлғаның пошталық мекенжайы', ru: 'Почтовый адрес физического лица', en: "Individual's postal address" },
      basis: 'APPC Art. 63',
    },
    {
      code: 'entityName',
      label: { kk: 'Заңды тұлғаның атауы', ru: 'Наименование юридического лица', en: "Legal entity's name" },
      basis: 'APPC Art. 63',
    },
    {
      code: 'entityPostalAddress',
      label: { kk: 'Заңды тұлғаның пошталық мекенжайы', ru: 'Почтовый адрес юридического лица', en: "Legal entity's postal address" },
      basis: 'APPC Art. 63',
    },
    {
      code: 'entityBin',
      label: { kk: 'Заңды тұлғаның БСН-і', ru: 'БИН юридического лица', en: "Legal entity's BIN" },
      basis: 'APPC Art. 63',
    },
    {
      code: 'addressee',
      label: {
        kk: 'Жолданым жіберілген әкімшілік органның (лауазымды адамның) атауы',
        ru: 'Наименование административного органа (должностного лица), которому адресовано обращение',
        en: 'The addressee (administrative body or official)',
      },
      basis: 'APPC Art. 63',
    },
    {
      code: 'substance',
      label: { kk: 'Жолданымның мәні', ru: 'Суть обращения', en: 'The substance of the appeal' },
      basis: 'APPC Art. 63',
    },
    { code: 'date', label: { kk: 'Күні', ru: 'Дата', en: 'Date' }, basis: 'APPC Art. 63' },
    {
      code: 'signature',
      label: { kk: 'Қолы (оның ішінде ЭЦҚ)', ru: 'Подпись (в том числе ЭЦП)', en: 'Signature (incl. EDS)' },
      basis: 'APPC Art. 63',
    },
  ],
  art93: [
    {
      code: 'reviewingBody',
      label: { kk: 'Шағымды қарайтын органның атауы', ru: 'Наименование органа, рассматривающего жалобу', en: 'The reviewing body' },
      basis: 'APPC Art. 93',
    },
    {
      code: 'complainantName',
      label: {
        kk: 'Шағымданушының тегі, аты, әкесінің аты (бар болса) не заңды тұлғаның атауы',
        ru: 'Фамилия, имя, отчество (при его наличии) либо наименование юридического лица',
        en: "Complainant's full name or the legal entity's name",
      },
      basis: 'APPC Art. 93',
    },
    {
      code: 'iinBin',
      label: { kk: 'ЖСН-і немесе БСН-і (міндетті)', ru: 'ИИН или БИН (обязательно)', en: 'IIN or BIN (mandatory)' },
      basis: 'APPC Art. 93',
    },
    {
      code: 'postalAddress',
      label: { kk: 'Пошталық мекенжайы', ru: 'Почтовый адрес', en: 'Postal address' },
      basis: 'APPC Art. 93',
    },
    {
      code: 'actualAddress',
      label: { kk: 'Нақты мекенжайы', ru: 'Фактический адрес', en: 'Actual address' },
      basis: 'APPC Art. 93',
    },
    {
      code: 'challengedBodyAndOfficial',
      label: {
        kk: 'Әкімшілік актісіне, әрекетіне (әрекетсіздігіне) шағым жасалатын әкімшілік органның, лауазымды адамның атауы',
        ru: 'Наименование административного органа, должностного лица, административный акт, действие (бездействие) которых обжалуется',
        en: 'The body and official whose act or action is challenged',
      },
      basis: 'APPC Art. 93',
    },
    {
      code: 'circumstancesAndEvidence',
      label: {
        kk: 'Шағымның негізі болып табылатын мән-жайлар және оларды растайтын дәлелдемелер',
        ru: 'Обстоятельства, на которых основана жалоба, и подтверждающие их доказательства',
        en: 'The circumstances and the evidence',
      },
      basis: 'APPC Art. 93',
    },
    { code: 'date', label: { kk: 'Күні', ru: 'Дата', en: 'Date' }, basis: 'APPC Art. 93' },
    {
      code: 'signature',
      label: { kk: 'Қолы (оның ішінде ЭЦҚ)', ru: 'Подпись (в том числе ЭЦП)', en: 'Signature (incl. EDS)' },
      basis: 'APPC Art. 93',
    },
    {
      code: 'attachmentsList',
      label: { kk: 'Қоса берілетін құжаттардың тізбесі', ru: 'Перечень прилагаемых документов', en: 'List of attachments' },
      basis: 'APPC Art. 93',
    },
  ],
} as const satisfies Record<'art63' | 'art93', readonly VocabularyItem[]>;

/** The checklist of 4.2 for a procedure: Art. 93 for complaints, Art. 63 for the rest (rules p.19). */
export function complianceChecklistFor(procedure: Procedure): readonly VocabularyItem[] {
  return procedure === 'complaint' ? COMPLIANCE_CHECKLIST.art93 : COMPLIANCE_CHECKLIST.art63;
}

/**
 * The cases in which an unfavourable act may be adopted without the hearing of APPC Art. 73 p.1
 * (Art. 73 p.2). Only sub.6 (the simplified procedure) is confirmed by law.md; the other codes are
 * this project's best reading of Art. 73 p.2 and are marked `verified: false` — check the
 * wording and the sub-paragraph numbers against the current APPC text.
 */
export const HEARING_EXCEPTIONS = [
  {
    code: 'fullyGranted',
    label: {
      kk: 'Әкімшілік акт әкімшілік рәсімге қатысушының өтінішін толық қанағаттандырады',
      ru: 'Административный акт полностью удовлетворяет заявление участника административной процедуры',
      en: 'The act fully grants what the applicant asked for',
    },
    basis: 'APPC Art. 73 p.2 (sub-paragraph not verified)',
    verified: false,
  },
  {
    code: 'waivedInWriting',
    label: {
      kk: 'Қатысушы тыңдаудан жазбаша бас тартты',
      ru: 'Участник письменно отказался от заслушивания',
      en: 'The applicant waived the hearing in writing',
    },
    basis: 'APPC Art. 73 p.2 (sub-paragraph not verified); cf. rules p.22 (applications to refuse to take part in a hearing)',
    verified: false,
  },
  {
    code: 'alreadyStated',
    label: {
      kk: 'Қатысушы сол мән-жайлар бойынша өз ұстанымын бұрын білдірген',
      ru: 'Участник ранее выразил свою позицию по тем же обстоятельствам',
      en: 'The applicant has already stated a position on the same facts',
    },
    basis: 'APPC Art. 73 p.2 (not verified)',
    verified: false,
  },
  {
    code: 'urgency',
    label: {
      kk: 'Адамдардың өмірі мен денсаулығына, қоғамдық тәртіпке зиянның алдын алу үшін шұғыл шара қажет',
      ru: 'Необходимы безотлагательные меры для предотвращения вреда жизни и здоровью людей, общественному порядку',
      en: 'Urgent measures are needed to prevent harm to life, health or public order',
    },
    basis: 'APPC Art. 73 p.2 (sub-paragraph not verified)',
    verified: false,
  },
  {
    code: 'providedByLaw',
    label: {
      kk: 'Қазақстан Республикасының заңдарында көзделген өзге жағдайлар',
      ru: 'Иные случаи, предусмотренные законами Республики Казахстан',
      en: 'Another case provided by law',
    },
    basis: 'APPC Art. 73 p.2 (not verified)',
    verified: false,
  },
  {
    code: 'simplifiedProcedure',
    label: {
      kk: 'Оңайтылған әкімшілік рәсім',
      ru: 'Упрощенная административная процедура',
      en: 'Simplified procedure (applied automatically)',
    },
    basis: 'APPC Art. 73 p.2 sub.6; Arts. 87–89',
    verified: true,
  },
] as const satisfies readonly VocabularyItem[];

/**
 * Grounds to terminate the administrative procedure (4.13). The first two are law.md §5; the others
 * are this project's reading of the APPC's termination grounds (Art. 70 / Art. 77 p.1 sub.2) and
 * are marked `verified: false`.
 */
export const TERMINATION_REASONS = [
  {
    code: 'repeatWithoutNewArguments',
    label: {
      kk: 'Жаңа дәлелдері жоқ қайталама жолданым',
      ru: 'Повторное обращение без новых доводов',
      en: 'Repeat appeal without new arguments',
    },
    basis: 'APPC Arts. 70, 88',
    verified: true,
  },
  {
    code: 'anonymous',
    label: { kk: 'Иесі бүркемеленген жолданым', ru: 'Анонимное обращение', en: 'Anonymous appeal' },
    basis: 'APPC Art. 88 p.1',
    verified: true,
  },
  {
    code: 'applicantDeceased',
    label: {
      kk: 'Арыз иесі (жеке тұлға) қайтыс болды',
      ru: 'Смерть заявителя (физического лица)',
      en: 'The applicant (an individual) died',
    },
    basis: 'APPC Art. 70 (not verified)',
    verified: false,
  },
  {
    code: 'applicantLiquidated',
    label: {
      kk: 'Арыз иесі (заңды тұлға) таратылды',
      ru: 'Ликвидация заявителя (юридического лица)',
      en: 'The applicant (a legal entity) was liquidated',
    },
    basis: 'APPC Art. 70 (not verified)',
    verified: false,
  },
  {
    code: 'courtActInForce',
    label: {
      kk: 'Сол мәселе және сол негіздер бойынша заңды күшіне енген сот актісі бар',
      ru: 'Имеется вступивший в законную силу судебный акт по тому же предмету и основаниям',
      en: 'A court act in force on the same subject and grounds',
    },
    basis: 'APPC Art. 70 (not verified)',
    verified: false,
  },
  {
    code: 'otherGroundByLaw',
    label: { kk: 'Заңда көзделген өзге негіз', ru: 'Иное основание, предусмотренное законом', en: 'Another ground provided by law' },
    basis: 'APPC Art. 77 p.1 sub.2',
    verified: true,
  },
] as const satisfies readonly VocabularyItem[];

/** Rules p.13, p.22: what is attached to a main appeal by 4.5 — a duplicate, or a procedural
 *  application or remark on the procedure of the main appeal. */
export const ATTACHMENT_KINDS = [
  { code: 'duplicate', label: { kk: 'Телнұсқа', ru: 'Дубликат', en: 'Duplicate' }, basis: 'Rules p.13, p.22' },
  { code: 'withdrawal', label: { kk: 'Жолданымды кері қайтарып алу туралы арыз', ru: 'Заявление об отзыве обращения', en: 'Application to withdraw the appeal' }, basis: 'Rules p.22; APPC Art. 64 p.9' },
  { code: 'recusal', label: { kk: 'Лауазымды адамға қарсылық білдіру туралы арыз', ru: 'Заявление об отводе должностного лица', en: 'Application to recuse an official' }, basis: 'Rules p.22; APPC Art. 67' },
  { code: 'hearingRefusal', label: { kk: 'Тыңдауға қатысудан бас тарту туралы арыз', ru: 'Заявление об отказе от участия в заслушивании', en: 'Application refusing to take part in the hearing' }, basis: 'Rules p.22; APPC Art. 73' },
  { code: 'caseReading', label: { kk: 'Тыңдау хаттамасымен, іс материалдарымен танысу туралы арыз', ru: 'Заявление об ознакомлении с протоколом заслушивания, материалами дела', en: 'Application to read the hearing protocol or the case file' }, basis: 'Rules p.22; APPC Arts. 74, 75' },
  { code: 'clericalCorrection', label: { kk: 'Қате жазуларды, арифметикалық қателерді түзету туралы арыз', ru: 'Заявление об исправлении описок, арифметических ошибок', en: 'Application to correct clerical or arithmetic errors' }, basis: 'Rules p.22; APPC Art. 82' },
  { code: 'oralActInWriting', label: { kk: 'Ауызша актіні жазбаша ресімдеу туралы арыз', ru: 'Заявление о письменном оформлении устного акта', en: 'Application to put an oral act in writing' }, basis: 'Rules p.22' },
  { code: 'protocolRemarks', label: { kk: 'Тыңдау хаттамасына ескертулер', ru: 'Замечания на протокол заслушивания', en: 'Remarks on the hearing protocol' }, basis: 'Rules p.22; APPC Art. 74 p.6' },
] as const satisfies readonly VocabularyItem[];

export type VocabularyName = 'moveOutReason' | 'compliance' | 'hearingException' | 'terminationReason' | 'attachmentKind';

/** The codes of a vocabulary (compliance depends on the procedure). */
export function vocabulary(name: VocabularyName, procedure: Procedure): readonly VocabularyItem[] {
  switch (name) {
    case 'moveOutReason':
      return MOVE_OUT_REASONS;
    case 'compliance':
      return complianceChecklistFor(procedure);
    case 'hearingException':
      return HEARING_EXCEPTIONS;
    case 'terminationReason':
      return TERMINATION_REASONS;
    case 'attachmentKind':
      return ATTACHMENT_KINDS;
  }
}

// ---------------------------------------------------------------------------------------------
// Field specs: the data a card carries, declaratively (decisionInputSchema turns them into JSON schema)

export type FieldType =
  | 'string' // a short line (≤ 500)
  | 'text' // free text (≤ 10 000)
  | 'date' // 'YYYY-MM-DD'
  | 'dateTime' // 'YYYY-MM-DDTHH:MM[:SS]' local time of the organization (an offset is accepted)
  | 'boolean'
  | 'organizationId' // an organization of the directory (integer id)
  | 'appealId' // another appeal (its id)
  | 'code' // one code of `vocabulary`
  | 'codes' // a non-empty list of distinct codes of `vocabulary`
  | 'object' // `fields`
  | 'list'; // a list of objects, each `fields`

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  label: Labels;
  vocabulary?: VocabularyName;
  /** 'object' fields, or each item of a 'list'. */
  fields?: readonly FieldSpec[];
  minItems?: number;
  /**
   * Date bounds relative to the decision date (the day the card is saved, rules p.24):
   * 'notAfterToday' — an event that already happened; 'notBeforeToday' — on or after it;
   * 'afterToday' — strictly after it.
   */
  when?: 'notAfterToday' | 'notBeforeToday' | 'afterToday';
  /** The field may be given only when another field has this value (equals) or is given (present). */
  onlyIf?: { field: string; equals?: boolean | string; present?: true };
  /** Omitted → computed by decisionData (e.g. 4.2 fixBy). */
  defaultValue?: 'fixDefault';
}

const STRING_MAX = 500;
const TEXT_MAX = 10_000;

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

const F = {
  text: (name: string, label: Labels, required = true): FieldSpec => ({ name, type: 'text', required, label }),
  string: (name: string, label: Labels, required = true): FieldSpec => ({ name, type: 'string', required, label }),
};

const TEXT_LABEL = L('Шешімнің мәтіні', 'Текст решения', 'Text of the decision');
const TARGET_ORG_LABEL = L('Жіберілетін субъект', 'Субъект, в который направляется', 'Organization it is sent to');

// ---------------------------------------------------------------------------------------------
// The table

/** State conditions (checked without the card's data, so allowedDecisions can show them). */
export type StateCondition = 'fixTermExpired' | 'termExtendable' | 'termRunning' | 'complaintGrantWindow';
/** Conditions on the card's data. */
export type InputCondition = 'extensionDate' | 'complaintGrantFavourable' | 'reasonApplies' | 'notAttachedToItself';

export const CONDITIONS: Record<StateCondition | InputCondition, { basis: string; errors: readonly string[] }> = {
  fixTermExpired: { basis: 'APPC Art. 64 p.7: returned only after the term set under p.6 expired', errors: ['decision.fixTermNotExpired'] },
  termExtendable: {
    basis: 'APPC Art. 76 p.3 (extension); Art. 99 (a complaint: 20 WD, no extension); the term catalogue marks special terms',
    errors: ['decision.extensionNotAllowed'],
  },
  termRunning: { basis: 'APPC Art. 76 p.3: a term is extended while it runs (project reading)', errors: ['decision.termExpired'] },
  complaintGrantWindow: {
    basis: 'APPC Art. 91 p.4, rules p.20: the body complained about may grant the complaint itself only within 3 WD of receipt',
    errors: ['decision.complaintGrantWindowClosed'],
  },
  extensionDate: {
    basis: 'APPC Art. 76 p.3: later than the current due date, the whole term at most 2 months from receipt',
    errors: ['decision.extensionNotLater', 'decision.extensionBeyondCap', 'decision.notWorkingDay'],
  },
  complaintGrantFavourable: {
    basis: 'APPC Art. 91 p.4, rules p.20: only a favourable act that fully satisfies the complaint',
    errors: ['decision.complaintGrantMustBeFavourable'],
  },
  reasonApplies: { basis: 'APPC Art. 88 p.1: the ground "anonymous" only for an anonymous appeal', errors: ['decision.reasonNotApplicable'] },
  notAttachedToItself: { basis: 'Rules p.22', errors: ['decision.attachToItself'] },
};

export interface DecisionRule {
  code: DecisionCode;
  label: Labels;
  /** The legal basis printed on the form (Annex 4) and the articles the rule relies on. */
  basis: string;
  /** law.md §5. */
  procedures: readonly Procedure[];
  /** Ends the review at this organization (law.md §5, last column); see endsReviewWith for 4.4 in parts. */
  endsReview: boolean;
  /** Who may take it; the registrar only at the registration desk (before an executor is assigned). */
  roles: readonly DecisionRole[];
  /** Complaint procedure only: where on the complaint's path. */
  complaintStage: ComplaintStage;
  fields: readonly FieldSpec[];
  /** Exactly one of these fields must be given. */
  exactlyOneOf?: readonly string[];
  /** Each group: at least one decision of the group must already be on the appeal (and not cancelled). */
  after: readonly (readonly DecisionCode[])[];
  /**
   * May still be taken after the review ended — only when it ended with an administrative act
   * (ACT_CODES). Only 4.17: correcting clerical errors is done in an act already adopted (Art. 82).
   */
  afterEnd: boolean;
  /** Unfavourable outcomes need the hearing of Art. 73 (or a recorded Art. 73 p.2 exception). */
  hearing: 'never' | 'always' | 'ifUnfavourable';
  /** An outcome the head answers for: an executor's card is a draft until the head approves it (needsApproval). */
  approval: boolean;
  stateConditions: readonly StateCondition[];
  inputConditions: readonly InputCondition[];
}

const ALL: readonly Procedure[] = ['administrative', 'complaint', 'simplified'];
const ADMIN_COMPLAINT: readonly Procedure[] = ['administrative', 'complaint'];
const ADMIN: readonly Procedure[] = ['administrative'];
const COMPLAINT: readonly Procedure[] = ['complaint'];
const SIMPLIFIED: readonly Procedure[] = ['simplified'];

// Roles. The registrar may take, at the registration desk only (before an executor is assigned),
// what the national system lets the office of an organization do on receipt: move a non-accountable
// document out (4.1, rules p.15 — within 1 WD of receipt, before anyone reviews it), tell the
// applicant what is missing (4.2, Art. 64 p.6 — law.md: "the registrar sets" the term), forward a
// misaddressed appeal (4.4, Art. 65 — 3 WD of receipt) and attach a duplicate or a procedural
// application to its main appeal (4.5, rules p.13, p.22). Everything else needs the executor or the
// head; termination and extension the head or a deputy (Art. 76 p.3; law.md §5).
const DESK: readonly DecisionRole[] = ['registrar', 'executor', 'head'];
const EXEC: readonly DecisionRole[] = ['executor', 'head'];
const HEAD: readonly DecisionRole[] = ['head'];

type RuleSpec = Omit<DecisionRule, 'code' | 'complaintStage' | 'after' | 'afterEnd' | 'hearing' | 'approval' | 'stateConditions' | 'inputConditions'> &
  Partial<Pick<DecisionRule, 'complaintStage' | 'after' | 'afterEnd' | 'hearing' | 'approval' | 'stateConditions' | 'inputConditions'>>;

// Approval (project default; rules p.24: the answer goes out signed by the organization's EDS, i.e.
// its head): the outcomes an organization answers for to the applicant or another body — a
// return, a forward, the preliminary decision of a hearing, an act, a complaint decision, an
// answer in the simplified procedure — are the head's. An executor drafts them; the card is saved
// (and its decision date set) when the head signs its letter (src/letters/service.ts). Records of
// what happened in the procedure (an attachment, a withdrawal, a representative, a hearing held…)
// take effect when the executor saves them.

/** The decisions that are administrative acts (or complaint decisions) whose clerical errors 4.17 corrects (Art. 82). */
export const ACT_CODES: readonly DecisionCode[] = ['4.15', '4.18', '4.19', '4.20', '4.21', '4.22'];

const SPECS: Record<DecisionCode, RuleSpec> = {
  '4.1': {
    label: L('Басқа жүйеге ауыстырылды', 'Переведено в другую информационную систему', 'Moved to another information system'),
    basis: 'Rules p.15 (within 1 WD of receipt; cancellable within 1 WD: cancelMoveOut)',
    procedures: ALL,
    endsReview: true,
    roles: DESK,
    fields: [
      F.string('targetSystem', L('Ақпараттық жүйе', 'Информационная система', 'Information system')),
      { name: 'reason', type: 'code', vocabulary: 'moveOutReason', required: true, label: L('Негіз', 'Основание', 'Reason') },
    ],
  },
  '4.2': {
    label: L(
      'Арыз иесіне Кодекстің 63-бабымен сәйкестендіру үшін хабарлама жіберілді',
      'Заявителю направлено уведомление о приведении обращения в соответствие со статьей 63 Кодекса',
      'Notice sent to the applicant to bring the appeal into line with Art. 63',
    ),
    basis: 'APPC Art. 64 p.6 (complaints: Art. 93; rules p.19–p.20)',
    procedures: ALL,
    endsReview: false,
    roles: DESK,
    complaintStage: 'reviewingBody', // rules p.20: the reviewing body does the Art. 93 check
    fields: [
      {
        name: 'fixBy',
        type: 'date',
        required: false,
        when: 'afterToday',
        defaultValue: 'fixDefault',
        label: L('Кемшіліктерді жою мерзімі', 'Срок устранения недостатков', 'Fix by'),
      },
      {
        name: 'missing',
        type: 'codes',
        vocabulary: 'compliance',
        minItems: 1,
        required: true,
        label: L('Сақталмаған талаптар', 'Несоблюденные требования', 'Requirements not met'),
      },
    ],
  },
  '4.3': {
    label: L(
      'Кодекстің 63-бабына сәйкестендіру үшін мерзімі өткеннен кейін жолданым арыз иесіне қайтарылды',
      'Обращение возвращено заявителю по истечении срока приведения его в соответствие со статьей 63 Кодекса',
      'Returned to the applicant after the term to bring it into line expired',
    ),
    basis: 'APPC Art. 64 p.7 (notify within 3 WD, Art. 70 p.3; return does not bar a new appeal, p.8)',
    procedures: ALL,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [],
    after: [['4.2']],
    stateConditions: ['fixTermExpired'],
  },
  '4.4': {
    label: L('Басқа субъектіге құзыреті бойынша жіберілді', 'Направлено другому субъекту по компетенции', 'Forwarded to another organization by competence'),
    basis: 'APPC Art. 65 (≤ 3 WD of receipt; in part: Art. 65 p.2, rules p.11, p.21); anonymous with crime information: Art. 88 p.1',
    procedures: ALL,
    // A split (parts, the rest kept here) does not end the review: endsReviewWith.
    endsReview: true,
    approval: true,
    roles: DESK,
    fields: [
      { name: 'targetOrganizationId', type: 'organizationId', required: false, label: TARGET_ORG_LABEL },
      {
        name: 'parts',
        type: 'list',
        required: false,
        minItems: 1,
        label: L('Бөліктер', 'Части обращения', 'Parts'),
        fields: [
          F.text('summary', L('Мәселенің қысқаша мазмұны', 'Краткое содержание вопроса', 'Summary of the issue')),
          { name: 'targetOrganizationId', type: 'organizationId', required: true, label: TARGET_ORG_LABEL },
        ],
      },
      {
        name: 'remainderKept',
        type: 'boolean',
        required: false,
        onlyIf: { field: 'parts', present: true },
        label: L(
          'Қалған мәселелер осында қаралады',
          'Остальные вопросы рассматриваются здесь',
          'The remaining issues are reviewed here (default true)',
        ),
      },
    ],
    exactlyOneOf: ['targetOrganizationId', 'parts'],
  },
  '4.5': {
    label: L(
      'Жолданымға, хабарламаға, сұрау салуға, пікірге, ұсынысқа қосылды',
      'Приобщено к обращению, сообщению, запросу, отклику, предложению',
      'Attached to an appeal',
    ),
    basis: 'Rules p.13, p.22',
    procedures: ALL,
    endsReview: true,
    roles: DESK,
    fields: [
      { name: 'mainAppealId', type: 'appealId', required: true, label: L('Негізгі жолданым', 'Основное обращение', 'Main appeal') },
      { name: 'kind', type: 'code', vocabulary: 'attachmentKind', required: false, label: L('Не қосылады', 'Что приобщается', 'What is attached (default: a duplicate)') },
    ],
    inputConditions: ['notAttachedToItself'],
  },
  '4.6': {
    label: L(
      'Арыз иесінен жолданымды, хабарламаны, сұрау салуды, пікірді, ұсынысты кері қайтарып алу қабылданды',
      'Принят отзыв заявителем обращения, сообщения, запроса, отклика, предложения',
      'Withdrawal by the applicant accepted',
    ),
    basis: 'APPC Art. 64 p.9 (before the decision)',
    procedures: ALL,
    endsReview: true,
    roles: EXEC,
    fields: [
      {
        name: 'withdrawalReceivedAt',
        type: 'date',
        required: true,
        when: 'notAfterToday',
        label: L('Кері қайтарып алу туралы арыз келген күн', 'Дата поступления заявления об отзыве', 'Withdrawal received on'),
      },
    ],
  },
  '4.7': {
    label: L(
      'Тыңдауды өткізу туралы арыз иесіне хабарлама (хабархат) жіберілді',
      'Заявителю направлено уведомление (извещение) о проведении заслушивания',
      'Notice (summons) of a hearing sent to the applicant',
    ),
    basis: 'APPC Art. 66 p.2; Art. 73 p.1 (≥ 3 WD before the act); rules p.24 (contacts in the cover letter)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [
      {
        name: 'hearingAt',
        type: 'dateTime',
        required: true,
        when: 'notBeforeToday',
        label: L('Тыңдаудың күні мен уақыты', 'Дата и время заслушивания', 'Hearing date and time'),
      },
      F.string('place', L('Өткізілетін орны', 'Место проведения', 'Place'), false),
      // default: the responsible executor's phone and e-mail (rules p.24), printed by the letter
      F.string('contacts', L('Жауапты адамдардың байланыстары', 'Контакты ответственных лиц', 'Contacts of the responsible officials'), false),
      F.text('preliminaryDecision', L('Алдын ала шешім', 'Предварительное решение', 'Preliminary decision'), false),
    ],
  },
  '4.8': {
    label: L(
      'Лауазымды адамға қарсылық білдіру (өздігінен бас тарту)',
      'Отвод (самоотвод) должностного лица',
      'Challenge (recusal or self-recusal) of an official',
    ),
    basis: 'APPC Art. 67 (decided within 3 WD, p.3)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [
      F.string('official', L('Лауазымды адам', 'Должностное лицо', 'Official')),
      { name: 'selfRecusal', type: 'boolean', required: true, label: L('Өздігінен бас тарту', 'Самоотвод', 'Self-recusal') },
    ],
  },
  '4.9': {
    label: L('Арыз иесінің өкілі әкімшілік рәсімге түсті', 'Представитель заявителя вступил в административную процедуру', "The applicant's representative joined"),
    basis: 'APPC Art. 68 p.2',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [
      {
        name: 'representative',
        type: 'object',
        required: true,
        label: L('Өкіл', 'Представитель', 'Representative'),
        fields: [
          F.string('name', L('Тегі, аты, әкесінің аты', 'ФИО', 'Full name')),
          F.string('iin', L('ЖСН', 'ИИН', 'IIN'), false),
          F.string('authority', L('Өкілеттігін растайтын құжат', 'Документ, подтверждающий полномочия', 'Document of authority'), false),
        ],
      },
    ],
  },
  '4.10': {
    label: L('Арыз иесінің өкілі шеттетілді', 'Представитель заявителя отстранен', "The applicant's representative removed"),
    basis: 'APPC Art. 68 p.5',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [
      {
        name: 'representative',
        type: 'object',
        required: true,
        label: L('Өкіл', 'Представитель', 'Representative'),
        fields: [F.string('name', L('Тегі, аты, әкесінің аты', 'ФИО', 'Full name')), F.string('iin', L('ЖСН', 'ИИН', 'IIN'), false)],
      },
      F.text('reason', L('Негізі', 'Основание', 'Reason'), false),
    ],
    after: [['4.9']],
  },
  '4.11': {
    label: L('Тыңдау өткізілді', 'Заслушивание проведено', 'Hearing held'),
    basis: 'APPC Art. 73 p.1; protocol Art. 74',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('protocol', L('Тыңдау хаттамасы', 'Протокол заслушивания', 'Hearing protocol'))],
    after: [['4.7']],
  },
  '4.12': {
    label: L('Тыңдау хаттамасына ескертпе қабылданды', 'Принято замечание на протокол заслушивания', 'Remark on the hearing protocol accepted'),
    basis: 'APPC Art. 73 p.6 (remarks within 3 WD of reading the protocol, Art. 74 p.6)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('remark', L('Ескертпе', 'Замечание', 'Remark'))],
    after: [['4.11']],
  },
  '4.13': {
    label: L('Әкімшілік рәсім тоқтатылды', 'Административная процедура прекращена', 'Administrative procedure terminated'),
    basis: 'APPC Art. 77 p.1 sub.2; Arts. 70, 88 (head or deputy: law.md §5; notify within 3 WD, Art. 70 p.3)',
    procedures: ALL,
    endsReview: true,
    roles: HEAD,
    complaintStage: 'reviewingBody',
    fields: [
      { name: 'reason', type: 'code', vocabulary: 'terminationReason', required: true, label: L('Негіз', 'Основание', 'Ground') },
      F.text('comment', L('Түсініктеме', 'Пояснение', 'Comment'), false),
    ],
    inputConditions: ['reasonApplies'],
  },
  '4.14': {
    label: L('Қарау мерзімі ұзартылды', 'Срок рассмотрения продлен', 'Review term extended'),
    basis: 'APPC Art. 76 p.3 (head or deputy, reasoned, whole term ≤ 2 months from receipt; not for complaints, Art. 99)',
    procedures: ALL,
    endsReview: false,
    roles: HEAD,
    complaintStage: 'reviewingBody',
    fields: [
      { name: 'newDueDate', type: 'date', required: true, label: L('Жаңа орындалу мерзімі', 'Новый срок исполнения', 'New due date') },
      F.text('reason', L('Ұзарту себебі', 'Обоснование продления', 'Reason for the extension')),
    ],
    stateConditions: ['termExtendable', 'termRunning'],
    inputConditions: ['extensionDate'],
  },
  '4.15': {
    label: L('Әкімшілік акт қабылданды', 'Принят административный акт', 'Administrative act adopted'),
    basis: 'APPC Art. 77 p.1 sub.1; hearing Art. 73; a complaint granted by the body complained about: Art. 91 p.4',
    // law.md §5: a complaint only at the body complained about, granting it in full within 3 WD.
    procedures: ADMIN_COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'bodyComplainedAbout',
    hearing: 'ifUnfavourable',
    fields: [
      {
        name: 'favourable',
        type: 'boolean',
        required: true,
        label: L('Қолайлы акт', 'Благоприятный акт', 'Favourable to the applicant'),
      },
      F.text('text', TEXT_LABEL),
      {
        name: 'hearingException',
        type: 'code',
        vocabulary: 'hearingException',
        required: false,
        onlyIf: { field: 'favourable', equals: false },
        label: L('Тыңдаусыз қабылдау негізі', 'Основание принятия без заслушивания', 'Ground to adopt without a hearing (Art. 73 p.2)'),
      },
    ],
    stateConditions: ['complaintGrantWindow'],
    inputConditions: ['complaintGrantFavourable'],
  },
  '4.16': {
    label: L(
      'Әкімшілік іспен танысу туралы өтінішхат мәлімденді',
      'Заявлено ходатайство об ознакомлении с административным делом',
      'Request to read the case file filed',
    ),
    basis: 'APPC Art. 75 p.1 (access within 3 WD of the request)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [
      {
        name: 'requestedAt',
        type: 'date',
        required: true,
        when: 'notAfterToday',
        label: L('Өтінішхат күні', 'Дата ходатайства', 'Requested on'),
      },
    ],
  },
  '4.17': {
    label: L('Қате жазулар немесе арифметикалық қателер түзетілді', 'Исправлены описки или арифметические ошибки', 'Clerical or arithmetic errors corrected'),
    basis: 'APPC Art. 82 (in an act already adopted)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [F.text('correction', L('Түзету', 'Исправление', 'Correction'))],
    after: [ACT_CODES],
    afterEnd: true,
  },
  '4.18': {
    label: L('Әкімшілік актінің күші бұзылды', 'Административный акт отменен', 'Administrative act revoked'),
    basis: 'APPC Art. 100 p.1 sub.1',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('text', TEXT_LABEL)],
  },
  '4.19': {
    label: L(
      'Әкімшілік актінің күші бұзылды және жаңа әкімшілік акті қабылданды',
      'Административный акт отменен и принят новый административный акт',
      'Administrative act revoked and a new one adopted',
    ),
    basis: 'APPC Art. 100 p.1 sub.2 (a new act unfavourable to the complainant: hearing, Art. 73)',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    hearing: 'ifUnfavourable',
    fields: [
      F.text('text', TEXT_LABEL),
      {
        name: 'favourable',
        type: 'boolean',
        required: false,
        label: L('Жаңа акт қолайлы (әдепкі: иә)', 'Новый акт благоприятный (по умолчанию: да)', 'The new act is favourable (default true)'),
      },
      {
        name: 'hearingException',
        type: 'code',
        vocabulary: 'hearingException',
        required: false,
        onlyIf: { field: 'favourable', equals: false },
        label: L('Тыңдаусыз қабылдау негізі', 'Основание принятия без заслушивания', 'Ground to adopt without a hearing (Art. 73 p.2)'),
      },
    ],
  },
  '4.20': {
    label: L('Әкімшілік іс-әрекет жасалды', 'Совершено административное действие', 'Administrative action performed'),
    basis: 'APPC Art. 100 p.1 sub.3',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('text', TEXT_LABEL)],
  },
  '4.21': {
    label: L('Шағым қанағаттандырусыз қалдырылды', 'Жалоба оставлена без удовлетворения', 'Complaint left unsatisfied'),
    basis: 'APPC Art. 100 p.1 sub.4 (unfavourable: hearing, Art. 73)',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    hearing: 'always',
    fields: [
      F.text('text', TEXT_LABEL),
      {
        name: 'hearingException',
        type: 'code',
        vocabulary: 'hearingException',
        required: false,
        label: L('Тыңдаусыз қабылдау негізі', 'Основание принятия без заслушивания', 'Ground to decide without a hearing (Art. 73 p.2)'),
      },
    ],
  },
  '4.22': {
    label: L(
      'Әкімшілік іс жол берілген бұзушылықтарды және оларды жою бойынша ұсыныстарды көрсете отырып, әкімшілік рәсімді жүзеге асыру үшін әкімшілік акті, әкімшілік әрекет (әрекетсiздiк) шағымдалып жатқан әкімшілік органға жіберілді',
      'Административное дело направлено в административный орган, административный акт, административное действие (бездействие) которого обжалуется, для осуществления административной процедуры с указанием допущенных нарушений и предложений по их устранению',
      'Case sent back to the body complained about, with the violations and proposals to fix them',
    ),
    basis: 'APPC Art. 100 p.1 sub.5 (case sent back within 5 WD, p.2)',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [
      F.text('text', TEXT_LABEL),
      F.text('violations', L('Жол берілген бұзушылықтар', 'Допущенные нарушения', 'Violations')),
      F.text('proposals', L('Бұзушылықтарды жою бойынша ұсыныстар', 'Предложения по устранению нарушений', 'Proposals to fix them')),
    ],
  },
  '4.23': {
    label: L('Шағым қараусыз қалдырылды', 'Жалоба оставлена без рассмотрения', 'Complaint left without consideration'),
    basis: 'APPC Art. 100 p.1 sub.6; Art. 95 (notify within 3 WD, p.2)',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('text', TEXT_LABEL)],
  },
  '4.24': {
    label: L('Шағымды қарайтын органға шағым жіберілді', 'Жалоба направлена в орган, рассматривающий жалобу', 'Complaint sent to the reviewing body'),
    basis: 'APPC Art. 91 p.4 (with the case, within 3 WD of receipt); rules p.20',
    procedures: COMPLAINT,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'bodyComplainedAbout',
    fields: [
      {
        name: 'targetOrganizationId',
        type: 'organizationId',
        required: true,
        label: L('Шағымды қарайтын орган', 'Орган, рассматривающий жалобу', 'Reviewing body'),
      },
    ],
  },
  '4.25': {
    label: L(
      'Хабарлама, сұрау салу, пікір, ұсыныс мәні бойынша жауап, оның ішінде ақпарат ұсынылды',
      'На сообщение, запрос, отклик, предложение дан ответ по существу, в том числе предоставлена информация',
      'Answer on the merits, incl. information, given',
    ),
    basis: 'APPC Art. 89 p.1 sub.1 (reasoned, cites the law, explains the right to complain, p.2)',
    procedures: SIMPLIFIED,
    endsReview: true,
    approval: true,
    roles: EXEC,
    fields: [F.text('text', L('Жауаптың мәтіні', 'Текст ответа', 'Text of the answer'))],
  },
  '4.26': {
    label: L('Хабарлама, сұрау салу, пікір, ұсыныс назарға алынды', 'Сообщение, запрос, отклик, предложение приняты к сведению', 'Taken into account'),
    basis: 'APPC Art. 89 p.1 sub.2',
    procedures: SIMPLIFIED,
    endsReview: true,
    approval: true,
    roles: EXEC,
    fields: [F.text('text', L('Жауаптың мәтіні', 'Текст ответа', 'Text of the answer'))],
  },
};

function buildRule(code: DecisionCode, s: RuleSpec): DecisionRule {
  return Object.freeze({
    code,
    ...s,
    complaintStage: s.complaintStage ?? 'any',
    after: s.after ?? [],
    afterEnd: s.afterEnd ?? false,
    hearing: s.hearing ?? 'never',
    approval: s.approval ?? false,
    stateConditions: s.stateConditions ?? [],
    inputConditions: s.inputConditions ?? [],
  });
}

/** The decision catalogue: one row per ТЖ-2 decision. */
export const DECISIONS: Readonly<Record<DecisionCode, DecisionRule>> = Object.freeze(
  Object.fromEntries(DECISION_CODES.map((c) => [c, buildRule(c, SPECS[c])])) as Record<DecisionCode, DecisionRule>,
);

/**
 * Art. 88 p.1: an anonymous report, inquiry, feedback or proposal is terminated (4.13, head or
 * deputy) unless it is marked as containing information on a crime being prepared or committed or
 * on a threat to state or public security: then it is forwarded (4.4) to the competent body at once.
 * Besides 4.13 a plain anonymous document may still be moved out (4.1) or attached as a duplicate
 * (4.5): those are accounting decisions (rules p.15, p.22), not a review. The rule is the
 * simplified procedure's (Chapter 12); anonymous applications and complaints follow their own
 * procedure (4.13 with the ground "anonymous" is open to them).
 */
export const ANONYMOUS_RULE = {
  procedures: ['simplified'] as readonly Procedure[],
  plain: ['4.1', '4.5', '4.13'] as readonly DecisionCode[],
  crimeOrSecurity: ['4.4'] as readonly DecisionCode[],
  basis: 'APPC Art. 88 p.1',
};

// ---------------------------------------------------------------------------------------------
// The appeal as the rules see it

export type DecisionData = Readonly<Record<string, unknown>>;

export interface TakenDecision {
  code: DecisionCode;
  /** The day the card was saved (rules p.24). */
  decisionDate: IsoDate;
  data: DecisionData;
  /** A cancelled move-out (cancelMoveOut): ignored by every rule. */
  cancelledOn?: IsoDate;
}

/**
 * What the rules need to know of an appeal at one organization. The review is per organization:
 * a forwarded appeal (Art. 65 p.3) or a complaint sent to its reviewing body (Art. 91 p.4) starts
 * a new review there, with its own registration date, due date and decision list.
 */
export interface AppealState {
  /** The appeal's id (only used to refuse attaching it to itself). */
  id?: string;
  procedure: Procedure;
  documentType: DocumentType;
  applicantKind: ApplicantKind;
  anonymous: boolean;
  /** Art. 88 p.1: marked as containing information on a crime or a threat to state or public security. */
  containsCrimeOrSecurityInfo: boolean;
  /** At this organization. */
  registrationDate: IsoDate;
  /** The current due date (after any extension). */
  dueDate: IsoDate;
  /** Whether the term may be extended (TermRule.extendable); default: every procedure but the complaint one. */
  extendable?: boolean;
  /** Complaint procedure: this organization is the reviewing body (it received the complaint, after 4.24 or directly). */
  receivedByReviewingBody: boolean;
  /** An executor has been assigned: the registration desk's part is over. */
  executorAssigned?: boolean;
  /** When the latest 4.7 notice reached the applicant — its letter went out (Art. 73 p.1 and p.3 count
   *  from it); null: not sent yet; absent: assumed on its decision date. */
  hearingNoticeDeliveredOn?: IsoDate | null;
  /** An executor's draft awaits the head's approval (needsApproval): no second draft meanwhile. */
  draftPending?: boolean;
  /** The day the applicant brought the appeal into line after the latest 4.2 notice (Art. 64 p.6–p.7). */
  fixedOn?: IsoDate;
  /** The decisions taken at this organization, in order. */
  decisions: readonly TakenDecision[];
  /** Optional override: the review is known to have ended (ORed with the decisions). */
  reviewEnded?: boolean;
}

export interface DecisionOptions {
  /** How working-day terms from the registration date are counted (law.md §4). */
  count?: CountMode;
}

/** The decisions that count (not cancelled). */
export function activeDecisions(state: AppealState): TakenDecision[] {
  return state.decisions.filter((d) => !d.cancelledOn);
}

function latest(state: AppealState, code: DecisionCode): TakenDecision | undefined {
  const list = activeDecisions(state).filter((d) => d.code === code);
  return list[list.length - 1];
}

/** Whether 4.4 in parts keeps the rest of the appeal under review here (rules p.11). */
function isSplitKeepingRest(data: DecisionData): boolean {
  return Array.isArray(data.parts) && data.remainderKept !== false;
}

/** Whether this decision, with this data, ends the review at this organization. */
export function endsReviewWith(code: DecisionCode, data: DecisionData): boolean {
  if (!DECISIONS[code].endsReview) return false;
  if (code === '4.4' && isSplitKeepingRest(data)) return false;
  return true;
}

/** The decision that ended the review, if any. */
export function endingDecision(state: AppealState): TakenDecision | undefined {
  return activeDecisions(state).find((d) => endsReviewWith(d.code, d.data));
}

export function isReviewEnded(state: AppealState): boolean {
  return state.reviewEnded === true || endingDecision(state) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Statuses

export const APPEAL_STATUSES = [
  'registered', // registered, awaiting routing or the assignment of an executor
  'inExecution', // an executor reviews it
  'awaitingFix', // 4.2 sent: the applicant has until fixBy to bring it into line (Art. 64 p.6)
  'hearing', // 4.7 sent: the hearing runs until the act (Art. 73)
  'toSign', // a final decision's cover letter awaits the head's signature (set by the review layer)
  'completed', // decided on the merits: 4.15, 4.18–4.23, 4.25, 4.26
  'forwarded', // sent to another organization: 4.4 (whole), 4.24
  'attached', // attached to a main appeal: 4.5
  'movedOut', // moved to another information system: 4.1 (cancellable within 1 WD)
  'returned', // returned after the fix term expired: 4.3
  'withdrawn', // withdrawn by the applicant: 4.6
  'terminated', // procedure terminated: 4.13
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

const FINAL_STATUS: Partial<Record<DecisionCode, AppealStatus>> = {
  '4.1': 'movedOut',
  '4.3': 'returned',
  '4.4': 'forwarded',
  '4.5': 'attached',
  '4.6': 'withdrawn',
  '4.13': 'terminated',
  '4.15': 'completed',
  '4.18': 'completed',
  '4.19': 'completed',
  '4.20': 'completed',
  '4.21': 'completed',
  '4.22': 'completed',
  '4.23': 'completed',
  '4.24': 'forwarded',
  '4.25': 'completed',
  '4.26': 'completed',
};

const ENDED_STATUSES: ReadonlySet<AppealStatus> = new Set(['completed', 'forwarded', 'attached', 'movedOut', 'returned', 'withdrawn', 'terminated']);

/** The final status a decision puts the appeal into, or null when it does not end the review. */
export function finalStatusOf(code: DecisionCode, data: DecisionData): AppealStatus | null {
  if (!endsReviewWith(code, data)) return null;
  return FINAL_STATUS[code] ?? 'completed';
}

function step(current: AppealStatus, code: DecisionCode, data: DecisionData): AppealStatus {
  const final = finalStatusOf(code, data);
  if (final) return final;
  if (ENDED_STATUSES.has(current)) return current; // 4.17 after the act
  switch (code) {
    case '4.2':
      return 'awaitingFix';
    case '4.7':
    case '4.11':
    case '4.12':
      return 'hearing';
    default:
      return current === 'registered' ? 'inExecution' : current;
  }
}

/** The status the decisions on the appeal lead to ('toSign' is the review layer's). */
export function statusOf(state: AppealState): AppealStatus {
  const initial: AppealStatus = state.executorAssigned ? 'inExecution' : 'registered';
  let s: AppealStatus = initial;
  for (const d of activeDecisions(state)) s = step(s, d.code, d.data);
  // Brought into line in time: the review goes on (Art. 64 p.6).
  const notice = latest(state, '4.2');
  if (s === 'awaitingFix' && notice && isFixed(state, notice)) s = initial;
  return s;
}

function isFixed(state: AppealState, notice: TakenDecision): boolean {
  return state.fixedOn !== undefined && state.fixedOn >= notice.decisionDate;
}

/** Who records that the applicant brought the appeal into line: the desk, the executor, the head. */
export const FIX_RECORDED_BY: readonly Role[] = ['registrar', 'executor', 'head'];

/** Whether the applicant's fix of the appeal may be recorded now: a 4.2 notice awaits it. */
export function canRecordFix(state: AppealState): boolean {
  const notice = latest(state, '4.2');
  return notice !== undefined && !isFixed(state, notice) && !isReviewEnded(state);
}

/** The appeal's status after taking the decision. */
export function nextStatus(state: AppealState, code: DecisionCode, data: DecisionData): AppealStatus {
  return step(statusOf(state), code, data);
}

// ---------------------------------------------------------------------------------------------
// Checks

export type DecisionCheck =
  | { ok: true }
  | { ok: false; code: string; params?: Record<string, string | number>; fields?: FieldError[] };

export interface AllowedDecision {
  code: DecisionCode;
  allowed: boolean;
  /** Why not (an error code of checkDecision). */
  reason?: string;
  params?: Record<string, string | number>;
  /** Allowed as a draft for the head's approval (needsApproval). */
  approval?: boolean;
  /** Allowed, but some data will be refused now (e.g. an unfavourable act while the hearing window is open). */
  caveat?: string;
  caveatParams?: Record<string, string | number>;
}

const fail = (code: string, params?: Record<string, string | number>): DecisionCheck =>
  params ? { ok: false, code, params } : { ok: false, code };
const OK: DecisionCheck = { ok: true };

/** The checks that do not need the card's data. */
function checkState(
  state: AppealState,
  code: DecisionCode,
  roles: readonly Role[],
  today: IsoDate,
  cal: Calendar,
  opts: DecisionOptions,
): DecisionCheck {
  const rule = DECISIONS[code];
  if (!isIsoDate(today)) return fail('decision.invalidDate', { date: String(today) });
  if (today < state.registrationDate) return fail('decision.beforeRegistration', { registrationDate: state.registrationDate });
  const active = activeDecisions(state);
  const last = active[active.length - 1];
  if (last && today < last.decisionDate) return fail('decision.beforeLastDecision', { lastDecisionDate: last.decisionDate });

  // Nothing after the end of the review (a second final decision is refused) — except 4.17 in an
  // act already adopted (Art. 82).
  if (isReviewEnded(state)) {
    const ended = endingDecision(state);
    const byAct = ended !== undefined && ACT_CODES.includes(ended.code);
    if (!(rule.afterEnd && byAct)) return fail('decision.reviewEnded', ended ? { endedBy: ended.code } : undefined);
  }

  if (!rule.procedures.includes(state.procedure)) return fail('decision.notForProcedure', { procedure: state.procedure });

  if (state.procedure === 'complaint') {
    if (rule.complaintStage === 'reviewingBody' && !state.receivedByReviewingBody) return fail('decision.onlyAtReviewingBody');
    if (rule.complaintStage === 'bodyComplainedAbout' && state.receivedByReviewingBody) return fail('decision.onlyAtBodyComplainedAbout');
  }

  if (state.anonymous && ANONYMOUS_RULE.procedures.includes(state.procedure)) {
    if (state.containsCrimeOrSecurityInfo) {
      if (!ANONYMOUS_RULE.crimeOrSecurity.includes(code)) return fail('decision.anonymousMustBeForwarded');
    } else if (!ANONYMOUS_RULE.plain.includes(code)) {
      return fail('decision.anonymousMustBeTerminated');
    }
  }

  const roleCheck = checkRoles(rule.roles, roles, state);
  if (!roleCheck.ok) return roleCheck;
  if (state.draftPending && needsApproval(state, code, roles)) return fail('decision.draftPending');

  for (const group of rule.after) {
    if (!active.some((d) => group.includes(d.code))) return fail('decision.requires', { anyOf: group.join('|') });
  }

  const count = opts.count ?? 'registrationDayIsDayOne';
  for (const c of rule.stateConditions) {
    switch (c) {
      case 'fixTermExpired': {
        const notice = latest(state, '4.2');
        if (notice && isFixed(state, notice)) return fail('decision.appealFixed', { fixedOn: state.fixedOn! });
        const fixBy = notice ? fixByOf(notice, state, cal, opts) : undefined;
        if (fixBy && today <= fixBy) return fail('decision.fixTermNotExpired', { fixBy });
        break;
      }
      case 'termExtendable':
        if (!(state.extendable ?? state.procedure !== 'complaint')) return fail('decision.extensionNotAllowed');
        break;
      case 'termRunning':
        if (today > state.dueDate) return fail('decision.termExpired', { dueDate: state.dueDate });
        break;
      case 'complaintGrantWindow':
        if (state.procedure === 'complaint') {
          const until = applyTerm(cal, state.registrationDate, PROCEDURAL_TERMS.complaintForward.term, count);
          if (today > until) return fail('decision.complaintGrantWindowClosed', { until });
        }
        break;
    }
  }
  return OK;
}

/**
 * Whether this actor's card of the decision is a draft for the head to approve: an approval
 * decision taken by someone who is not a head (or deputy) — except the desk's routing on receipt
 * (a registrar before an executor is assigned), which the office does itself.
 */
export function needsApproval(state: AppealState, code: DecisionCode, roles: readonly Role[]): boolean {
  const rule = DECISIONS[code];
  if (!rule.approval || roles.includes('head')) return false;
  const atDesk = roles.includes('registrar') && rule.roles.includes('registrar') && !state.executorAssigned;
  return !atDesk;
}

function checkRoles(allowed: readonly DecisionRole[], actor: readonly Role[], state: AppealState): DecisionCheck {
  if (actor.some((r) => r !== 'registrar' && (allowed as readonly Role[]).includes(r))) return OK;
  if (actor.includes('registrar') && allowed.includes('registrar')) {
    return state.executorAssigned ? fail('decision.registrarDeskOnly') : OK;
  }
  if (allowed.length === 1 && allowed[0] === 'head') return fail('decision.headOnly');
  return fail('decision.roleNotAllowed', { roles: allowed.join('|') });
}

/** The latest date the hearing window of the latest 4.7 keeps an unfavourable act from being adopted, or a refusal. */
function checkHearing(state: AppealState, today: IsoDate, cal: Calendar): DecisionCheck {
  const notice = latest(state, '4.7');
  if (!notice) return fail('decision.hearingNoticeMissing');
  // Art. 73 p.1: the notice at least 3 WD before the act; Art. 73 p.3: objections within 2 WD of
  // receipt. Both count from the day after (Civil Code Art. 173): notice on Monday → act on Thursday.
  const delivered = state.hearingNoticeDeliveredOn;
  if (delivered === null) return fail('decision.hearingNoticeNotSent');
  const received = delivered && delivered > notice.decisionDate ? delivered : notice.decisionDate;
  const byNotice = cal.addWorkingDays(received, PROCEDURAL_TERMS.preliminaryNotice.term.count, 'civilCode');
  const objectionEnds = cal.addWorkingDays(received, PROCEDURAL_TERMS.objection.term.count, 'civilCode');
  const afterObjection = plusDays(objectionEnds, 1);
  const earliest = byNotice > afterObjection ? byNotice : afterObjection;
  if (today < earliest) return fail('decision.hearingWindowOpen', { earliest });
  // A scheduled hearing that has not come yet (and was not held) also keeps the act back.
  const at = typeof notice.data.hearingAt === 'string' ? notice.data.hearingAt.slice(0, 10) : undefined;
  const held = activeDecisions(state).some((d) => d.code === '4.11' && d.decisionDate >= notice.decisionDate);
  if (at && isIsoDate(at) && today < at && !held) return fail('decision.hearingScheduled', { hearingAt: String(notice.data.hearingAt) });
  return OK;
}

/** Whether the decision with this data is unfavourable to the applicant (needs the hearing). */
export function isUnfavourable(code: DecisionCode, data: DecisionData): boolean {
  const h = DECISIONS[code].hearing;
  if (h === 'always') return true;
  if (h === 'ifUnfavourable') return data.favourable === false;
  return false;
}

/**
 * Which decisions the actor may take on the appeal today: every code with allowed, and the reason
 * (an error code of checkDecision) when not. Checks everything that does not depend on the card's
 * data; what depends on it is left to checkDecision (a caveat says when part of it is refused now).
 */
export function allowedDecisions(
  state: AppealState,
  actorRoles: readonly Role[],
  today: IsoDate,
  cal: Calendar,
  opts: DecisionOptions = {},
): AllowedDecision[] {
  return DECISION_CODES.map((code) => {
    const r = checkState(state, code, actorRoles, today, cal, opts);
    if (!r.ok) return r.params ? { code, allowed: false, reason: r.code, params: r.params } : { code, allowed: false, reason: r.code };
    const item: AllowedDecision = { code, allowed: true };
    if (needsApproval(state, code, actorRoles)) item.approval = true;
    const rule = DECISIONS[code];
    // A complaint granted by the body complained about is favourable by rule: no hearing caveat.
    const alwaysFavourable = state.procedure === 'complaint' && rule.inputConditions.includes('complaintGrantFavourable');
    if (rule.hearing !== 'never' && state.procedure !== 'simplified' && !alwaysFavourable) {
      const h = checkHearing(state, today, cal);
      if (!h.ok) {
        item.caveat = h.code;
        if (h.params) item.caveatParams = h.params;
      }
    }
    return item;
  });
}

/**
 * Whether the actor may take the decision with this data today. `input` is the card's data as
 * entered (defaults not yet applied: see decisionData).
 */
export function checkDecision(
  state: AppealState,
  code: DecisionCode,
  input: DecisionData,
  actorRoles: readonly Role[],
  today: IsoDate,
  cal: Calendar,
  opts: DecisionOptions = {},
): DecisionCheck {
  if (!isDecisionCode(code)) return fail('decision.unknownCode', { code: String(code) });
  const s = checkState(state, code, actorRoles, today, cal, opts);
  if (!s.ok) return s;
  const rule = DECISIONS[code];

  const errors = validateFields(rule.fields, input, '', state.procedure, today);
  if (rule.exactlyOneOf) {
    const given = rule.exactlyOneOf.filter((f) => input[f] !== undefined && input[f] !== null);
    if (given.length !== 1) errors.push({ path: '/', code: 'decision.exactlyOneOf', params: { fields: rule.exactlyOneOf.join('|') } });
  }
  if (errors.length) return { ok: false, code: 'decision.invalidInput', fields: errors };

  for (const c of rule.inputConditions) {
    switch (c) {
      case 'extensionDate': {
        const newDueDate = String(input.newDueDate);
        if (newDueDate <= state.dueDate) return fail('decision.extensionNotLater', { dueDate: state.dueDate });
        const cap = extensionCap(cal, state.registrationDate);
        if (newDueDate > cap) return fail('decision.extensionBeyondCap', { cap });
        if (!cal.isWorkingDay(newDueDate)) return fail('decision.notWorkingDay', { date: newDueDate });
        break;
      }
      case 'complaintGrantFavourable':
        if (state.procedure === 'complaint' && input.favourable !== true) return fail('decision.complaintGrantMustBeFavourable');
        break;
      case 'reasonApplies':
        if (input.reason === 'anonymous' && !state.anonymous) return fail('decision.reasonNotApplicable', { reason: 'anonymous' });
        break;
      case 'notAttachedToItself':
        if (state.id !== undefined && input.mainAppealId === state.id) return fail('decision.attachToItself');
        break;
    }
  }

  // The hearing (Art. 73): an unfavourable outcome waits for the notice and the objection window,
  // unless an Art. 73 p.2 exception is recorded; the simplified procedure has none (p.2 sub.6).
  if (isUnfavourable(code, input) && state.procedure !== 'simplified') {
    if (input.hearingException === 'simplifiedProcedure') return fail('decision.reasonNotApplicable', { reason: 'simplifiedProcedure' });
    if (input.hearingException === undefined) {
      const h = checkHearing(state, today, cal);
      if (!h.ok) return h;
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Field validation

const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function validateFields(specs: readonly FieldSpec[], input: unknown, base: string, procedure: Procedure, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(input)) {
    errors.push({ path: base || '/', code: 'type', params: { type: 'object' } });
    return errors;
  }
  const names = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(input)) {
    if (!names.has(key)) errors.push({ path: base || '/', code: 'additionalProperties', params: { property: key } });
  }
  for (const spec of specs) {
    const path = `${base}/${spec.name}`;
    const v = input[spec.name];
    if (v === undefined || v === null) {
      if (spec.required) errors.push({ path, code: 'required' });
      continue;
    }
    if (spec.onlyIf) {
      const other = input[spec.onlyIf.field];
      const matches = spec.onlyIf.present ? other !== undefined && other !== null : other === spec.onlyIf.equals;
      if (!matches) {
        errors.push({ path, code: 'decision.fieldNotApplicable', params: { field: spec.onlyIf.field } });
        continue;
      }
    }
    validateValue(spec, v, path, procedure, today, errors);
  }
  return errors;
}

function validateValue(spec: FieldSpec, v: unknown, path: string, procedure: Procedure, today: IsoDate, errors: FieldError[]): void {
  const str = (max: number): void => {
    if (typeof v !== 'string') errors.push({ path, code: 'type', params: { type: 'string' } });
    else if (v.trim() === '') errors.push({ path, code: 'minLength', params: { limit: 1 } });
    else if (v.length > max) errors.push({ path, code: 'maxLength', params: { limit: max } });
  };
  const dateBounds = (d: IsoDate) => {
    if (spec.when === 'notAfterToday' && d > today) errors.push({ path, code: 'decision.dateAfterToday', params: { today } });
    if (spec.when === 'notBeforeToday' && d < today) errors.push({ path, code: 'decision.dateBeforeToday', params: { today } });
    if (spec.when === 'afterToday' && d <= today) errors.push({ path, code: 'decision.dateNotAfterToday', params: { today } });
  };
  switch (spec.type) {
    case 'string':
      str(STRING_MAX);
      return;
    case 'text':
    case 'appealId':
      str(spec.type === 'text' ? TEXT_MAX : STRING_MAX);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') errors.push({ path, code: 'type', params: { type: 'boolean' } });
      return;
    case 'organizationId':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errors.push({ path, code: 'type', params: { type: 'integer' } });
      return;
    case 'date':
      if (!isIsoDate(v)) errors.push({ path, code: 'format', params: { format: 'date' } });
      else dateBounds(v);
      return;
    case 'dateTime': {
      const m = typeof v === 'string' ? DATE_TIME_RE.exec(v) : null;
      if (!m || !isIsoDate(m[1])) errors.push({ path, code: 'format', params: { format: 'date-time' } });
      else dateBounds(m[1]!);
      return;
    }
    case 'code': {
      const codes = vocabulary(spec.vocabulary!, procedure).map((i) => i.code);
      if (typeof v !== 'string' || !codes.includes(v)) errors.push({ path, code: 'enum', params: { allowed: codes.join(', ') } });
      return;
    }
    case 'codes': {
      const codes = vocabulary(spec.vocabulary!, procedure).map((i) => i.code);
      if (!Array.isArray(v)) return void errors.push({ path, code: 'type', params: { type: 'array' } });
      if (v.length < (spec.minItems ?? 0)) errors.push({ path, code: 'minItems', params: { limit: spec.minItems ?? 0 } });
      if (new Set(v).size !== v.length) errors.push({ path, code: 'uniqueItems' });
      v.forEach((x, i) => {
        if (typeof x !== 'string' || !codes.includes(x)) errors.push({ path: `${path}/${i}`, code: 'enum', params: { allowed: codes.join(', ') } });
      });
      return;
    }
    case 'object':
      errors.push(...validateFields(spec.fields ?? [], v, path, procedure, today));
      return;
    case 'list':
      if (!Array.isArray(v)) return void errors.push({ path, code: 'type', params: { type: 'array' } });
      if (v.length < (spec.minItems ?? 0)) errors.push({ path, code: 'minItems', params: { limit: spec.minItems ?? 0 } });
      v.forEach((x, i) => errors.push(...validateFields(spec.fields ?? [], x, `${path}/${i}`, procedure, today)));
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Defaults, applying a decision, cancelling a move-out

/**
 * The default term to fix an appeal (4.2 fixBy): the registration date + 5 WD
 * (PROCEDURAL_TERMS.fixDefault, Art. 64 p.6 "reasonable term"); when that has already come by the
 * decision date, 5 WD after the decision date — a term that has run is no reasonable term.
 */
export function defaultFixBy(state: AppealState, today: IsoDate, cal: Calendar, opts: DecisionOptions = {}): IsoDate {
  const term = PROCEDURAL_TERMS.fixDefault.term;
  const fromRegistration = applyTerm(cal, state.registrationDate, term, opts.count ?? 'registrationDayIsDayOne');
  return fromRegistration > today ? fromRegistration : applyTerm(cal, today, term, 'civilCode');
}

function fixByOf(notice: TakenDecision, state: AppealState, cal: Calendar, opts: DecisionOptions): IsoDate {
  const v = notice.data.fixBy;
  return typeof v === 'string' && isIsoDate(v) ? v : defaultFixBy(state, notice.decisionDate, cal, opts);
}

/** The card's data to store: the input with the defaults applied (4.2 fixBy; 4.4 remainderKept). */
export function decisionData(
  state: AppealState,
  code: DecisionCode,
  input: DecisionData,
  today: IsoDate,
  cal: Calendar,
  opts: DecisionOptions = {},
): DecisionData {
  const out: Record<string, unknown> = { ...input };
  for (const spec of DECISIONS[code].fields) {
    const missing = out[spec.name] === undefined || out[spec.name] === null;
    if (spec.defaultValue === 'fixDefault' && missing) out[spec.name] = defaultFixBy(state, today, cal, opts);
  }
  if (code === '4.4' && Array.isArray(out.parts) && out.remainderKept === undefined) out.remainderKept = true;
  return out;
}

/** The state after the decision (appended; 4.14 moves the due date). Does not check: call checkDecision first. */
export function applyDecision(state: AppealState, code: DecisionCode, data: DecisionData, today: IsoDate): AppealState {
  const next: AppealState = { ...state, decisions: [...state.decisions, { code, decisionDate: today, data }] };
  if (code === '4.14' && typeof data.newDueDate === 'string') next.dueDate = data.newDueDate;
  // A new notice has not reached the applicant yet: its letter goes out when the head signs it.
  if (code === '4.7') next.hearingNoticeDeliveredOn = null;
  return next;
}

/** The last day a move-out (4.1) may be cancelled: 1 WD after the decision date (rules p.15). */
export function cancelMoveOutDeadline(moveOutDate: IsoDate, cal: Calendar): IsoDate {
  return applyTerm(cal, moveOutDate, PROCEDURAL_TERMS.moveOutCancel.term, 'civilCode');
}

/**
 * Whether the actor may cancel the move-out (rules p.15: within one working day of the decision;
 * by whoever may take 4.1). The window runs to the end of the next working day after the decision.
 */
export function checkCancelMoveOut(state: AppealState, actorRoles: readonly Role[], today: IsoDate, cal: Calendar): DecisionCheck {
  const moveOut = latest(state, '4.1');
  if (!moveOut) return fail('decision.cancelMoveOut.none');
  const roleCheck = checkRoles(DECISIONS['4.1'].roles, actorRoles, state);
  if (!roleCheck.ok) return roleCheck;
  if (today < moveOut.decisionDate) return fail('decision.beforeLastDecision', { lastDecisionDate: moveOut.decisionDate });
  const until = cancelMoveOutDeadline(moveOut.decisionDate, cal);
  if (today > until) return fail('decision.cancelMoveOut.windowClosed', { until });
  return OK;
}

/** Until when the actor may cancel the move-out now (its last day), or null when they may not. */
export function cancelMoveOutUntil(state: AppealState, actorRoles: readonly Role[], today: IsoDate, cal: Calendar): IsoDate | null {
  const moveOut = latest(state, '4.1');
  if (!moveOut || !checkCancelMoveOut(state, actorRoles, today, cal).ok) return null;
  return cancelMoveOutDeadline(moveOut.decisionDate, cal);
}

/** The state after cancelling the move-out: the 4.1 stays on the list, marked cancelled. */
export function applyCancelMoveOut(state: AppealState, today: IsoDate): AppealState {
  let index = -1;
  state.decisions.forEach((d, i) => {
    if (d.code === '4.1' && !d.cancelledOn) index = i;
  });
  if (index < 0) return state;
  const decisions = state.decisions.map((d, i) => (i === index ? { ...d, cancelledOn: today } : d));
  return { ...state, decisions };
}

// ---------------------------------------------------------------------------------------------
// JSON schema of a card's data, for the API layer

type JsonSchema = Record<string, unknown>;

function fieldSchema(spec: FieldSpec, procedure: Procedure): JsonSchema {
  const codes = spec.vocabulary ? vocabulary(spec.vocabulary, procedure).map((i) => i.code) : [];
  switch (spec.type) {
    case 'string':
    case 'appealId':
      return { type: 'string', minLength: 1, maxLength: STRING_MAX };
    case 'text':
      return { type: 'string', minLength: 1, maxLength: TEXT_MAX };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'dateTime':
      return { type: 'string', pattern: DATE_TIME_RE.source };
    case 'boolean':
      return { type: 'boolean' };
    case 'organizationId':
      return { type: 'integer', minimum: 1 };
    case 'code':
      return { type: 'string', enum: codes };
    case 'codes':
      return { type: 'array', items: { type: 'string', enum: codes }, uniqueItems: true, minItems: spec.minItems ?? 0 };
    case 'object':
      return objectSchema(spec.fields ?? [], procedure);
    case 'list':
      return { type: 'array', items: objectSchema(spec.fields ?? [], procedure), minItems: spec.minItems ?? 0 };
  }
}

function objectSchema(specs: readonly FieldSpec[], procedure: Procedure): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(specs.map((s) => [s.name, fieldSchema(s, procedure)])),
    required: specs.filter((s) => s.required).map((s) => s.name),
  };
}

/** The JSON schema of a decision's data (the vocabulary of 4.2 `missing` depends on the procedure). */
export function decisionInputSchema(code: DecisionCode, procedure: Procedure): JsonSchema {
  const rule = DECISIONS[code];
  const schema = objectSchema(rule.fields, procedure);
  if (rule.exactlyOneOf) schema.oneOf = rule.exactlyOneOf.map((f) => ({ required: [f] }));
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Messages of the error codes above ({name} is a parameter), for src/http/messages.ts to merge

export const DECISION_MESSAGES: Record<string, Labels> = {
  'decision.unknownCode': L('Белгісіз шешім: {code}', 'Неизвестное решение: {code}', 'Unknown decision: {code}'),
  'decision.invalidDate': L('Күні қате: {date}', 'Неверная дата: {date}', 'Invalid date: {date}'),
  'decision.invalidInput': L('Шешімнің деректері қате толтырылған', 'Данные решения заполнены с ошибками', 'The decision data contain errors'),
  'decision.beforeRegistration': L(
    'Шешім тіркеу күнінен ({registrationDate}) бұрын болмайды',
    'Решение не может предшествовать дате регистрации ({registrationDate})',
    'A decision cannot precede the registration date ({registrationDate})',
  ),
  'decision.beforeLastDecision': L(
    'Шешім алдыңғы шешімнен ({lastDecisionDate}) бұрын болмайды',
    'Решение не может предшествовать предыдущему решению ({lastDecisionDate})',
    'A decision cannot precede the previous one ({lastDecisionDate})',
  ),
  'decision.reviewEnded': L(
    'Қарау аяқталды ({endedBy} шешімі): жаңа шешім қабылданбайды',
    'Рассмотрение завершено (решение {endedBy}): новое решение не принимается',
    'The review has ended (decision {endedBy}): no further decision',
  ),
  'decision.notForProcedure': L(
    'Бұл шешім осы рәсімге қолданылмайды',
    'Это решение не применяется в данной процедуре',
    'This decision does not fit this procedure',
  ),
  'decision.onlyAtReviewingBody': L(
    'Бұл шешімді тек шағымды қарайтын орган қабылдайды',
    'Это решение принимает только орган, рассматривающий жалобу',
    'Only the reviewing body takes this decision',
  ),
  'decision.onlyAtBodyComplainedAbout': L(
    'Бұл шешімді тек әрекетіне шағым жасалған орган қабылдайды',
    'Это решение принимает только орган, действие которого обжалуется',
    'Only the body complained about takes this decision',
  ),
  'decision.anonymousMustBeTerminated': L(
    'Иесі бүркемеленген хабарлама, сұрау салу, пікір, ұсыныс бойынша рәсім тоқтатылады (Кодекстің 88-бабы)',
    'По анонимному сообщению, запросу, отклику, предложению процедура прекращается (статья 88 Кодекса)',
    'An anonymous report, inquiry, feedback or proposal is terminated (Art. 88)',
  ),
  'decision.anonymousMustBeForwarded': L(
    'Қылмыс немесе қауіпсіздікке қатер туралы мәліметі бар иесі бүркемеленген жолданым құзыретті органға жіберіледі (Кодекстің 88-бабы)',
    'Анонимное обращение со сведениями о преступлении или угрозе безопасности направляется в компетентный орган (статья 88 Кодекса)',
    'An anonymous appeal with information on a crime or a security threat is forwarded to the competent body (Art. 88)',
  ),
  'decision.headOnly': L(
    'Бұл шешімді тек басшы немесе оның орынбасары қабылдайды',
    'Это решение принимает только руководитель или его заместитель',
    'Only the head or a deputy takes this decision',
  ),
  'decision.roleNotAllowed': L('Бұл шешімді қабылдауға құқығыңыз жоқ', 'Нет права принимать это решение', 'You may not take this decision'),
  'decision.registrarDeskOnly': L(
    'Орындаушы тағайындалғаннан кейін тіркеуші бұл шешімді қабылдамайды',
    'После назначения исполнителя регистратор не принимает это решение',
    'Once an executor is assigned, the registrar no longer takes this decision',
  ),
  'decision.requires': L('Алдымен {anyOf} шешімі қажет', 'Сначала необходимо решение {anyOf}', 'Decision {anyOf} must come first'),
  'decision.appealFixed': L(
    'Арыз иесі жолданымды {fixedOn} талаптарға сәйкес келтірді: қайтаруға болмайды',
    'Заявитель привел обращение в соответствие {fixedOn}: возврат невозможен',
    'The applicant brought the appeal into line on {fixedOn}: it cannot be returned',
  ),
  'decision.nothingToFix': L(
    'Талаптарға сәйкес келтіру туралы хабарлама жоқ',
    'Нет уведомления о приведении в соответствие',
    'No notice to bring the appeal into line is pending',
  ),
  'decision.fixTermNotExpired': L(
    'Кемшіліктерді жою мерзімі ({fixBy}) әлі өтпеді',
    'Срок устранения недостатков ({fixBy}) еще не истек',
    'The term to fix the appeal ({fixBy}) has not expired yet',
  ),
  'decision.extensionNotAllowed': L(
    'Бұл мерзім ұзартылмайды (шағым: Кодекстің 99-бабы)',
    'Этот срок не продлевается (жалоба: статья 99 Кодекса)',
    'This term cannot be extended (a complaint: Art. 99)',
  ),
  'decision.termExpired': L(
    'Қарау мерзімі ({dueDate}) өтіп кетті, оны ұзартуға болмайды',
    'Срок рассмотрения ({dueDate}) истек, продлить его нельзя',
    'The review term ({dueDate}) has expired and cannot be extended',
  ),
  'decision.extensionNotLater': L(
    'Жаңа мерзім қазіргі мерзімнен ({dueDate}) кеш болуы керек',
    'Новый срок должен быть позже текущего ({dueDate})',
    'The new due date must be after the current one ({dueDate})',
  ),
  'decision.extensionBeyondCap': L(
    'Мерзім түскен күннен бастап екі айдан ({cap}) аспауы керек',
    'Срок не может превышать двух месяцев со дня поступления ({cap})',
    'The whole term may not exceed 2 months from receipt ({cap})',
  ),
  'decision.notWorkingDay': L('{date} — жұмыс күні емес', '{date} — нерабочий день', '{date} is not a working day'),
  'decision.complaintGrantWindowClosed': L(
    'Шағымды өзі қанағаттандыру мерзімі ({until}) өтті: шағым қарайтын органға жіберіледі',
    'Срок для самостоятельного удовлетворения жалобы ({until}) истек: жалоба направляется в орган, рассматривающий жалобу',
    'The 3 working days to grant the complaint ({until}) have passed: send it to the reviewing body',
  ),
  'decision.complaintGrantMustBeFavourable': L(
    'Шағымды тек толық қанағаттандыратын қолайлы акт қабылдануы мүмкін',
    'Допускается только благоприятный акт, полностью удовлетворяющий жалобу',
    'Only a favourable act fully granting the complaint is allowed',
  ),
  'decision.hearingNoticeNotSent': L(
    'Тыңдау туралы хабарламаға әлі қол қойылып, жіберілген жоқ: мерзім ол арыз иесіне жеткен күннен басталады',
    'Уведомление о заслушивании еще не подписано и не отправлено: срок считается со дня его получения заявителем',
    'The hearing notice has not been signed and sent yet: the window counts from its receipt by the applicant',
  ),
  'decision.draftPending': L(
    'Орындаушының жобасы басшының бекітуін күтуде: оны басшы қайтарғанша жаңа жоба жасалмайды',
    'Проект исполнителя ожидает утверждения руководителем: новый проект — после его возврата',
    "An executor's draft awaits the head's approval: a new draft only after it is returned",
  ),
  'decision.hearingNoticeMissing': L(
    'Ауыртпалық түсіретін шешімнен бұрын тыңдау туралы хабарлама (4.7) қажет',
    'До обременяющего решения необходимо уведомление о заслушивании (4.7)',
    'An unfavourable decision needs a hearing notice (4.7) first',
  ),
  'decision.hearingWindowOpen': L(
    'Тыңдау мерзімі әлі өтпеді: шешімді {earliest} бастап қабылдауға болады',
    'Срок заслушивания еще не истек: решение можно принять с {earliest}',
    'The hearing window is still open: the decision may be taken from {earliest}',
  ),
  'decision.hearingScheduled': L(
    'Тыңдау {hearingAt} белгіленген және әлі өткізілмеді',
    'Заслушивание назначено на {hearingAt} и еще не проведено',
    'The hearing is scheduled for {hearingAt} and has not been held',
  ),
  'decision.reasonNotApplicable': L('{reason} негізі бұл жолданымға қолданылмайды', 'Основание {reason} неприменимо к этому обращению', 'The ground {reason} does not apply to this appeal'),
  'decision.attachToItself': L('Жолданымды өзіне қосуға болмайды', 'Нельзя приобщить обращение к самому себе', 'An appeal cannot be attached to itself'),
  'decision.exactlyOneOf': L('Мыналардың біреуін ғана толтырыңыз: {fields}', 'Заполните ровно одно из: {fields}', 'Give exactly one of: {fields}'),
  'decision.fieldNotApplicable': L('Бұл өріс мұнда қолданылмайды ({field})', 'Это поле здесь неприменимо ({field})', 'This field does not apply here ({field})'),
  'decision.dateAfterToday': L('Күн бүгіннен ({today}) кеш болмауы керек', 'Дата не может быть позже сегодняшней ({today})', 'The date cannot be after today ({today})'),
  'decision.dateBeforeToday': L('Күн бүгіннен ({today}) ерте болмауы керек', 'Дата не может быть раньше сегодняшней ({today})', 'The date cannot be before today ({today})'),
  'decision.dateNotAfterToday': L('Күн бүгіннен ({today}) кеш болуы керек', 'Дата должна быть позже сегодняшней ({today})', 'The date must be after today ({today})'),
  'decision.cancelMoveOut.none': L(
    'Басқа жүйеге ауыстыру шешімі жоқ',
    'Нет решения о переводе в другую систему',
    'There is no move to another information system to cancel',
  ),
  'decision.cancelMoveOut.windowClosed': L(
    'Ауыстыруды {until} дейін ғана болдырмауға болатын еді',
    'Перевод можно было отменить только до {until}',
    'The move could be cancelled only until {until}',
  ),
};
