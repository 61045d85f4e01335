// The layout of the report 1-ТӨ (Annex 5 of the Prosecutor General's order No. 4 of 4 January 2023):
// sections, tables and columns, as data. The column headings of Annex 5 were printed vertically and
// are not in the text (docs/legal-basis.md#statistical-report), so the project defines each column as a named, documented
// count over the cards: `rule` names a rule of src/domain/form1.ts (FORM1_RULES), which says
// whether and when a card counts; `kind` is that rule's kind (flow: counted in the month the event
// happened, summed from January; stock: the state at the end of the month). The official headings
// can be dropped into `title` without touching the code; `group` is the merged heading over
// consecutive columns in the printed table ("of which", "by form" …).
//
// What the columns cover (issue 5 §1): Section 1 — document type, form, channel (the contact
// centre among them), applicant kind, language, from a personal reception, possible duplicates,
// forwarded in and forwarded out; Sections 2 and 3, per table — carried over, received, reviewed
// and each result (the result columns of a table add up to its "reviewed": every final decision
// of its procedure has one — favourable and unfavourable act, terminated, returned, withdrawn,
// forwarded, the complaint decisions 4.18–4.24, answered on the merits, taken into account), then
// the course of the review (hearing held and deemed refusal only where the procedure has them:
// not in the simplified one, APPC Art. 73, 91, 100), extended, decided late, and in review and
// overdue at the end of the period.
//
// Rows are not here: they are the organizations with a report row (src/db/reference/organizations.ts),
// row 1 being the total of the top-level rows, or an organization's own subtree on demand.

import { DIRECTORIES } from '../db/reference/directories.ts';
import { FORM1_RULES } from '../domain/form1.ts';
import { APPLICANT_KINDS, CHANNELS, DOCUMENT_TYPES, FORMS, type DocumentType, type Labels } from '../domain/vocabulary.ts';

export interface Form1Column {
  /** Unique within the table; the key of the API, of the cells and of the XLSX. */
  key: string;
  /** Column number in the printed table, 1… */
  n: number;
  title: Labels;
  kind: 'flow' | 'stock';
  /** The rule of src/domain/form1.ts (FORM1_RULES) that counts the cards. */
  rule: string;
  /** The merged heading above this and the neighbouring columns with the same group. */
  group?: Labels;
}

export interface Form1Table {
  id: string;
  title: Labels;
  /** The document types whose cards the table counts. */
  documentTypes: readonly DocumentType[];
  columns: Form1Column[];
}

export interface Form1Section {
  id: string;
  title: Labels;
  tables: Form1Table[];
}

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });
const label = (directory: keyof typeof DIRECTORIES, code: string): Labels => {
  const e = DIRECTORIES[directory].find((x) => x.code === code);
  if (!e) throw new Error(`form 1-ТӨ layout: no ${directory} ${code}`);
  return e.label;
};

type ColumnSpec = Omit<Form1Column, 'n' | 'kind'>;

function numbered(specs: ColumnSpec[]): Form1Column[] {
  return specs.map((s, i) => {
    const rule = FORM1_RULES[s.rule];
    if (!rule) throw new Error(`form 1-ТӨ layout: unknown rule ${s.rule}`);
    return { ...s, n: i + 1, kind: rule.kind };
  });
}

const c = (key: string, title: Labels, group?: Labels, rule = key): ColumnSpec => (group ? { key, rule, title, group } : { key, rule, title });

// Groups (merged headings)
const G = {
  byType: L('Құжат түрі бойынша', 'По виду документа', 'By document type'),
  byForm: L('Нысаны бойынша', 'По форме', 'By form'),
  byChannel: L('Түсу арнасы бойынша', 'По каналу поступления', 'By channel'),
  byApplicant: L('Арыз иесі бойынша', 'По заявителю', 'By applicant'),
  byLanguage: L('Тілі бойынша', 'По языку', 'By language'),
  ofWhich: L('Оның ішінде', 'Из них', 'Of which'),
  ofReceived: L('Түскендердің ішінде', 'Из поступивших', 'Of those received'),
  results: L('Қарау нәтижелері (шешім, ТЖ-2)', 'Результаты рассмотрения (решение, ТЖ-2)', 'Results of review (decision, ТЖ-2)'),
  course: L('Қарау барысы', 'Ход рассмотрения', 'Course of the review'),
  atEnd: L('Кезең соңында', 'На конец периода', 'At the end of the period'),
} as const;

const T = {
  received: L('Кезеңде тіркелді', 'Зарегистрировано за период', 'Registered in the period'),
  carriedOver: L('Өткен жылдан қалғаны', 'Остаток с прошлого года', 'Carried over from the previous year'),
  forwardedIn: L('басқа субъектілерден келіп түскені', 'поступило от других субъектов', 'received from other organizations'),
  forwardedOut: L('Басқа субъектілерге жіберілді (4.4, 4.24)', 'Направлено другим субъектам (4.4, 4.24)', 'Sent to other organizations (4.4, 4.24)'),
  electronic: L('электрондық нысанда', 'в электронной форме', 'in electronic form'),
  fromReception: L('жеке қабылдаудан', 'с личного приема', 'from a personal reception'),
  contactCentre: L('бірыңғай байланыс орталығынан (1414)', 'из единого контакт-центра (1414)', 'from the contact centre (1414)'),
  collective: L('ұжымдық', 'коллективные', 'collective'),
  anonymous: L('иесі бүркемеленген', 'анонимные', 'anonymous'),
  reviewed: L('Қаралды, барлығы', 'Рассмотрено, всего', 'Reviewed, total'),
  actFavourable: L('қолайлы әкімшілік акт қабылданды (4.15)', 'принят благоприятный административный акт (4.15)', 'favourable act adopted (4.15)'),
  actUnfavourable: L('ауыртпалық түсіретін әкімшілік акт қабылданды (4.15)', 'принят обременяющий административный акт (4.15)', 'unfavourable act adopted (4.15)'),
  act: L('шағым жасалған орган қанағаттандырды (4.15)', 'удовлетворено органом, действие которого обжалуется (4.15)', 'granted by the body complained about (4.15)'),
  actRevoked: L('әкімшілік актінің күші жойылды (4.18)', 'административный акт отменен (4.18)', 'act revoked (4.18)'),
  actReplaced: L('акт жойылып, жаңасы қабылданды (4.19)', 'акт отменен и принят новый (4.19)', 'act revoked, new one adopted (4.19)'),
  actionPerformed: L('әкімшілік әрекет жасалды (4.20)', 'совершено административное действие (4.20)', 'action performed (4.20)'),
  complaintUnsatisfied: L('қанағаттандырусыз қалдырылды (4.21)', 'оставлено без удовлетворения (4.21)', 'left unsatisfied (4.21)'),
  caseSentBack: L('іс шағым жасалған органға жіберілді (4.22)', 'дело направлено в обжалуемый орган (4.22)', 'case sent back (4.22)'),
  complaintNotConsidered: L('қараусыз қалдырылды (4.23)', 'оставлено без рассмотрения (4.23)', 'left without consideration (4.23)'),
  sentToReviewingBody: L('шағымды қарайтын органға жіберілді (4.24)', 'направлено в орган, рассматривающий жалобу (4.24)', 'sent to the reviewing body (4.24)'),
  answeredOnMerits: L('мәні бойынша жауап берілді (4.25)', 'дан ответ по существу (4.25)', 'answered on the merits (4.25)'),
  takenIntoAccount: L('назарға алынды (4.26)', 'принято к сведению (4.26)', 'taken into account (4.26)'),
  terminated: L('рәсім тоқтатылды (4.13)', 'процедура прекращена (4.13)', 'terminated (4.13)'),
  returned: L('арыз иесіне қайтарылды (4.3)', 'возвращено заявителю (4.3)', 'returned (4.3)'),
  withdrawn: L('кері қайтарып алынды (4.6)', 'отозвано заявителем (4.6)', 'withdrawn (4.6)'),
  forwarded: L('құзыреті бойынша жіберілді (4.4)', 'направлено по компетенции (4.4)', 'forwarded by competence (4.4)'),
  split: L('бөліктері құзыреті бойынша жіберілді (4.4)', 'части направлены по компетенции (4.4)', 'parts forwarded by competence (4.4)'),
  noticeToFix: L('63-бапқа сәйкестендіру туралы хабарлама (4.2)', 'уведомление о приведении в соответствие со ст. 63 (4.2)', 'notice to bring into line with Art. 63 (4.2)'),
  hearingHeld: L('тыңдау өткізілді (4.11)', 'проведено заслушивание (4.11)', 'hearing held (4.11)'),
  extended: L('қарау мерзімі ұзартылды (4.14)', 'срок рассмотрения продлен (4.14)', 'term extended (4.14)'),
  decidedLate: L('мерзімі бұзылып қаралды', 'рассмотрено с нарушением срока', 'decided after the due date'),
  deemedRefusal: L('бас тарту деп есептелді (мерзім өтті)', 'считается отказом (истек срок)', 'deemed refusal (term missed)'),
  answerSent: L('жауап жіберілді', 'ответ направлен', 'answer sent'),
  inReviewAtEnd: L('Қараулы тұр', 'Находится на рассмотрении', 'In review'),
  overdueAtEnd: L('оның ішінде мерзімі өткен', 'из них с истекшим сроком', 'of which overdue'),
} as const;

const registered: ColumnSpec[] = [
  c('received', L('Тіркелді, барлығы', 'Зарегистрировано, всего', 'Registered, total')),
  ...DOCUMENT_TYPES.map((t) => c(`type.${t}`, label('documentType', t), G.byType)),
  ...FORMS.map((f) => c(`form.${f}`, label('form', f), G.byForm)),
  ...CHANNELS.map((ch) => c(`channel.${ch}`, label('channel', ch), G.byChannel)),
  ...APPLICANT_KINDS.map((k) => c(`applicant.${k}`, label('applicantKind', k), G.byApplicant)),
  c('language.kk', label('language', 'kk'), G.byLanguage),
  c('language.ru', label('language', 'ru'), G.byLanguage),
  c('language.other', L('Басқа тілдер', 'Другие языки', 'Other languages'), G.byLanguage),
  c('fromReception', T.fromReception, G.ofWhich),
  c('duplicate', L('телнұсқа болуы мүмкін (қайталама)', 'возможные дубликаты', 'possible duplicates'), G.ofWhich),
  c('forwardedIn', T.forwardedIn, G.ofWhich),
  // not "of which": sent on the day of the decision, whenever the appeal was registered
  c('forwardedOut', T.forwardedOut),
];

const applications: ColumnSpec[] = [
  c('carriedOver', T.carriedOver),
  c('received', T.received),
  c('forwardedIn', T.forwardedIn, G.ofReceived),
  c('electronic', T.electronic, G.ofReceived, 'form.electronic'),
  c('fromReception', T.fromReception, G.ofReceived),
  c('contactCentre', T.contactCentre, G.ofReceived),
  c('collective', T.collective, G.ofReceived, 'applicant.collective'),
  c('reviewed', T.reviewed),
  c('actFavourable', T.actFavourable, G.results),
  c('actUnfavourable', T.actUnfavourable, G.results),
  c('terminated', T.terminated, G.results),
  c('returned', T.returned, G.results),
  c('withdrawn', T.withdrawn, G.results),
  c('forwarded', T.forwarded, G.results),
  c('split', T.split, G.course),
  c('noticeToFix', T.noticeToFix, G.course),
  c('hearingHeld', T.hearingHeld, G.course),
  c('extended', T.extended, G.course),
  c('decidedLate', T.decidedLate, G.course),
  c('deemedRefusal', T.deemedRefusal, G.course),
  c('answerSent', T.answerSent, G.course),
  c('inReviewAtEnd', T.inReviewAtEnd, G.atEnd),
  c('overdueAtEnd', T.overdueAtEnd, G.atEnd),
];

const complaints: ColumnSpec[] = [
  c('carriedOver', T.carriedOver),
  c('received', T.received),
  c('forwardedIn', T.forwardedIn, G.ofReceived),
  c('electronic', T.electronic, G.ofReceived, 'form.electronic'),
  c('reviewed', T.reviewed),
  c('act', T.act, G.results),
  c('actRevoked', T.actRevoked, G.results),
  c('actReplaced', T.actReplaced, G.results),
  c('actionPerformed', T.actionPerformed, G.results),
  c('complaintUnsatisfied', T.complaintUnsatisfied, G.results),
  c('caseSentBack', T.caseSentBack, G.results),
  c('complaintNotConsidered', T.complaintNotConsidered, G.results),
  c('sentToReviewingBody', T.sentToReviewingBody, G.results),
  c('terminated', T.terminated, G.results),
  c('returned', T.returned, G.results),
  c('withdrawn', T.withdrawn, G.results),
  c('forwarded', T.forwarded, G.results),
  c('noticeToFix', T.noticeToFix, G.course),
  c('hearingHeld', T.hearingHeld, G.course),
  // at the reviewing body (decisions.ts: 4.14, complaint stage reviewingBody)
  c('extended', T.extended, G.course),
  c('decidedLate', T.decidedLate, G.course),
  c('deemedRefusal', T.deemedRefusal, G.course),
  c('answerSent', T.answerSent, G.course),
  c('inReviewAtEnd', T.inReviewAtEnd, G.atEnd),
  c('overdueAtEnd', T.overdueAtEnd, G.atEnd),
];

const simplified: ColumnSpec[] = [
  c('carriedOver', T.carriedOver),
  c('received', T.received),
  c('forwardedIn', T.forwardedIn, G.ofReceived),
  c('electronic', T.electronic, G.ofReceived, 'form.electronic'),
  c('fromReception', T.fromReception, G.ofReceived),
  c('contactCentre', T.contactCentre, G.ofReceived),
  c('anonymous', T.anonymous, G.ofReceived, 'applicant.anonymous'),
  c('reviewed', T.reviewed),
  c('answeredOnMerits', T.answeredOnMerits, G.results),
  c('takenIntoAccount', T.takenIntoAccount, G.results),
  c('terminated', T.terminated, G.results),
  c('returned', T.returned, G.results),
  c('withdrawn', T.withdrawn, G.results),
  c('forwarded', T.forwarded, G.results),
  c('split', T.split, G.course),
  c('extended', T.extended, G.course),
  c('decidedLate', T.decidedLate, G.course),
  c('answerSent', T.answerSent, G.course),
  c('inReviewAtEnd', T.inReviewAtEnd, G.atEnd),
  c('overdueAtEnd', T.overdueAtEnd, G.atEnd),
];

/** The result columns of each table add up to its "reviewed" column (every final decision has one). */
export const RESULT_GROUP = G.results;

export const FORM1_TITLE = L(
  'Жолданымдарды, хабарламаларды, сұрау салуларды, пікірлерді және ұсыныстарды қарау туралы есеп (1-ТӨ нысаны)',
  'Отчет о рассмотрении обращений, сообщений, запросов, откликов и предложений (форма 1-ОЛ)',
  'Report on the review of appeals, reports, inquiries, feedback and proposals (form 1-ТӨ)',
);

export const FORM1_LAYOUT: Form1Section[] = [
  {
    id: 's1',
    title: L('1-бөлім. Тіркелген жолданымдар', 'Раздел 1. Зарегистрированные обращения', 'Section 1. Registered appeals'),
    tables: [{ id: 's1', title: L('Тіркелген жолданымдар', 'Зарегистрированные обращения', 'Registered appeals'), documentTypes: DOCUMENT_TYPES, columns: numbered(registered) }],
  },
  {
    id: 's2',
    title: L('2-бөлім. Әкімшілік рәсім тәртібімен қаралған жолданымдар', 'Раздел 2. Обращения, рассмотренные в порядке административной процедуры', 'Section 2. Appeals reviewed under the administrative procedure'),
    tables: [
      { id: 's2t1', title: L('1-кесте. Арыздар', 'Таблица 1. Заявления', 'Table 1. Applications'), documentTypes: ['application'], columns: numbered(applications) },
      { id: 's2t2', title: L('2-кесте. Шағымдар', 'Таблица 2. Жалобы', 'Table 2. Complaints'), documentTypes: ['complaint'], columns: numbered(complaints) },
    ],
  },
  {
    id: 's3',
    title: L(
      '3-бөлім. Оңайлатылған әкімшілік рәсім тәртібімен қаралған жолданымдар',
      'Раздел 3. Обращения, рассмотренные в порядке упрощенной административной процедуры',
      'Section 3. Reviewed under the simplified procedure',
    ),
    tables: [
      { id: 's3t1', title: L('1-кесте. Хабарламалар', 'Таблица 1. Сообщения', 'Table 1. Reports'), documentTypes: ['report'], columns: numbered(simplified) },
      { id: 's3t2', title: L('2-кесте. Сұрау салулар', 'Таблица 2. Запросы', 'Table 2. Inquiries'), documentTypes: ['inquiry'], columns: numbered(simplified) },
      { id: 's3t3', title: L('3-кесте. Пікірлер', 'Таблица 3. Отклики', 'Table 3. Feedback'), documentTypes: ['feedback'], columns: numbered(simplified) },
      { id: 's3t4', title: L('4-кесте. Ұсыныстар', 'Таблица 4. Предложения', 'Table 4. Proposals'), documentTypes: ['proposal'], columns: numbered(simplified) },
    ],
  },
];

/**
 * How the PDF prints the tables (issue 10 item 1): A3 landscape (841.89 × 1190.55 pt), the row
 * headings (№, organization) repeated on every page, the data columns cut into groups that fit
 * beside them (src/pdf/column-pages.ts), so every column of every table is printed. Points.
 */
export const FORM1_PDF = {
  pageWidth: 1190.55,
  margin: 24,
  headingWidths: [18, 140],
  columnWidth: 52,
  /** Left and right padding of a cell; the rule between cells is 0.4. */
  cellPadding: 2,
  rule: 0.4,
  fontSize: 5.5,
} as const;

export const FORM1_TABLES: Form1Table[] = FORM1_LAYOUT.flatMap((s) => s.tables);

export function form1Table(id: string): Form1Table | undefined {
  return FORM1_TABLES.find((t) => t.id === id);
}

/** Column keys that are stocks (the month itself, not 1..month, is read). */
export const STOCK_COLUMN_KEYS: string[] = [...new Set(FORM1_TABLES.flatMap((t) => t.columns.filter((c) => c.kind === 'stock').map((c) => c.key)))];
