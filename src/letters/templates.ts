// Cover letters (ілеспе хаттар / сопроводительные письма) for the decisions of card ТЖ-2
// (rules.md §1.4 p.24, §1.5): one template per decision code 4.1…4.26, in Kazakh, Russian and
// (for the demo) English. Pure text: letter-pdf.ts lays it out, cms.ts signs the PDF.
//
// Every letter greets the applicant, names the appeal (registration number and date, summary),
// states the decision with its legal basis (the APPC article, or the rules' paragraph), gives the
// reasons (the card's text/reason), and explains the right to complain (APPC Arts. 91–92: to the
// higher body or official within three months, and to court) — except where that does not fit:
// a move to another information system (the other law's procedure applies), forwarding by
// competence and sending a complaint to its reviewing body (the review continues elsewhere; the
// letter says where and from when the term runs, Art. 65 p.3 / Art. 99), and the notice of the
// preliminary decision (4.7), which instead gives the 2-working-day objection window (Art. 73 p.3)
// and the contacts of the responsible officials (rules p.24). Decisions taken on a complaint
// (4.18–4.23) point to court.
//
// Decision data: the card's data (src/domain/decisions.ts field names) with identifiers resolved
// to names by the caller (targetOrganizationName, mainAppealNumber, …). Vocabulary codes of
// 4.1 reason, 4.13 reason and 4.2 missing are turned into their labels here; free text is used
// as given. Any text value may be a string or {kk, ru, en}.

import {
  COMPLIANCE_CHECKLIST,
  DECISION_CODES,
  MOVE_OUT_REASONS,
  TERMINATION_REASONS,
  isDecisionCode,
  type DecisionCode,
  type VocabularyItem,
} from '../domain/decisions.ts';
import type { ApplicantKind, Labels, Procedure } from '../domain/vocabulary.ts';

export type LetterLang = 'kk' | 'ru' | 'en';
export const LETTER_LANGS: readonly LetterLang[] = ['kk', 'ru', 'en'];

/** A text given once for all languages, or per language (missing ones fall back kk → ru → en). */
export type Localized = string | Partial<Record<LetterLang, string>>;

export interface ContactPerson {
  name: string;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}

/**
 * The decision's data. Known fields are listed; anything else is ignored. Dates 'YYYY-MM-DD';
 * date-times 'YYYY-MM-DDTHH:MM' in the organization's local time (an offset or Z is converted to
 * UTC+5, Kazakhstan's time).
 */
export interface DecisionData {
  /** The decision's text: the substance of the act or answer, the preliminary decision, … */
  text?: Localized;
  /** Reasons or grounds (4.1 and 4.13: a vocabulary code or text). */
  reason?: Localized;
  /** 4.13: an explanation added to the ground. */
  comment?: Localized;
  /** 4.1: the information system the document went to (also `targetSystem`). */
  targetSystemName?: Localized;
  targetSystem?: Localized;
  /** 4.4, 4.22, 4.24: the organization the appeal, the case or the complaint went to. */
  targetOrganizationName?: Localized;
  /** 4.4 in parts (rules p.11): each forwarded issue, its organization and its own number. */
  parts?: { summary?: Localized; targetOrganizationName?: Localized; registrationNumber?: string }[];
  /** 4.4 in parts: the other issues stay under review here (default true). */
  remainderKept?: boolean;
  /** 4.14: YYYY-MM-DD. */
  newDueDate?: string;
  /** 4.15, 4.19: whether the act is favourable to the applicant. */
  favourable?: boolean;
  /** 4.7 (hearing), 4.11 (held), 4.16 (when the file can be read). */
  hearingAt?: string;
  place?: Localized;
  /** 4.7: the preliminary decision (else `text`). */
  preliminaryDecision?: Localized;
  /** 4.7: the last day for objections, if computed by the caller. */
  objectionBy?: string;
  /** 4.7: contacts of the responsible officials, as a list or one line of text (`contacts`). */
  officials?: ContactPerson[];
  contacts?: Localized;
  /** 4.2: what the appeal lacks (labels, or codes of the Art. 63 / Art. 93 checklists). */
  missing?: Localized[];
  /** 4.2, 4.3: YYYY-MM-DD. */
  fixBy?: string;
  /** 4.5. */
  mainAppealNumber?: string;
  /** 4.6: YYYY-MM-DD. */
  withdrawalReceivedAt?: string;
  /** 4.8: the official challenged (also `official`); refused challenge: granted = false. */
  officialName?: string;
  official?: string;
  selfRecusal?: boolean;
  granted?: boolean;
  /** 4.8: who reviews the appeal instead. */
  replacementName?: string;
  /** 4.9, 4.10 (also `representative.name`). */
  representativeName?: string;
  representative?: { name?: string };
  /** 4.12 (else `text`). */
  remark?: Localized;
  /** 4.16: YYYY-MM-DD. */
  requestedAt?: string;
  /** 4.17 (else `text`). */
  correction?: Localized;
  /** 4.22. */
  violations?: Localized;
  proposals?: Localized;
  [key: string]: unknown;
}

export interface LetterData {
  organization: { name: Localized; address: string | null; phone: string | null; email: string | null };
  applicant: {
    /** Full name 'Surname Name Patronymic' (or a legal entity's name); null when anonymous. */
    name: string | null;
    address: string | null;
    kind?: ApplicantKind;
    /** Only chooses «Уважаемый»/«Уважаемая»; else guessed from the patronymic, else «Уважаемый(ая)». */
    sex?: 'male' | 'female';
  };
  registrationNumber: string;
  /** YYYY-MM-DD. */
  registrationDate: string;
  appealSummary: string | null;
  /** The day the ТЖ-2 card was saved (rules p.24), YYYY-MM-DD. */
  decisionDate: string;
  /** Chooses the article of 4.13 (simplified: Art. 89) and the wording of 4.15 (complaint: Art. 91 p.4). */
  procedure?: Procedure;
  /**
   * The card's data (DecisionData lists what is read). Stored JSON is accepted as is: values of
   * the wrong type are ignored.
   */
  decision: DecisionData | Readonly<Record<string, unknown>>;
  executor: { name: string; phone: string | null; email: string | null };
  signer: { name: string; position: string };
}

/** LetterData with the decision data checked (internal). */
type Data = Omit<LetterData, 'decision'> & { decision: DecisionData };

export interface LetterContent {
  /** The subject line, e.g. «О продлении срока рассмотрения». */
  title: string;
  /** «Құрметті Қуаныш Ұланұлы!» / «Уважаемый Куаныш Уланович!» */
  greeting: string;
  paragraphs: string[];
  /** 'Орынд.: …, тел.: …' — printed small at the foot of the letter. */
  executor: string;
}

export type ComplaintRight = 'full' | 'court' | 'none';

export interface DecisionLetterInfo {
  /** The letter's subject line. */
  title: Labels;
  /** Where the decision stands in law (printed in the letter next to the decision). */
  basis: Labels;
  /** Which explanation of the right to complain the letter carries. */
  complaintRight: ComplaintRight;
}

// ---------------------------------------------------------------------------------------------
// Legal references

const APPC = { kk: 'ҚР ӘРПК', ru: 'АППК РК', en: 'APPC' };

/** The rules on registration and accounting of appeals, in the genitive ("p.N of the rules"). */
const RULES = {
  kk: 'Қазақстан Республикасы Бас Прокурорының 2023 жылғы 4 қаңтардағы № 4 бұйрығымен бекітілген Жолданымдарды тіркеу, есепке алу қағидаларының',
  ru: 'Правил регистрации, учета обращений, утвержденных приказом Генерального Прокурора Республики Казахстан от 4 января 2023 года № 4',
  en: 'the Rules on the Registration and Accounting of Appeals approved by Order No. 4 of the Prosecutor General of the Republic of Kazakhstan of 4 January 2023',
};

/** A Kazakh citation in the dative: «…6-бөлігі» → «…6-бөлігіне», «…2) тармақшасы» → «…2) тармақшасына». */
function kkDative(s: string): string {
  for (const [from, to] of [
    ['бөлігі', 'бөлігіне'],
    ['тармақшасы', 'тармақшасына'],
    ['тармағы', 'тармағына'],
    ['бабы', 'бабына'],
  ] as const) {
    if (s.endsWith(from)) return s.slice(0, -from.length) + to;
  }
  return s;
}

/** «ҚР ӘРПК 64-бабының 6-бөлігі» / «часть 6 статьи 64 АППК РК» / «APPC Art. 64(6)». */
function art(article: number, part?: number, sub?: number): Labels {
  if (part === undefined) {
    return { kk: `${APPC.kk} ${article}-бабы`, ru: `статья ${article} ${APPC.ru}`, en: `${APPC.en} Art. ${article}` };
  }
  if (sub === undefined) {
    return {
      kk: `${APPC.kk} ${article}-бабының ${part}-бөлігі`,
      ru: `часть ${part} статьи ${article} ${APPC.ru}`,
      en: `${APPC.en} Art. ${article}(${part})`,
    };
  }
  return {
    kk: `${APPC.kk} ${article}-бабы ${part}-бөлігінің ${sub}) тармақшасы`,
    ru: `подпункт ${sub}) части ${part} статьи ${article} ${APPC.ru}`,
    en: `${APPC.en} Art. ${article}(${part})(${sub})`,
  };
}

function rulesPoint(n: number): Labels {
  return { kk: `${RULES.kk} ${n}-тармағы`, ru: `пункт ${n} ${RULES.ru}`, en: `p. ${n} of ${RULES.en}` };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const KZ_OFFSET_MINUTES = 5 * 60;

/** 'YYYY-MM-DD' → 'DD.MM.YYYY'; anything else unchanged. */
export function formatDate(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** A date-time as {date: 'DD.MM.YYYY', time: 'HH:MM'} in Kazakhstan's time (UTC+5). */
export function formatDateTime(value: string): { date: string; time: string } | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  if (!m[7]) return { date: `${m[3]}.${m[2]}.${m[1]}`, time: `${m[4]}:${m[5]}` };
  const t = new Date(value.replace(' ', 'T'));
  if (Number.isNaN(t.getTime())) return null;
  const local = new Date(t.getTime() + KZ_OFFSET_MINUTES * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p(local.getUTCDate())}.${p(local.getUTCMonth() + 1)}.${local.getUTCFullYear()}`,
    time: `${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`,
  };
}

function pick(v: Localized | null | undefined, lang: LetterLang): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  const order: LetterLang[] = [lang, 'kk', 'ru', 'en'];
  for (const l of order) {
    const s = v[l]?.trim();
    if (s) return s;
  }
  return undefined;
}

/** Free text split into paragraphs at blank lines; each a sentence (capitalized unless `asTyped`). */
function paragraphsOf(v: Localized | null | undefined, lang: LetterLang, asTyped = false): string[] {
  const s = pick(v, lang);
  if (!s) return [];
  return s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => sentence(asTyped ? p : upperFirst(p)));
}

/** 'Почтовый адрес' → 'почтовый адрес' inside a sentence; 'ИИН или БИН' stays. */
function lowerFirst(s: string): string {
  const [a = '', b = ''] = [s.charAt(0), s.charAt(1)];
  return b && b === b.toLowerCase() && b !== b.toUpperCase() ? a.toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** With a closing full stop unless it already ends a sentence. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…»"”)]$/u.test(t) ? t : `${t}.`;
}

/**
 * Without a closing full stop (so that a sentence can end it) — unless the last word is an
 * abbreviation ('305-каб.', 'обл.', 'ж.'), whose dot stays.
 */
function clause(s: string): string {
  const t = s.replace(/[\s;,]+$/u, '');
  if (!t.endsWith('.')) return t;
  const last = t.slice(0, -1).split(/\s/u).pop() ?? '';
  return last.length <= 5 || /[-.]/u.test(last) ? t : t.replace(/\.+$/u, '');
}

function vocabularyLabel(items: readonly VocabularyItem[], code: string, lang: LetterLang): string | undefined {
  return items.find((i) => i.code === code)?.label[lang];
}

/** A Localized value that may be a code of the vocabulary: its label; else the text itself. */
function labelOrText(items: readonly VocabularyItem[], v: Localized | undefined, lang: LetterLang): string | undefined {
  const s = pick(v, lang);
  if (s === undefined) return undefined;
  const label = vocabularyLabel(items, s, lang);
  return label ? lowerFirst(label) : s;
}

function contactLine(c: ContactPerson, lang: LetterLang): string {
  const parts = [c.name];
  if (c.position) parts.push(c.position);
  if (c.phone) parts.push(`${lang === 'en' ? 'tel.' : 'тел.'}: ${phone(c.phone)}`);
  if (c.email) parts.push(`e-mail: ${c.email}`);
  return parts.join(', ');
}

/** A phone number kept on one line (no-break spaces). */
function phone(s: string): string {
  return s.trim().replace(/\s+/gu, '\u00a0');
}

function representativeName(d: DecisionData): string | undefined {
  const n = d.representativeName ?? d.representative?.name;
  return n?.trim() || undefined;
}

// ---------------------------------------------------------------------------------------------
// Greeting

const PATRONYMIC_MALE = /(ұлы|улы|оглы|уулу|вич|ич)$/iu;
const PATRONYMIC_FEMALE = /(қызы|кызы|гызы|вна|чна|шна)$/iu;

function nameParts(name: string): { words: string[]; patronymic: 'male' | 'female' | null } {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  const patronymic = PATRONYMIC_FEMALE.test(last) ? 'female' : PATRONYMIC_MALE.test(last) ? 'male' : null;
  return { words, patronymic };
}

/**
 * «Құрметті Қуаныш Ұланұлы!» / «Уважаемый Қуаныш Ұланұлы!» / «Dear Әлібек Қуаныш Ұланұлы,».
 * With a patronymic the surname (the first word) is left out, as official letters address people
 * by first name and patronymic.
 */
export function greeting(lang: LetterLang, applicant: LetterData['applicant']): string {
  const kind = applicant.kind;
  const name = applicant.name?.trim();
  if (kind === 'collective') {
    return { kk: 'Құрметті арыз иелері!', ru: 'Уважаемые заявители!', en: 'Dear Applicants,' }[lang];
  }
  if (!name || kind === 'anonymous' || kind === 'legalEntity') {
    return { kk: 'Құрметті арыз иесі!', ru: 'Уважаемый заявитель!', en: 'Dear Applicant,' }[lang];
  }
  if (lang === 'en') return `Dear ${name},`;
  const { words, patronymic } = nameParts(name);
  const addressed = patronymic && words.length >= 3 ? words.slice(1).join(' ') : name;
  if (lang === 'kk') return `Құрметті ${addressed}!`;
  const sex = applicant.sex ?? patronymic;
  const dear = sex === 'male' ? 'Уважаемый' : sex === 'female' ? 'Уважаемая' : 'Уважаемый(ая)';
  return `${dear} ${addressed}!`;
}

// ---------------------------------------------------------------------------------------------
// Common paragraphs

type Subject = 'appeal' | 'complaint';

function intro(lang: LetterLang, d: Data, subject: Subject): string {
  const date = formatDate(d.registrationDate);
  const summary = d.appealSummary?.trim() ? clause(d.appealSummary.trim()) : '';
  if (lang === 'kk') {
    const what = subject === 'complaint' ? 'шағымыңызға' : 'жолданымыңызға';
    const about = summary ? ` «${summary}» мәселесі жөніндегі` : '';
    return `Сіздің ${date} ж. № ${d.registrationNumber} болып тіркелген${about} ${what} қатысты мынаны хабарлаймыз.`;
  }
  if (lang === 'ru') {
    const about = summary ? ` по вопросу «${summary}»` : '';
    return subject === 'complaint'
      ? `По Вашей жалобе${about}, зарегистрированной ${date} за № ${d.registrationNumber}, сообщаем следующее.`
      : `По Вашему обращению${about}, зарегистрированному ${date} за № ${d.registrationNumber}, сообщаем следующее.`;
  }
  const about = summary ? ` concerning “${summary}”` : '';
  return `Regarding your ${subject === 'complaint' ? 'complaint' : 'appeal'} No. ${d.registrationNumber} registered on ${date}${about}, we inform you as follows.`;
}

function reasonParagraph(lang: LetterLang, reason: string | undefined, label?: Labels): string[] {
  if (!reason) return [];
  const l = label ?? { kk: 'Негіздеме', ru: 'Обоснование', en: 'Reasons' };
  return [sentence(`${l[lang]}: ${reason}`)];
}

function complaintParagraph(lang: LetterLang, right: ComplaintRight): string[] {
  if (right === 'full') {
    return [
      {
        kk:
          'Қабылданған шешіммен келіспеген жағдайда, Сіз ол туралы білген күннен бастап үш ай ішінде оған сотқа дейінгі ' +
          'тәртіппен жоғары тұрған әкімшілік органға (лауазымды адамға) шағым жасауға (ҚР ӘРПК 91, 92-баптары), сондай-ақ ' +
          'Қазақстан Республикасының заңнамасында белгіленген тәртіппен сотқа жүгінуге құқылысыз.',
        ru:
          'В случае несогласия с принятым решением Вы вправе обжаловать его в административном (досудебном) порядке ' +
          'в вышестоящий административный орган (вышестоящему должностному лицу) в течение трех месяцев со дня, когда ' +
          'Вам стало известно о его принятии (статьи 91, 92 АППК РК), а также в суд в порядке, установленном ' +
          'законодательством Республики Казахстан.',
        en:
          'If you disagree with this decision, you may file a complaint against it with the higher administrative body ' +
          '(the higher official) within three months of the day you learned of it (APPC Arts. 91, 92), and you may ' +
          'go to court in the manner established by the laws of the Republic of Kazakhstan.',
      }[lang],
    ];
  }
  if (right === 'court') {
    return [
      {
        kk: 'Шағым бойынша шешіммен келіспеген жағдайда, Сіз оған Қазақстан Республикасының заңнамасында белгіленген тәртіппен сотқа шағым жасауға құқылысыз.',
        ru: 'В случае несогласия с решением по жалобе Вы вправе обжаловать его в суд в порядке, установленном законодательством Республики Казахстан.',
        en: 'If you disagree with the decision on your complaint, you may challenge it in court in the manner established by the laws of the Republic of Kazakhstan.',
      }[lang],
    ];
  }
  return [];
}

function executorLine(lang: LetterLang, e: LetterData['executor']): string {
  const parts = [`${{ kk: 'Орынд.', ru: 'Исп.', en: 'Executor' }[lang]}: ${e.name}`];
  if (e.phone) parts.push(`${lang === 'en' ? 'tel.' : 'тел.'}: ${phone(e.phone)}`);
  if (e.email) parts.push(`e-mail: ${e.email}`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// The templates

interface Template {
  title: Labels;
  basis: Labels;
  subject: Subject;
  complaintRight: ComplaintRight;
  body: (lang: LetterLang, d: Data) => string[];
}

/** Per-language body: each function returns the paragraphs between the intro and the complaint clause. */
type Bodies = Record<LetterLang, (d: Data, x: Ctx) => string[]>;

/** What every body needs, computed once. */
interface Ctx {
  date: string; // decision date, DD.MM.YYYY
  text: string[]; // the decision's text, as paragraphs
  reason: string | undefined;
}

function bodies(b: Bodies): Template['body'] {
  return (lang, d) => {
    const x: Ctx = {
      date: formatDate(d.decisionDate),
      text: paragraphsOf(d.decision.text, lang),
      reason: pick(d.decision.reason, lang),
    };
    return b[lang](d, x);
  };
}

const T = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

/** Kazakh: «(ҚР ӘРПК 64-бабының 6-бөлігі)»; the same shape in every language. */
const paren = (l: Labels, lang: LetterLang) => `(${l[lang]})`;

const TEMPLATES: Record<DecisionCode, Template> = {
  // 4.1 — moved to another information system (rules p.15)
  '4.1': {
    title: T(
      'Жолданымды басқа ақпараттық жүйеге ауыстыру туралы',
      'О переводе обращения в другую информационную систему',
      'Transfer of the appeal to another information system',
    ),
    basis: rulesPoint(15),
    subject: 'appeal',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => {
        const target = pick(d.decision.targetSystemName ?? d.decision.targetSystem, 'kk');
        const reason = labelOrText(MOVE_OUT_REASONS, d.decision.reason, 'kk');
        return [
          'Жолданымыңыз Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінде белгіленген тәртіппен ' +
            '«Электрондық жолданымдар» ақпараттық-талдау жүйесінде есепке алынуға және қаралуға жатпайды, сондықтан ' +
            `${x.date} ж. басқа ақпараттық жүйеге ауыстырылды ${paren(rulesPoint(15), 'kk')}.`,
          ...(target ? [`Жолданым ауыстырылған ақпараттық жүйе: ${clause(target)}.`] : []),
          ...reasonParagraph('kk', reason),
          'Жолданым тиісті заңнамада белгіленген тәртіппен қаралатын болады, оны қарау мерзімі «Электрондық жолданымдар» ' +
            'жүйесінде тіркелген күннен бастап есептеледі. Жолданым бойынша қабылданған шешімдерге шағым жасау да сол ' +
            'заңнамада көзделген тәртіппен жүзеге асырылады.',
        ];
      },
      ru: (d, x) => {
        const target = pick(d.decision.targetSystemName ?? d.decision.targetSystem, 'ru');
        const reason = labelOrText(MOVE_OUT_REASONS, d.decision.reason, 'ru');
        return [
          'Ваше обращение не подлежит учету и рассмотрению в информационно-аналитической системе «Электронные обращения» ' +
            'в порядке, установленном Административным процедурно-процессуальным кодексом Республики Казахстан, в связи ' +
            `с чем ${x.date} переведено в другую информационную систему ${paren(rulesPoint(15), 'ru')}.`,
          ...(target ? [`Информационная система, в которую переведено обращение: ${clause(target)}.`] : []),
          ...reasonParagraph('ru', reason, T('', 'Основание', '')),
          'Обращение будет рассмотрено в порядке, установленном соответствующим законодательством; срок его рассмотрения ' +
            'исчисляется со дня регистрации в системе «Электронные обращения». Обжалование решений, принятых по обращению, ' +
            'осуществляется в порядке, предусмотренном указанным законодательством.',
        ];
      },
      en: (d, x) => {
        const target = pick(d.decision.targetSystemName ?? d.decision.targetSystem, 'en');
        const reason = labelOrText(MOVE_OUT_REASONS, d.decision.reason, 'en');
        return [
          'Your appeal is not subject to accounting and review in the “E-appeals” information system under the ' +
            'Administrative Procedural and Process Code of the Republic of Kazakhstan; on ' +
            `${x.date} it was therefore moved to another information system ${paren(rulesPoint(15), 'en')}.`,
          ...(target ? [`Information system it was moved to: ${clause(target)}.`] : []),
          ...reasonParagraph('en', reason, T('', '', 'Ground')),
          'The appeal will be reviewed under the procedure of the applicable law; its term runs from its registration in ' +
            '“E-appeals”. Decisions taken on it may be challenged as that law provides.',
        ];
      },
    }),
  },

  // 4.2 — notice to bring the appeal into line with Art. 63 (Art. 64 p.6)
  '4.2': {
    title: T(
      'Жолданымды ҚР ӘРПК 63-бабының талаптарына сәйкес келтіру қажеттігі туралы',
      'О необходимости приведения обращения в соответствие с требованиями статьи 63 АППК РК',
      'Request to bring the appeal into line with Article 63 of the APPC',
    ),
    basis: art(64, 6),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const article = d.procedure === 'complaint' ? 93 : 63;
        const missing = missingLabels(d, 'kk');
        const fixBy = d.decision.fixBy ? formatDate(d.decision.fixBy) : undefined;
        return [
          `Жолданымыңыз ${APPC.kk} ${article}-бабының талаптарына сәйкес келмейді ${paren(art(64, 6), 'kk')}.` +
            (missing.length ? ` Атап айтқанда, мына талаптар сақталмаған: ${missing.join('; ')}.` : ''),
          ...reasonParagraph('kk', x.reason),
          fixBy
            ? `Жолданымды көрсетілген талаптарға сәйкес келтіруді ${fixBy} ж. дейін сұраймыз.`
            : 'Жолданымды көрсетілген талаптарға сәйкес келтіруді сұраймыз.',
          `Кемшіліктер белгіленген мерзімде жойылмаған жағдайда, жолданым ${kkDative(art(64, 7).kk)} сәйкес Сізге қайтарылатын ` +
            `болады. Жолданымның қайтарылуы жалпы тәртіппен қайта жүгінуге кедергі келтірмейді ${paren(art(64, 8), 'kk')}.`,
        ];
      },
      ru: (d, x) => {
        const article = d.procedure === 'complaint' ? 93 : 63;
        const missing = missingLabels(d, 'ru');
        const fixBy = d.decision.fixBy ? formatDate(d.decision.fixBy) : undefined;
        return [
          `Ваше обращение не соответствует требованиям статьи ${article} ${APPC.ru} ${paren(art(64, 6), 'ru')}.` +
            (missing.length ? ` Не соблюдены следующие требования: ${missing.join('; ')}.` : ''),
          ...reasonParagraph('ru', x.reason),
          fixBy
            ? `Просим привести обращение в соответствие с указанными требованиями в срок до ${fixBy}.`
            : 'Просим привести обращение в соответствие с указанными требованиями.',
          `В случае неустранения недостатков в установленный срок обращение будет возвращено Вам в соответствии с ` +
            `частью 7 статьи 64 ${APPC.ru}. Возврат обращения не препятствует повторному обращению в общем порядке ` +
            `${paren(art(64, 8), 'ru')}.`,
        ];
      },
      en: (d, x) => {
        const article = d.procedure === 'complaint' ? 93 : 63;
        const missing = missingLabels(d, 'en');
        const fixBy = d.decision.fixBy ? formatDate(d.decision.fixBy) : undefined;
        return [
          `Your appeal does not meet the requirements of APPC Art. ${article} ${paren(art(64, 6), 'en')}.` +
            (missing.length ? ` The following requirements are not met: ${missing.join('; ')}.` : ''),
          ...reasonParagraph('en', x.reason),
          fixBy
            ? `Please bring the appeal into line with these requirements by ${fixBy}.`
            : 'Please bring the appeal into line with these requirements.',
          'If the defects are not remedied in time, the appeal will be returned to you under APPC Art. 64(7). ' +
            `A return does not prevent you from appealing again in the ordinary way ${paren(art(64, 8), 'en')}.`,
        ];
      },
    }),
  },

  // 4.3 — returned after the term to fix it expired (Art. 64 p.7)
  '4.3': {
    title: T('Жолданымды қайтару туралы', 'О возврате обращения', 'Return of the appeal'),
    basis: art(64, 7),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const fixBy = d.decision.fixBy ? ` (${formatDate(d.decision.fixBy)} ж. дейін)` : '';
        return [
          'Сізге жолданымды ҚР ӘРПК 63-бабының талаптарына сәйкес келтіру қажеттігі туралы хабарлама жіберілген ' +
            `болатын. Белгіленген мерзімде${fixBy} кемшіліктер жойылмады.`,
          ...reasonParagraph('kk', x.reason),
          `Осыған байланысты ${art(64, 7).kk} негізінде ${x.date} ж. жолданым Сізге қайтарылды.`,
          `Жолданымның қайтарылуы кемшіліктерді жойғаннан кейін қайта жүгіну құқығыңыздан айырмайды ${paren(art(64, 8), 'kk')}.`,
        ];
      },
      ru: (d, x) => {
        const fixBy = d.decision.fixBy ? ` (до ${formatDate(d.decision.fixBy)})` : '';
        return [
          'Вам направлялось уведомление о необходимости привести обращение в соответствие с требованиями статьи 63 ' +
            `АППК РК. В установленный срок${fixBy} недостатки не устранены.`,
          ...reasonParagraph('ru', x.reason),
          `В связи с этим на основании части 7 статьи 64 АППК РК ${x.date} обращение возвращено Вам.`,
          `Возврат обращения не лишает Вас права повторно обратиться после устранения недостатков ${paren(art(64, 8), 'ru')}.`,
        ];
      },
      en: (d, x) => {
        const fixBy = d.decision.fixBy ? ` (by ${formatDate(d.decision.fixBy)})` : '';
        return [
          'You were notified that your appeal had to be brought into line with APPC Art. 63. ' +
            `The defects were not remedied within the term set${fixBy}.`,
          ...reasonParagraph('en', x.reason),
          `Therefore, under APPC Art. 64(7), the appeal was returned to you on ${x.date}.`,
          `The return does not prevent you from appealing again once the defects are remedied ${paren(art(64, 8), 'en')}.`,
        ];
      },
    }),
  },

  // 4.4 — forwarded by competence (Art. 65)
  '4.4': {
    title: T(
      'Жолданымды құзыреті бойынша жіберу туралы',
      'О перенаправлении обращения по компетенции',
      'Forwarding of the appeal by competence',
    ),
    basis: art(65),
    subject: 'appeal',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => forwardBody('kk', d, x),
      ru: (d, x) => forwardBody('ru', d, x),
      en: (d, x) => forwardBody('en', d, x),
    }),
  },

  // 4.5 — attached to the main appeal (rules p.22)
  '4.5': {
    title: T(
      'Жолданымды негізгі жолданымға қосу туралы',
      'О приобщении обращения к основному обращению',
      'Attachment of the appeal to the main appeal',
    ),
    basis: rulesPoint(22),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const main = d.decision.mainAppealNumber ? ` № ${d.decision.mainAppealNumber}` : '';
        return [
          `${x.date} ж. жолданымыңыз бұрын тіркелген${main} жолданымға қосылды және соның шеңберінде қаралатын болады ` +
            `${paren(rulesPoint(22), 'kk')}.`,
          ...reasonParagraph('kk', x.reason),
          'Қарау нәтижелері туралы Сізге негізгі жолданымды қарау үшін белгіленген мерзімде хабарланады.',
        ];
      },
      ru: (d, x) => {
        const main = d.decision.mainAppealNumber ? ` № ${d.decision.mainAppealNumber}` : '';
        return [
          `${x.date} Ваше обращение приобщено к ранее зарегистрированному обращению${main} и будет рассмотрено в его рамках ` +
            `${paren(rulesPoint(22), 'ru')}.`,
          ...reasonParagraph('ru', x.reason),
          'О результатах рассмотрения Вам будет сообщено в сроки, установленные для рассмотрения основного обращения.',
        ];
      },
      en: (d, x) => {
        const main = d.decision.mainAppealNumber ? ` No. ${d.decision.mainAppealNumber}` : '';
        return [
          `On ${x.date} your appeal was attached to the earlier registered appeal${main} and will be reviewed together ` +
            `with it ${paren(rulesPoint(22), 'en')}.`,
          ...reasonParagraph('en', x.reason),
          'You will be informed of the outcome within the term set for the main appeal.',
        ];
      },
    }),
  },

  // 4.6 — withdrawal accepted (Art. 64 p.9)
  '4.6': {
    title: T('Жолданымды кері қайтарып алу туралы', 'Об отзыве обращения', 'Withdrawal of the appeal'),
    basis: art(64, 9),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const received = d.decision.withdrawalReceivedAt ? `${formatDate(d.decision.withdrawalReceivedAt)} ж. келіп түскен ж` : 'Ж';
        return [
          `${received}олданымды кері қайтарып алу туралы өтінішіңіз қабылданды. ${kkDative(art(64, 9).kk)} сәйкес ${x.date} ж. ` +
            'жолданымыңызды қарау оның мәні бойынша шешім қабылданбастан аяқталды.',
          ...reasonParagraph('kk', x.reason),
        ];
      },
      ru: (d, x) => {
        const received = d.decision.withdrawalReceivedAt ? `, поступившее ${formatDate(d.decision.withdrawalReceivedAt)},` : '';
        return [
          `Ваше заявление об отзыве обращения${received} принято. В соответствии с частью 9 статьи 64 АППК РК ${x.date} ` +
            'рассмотрение обращения завершено без принятия решения по существу.',
          ...reasonParagraph('ru', x.reason),
        ];
      },
      en: (d, x) => {
        const received = d.decision.withdrawalReceivedAt ? ` received on ${formatDate(d.decision.withdrawalReceivedAt)}` : '';
        return [
          `Your application to withdraw the appeal${received} has been accepted. Under APPC Art. 64(9), the review of ` +
            `the appeal ended on ${x.date} without a decision on the merits.`,
          ...reasonParagraph('en', x.reason),
        ];
      },
    }),
  },

  // 4.7 — notice of the preliminary decision and the hearing (Art. 66 p.2; Art. 73)
  '4.7': {
    title: T(
      'Алдын ала шешім және тыңдау туралы хабарлама',
      'Уведомление о предварительном решении и заслушивании',
      'Notice of the preliminary decision and hearing',
    ),
    basis: art(66, 2),
    subject: 'appeal',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => hearingNoticeBody('kk', d, x),
      ru: (d, x) => hearingNoticeBody('ru', d, x),
      en: (d, x) => hearingNoticeBody('en', d, x),
    }),
  },

  // 4.8 — challenge (recusal / self-recusal) of an official (Art. 67)
  '4.8': {
    title: T(
      'Лауазымды адамға қарсылық білдіру (өздігінен бас тарту) туралы',
      'Об отводе (самоотводе) должностного лица',
      'Challenge (recusal) of an official',
    ),
    basis: art(67),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const official = (d.decision.officialName ?? d.decision.official)?.trim();
        const who = official ? ` (${official})` : '';
        const replacement = d.decision.replacementName ? `: ${d.decision.replacementName}` : '';
        const first = d.decision.selfRecusal
          ? `Жолданымыңызды қарайтын лауазымды адам${who} өздігінен бас тарту туралы мәлімдеді; ол ${x.date} ж. ` +
            `қанағаттандырылды ${paren(art(67), 'kk')}.`
          : d.decision.granted === false
            ? `Лауазымды адамға${who} қарсылық білдіру туралы өтінішіңіз қаралды, ${x.date} ж. оны қанағаттандырудан бас ` +
              `тартылды ${paren(art(67), 'kk')}.`
            : `Лауазымды адамға${who} қарсылық білдіру туралы өтінішіңіз қаралып, ${x.date} ж. қанағаттандырылды ` +
              `${paren(art(67), 'kk')}.`;
        return [
          first,
          ...(d.decision.granted === false ? [] : [`Жолданымды одан әрі қарау басқа лауазымды адамға тапсырылды${replacement}.`]),
          ...reasonParagraph('kk', x.reason),
        ];
      },
      ru: (d, x) => {
        const official = (d.decision.officialName ?? d.decision.official)?.trim();
        const who = official ? ` (${official})` : '';
        const replacement = d.decision.replacementName ? `: ${d.decision.replacementName}` : '';
        const first = d.decision.selfRecusal
          ? `Должностное лицо${who}, рассматривающее Ваше обращение, заявило самоотвод, который ${x.date} удовлетворен ` +
            `${paren(art(67), 'ru')}.`
          : d.decision.granted === false
            ? `Ваше заявление об отводе должностного лица${who} рассмотрено; ${x.date} в его удовлетворении отказано ` +
              `${paren(art(67), 'ru')}.`
            : `Ваше заявление об отводе должностного лица${who} рассмотрено и ${x.date} удовлетворено ${paren(art(67), 'ru')}.`;
        return [
          first,
          ...(d.decision.granted === false ? [] : [`Дальнейшее рассмотрение обращения поручено другому должностному лицу${replacement}.`]),
          ...reasonParagraph('ru', x.reason),
        ];
      },
      en: (d, x) => {
        const official = (d.decision.officialName ?? d.decision.official)?.trim();
        const who = official ? ` (${official})` : '';
        const replacement = d.decision.replacementName ? `: ${d.decision.replacementName}` : '';
        const first = d.decision.selfRecusal
          ? `The official${who} reviewing your appeal declared a self-recusal, which was granted on ${x.date} ${paren(art(67), 'en')}.`
          : d.decision.granted === false
            ? `Your application to recuse the official${who} was reviewed and refused on ${x.date} ${paren(art(67), 'en')}.`
            : `Your application to recuse the official${who} was reviewed and granted on ${x.date} ${paren(art(67), 'en')}.`;
        return [
          first,
          ...(d.decision.granted === false ? [] : [`The review of the appeal has been assigned to another official${replacement}.`]),
          ...reasonParagraph('en', x.reason),
        ];
      },
    }),
  },

  // 4.9 — representative joined (Art. 68 p.2)
  '4.9': {
    title: T(
      'Арыз иесінің өкілін әкімшілік рәсімге жіберу туралы',
      'О допуске представителя заявителя к административной процедуре',
      "Admission of the applicant's representative",
    ),
    basis: art(68, 2),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} ж. Сіздің өкіліңіз${name ? ` (${name})` : ''} жолданымыңыз бойынша әкімшілік рәсімге қатысуға жіберілді ` +
            `${paren(art(68, 2), 'kk')}.`,
          'Өкіл Сіздің атыңыздан өзіне берілген өкілеттіктер шегінде әрекет етуге құқылы.',
          ...reasonParagraph('kk', x.reason),
        ];
      },
      ru: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} Ваш представитель${name ? ` (${name})` : ''} допущен к участию в административной процедуре по Вашему ` +
            `обращению ${paren(art(68, 2), 'ru')}.`,
          'Представитель вправе действовать от Вашего имени в пределах предоставленных ему полномочий.',
          ...reasonParagraph('ru', x.reason),
        ];
      },
      en: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `On ${x.date} your representative${name ? ` (${name})` : ''} was admitted to the administrative procedure on ` +
            `your appeal ${paren(art(68, 2), 'en')}.`,
          'The representative may act on your behalf within the powers granted.',
          ...reasonParagraph('en', x.reason),
        ];
      },
    }),
  },

  // 4.10 — representative removed (Art. 68 p.5)
  '4.10': {
    title: T(
      'Арыз иесінің өкілін шеттету туралы',
      'Об отстранении представителя заявителя',
      "Removal of the applicant's representative",
    ),
    basis: art(68, 5),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} ж. Сіздің өкіліңіз${name ? ` (${name})` : ''} әкімшілік рәсімге қатысудан шеттетілді ` +
            `${paren(art(68, 5), 'kk')}.`,
          ...reasonParagraph('kk', x.reason),
          'Сіз әкімшілік рәсімге жеке өзіңіз немесе басқа өкіл арқылы қатысуға құқылысыз.',
        ];
      },
      ru: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} Ваш представитель${name ? ` (${name})` : ''} отстранен от участия в административной процедуре ` +
            `${paren(art(68, 5), 'ru')}.`,
          ...reasonParagraph('ru', x.reason),
          'Вы вправе участвовать в административной процедуре лично либо через другого представителя.',
        ];
      },
      en: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `On ${x.date} your representative${name ? ` (${name})` : ''} was removed from the administrative procedure ` +
            `${paren(art(68, 5), 'en')}.`,
          ...reasonParagraph('en', x.reason),
          'You may take part in the procedure in person or through another representative.',
        ];
      },
    }),
  },

  // 4.11 — hearing held (Art. 73 p.1)
  '4.11': {
    title: T('Тыңдау өткізу туралы', 'О проведении заслушивания', 'Hearing held'),
    basis: art(73, 1),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        return [
          `${at ? at.date : x.date} ж. жолданымыңыз бойынша тыңдау өткізілді ${paren(art(73, 1), 'kk')}. ` +
            'Тыңдаудың барысы хаттамада көрсетілген.',
          ...x.text,
          'Сіз тыңдау хаттамасымен танысып, оған ескертпелер беруге құқылысыз.',
          'Жолданым бойынша шешім Сіздің ұстанымыңызды ескере отырып қабылданады және белгіленген мерзімде Сізге жіберіледі.',
        ];
      },
      ru: (d, x) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        return [
          `${at ? at.date : x.date} по Вашему обращению проведено заслушивание ${paren(art(73, 1), 'ru')}. ` +
            'Ход заслушивания отражен в протоколе.',
          ...x.text,
          'Вы вправе ознакомиться с протоколом заслушивания и представить на него замечания.',
          'Решение по обращению будет принято с учетом Вашей позиции и направлено Вам в установленный срок.',
        ];
      },
      en: (d, x) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        return [
          `On ${at ? at.date : x.date} a hearing on your appeal was held ${paren(art(73, 1), 'en')}. ` +
            'It is recorded in the hearing protocol.',
          ...x.text,
          'You may read the protocol and submit remarks on it.',
          'The decision on the appeal will take your position into account and will be sent to you within the set term.',
        ];
      },
    }),
  },

  // 4.12 — remark on the hearing protocol accepted (Art. 73 p.6)
  '4.12': {
    title: T(
      'Тыңдау хаттамасына ескертпені қабылдау туралы',
      'О принятии замечаний на протокол заслушивания',
      'Remarks on the hearing protocol accepted',
    ),
    basis: art(73, 6),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => [
        `Тыңдау хаттамасына берген ескертпелеріңіз қаралып, ${x.date} ж. қабылданды ${paren(art(73, 6), 'kk')}. ` +
          'Хаттамаға тиісті өзгерістер енгізілді.',
        ...labelled('kk', T('Қабылданған ескертпе', '', ''), d.decision.remark ?? d.decision.text),
      ],
      ru: (d, x) => [
        `Ваши замечания на протокол заслушивания рассмотрены и ${x.date} приняты ${paren(art(73, 6), 'ru')}. ` +
          'В протокол внесены соответствующие изменения.',
        ...labelled('ru', T('', 'Принятое замечание', ''), d.decision.remark ?? d.decision.text),
      ],
      en: (d, x) => [
        `Your remarks on the hearing protocol were reviewed and accepted on ${x.date} ${paren(art(73, 6), 'en')}. ` +
          'The protocol has been amended accordingly.',
        ...labelled('en', T('', '', 'Remark accepted'), d.decision.remark ?? d.decision.text),
      ],
    }),
  },

  // 4.13 — administrative procedure terminated (Art. 77 p.1 sub.2; simplified: Art. 89 p.1 sub.3)
  '4.13': {
    title: T('Әкімшілік рәсімді тоқтату туралы', 'О прекращении административной процедуры', 'Termination of the administrative procedure'),
    basis: art(77, 1, 2),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => [
        `${kkDative(terminationBasis(d).kk)} сәйкес ${x.date} ж. жолданымыңыз бойынша әкімшілік рәсім тоқтатылды.`,
        ...reasonParagraph('kk', terminationReason(d, 'kk'), T('Тоқтату негізі', '', '')),
        ...x.text,
      ],
      ru: (d, x) => [
        `На основании ${genitiveRu(terminationBasis(d).ru)} ${x.date} административная процедура по Вашему обращению прекращена.`,
        ...reasonParagraph('ru', terminationReason(d, 'ru'), T('', 'Основание прекращения', '')),
        ...x.text,
      ],
      en: (d, x) => [
        `Under ${terminationBasis(d).en}, the administrative procedure on your appeal was terminated on ${x.date}.`,
        ...reasonParagraph('en', terminationReason(d, 'en'), T('', '', 'Ground')),
        ...x.text,
      ],
    }),
  },

  // 4.14 — review term extended (Art. 76 p.3)
  '4.14': {
    title: T('Қарау мерзімін ұзарту туралы', 'О продлении срока рассмотрения', 'Extension of the review term'),
    basis: art(76, 3),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const due = d.decision.newDueDate ? formatDate(d.decision.newDueDate) : '—';
        return [
          `${kkDative(art(76, 3).kk)} сәйкес жолданымыңызды қарау мерзімі ${due} ж. дейін ұзартылды.`,
          ...reasonParagraph('kk', x.reason, T('Мерзімді ұзарту себебі', '', '')),
          'Жолданым бойынша шешім көрсетілген мерзімде қабылданып, Сізге жіберілетін болады.',
        ];
      },
      ru: (d, x) => {
        const due = d.decision.newDueDate ? formatDate(d.decision.newDueDate) : '—';
        return [
          `В соответствии с частью 3 статьи 76 АППК РК срок рассмотрения Вашего обращения продлен до ${due}.`,
          ...reasonParagraph('ru', x.reason, T('', 'Причина продления', '')),
          'Решение по обращению будет принято и направлено Вам в указанный срок.',
        ];
      },
      en: (d, x) => {
        const due = d.decision.newDueDate ? formatDate(d.decision.newDueDate) : '—';
        return [
          `Under APPC Art. 76(3), the term for reviewing your appeal has been extended until ${due}.`,
          ...reasonParagraph('en', x.reason, T('', '', 'Reason for the extension')),
          'The decision on the appeal will be taken and sent to you within that term.',
        ];
      },
    }),
  },

  // 4.15 — administrative act adopted (Art. 77 p.1 sub.1; a complaint granted by the body complained about: Art. 91 p.4)
  '4.15': {
    title: T('Әкімшілік акт қабылдау туралы', 'О принятии административного акта', 'Administrative act adopted'),
    basis: art(77, 1, 1),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const fav = d.decision.favourable;
        const first =
          d.procedure === 'complaint'
            ? `${kkDative(art(91, 4).kk)} сәйкес ${x.date} ж. шағымыңызды толық қанағаттандыратын қолайлы әкімшілік акт қабылданды.`
            : fav === true
              ? `Жолданымыңызды қарау нәтижесі бойынша ${x.date} ж. оны қанағаттандыру туралы әкімшілік акт қабылданды ` +
                `${paren(art(77, 1, 1), 'kk')}.`
              : fav === false
                ? `Жолданымыңызды қарау нәтижесі бойынша ${x.date} ж. оны қанағаттандырудан бас тарту туралы әкімшілік акт ` +
                  `қабылданды ${paren(art(77, 1, 1), 'kk')}.`
                : `Жолданымыңызды қарау нәтижесі бойынша ${x.date} ж. әкімшілік акт қабылданды ${paren(art(77, 1, 1), 'kk')}.`;
        return [
          first,
          ...x.text,
          ...reasonParagraph('kk', x.reason, fav === false ? T('Бас тарту негіздері', '', '') : undefined),
        ];
      },
      ru: (d, x) => {
        const fav = d.decision.favourable;
        const first =
          d.procedure === 'complaint'
            ? `В соответствии с частью 4 статьи 91 АППК РК ${x.date} по Вашей жалобе принят благоприятный административный ` +
              'акт, полностью удовлетворяющий жалобу.'
            : fav === true
              ? `По результатам рассмотрения Вашего обращения ${x.date} принят административный акт о его удовлетворении ` +
                `${paren(art(77, 1, 1), 'ru')}.`
              : fav === false
                ? `По результатам рассмотрения Вашего обращения ${x.date} принят административный акт об отказе в его ` +
                  `удовлетворении ${paren(art(77, 1, 1), 'ru')}.`
                : `По результатам рассмотрения Вашего обращения ${x.date} принят административный акт ${paren(art(77, 1, 1), 'ru')}.`;
        return [
          first,
          ...x.text,
          ...reasonParagraph('ru', x.reason, fav === false ? T('', 'Основания отказа', '') : undefined),
        ];
      },
      en: (d, x) => {
        const fav = d.decision.favourable;
        const first =
          d.procedure === 'complaint'
            ? `Under APPC Art. 91(4), on ${x.date} a favourable administrative act fully granting your complaint was adopted.`
            : fav === true
              ? `Having reviewed your appeal, on ${x.date} we adopted an administrative act granting it ${paren(art(77, 1, 1), 'en')}.`
              : fav === false
                ? `Having reviewed your appeal, on ${x.date} we adopted an administrative act refusing it ${paren(art(77, 1, 1), 'en')}.`
                : `Having reviewed your appeal, on ${x.date} we adopted an administrative act ${paren(art(77, 1, 1), 'en')}.`;
        return [first, ...x.text, ...reasonParagraph('en', x.reason, fav === false ? T('', '', 'Grounds for the refusal') : undefined)];
      },
    }),
  },

  // 4.16 — request to read the case file (Art. 75 p.1)
  '4.16': {
    title: T('Әкімшілік іспен танысу туралы', 'Об ознакомлении с административным делом', 'Access to the administrative case file'),
    basis: art(75, 1),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        const place = pick(d.decision.place, 'kk');
        const requested = d.decision.requestedAt ? `${formatDate(d.decision.requestedAt)} ж. берілген ә` : 'Ә';
        return [
          `${requested}кімшілік іспен танысу туралы өтінішхатыңыз қабылданды ${paren(art(75, 1), 'kk')}. Іс материалдарымен ` +
            'танысу өтінішхат түскен күннен бастап үш жұмыс күні ішінде қамтамасыз етіледі.',
          ...(at ? [`Іс материалдарымен танысу күні мен уақыты: ${at.date} ж., сағат ${at.time}${place ? `; мекенжайы: ${clause(place)}` : ''}.`] : []),
          ...(!at && place ? [`Іс материалдарымен танысу орны: ${clause(place)}.`] : []),
          `Танысу уақытын жауапты орындаушымен келісуіңізге болады: ${contactLine({ ...d.executor }, 'kk')}.`,
        ];
      },
      ru: (d) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        const place = pick(d.decision.place, 'ru');
        const requested = d.decision.requestedAt ? ` от ${formatDate(d.decision.requestedAt)}` : '';
        return [
          `Ваше ходатайство${requested} об ознакомлении с материалами административного дела принято ${paren(art(75, 1), 'ru')}. ` +
            'Ознакомление будет обеспечено в течение трех рабочих дней со дня поступления ходатайства.',
          ...(at ? [`Ознакомиться с материалами дела Вы можете ${at.date} в ${at.time}${place ? ` по адресу: ${clause(place)}` : ''}.`] : []),
          ...(!at && place ? [`Место ознакомления с материалами дела: ${clause(place)}.`] : []),
          `Время ознакомления Вы можете согласовать с ответственным исполнителем: ${contactLine({ ...d.executor }, 'ru')}.`,
        ];
      },
      en: (d) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        const place = pick(d.decision.place, 'en');
        const requested = d.decision.requestedAt ? ` of ${formatDate(d.decision.requestedAt)}` : '';
        return [
          `Your request${requested} to read the administrative case file has been accepted ${paren(art(75, 1), 'en')}. ` +
            'Access will be given within three working days of the request.',
          ...(at ? [`You may read the file on ${at.date} at ${at.time}${place ? `, at: ${clause(place)}` : ''}.`] : []),
          ...(!at && place ? [`Place: ${clause(place)}.`] : []),
          `You may agree on the time with the responsible executor: ${contactLine({ ...d.executor }, 'en')}.`,
        ];
      },
    }),
  },

  // 4.17 — clerical or arithmetic errors corrected (Art. 82)
  '4.17': {
    title: T(
      'Қате жазуларды немесе арифметикалық қателерді түзету туралы',
      'Об исправлении описок или арифметических ошибок',
      'Correction of clerical or arithmetic errors',
    ),
    basis: art(82),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const fix = paragraphsOf(d.decision.correction ?? d.decision.text, 'kk', true);
        return [
          `${x.date} ж. жолданымыңыз бойынша қабылданған әкімшілік актіде жіберілген қате жазулар және (немесе) ` +
            `арифметикалық қателер түзетілді ${paren(art(82), 'kk')}.`,
          ...(fix.length ? [sentence(`Енгізілген түзетулер: ${fix.join(' ')}`)] : []),
        ];
      },
      ru: (d, x) => {
        const fix = paragraphsOf(d.decision.correction ?? d.decision.text, 'ru', true);
        return [
          `${x.date} в административном акте, принятом по Вашему обращению, исправлены допущенные описки и (или) ` +
            `арифметические ошибки ${paren(art(82), 'ru')}.`,
          ...(fix.length ? [sentence(`Внесенные исправления: ${fix.join(' ')}`)] : []),
        ];
      },
      en: (d, x) => {
        const fix = paragraphsOf(d.decision.correction ?? d.decision.text, 'en', true);
        return [
          `On ${x.date} clerical and/or arithmetic errors in the administrative act adopted on your appeal were corrected ` +
            `${paren(art(82), 'en')}.`,
          ...(fix.length ? [sentence(`Corrections made: ${fix.join(' ')}`)] : []),
        ];
      },
    }),
  },

  // 4.18 — act revoked (Art. 100 p.1 sub.1)
  '4.18': complaintDecision(
    T('Әкімшілік актінің күшін жою туралы', 'Об отмене административного акта', 'Revocation of the administrative act'),
    art(100, 1, 1),
    {
      kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. шағым жасалған әкімшілік актінің күші жойылды`,
      ru: (x) => `По результатам рассмотрения Вашей жалобы ${x.date} обжалуемый административный акт отменен`,
      en: (x) => `Having reviewed your complaint, on ${x.date} the administrative act complained of was revoked`,
    },
  ),

  // 4.19 — act revoked and a new one adopted (Art. 100 p.1 sub.2)
  '4.19': complaintDecision(
    T(
      'Әкімшілік актінің күшін жою және жаңа әкімшілік акт қабылдау туралы',
      'Об отмене административного акта и принятии нового административного акта',
      'Revocation of the administrative act and adoption of a new one',
    ),
    art(100, 1, 2),
    {
      kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. шағым жасалған әкімшілік актінің күші жойылып, жаңа әкімшілік акт қабылданды`,
      ru: (x) => `По результатам рассмотрения Вашей жалобы ${x.date} обжалуемый административный акт отменен и принят новый административный акт`,
      en: (x) => `Having reviewed your complaint, on ${x.date} the administrative act complained of was revoked and a new administrative act was adopted`,
    },
    T('Жаңа әкімшілік актінің мазмұны', 'Содержание нового административного акта', 'The new act'),
  ),

  // 4.20 — administrative action performed (Art. 100 p.1 sub.3)
  '4.20': complaintDecision(
    T('Әкімшілік әрекет жасау туралы', 'О совершении административного действия', 'Administrative action performed'),
    art(100, 1, 3),
    {
      kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. әкімшілік әрекет жасалды`,
      ru: (x) => `По результатам рассмотрения Вашей жалобы ${x.date} совершено административное действие`,
      en: (x) => `Having reviewed your complaint, on ${x.date} the administrative action was performed`,
    },
  ),

  // 4.21 — complaint left unsatisfied (Art. 100 p.1 sub.4)
  '4.21': complaintDecision(
    T('Шағымды қанағаттандырусыз қалдыру туралы', 'Об оставлении жалобы без удовлетворения', 'Complaint left unsatisfied'),
    art(100, 1, 4),
    {
      kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. шағым қанағаттандырусыз қалдырылды`,
      ru: (x) => `По результатам рассмотрения ${x.date} Ваша жалоба оставлена без удовлетворения`,
      en: (x) => `Having reviewed your complaint, on ${x.date} it was left unsatisfied`,
    },
  ),

  // 4.22 — case sent back to the body complained about (Art. 100 p.1 sub.5)
  '4.22': {
    title: T(
      'Әкімшілік істі шағым жасалған әкімшілік органға жіберу туралы',
      'О направлении административного дела в административный орган, акт (действие, бездействие) которого обжалуется',
      'Case sent back to the body complained about',
    ),
    basis: art(100, 1, 5),
    subject: 'complaint',
    complaintRight: 'court',
    body: bodies({
      kk: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'kk');
        return [
          `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. әкімшілік іс жол берілген бұзушылықтарды және оларды жою ` +
            'жөніндегі ұсыныстарды көрсете отырып, әкімшілік рәсімді жүзеге асыру үшін әкімшілік актісіне, әкімшілік ' +
            `әрекетіне (әрекетсіздігіне) шағым жасалған әкімшілік органға жіберілді ${paren(art(100, 1, 5), 'kk')}.` +
            (target ? ` Әкімшілік іс жіберілген орган: ${clause(target)}.` : ''),
          ...labelled('kk', T('Жол берілген бұзушылықтар', '', ''), d.decision.violations),
          ...labelled('kk', T('Бұзушылықтарды жою жөніндегі ұсыныстар', '', ''), d.decision.proposals),
          ...x.text,
          'Әкімшілік рәсімнің нәтижесі туралы Сізге аталған әкімшілік орган хабарлайды.',
        ];
      },
      ru: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'ru');
        return [
          `По результатам рассмотрения Вашей жалобы ${x.date} административное дело направлено в административный орган, ` +
            'административный акт, административное действие (бездействие) которого обжалуется, для осуществления ' +
            'административной процедуры с указанием допущенных нарушений и предложений по их устранению ' +
            `${paren(art(100, 1, 5), 'ru')}.` +
            (target ? ` Орган, в который направлено дело: ${clause(target)}.` : ''),
          ...labelled('ru', T('', 'Допущенные нарушения', ''), d.decision.violations),
          ...labelled('ru', T('', 'Предложения по их устранению', ''), d.decision.proposals),
          ...x.text,
          'О результатах административной процедуры Вам сообщит указанный административный орган.',
        ];
      },
      en: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'en');
        return [
          `Having reviewed your complaint, on ${x.date} the administrative case was sent back to the body whose act or ` +
            'action (inaction) is complained of, to carry out the administrative procedure, with the violations found ' +
            `and proposals to remedy them ${paren(art(100, 1, 5), 'en')}.` +
            (target ? ` The case was sent to: ${clause(target)}.` : ''),
          ...labelled('en', T('', '', 'Violations'), d.decision.violations),
          ...labelled('en', T('', '', 'Proposals to remedy them'), d.decision.proposals),
          ...x.text,
          'That body will inform you of the outcome of the procedure.',
        ];
      },
    }),
  },

  // 4.23 — complaint left without consideration (Art. 100 p.1 sub.6)
  '4.23': complaintDecision(
    T('Шағымды қараусыз қалдыру туралы', 'Об оставлении жалобы без рассмотрения', 'Complaint left without consideration'),
    art(100, 1, 6),
    {
      kk: (x) => `${x.date} ж. шағымыңыз қараусыз қалдырылды`,
      ru: (x) => `${x.date} Ваша жалоба оставлена без рассмотрения`,
      en: (x) => `On ${x.date} your complaint was left without consideration`,
    },
  ),

  // 4.24 — complaint sent to the reviewing body (Art. 91 p.4)
  '4.24': {
    title: T(
      'Шағымды шағымды қарайтын органға жіберу туралы',
      'О направлении жалобы в орган, рассматривающий жалобу',
      'Complaint sent to the reviewing body',
    ),
    basis: art(91, 4),
    subject: 'complaint',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'kk');
        return [
          `${kkDative(art(91, 4).kk)} сәйкес ${x.date} ж. шағымыңыз әкімшілік іспен бірге шағымды қарайтын органға жіберілді` +
            (target ? `: ${clause(target)}.` : '.'),
          'Шағым шағымды қарайтын органға түскен күннен бастап жиырма жұмыс күні ішінде қаралады ' +
            `${paren(art(99), 'kk')}. Шағымды қарау нәтижесі туралы Сізге аталған орган хабарлайды.`,
        ];
      },
      ru: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'ru');
        return [
          `В соответствии с частью 4 статьи 91 АППК РК ${x.date} Ваша жалоба вместе с административным делом направлена в ` +
            'орган, рассматривающий жалобу' +
            (target ? `: ${clause(target)}.` : '.'),
          'Жалоба будет рассмотрена в течение двадцати рабочих дней со дня ее поступления в орган, рассматривающий ' +
            `жалобу ${paren(art(99), 'ru')}. О результатах рассмотрения жалобы Вам сообщит указанный орган.`,
        ];
      },
      en: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'en');
        return [
          `Under APPC Art. 91(4), on ${x.date} your complaint was sent, together with the administrative case, to the ` +
            'body that reviews it' +
            (target ? `: ${clause(target)}.` : '.'),
          `The complaint will be reviewed within twenty working days of its receipt by that body ${paren(art(99), 'en')}, ` +
            'which will inform you of the outcome.',
        ];
      },
    }),
  },

  // 4.25 — answer on the merits (Art. 89 p.1 sub.1)
  '4.25': {
    title: T('Жолданымға мәні бойынша жауап', 'Ответ по существу обращения', 'Answer on the merits'),
    basis: art(89, 1, 1),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (_d, x) => [
        ...(x.text.length ? x.text : ['Жолданымыңыз мәні бойынша қаралды.']),
        ...reasonParagraph('kk', x.reason),
        `Осы жауап жолданымның мәні бойынша берілді ${paren(art(89, 1, 1), 'kk')}.`,
      ],
      ru: (_d, x) => [
        ...(x.text.length ? x.text : ['Ваше обращение рассмотрено по существу.']),
        ...reasonParagraph('ru', x.reason),
        `Настоящий ответ дан по существу обращения ${paren(art(89, 1, 1), 'ru')}.`,
      ],
      en: (_d, x) => [
        ...(x.text.length ? x.text : ['Your appeal has been reviewed on the merits.']),
        ...reasonParagraph('en', x.reason),
        `This answer is given on the merits of the appeal ${paren(art(89, 1, 1), 'en')}.`,
      ],
    }),
  },

  // 4.26 — taken into account (Art. 89 p.1 sub.2)
  '4.26': {
    title: T('Жолданымды назарға алу туралы', 'О принятии обращения к сведению', 'Appeal taken into account'),
    basis: art(89, 1, 2),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (_d, x) => [
        `Жолданымыңыз қаралып, ${x.date} ж. назарға алынды ${paren(art(89, 1, 2), 'kk')}.`,
        ...x.text,
        'Белсенді азаматтық ұстанымыңыз үшін алғыс білдіреміз.',
      ],
      ru: (_d, x) => [
        `Ваше обращение рассмотрено и ${x.date} принято к сведению ${paren(art(89, 1, 2), 'ru')}.`,
        ...x.text,
        'Благодарим Вас за активную гражданскую позицию.',
      ],
      en: (_d, x) => [
        `Your appeal has been reviewed and, on ${x.date}, taken into account ${paren(art(89, 1, 2), 'en')}.`,
        ...x.text,
        'Thank you for your active civic position.',
      ],
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// Template pieces shared by several codes

/** «Label: text.» paragraphs for an optional text field. */
function labelled(lang: LetterLang, label: Labels, v: Localized | undefined): string[] {
  const ps = paragraphsOf(v, lang, true);
  if (!ps.length) return [];
  return [sentence(`${label[lang]}: ${ps.join(' ')}`)];
}

function missingLabels(d: Data, lang: LetterLang): string[] {
  const list = d.decision.missing ?? [];
  const checklist: readonly VocabularyItem[] =
    d.procedure === 'complaint' ? COMPLIANCE_CHECKLIST.art93 : [...COMPLIANCE_CHECKLIST.art63, ...COMPLIANCE_CHECKLIST.art93];
  return list
    .map((m) => labelOrText(checklist, m, lang))
    .filter((s): s is string => !!s)
    .map((s) => clause(lowerFirst(s)));
}

function terminationBasis(d: Data): Labels {
  return d.procedure === 'simplified' ? art(89, 1, 3) : art(77, 1, 2);
}

function terminationReason(d: Data, lang: LetterLang): string | undefined {
  const ground = labelOrText(TERMINATION_REASONS, d.decision.reason, lang);
  const comment = pick(d.decision.comment, lang);
  if (ground && comment) return `${clause(ground)}. ${upperFirst(comment)}`;
  return ground ?? comment;
}

/** 'подпункт 2) части 1 статьи 77 АППК РК' → 'подпункта 2) части 1 статьи 77 АППК РК' (after «на основании»). */
function genitiveRu(s: string): string {
  return s.replace(/^подпункт /, 'подпункта ').replace(/^часть /, 'части ').replace(/^статья /, 'статьи ');
}

function forwardBody(lang: LetterLang, d: Data, x: Ctx): string[] {
  const target = pick(d.decision.targetOrganizationName, lang);
  const parts = d.decision.parts ?? [];
  const reason = reasonParagraph(lang, x.reason);
  if (!parts.length) {
    return [
      {
        kk:
          `${kkDative(art(65, 1).kk)} сәйкес ${x.date} ж. жолданымыңыз құзыреті бойынша қарау үшін мына органға (ұйымға) ` +
          `жіберілді: ${clause(target ?? '—')}.`,
        ru:
          `В соответствии с частью 1 статьи 65 АППК РК ${x.date} Ваше обращение направлено для рассмотрения по ` +
          `компетенции следующему адресату: ${clause(target ?? '—')}.`,
        en: `Under APPC Art. 65(1), on ${x.date} your appeal was forwarded by competence to: ${clause(target ?? '—')}.`,
      }[lang],
      ...reason,
      {
        kk:
          `Жолданымды қарау мерзімі ол жіберілген органда (ұйымда) тіркелген күннен бастап есептеледі ${paren(art(65, 3), 'kk')}. ` +
          'Жолданымның тіркеу нөмірі мен талонның нөмірі өзгеріссіз сақталады. Жолданым бойынша жауапты Сізге аталған орган (ұйым) жібереді.',
        ru:
          'Срок рассмотрения обращения исчисляется со дня его регистрации в органе (организации), в который оно ' +
          `направлено ${paren(art(65, 3), 'ru')}. Регистрационный номер обращения и номер талона сохраняются. ` +
          'Ответ на обращение Вам направит указанный орган (организация).',
        en:
          `The review term runs from the registration of the appeal by the receiving organization ${paren(art(65, 3), 'en')}. ` +
          'The registration number and the talon number stay the same. That organization will send you its answer.',
      }[lang],
    ];
  }
  const kept = d.decision.remainderKept !== false;
  const one = parts.length === 1;
  const list = parts
    .map((p) => {
      const org = pick(p.targetOrganizationName, lang) ?? '—';
      const summary = pick(p.summary, lang);
      const number = p.registrationNumber ? (lang === 'en' ? `No. ${p.registrationNumber}` : `№ ${p.registrationNumber}`) : '';
      return [summary ? `«${clause(summary)}»` : '', number ? `(${number})` : '', `— ${clause(org)}`].filter(Boolean).join(' ');
    })
    .join('; ');
  return [
    {
      kk:
        `${kkDative(art(65, 2).kk)} сәйкес ${x.date} ж. жолданымыңыздың біздің құзыретімізге жатпайтын мәселелер бойынша ` +
        `${one ? 'бөлігі құзыреті бойынша қарау үшін мына органға (ұйымға)' : 'бөліктері құзыреті бойынша қарау үшін мына органдарға (ұйымдарға)'} ` +
        `жіберілді: ${list}.`,
      ru:
        `В соответствии с частью 2 статьи 65 АППК РК ${x.date} Ваше обращение в части вопросов, не относящихся к нашей ` +
        `компетенции, направлено для рассмотрения по компетенции ${one ? 'следующему адресату' : 'следующим адресатам'}: ${list}.`,
      en:
        `Under APPC Art. 65(2), on ${x.date} the ${one ? 'part' : 'parts'} of your appeal outside our competence ` +
        `${one ? 'was' : 'were'} forwarded by competence to: ${list}.`,
    }[lang],
    ...reason,
    {
      kk:
        'Жолданымның жіберілген әрбір бөлігіне жеке тіркеу нөмірі берілді; оны қарау мерзімі ол жіберілген органда (ұйымда) ' +
        `тіркелген күннен бастап есептеледі ${paren(art(65, 3), 'kk')}, ол бойынша жауапты Сізге аталған орган (ұйым) жібереді.`,
      ru:
        'Каждой направленной части обращения присвоен отдельный регистрационный номер; срок ее рассмотрения исчисляется со ' +
        `дня регистрации в органе (организации), в который она направлена ${paren(art(65, 3), 'ru')}, ответ по ней Вам ` +
        'направит указанный орган (организация).',
      en:
        'Each forwarded part has its own registration number; its review term runs from its registration by the receiving ' +
        `organization ${paren(art(65, 3), 'en')}, which will send you its answer.`,
    }[lang],
    ...(kept
      ? [
          {
            kk: 'Жолданымның қалған мәселелері біздің тарапымыздан мәні бойынша қаралады, оның нәтижесі туралы Сізге қосымша хабарланады.',
            ru: 'Остальные вопросы, изложенные в обращении, будут рассмотрены нами по существу, о результатах Вам будет сообщено дополнительно.',
            en: 'The other issues of your appeal will be reviewed by us on the merits; you will be informed of the outcome separately.',
          }[lang],
        ]
      : []),
  ];
}

function hearingNoticeBody(lang: LetterLang, d: Data, x: Ctx): string[] {
  const preliminary = paragraphsOf(d.decision.preliminaryDecision ?? d.decision.text, lang, true);
  const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
  const place = pick(d.decision.place, lang);
  const objectionBy = d.decision.objectionBy ? formatDate(d.decision.objectionBy) : undefined;
  const officials = (d.decision.officials ?? []).map((c) => contactLine(c, lang));
  const contactsText = pick(d.decision.contacts, lang);
  const contacts = [...officials, ...(contactsText ? [clause(contactsText)] : [])];
  if (!contacts.length) contacts.push(contactLine({ ...d.executor }, lang));
  const out: string[] = [];

  if (lang === 'kk') {
    out.push(
      `${kkDative(art(73, 1).kk)} сәйкес жолданымыңыз бойынша алдын ала шешім туралы хабарлаймыз` +
        (preliminary.length ? `: ${sentence(preliminary[0]!)}` : '.'),
      ...preliminary.slice(1),
    );
    out.push(...reasonParagraph('kk', x.reason));
    out.push(
      at
        ? `Тыңдау өткізілетін күні мен уақыты: ${at.date} ж., сағат ${at.time}${place ? `; өтетін орны: ${clause(place)}` : ''} ` +
            `${paren(art(66, 2), 'kk')}. Сіз тыңдауға жеке өзіңіз немесе өкіліңіз арқылы қатысып, алдын ала шешімге ` +
            'қатысты өз ұстанымыңызды білдіруге құқылысыз.'
        : `Сіз алдын ала шешімге қатысты өз ұстанымыңызды жеке өзіңіз немесе өкіліңіз арқылы білдіруге құқылысыз ${paren(art(66, 2), 'kk')}.`,
    );
    out.push(
      'Алдын ала шешімге қарсылықты оны алған күннен бастап екі жұмыс күнінен кешіктірмей' +
        (objectionBy ? ` (${objectionBy} ж. қоса алғанда)` : '') +
        ` жазбаша (оның ішінде электрондық құжат нысанында) немесе ауызша білдіруге құқылысыз ${paren(art(73, 3), 'kk')}.`,
    );
    out.push(`Алдын ала шешімге қатысты ұстанымыңызды білдіру үшін мына жауапты лауазымды адамдарға хабарласуыңызға болады: ${contacts.join('; ')}.`);
    out.push('Алдын ала шешім түпкілікті болып табылмайды: түпкілікті шешім Сіздің қарсылығыңыз бен ұстанымыңызды ескере отырып қабылданады.');
  } else if (lang === 'ru') {
    out.push(
      'В соответствии с частью 1 статьи 73 АППК РК уведомляем Вас о предварительном решении по Вашему обращению' +
        (preliminary.length ? `: ${sentence(preliminary[0]!)}` : '.'),
      ...preliminary.slice(1),
    );
    out.push(...reasonParagraph('ru', x.reason));
    out.push(
      at
        ? `Заслушивание состоится ${at.date} в ${at.time}${place ? ` по адресу: ${clause(place)}` : ''} ${paren(art(66, 2), 'ru')}. ` +
            'Вы вправе лично или через представителя принять участие в заслушивании и высказать свою позицию по ' +
            'предварительному решению.'
        : `Вы вправе лично или через представителя высказать свою позицию по предварительному решению ${paren(art(66, 2), 'ru')}.`,
    );
    out.push(
      'Возражение на предварительное решение Вы вправе представить письменно (в том числе в форме электронного документа) ' +
        'или устно в срок не позднее двух рабочих дней со дня его получения' +
        (objectionBy ? ` (по ${objectionBy} включительно)` : '') +
        ` ${paren(art(73, 3), 'ru')}.`,
    );
    out.push(`Для изложения Вашей позиции по предварительному решению Вы можете обратиться к ответственным должностным лицам: ${contacts.join('; ')}.`);
    out.push('Предварительное решение не является окончательным: окончательное решение будет принято с учетом Ваших возражений и позиции.');
  } else {
    out.push(
      'Under APPC Art. 73(1), we notify you of the preliminary decision on your appeal' +
        (preliminary.length ? `: ${sentence(preliminary[0]!)}` : '.'),
      ...preliminary.slice(1),
    );
    out.push(...reasonParagraph('en', x.reason));
    out.push(
      at
        ? `The hearing will take place on ${at.date} at ${at.time}${place ? `, at: ${clause(place)}` : ''} ${paren(art(66, 2), 'en')}. ` +
            'You may attend in person or through a representative and state your position on the preliminary decision.'
        : `You may state your position on the preliminary decision in person or through a representative ${paren(art(66, 2), 'en')}.`,
    );
    out.push(
      'You may object to the preliminary decision in writing (including as an electronic document) or orally no later ' +
        'than two working days after receiving it' +
        (objectionBy ? ` (until ${objectionBy} inclusive)` : '') +
        ` ${paren(art(73, 3), 'en')}.`,
    );
    out.push(`To state your position you may contact the responsible officials: ${contacts.join('; ')}.`);
    out.push('The preliminary decision is not final: the final decision will take your objections and position into account.');
  }
  return out;
}

/** Decisions on a complaint (4.18–4.21, 4.23): the decision sentence, the text, the reasons; court. */
function complaintDecision(
  title: Labels,
  basis: Labels,
  decisionSentence: Record<LetterLang, (x: Ctx) => string>,
  textLabel?: Labels,
): Template {
  const one = (lang: LetterLang) => (_d: Data, x: Ctx) => [
    `${decisionSentence[lang](x)} ${paren(basis, lang)}.`,
    ...(textLabel && x.text.length ? [sentence(`${textLabel[lang]}: ${x.text.join(' ')}`)] : x.text),
    ...reasonParagraph(lang, x.reason),
  ];
  return {
    title,
    basis,
    subject: 'complaint',
    complaintRight: 'court',
    body: bodies({ kk: one('kk'), ru: one('ru'), en: one('en') }),
  };
}

// ---------------------------------------------------------------------------------------------
// Checking stored data

function isLocalized(v: unknown): v is Localized {
  if (typeof v === 'string') return true;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.entries(v).every(([k, x]) => (LETTER_LANGS as readonly string[]).includes(k) && (typeof x === 'string' || x === undefined));
}

const LOCALIZED_FIELDS = [
  'text', 'reason', 'comment', 'targetSystemName', 'targetSystem', 'targetOrganizationName', 'place',
  'preliminaryDecision', 'contacts', 'remark', 'correction', 'violations', 'proposals',
] as const;
const STRING_FIELDS = [
  'newDueDate', 'hearingAt', 'objectionBy', 'fixBy', 'mainAppealNumber', 'withdrawalReceivedAt', 'officialName',
  'official', 'replacementName', 'representativeName', 'requestedAt',
] as const;
const BOOLEAN_FIELDS = ['remainderKept', 'favourable', 'selfRecusal', 'granted'] as const;

/** The decision data with every known field of the right type; the rest dropped. */
export function checkedDecisionData(raw: Readonly<Record<string, unknown>>): DecisionData {
  const out: DecisionData = {};
  for (const k of LOCALIZED_FIELDS) if (isLocalized(raw[k])) out[k] = raw[k] as Localized;
  for (const k of STRING_FIELDS) if (typeof raw[k] === 'string') out[k] = raw[k] as string;
  for (const k of BOOLEAN_FIELDS) if (typeof raw[k] === 'boolean') out[k] = raw[k] as boolean;
  if (Array.isArray(raw.missing)) out.missing = raw.missing.filter(isLocalized);
  if (Array.isArray(raw.officials)) {
    out.officials = raw.officials
      .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && typeof (c as { name?: unknown }).name === 'string')
      .map((c) => ({
        name: c.name as string,
        ...(typeof c.position === 'string' ? { position: c.position } : {}),
        ...(typeof c.phone === 'string' ? { phone: c.phone } : {}),
        ...(typeof c.email === 'string' ? { email: c.email } : {}),
      }));
  }
  if (Array.isArray(raw.parts)) {
    out.parts = raw.parts
      .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
      .map((p) => ({
        ...(isLocalized(p.summary) ? { summary: p.summary } : {}),
        ...(isLocalized(p.targetOrganizationName) ? { targetOrganizationName: p.targetOrganizationName } : {}),
        ...(typeof p.registrationNumber === 'string' ? { registrationNumber: p.registrationNumber } : {}),
      }));
  }
  const rep = raw.representative;
  if (rep && typeof rep === 'object' && typeof (rep as { name?: unknown }).name === 'string') {
    out.representative = { name: (rep as { name: string }).name };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// API

export { DECISION_CODES, isDecisionCode, type DecisionCode };

/** The subject line, legal basis and kind of complaint clause of a decision's letter. */
export function decisionLetterInfo(code: DecisionCode): DecisionLetterInfo {
  const t = TEMPLATES[code];
  return { title: t.title, basis: t.basis, complaintRight: t.complaintRight };
}

/**
 * The cover letter for decision `code` in `lang`: subject line, greeting, paragraphs (intro,
 * decision with its legal basis, reasons, what follows, the right to complain) and the executor
 * line. Throws RangeError for an unknown code.
 */
export function letterContent(code: string, lang: LetterLang, d: LetterData): LetterContent {
  if (!isDecisionCode(code)) throw new RangeError(`letterContent: unknown decision code ${code}`);
  const t = TEMPLATES[code];
  const data: Data = { ...d, decision: checkedDecisionData(d.decision) };
  return {
    title: t.title[lang],
    greeting: greeting(lang, d.applicant),
    paragraphs: [intro(lang, data, t.subject), ...t.body(lang, data), ...complaintParagraph(lang, t.complaintRight)].map(
      // an abbreviation's dot closing a sentence: one dot
      (p) => p.replace(/(?<!\.)\.\.(?!\.)/gu, '.'),
    ),
    executor: executorLine(lang, d.executor),
  };
}
