// Closed vocabularies of a decision card's fields: each code with its kk/ru/en labels and its basis
// (move-out reasons, the Art. 63/93 checklist, hearing exceptions, termination grounds, attachment kinds).

import type { Labels, Procedure } from '../vocabulary.ts';

export interface VocabularyItem {
  code: string;
  label: Labels;
  basis?: string;
  /** false: the wording or the sub-paragraph number could not be checked against the APPC text. */
  verified?: boolean;
  /** A hearing exception: whether it can excuse the hearing of an unfavourable act at all (an act
   *  that fully grants the application is not unfavourable: that ground never excuses one). */
  excusesUnfavourableAct?: boolean;
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
 * (Art. 73 p.2). Only sub.6 (the simplified procedure) is confirmed (docs/legal-basis.md#hearing); the other codes are
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
    basis: 'APPC Art. 73 p.2 (sub-paragraph not verified): a favourable act needs no hearing; it cannot excuse an unfavourable one',
    verified: false,
    excusesUnfavourableAct: false,
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
 * Grounds to terminate the administrative procedure (4.13). The first two are in docs/legal-basis.md#anonymous-and-repeat-appeals; the others
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
  {
    code: 'hearingRefusal',
    label: { kk: 'Тыңдауға қатысудан бас тарту туралы арыз', ru: 'Заявление об отказе от участия в заслушивании', en: 'Application refusing to take part in the hearing' },
    basis: 'Rules p.22; APPC Art. 73',
  },
  {
    code: 'caseReading',
    label: {
      kk: 'Тыңдау хаттамасымен, іс материалдарымен танысу туралы арыз',
      ru: 'Заявление об ознакомлении с протоколом заслушивания, материалами дела',
      en: 'Application to read the hearing protocol or the case file',
    },
    basis: 'Rules p.22; APPC Arts. 74, 75',
  },
  {
    code: 'clericalCorrection',
    label: { kk: 'Қате жазуларды, арифметикалық қателерді түзету туралы арыз', ru: 'Заявление об исправлении описок, арифметических ошибок', en: 'Application to correct clerical or arithmetic errors' },
    basis: 'Rules p.22; APPC Art. 82',
  },
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
