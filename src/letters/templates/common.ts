// The shared part of the cover-letter templates (../templates.ts is the entry point): the letter's
// types, the legal references, the text helpers, the greeting and the paragraphs of every letter,
// and the template shape that each group file (returns.ts, forwarding.ts, …) fills in per code.

import type { DecisionCode, VocabularyItem } from '../../domain/decisions.ts';
import type { ApplicantKind, Labels, Procedure } from '../../domain/vocabulary.ts';

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
export type Data = Omit<LetterData, 'decision'> & { decision: DecisionData };

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

export const APPC = { kk: 'ҚР ӘРПК', ru: 'АППК РК', en: 'APPC' };

/** The rules on registration and accounting of appeals, in the genitive ("p.N of the rules"). */
const RULES = {
  kk: 'Қазақстан Республикасы Бас Прокурорының 2023 жылғы 4 қаңтардағы № 4 бұйрығымен бекітілген Жолданымдарды тіркеу, есепке алу қағидаларының',
  ru: 'Правил регистрации, учета обращений, утвержденных приказом Генерального Прокурора Республики Казахстан от 4 января 2023 года № 4',
  en: 'the Rules on the Registration and Accounting of Appeals approved by Order No. 4 of the Prosecutor General of the Republic of Kazakhstan of 4 January 2023',
};

/** A Kazakh citation in the dative: «…6-бөлігі» → «…6-бөлігіне», «…2) тармақшасы» → «…2) тармақшасына». */
export function kkDative(s: string): string {
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
export function art(article: number, part?: number, sub?: number): Labels {
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

export function rulesPoint(n: number): Labels {
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

export function pick(v: Localized | null | undefined, lang: LetterLang): string | undefined {
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
export function paragraphsOf(v: Localized | null | undefined, lang: LetterLang, asTyped = false): string[] {
  const s = pick(v, lang);
  if (!s) return [];
  return s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => sentence(asTyped ? p : upperFirst(p)));
}

/** 'Почтовый адрес' → 'почтовый адрес' inside a sentence; 'ИИН или БИН' stays. */
export function lowerFirst(s: string): string {
  const [a = '', b = ''] = [s.charAt(0), s.charAt(1)];
  return b && b === b.toLowerCase() && b !== b.toUpperCase() ? a.toLowerCase() + s.slice(1) : s;
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** With a closing full stop unless it already ends a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…»"”)]$/u.test(t) ? t : `${t}.`;
}

/**
 * Without a closing full stop (so that a sentence can end it) — unless the last word is an
 * abbreviation ('305-каб.', 'обл.', 'ж.'), whose dot stays.
 */
export function clause(s: string): string {
  const t = s.replace(/[\s;,]+$/u, '');
  if (!t.endsWith('.')) return t;
  const last = t.slice(0, -1).split(/\s/u).pop() ?? '';
  return last.length <= 5 || /[-.]/u.test(last) ? t : t.replace(/\.+$/u, '');
}

function vocabularyLabel(items: readonly VocabularyItem[], code: string, lang: LetterLang): string | undefined {
  return items.find((i) => i.code === code)?.label[lang];
}

/** A Localized value that may be a code of the vocabulary: its label; else the text itself. */
export function labelOrText(items: readonly VocabularyItem[], v: Localized | undefined, lang: LetterLang): string | undefined {
  const s = pick(v, lang);
  if (s === undefined) return undefined;
  const label = vocabularyLabel(items, s, lang);
  return label ? lowerFirst(label) : s;
}

export function contactLine(c: ContactPerson, lang: LetterLang): string {
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

export function representativeName(d: DecisionData): string | undefined {
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

export type Subject = 'appeal' | 'complaint';

export function intro(lang: LetterLang, d: Data, subject: Subject): string {
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

export function reasonParagraph(lang: LetterLang, reason: string | undefined, label?: Labels): string[] {
  if (!reason) return [];
  const l = label ?? { kk: 'Негіздеме', ru: 'Обоснование', en: 'Reasons' };
  return [sentence(`${l[lang]}: ${reason}`)];
}

export function complaintParagraph(lang: LetterLang, right: ComplaintRight): string[] {
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

export function executorLine(lang: LetterLang, e: LetterData['executor']): string {
  const parts = [`${{ kk: 'Орынд.', ru: 'Исп.', en: 'Executor' }[lang]}: ${e.name}`];
  if (e.phone) parts.push(`${lang === 'en' ? 'tel.' : 'тел.'}: ${phone(e.phone)}`);
  if (e.email) parts.push(`e-mail: ${e.email}`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// The templates

export interface Template {
  title: Labels;
  basis: Labels;
  subject: Subject;
  complaintRight: ComplaintRight;
  body: (lang: LetterLang, d: Data) => string[];
}

/** Per-language body: each function returns the paragraphs between the intro and the complaint clause. */
type Bodies = Record<LetterLang, (d: Data, x: Ctx) => string[]>;

/** What every body needs, computed once. */
export interface Ctx {
  date: string; // decision date, DD.MM.YYYY
  text: string[]; // the decision's text, as paragraphs
  reason: string | undefined;
}

export function bodies(b: Bodies): Template['body'] {
  return (lang, d) => {
    const x: Ctx = {
      date: formatDate(d.decisionDate),
      text: paragraphsOf(d.decision.text, lang),
      reason: pick(d.decision.reason, lang),
    };
    return b[lang](d, x);
  };
}

export const T = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

/** Kazakh: «(ҚР ӘРПК 64-бабының 6-бөлігі)»; the same shape in every language. */
export const paren = (l: Labels, lang: LetterLang) => `(${l[lang]})`;

/** A group file's templates, one per code of the group (../templates.ts joins the groups). */
export type Templates<K extends DecisionCode> = Record<K, Template>;

// ---------------------------------------------------------------------------------------------
// Template pieces shared by several codes

/** «Label: text.» paragraphs for an optional text field. */
export function labelled(lang: LetterLang, label: Labels, v: Localized | undefined): string[] {
  const ps = paragraphsOf(v, lang, true);
  if (!ps.length) return [];
  return [sentence(`${label[lang]}: ${ps.join(' ')}`)];
}
