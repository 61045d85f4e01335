// Reference data: the directories (справочники / анықтамалықтар) behind the card fields of ТЖ-1
// and АИ-1 (docs/legal-basis.md#accounting-cards). Pure data, loaded into the database by a migration. Directories backed
// by a vocabulary in src/domain/vocabulary.ts use exactly its codes, in its order.

import {
  APPLICANT_KINDS,
  CHANNELS,
  DOCUMENT_TYPES,
  FORMS,
  LANGUAGES,
  PROCEDURES,
  type ApplicantKind,
  type Channel,
  type DocumentType,
  type Form,
  type Labels,
  type Language,
  type Procedure,
} from '../../domain/vocabulary.ts';
import type { DirectoryName } from '../../domain/reference.ts';

export interface DirectoryEntry {
  code: string;
  label: Labels;
  /** Code of the group entry in the same directory (issueCategory only, so far). */
  parentCode?: string;
}

/** Directories whose codes are a closed vocabulary in vocabulary.ts. */
export const VOCABULARY_DIRECTORIES = {
  documentType: DOCUMENT_TYPES,
  form: FORMS,
  channel: CHANNELS,
  procedure: PROCEDURES,
  applicantKind: APPLICANT_KINDS,
} as const satisfies Partial<Record<DirectoryName, readonly string[]>>;

/** Directories an administrator may relabel but not add to or deactivate: the vocabularies of the
 *  system, and sex (derived from the IIN). */
export const CLOSED_DIRECTORIES: readonly DirectoryName[] = [...(Object.keys(VOCABULARY_DIRECTORIES) as DirectoryName[]), 'sex'];

function l(kk: string, ru: string, en: string): Labels {
  return { kk, ru, en };
}

function fromVocabulary<C extends string>(codes: readonly C[], labels: Record<C, Labels>): DirectoryEntry[] {
  return codes.map((code) => ({ code, label: labels[code] }));
}

function entries(rows: Array<[code: string, kk: string, ru: string, en: string]>, parentCode?: string): DirectoryEntry[] {
  return rows.map(([code, kk, ru, en]) => (parentCode === undefined ? { code, label: l(kk, ru, en) } : { code, label: l(kk, ru, en), parentCode }));
}

// ---------------------------------------------------------------------------------------------
// Vocabulary-backed

const DOCUMENT_TYPE_LABELS: Record<DocumentType, Labels> = {
  application: l('Арыз', 'Заявление', 'Application'),
  complaint: l('Шағым', 'Жалоба', 'Complaint'),
  report: l('Хабарлама', 'Сообщение', 'Report'),
  inquiry: l('Сұрау салу', 'Запрос', 'Inquiry'),
  feedback: l('Пікір', 'Отклик', 'Feedback'),
  proposal: l('Ұсыныс', 'Предложение', 'Proposal'),
};

const FORM_LABELS: Record<Form, Labels> = {
  paper: l('Жазбаша (қағаз жеткізгіште)', 'Письменная (на бумажном носителе)', 'Written (on paper)'),
  oral: l('Ауызша', 'Устная', 'Oral'),
  electronic: l('Электрондық', 'Электронная', 'Electronic'),
  video: l('Бейнежолданым', 'Видеообращение', 'Video'),
};

const CHANNEL_LABELS: Record<Channel, Labels> = {
  post: l('Пошта арқылы', 'По почте', 'By post'),
  inPerson: l('Қолма-қол (кеңсеге тапсырылды)', 'Нарочно (сдано в канцелярию)', 'By hand (delivered to the office)'),
  complaintBox: l('Жолданымдарға арналған жәшік арқылы', 'Через ящик для обращений', 'Through a complaint box'),
  egovPortal: l('«Электрондық үкімет» веб-порталы', 'Веб-портал «электронного правительства»', 'E-government web portal'),
  publicPortal: l('Жолданымдар порталы', 'Портал обращений', 'Public appeals portal'),
  contactCentre: l('Бірыңғай байланыс орталығы (1414)', 'Единый контакт-центр (1414)', 'Unified contact centre (1414)'),
  personalReception: l('Жеке қабылдау', 'Личный прием', 'Personal reception'),
  email: l('Электрондық пошта', 'Электронная почта', 'E-mail'),
};

const LANGUAGE_LABELS: Record<Language, Labels> = {
  kk: l('Қазақ тілі', 'Казахский язык', 'Kazakh'),
  ru: l('Орыс тілі', 'Русский язык', 'Russian'),
  en: l('Ағылшын тілі', 'Английский язык', 'English'),
};

const PROCEDURE_LABELS: Record<Procedure, Labels> = {
  administrative: l('Әкімшілік рәсім', 'Административная процедура', 'Administrative procedure'),
  complaint: l('Шағымды қарау рәсімі (сотқа дейінгі шағымдану)', 'Рассмотрение жалобы (досудебное обжалование)', 'Complaint procedure (pre-trial appeal)'),
  simplified: l('Оңайлатылған әкімшілік рәсім', 'Упрощенная административная процедура', 'Simplified administrative procedure'),
};

const APPLICANT_KIND_LABELS: Record<ApplicantKind, Labels> = {
  individual: l('Жеке тұлға', 'Физическое лицо', 'Individual'),
  legalEntity: l('Заңды тұлға', 'Юридическое лицо', 'Legal entity'),
  anonymous: l('Иесі бүркемеленген', 'Анонимное', 'Anonymous'),
  collective: l('Ұжымдық', 'Коллективное', 'Collective'),
};

// ---------------------------------------------------------------------------------------------
// Language: the vocabulary's three first, then other languages an appeal may be written in
// (ISO 639-1). The UI languages are the vocabulary's; these are only what the appeal is in.

const OTHER_LANGUAGES = entries([
  ['uz', 'Өзбек тілі', 'Узбекский язык', 'Uzbek'],
  ['ug', 'Ұйғыр тілі', 'Уйгурский язык', 'Uyghur'],
  ['ky', 'Қырғыз тілі', 'Киргизский язык', 'Kyrgyz'],
  ['tg', 'Тәжік тілі', 'Таджикский язык', 'Tajik'],
  ['tk', 'Түрікмен тілі', 'Туркменский язык', 'Turkmen'],
  ['tr', 'Түрік тілі', 'Турецкий язык', 'Turkish'],
  ['az', 'Әзербайжан тілі', 'Азербайджанский язык', 'Azerbaijani'],
  ['tt', 'Татар тілі', 'Татарский язык', 'Tatar'],
  ['uk', 'Украин тілі', 'Украинский язык', 'Ukrainian'],
  ['be', 'Беларусь тілі', 'Белорусский язык', 'Belarusian'],
  ['de', 'Неміс тілі', 'Немецкий язык', 'German'],
  ['ko', 'Корей тілі', 'Корейский язык', 'Korean'],
  ['zh', 'Қытай тілі', 'Китайский язык', 'Chinese'],
  ['mn', 'Моңғол тілі', 'Монгольский язык', 'Mongolian'],
  ['ar', 'Араб тілі', 'Арабский язык', 'Arabic'],
  ['fr', 'Француз тілі', 'Французский язык', 'French'],
]);

// ---------------------------------------------------------------------------------------------
// ТЖ-1 field 4: to whom in the organization the appeal is addressed.

const ADDRESSEE_CATEGORIES = entries([
  ['firstHead', 'Бірінші басшы', 'Первый руководитель', 'First head'],
  ['deputyHead', 'Басшының орынбасары', 'Заместитель руководителя', 'Deputy head'],
  ['headOfApparatus', 'Аппарат басшысы', 'Руководитель аппарата', 'Head of the apparatus'],
  ['structuralUnit', 'Құрылымдық бөлімше', 'Структурное подразделение', 'Structural unit'],
  ['departmentalBody', 'Ведомство (комитет)', 'Ведомство (комитет)', 'Departmental body (committee)'],
  ['territorialBody', 'Аумақтық орган', 'Территориальный орган', 'Territorial body'],
  ['subordinateOrganization', 'Ведомстволық бағынысты ұйым', 'Подведомственная организация', 'Subordinate organization'],
  [
    'lowerLocalBody',
    'Төменгі тұрған жергілікті атқарушы орган (аудан, қала, ауылдық округ әкімі)',
    'Нижестоящий местный исполнительный орган (аким района, города, сельского округа)',
    'Lower local executive body (akim of a district, town or rural okrug)',
  ],
  ['organization', 'Ұйым (лауазымды адам көрсетілмеген)', 'Организация (без указания должностного лица)', 'The organization (no official named)'],
  ['otherOfficial', 'Өзге лауазымды адам', 'Иное должностное лицо', 'Other official'],
]);

// ---------------------------------------------------------------------------------------------
// ТЖ-1 field 12: the thematic classifier of issues. Groups (no parentCode) come before their
// subcategories (parentCode = the group); either may be chosen on a card.

const ISSUE_CATEGORIES: DirectoryEntry[] = [
  ...entries([['housing', 'Тұрғын үй мәселелері', 'Жилищные вопросы', 'Housing']]),
  ...entries(
    [
      ['housingProvision', 'Тұрғын үймен қамтамасыз ету, кезек', 'Предоставление жилья, очередь', 'Provision of housing, waiting list'],
      ['housingEmergency', 'Апатты және ескі тұрғын үй', 'Аварийное и ветхое жилье', 'Unsafe and dilapidated housing'],
      ['housingManagement', 'Көппәтерлі тұрғын үйді басқару (ПИБ, ПИК), күрделі жөндеу', 'Управление многоквартирным домом (ОСИ, КСК), капитальный ремонт', 'Management of apartment buildings, major repairs'],
    ],
    'housing',
  ),
  ...entries([['utilities', 'Коммуналдық шаруашылық', 'Коммунальное хозяйство', 'Utilities']]),
  ...entries(
    [
      ['waterSupply', 'Сумен жабдықтау және су бұру', 'Водоснабжение и водоотведение', 'Water supply and sewerage'],
      ['gasSupply', 'Газбен жабдықтау', 'Газоснабжение', 'Gas supply'],
      ['electricity', 'Электрмен жабдықтау', 'Электроснабжение', 'Electricity supply'],
      ['heating', 'Жылумен жабдықтау', 'Теплоснабжение', 'Heating'],
      ['wasteCollection', 'Қатты тұрмыстық қалдықтарды шығару', 'Вывоз твердых бытовых отходов', 'Waste collection'],
      ['utilityTariffs', 'Коммуналдық қызметтердің тарифтері мен төлемдері', 'Тарифы и оплата коммунальных услуг', 'Utility tariffs and bills'],
      ['landscaping', 'Абаттандыру, көшелерді жарықтандыру', 'Благоустройство, освещение улиц', 'Landscaping and street lighting'],
    ],
    'utilities',
  ),
  ...entries([['land', 'Жер қатынастары', 'Земельные отношения', 'Land relations']]),
  ...entries(
    [
      ['landAllocation', 'Жер учаскесін беру', 'Предоставление земельного участка', 'Allocation of land plots'],
      ['landDisputes', 'Жер дауы, шекаралар', 'Земельные споры, границы участков', 'Land disputes and boundaries'],
      ['pastures', 'Жайылымдар', 'Пастбища', 'Pastures'],
    ],
    'land',
  ),
  ...entries([['architecture', 'Сәулет, қала құрылысы және құрылыс', 'Архитектура, градостроительство и строительство', 'Architecture, urban planning and construction']]),
  ...entries([['socialProtection', 'Халықты әлеуметтік қорғау', 'Социальная защита населения', 'Social protection']]),
  ...entries(
    [
      ['targetedSocialAssistance', 'Атаулы әлеуметтік көмек', 'Адресная социальная помощь', 'Targeted social assistance'],
      ['disability', 'Мүгедектігі бар адамдар', 'Лица с инвалидностью', 'Persons with disabilities'],
      ['veterans', 'Ардагерлер', 'Ветераны', 'Veterans'],
    ],
    'socialProtection',
  ),
  ...entries([['pensions', 'Зейнетақылар мен жәрдемақылар', 'Пенсии и пособия', 'Pensions and benefits']]),
  ...entries([['family', 'Отбасы, ана мен бала', 'Семья, материнство и детство', 'Family and children']]),
  ...entries([['health', 'Денсаулық сақтау', 'Здравоохранение', 'Health']]),
  ...entries(
    [
      ['medicalCare', 'Медициналық көмектің сапасы мен қолжетімділігі', 'Качество и доступность медицинской помощи', 'Quality and access of medical care'],
      ['medicines', 'Дәрі-дәрмекпен қамтамасыз ету', 'Лекарственное обеспечение', 'Supply of medicines'],
      ['healthInsurance', 'Міндетті әлеуметтік медициналық сақтандыру', 'Обязательное социальное медицинское страхование', 'Compulsory social health insurance'],
    ],
    'health',
  ),
  ...entries([['education', 'Білім беру', 'Образование', 'Education']]),
  ...entries(
    [
      ['preschool', 'Мектепке дейінгі білім беру (балабақшаға кезек)', 'Дошкольное образование (очередь в детский сад)', 'Preschool education (kindergarten places)'],
      ['schools', 'Орта білім беру', 'Среднее образование', 'School education'],
      ['higherEducation', 'Техникалық, кәсіптік және жоғары білім', 'Техническое, профессиональное и высшее образование', 'Vocational and higher education'],
    ],
    'education',
  ),
  ...entries([
    ['labour', 'Еңбек қатынастары және жұмыспен қамту', 'Трудовые отношения и занятость', 'Employment and labour'],
    ['transport', 'Көлік және автомобиль жолдары', 'Транспорт и автомобильные дороги', 'Transport and roads'],
  ]),
  ...entries(
    [
      ['roads', 'Жолдарды салу, жөндеу және күтіп ұстау', 'Строительство, ремонт и содержание дорог', 'Road construction, repair and upkeep'],
      ['publicTransport', 'Жолаушылар тасымалы', 'Пассажирские перевозки', 'Public transport'],
    ],
    'transport',
  ),
  ...entries([
    ['ecology', 'Экология және табиғат пайдалану', 'Экология и природопользование', 'Ecology and use of natural resources'],
    ['agriculture', 'Ауыл шаруашылығы', 'Сельское хозяйство', 'Agriculture'],
    ['lawEnforcement', 'Құқық қорғау органдарының қызметі', 'Деятельность правоохранительных органов', 'Law enforcement'],
    ['courts', 'Сот қызметі және сот актілерін орындау', 'Судебная деятельность и исполнение судебных актов', 'Courts and enforcement of court decisions'],
    ['corruption', 'Сыбайлас жемқорлық', 'Коррупция', 'Corruption'],
    ['business', 'Кәсіпкерлікті қолдау', 'Поддержка предпринимательства', 'Business support'],
    ['taxes', 'Салықтар және кеден', 'Налоги и таможня', 'Taxes and customs'],
    ['migration', 'Көші-қон', 'Миграция', 'Migration'],
    ['publicServices', 'Мемлекеттік қызметтер көрсету', 'Оказание государственных услуг', 'Public services'],
    ['documents', 'Құжаттандыру және тіркеу', 'Документирование и регистрация', 'Identity documents and registration'],
    ['finance', 'Банктер, кредиттер және қаржы', 'Банки, кредиты и финансы', 'Banking and finance'],
    ['culture', 'Мәдениет', 'Культура', 'Culture'],
    ['sport', 'Дене шынықтыру және спорт', 'Физическая культура и спорт', 'Physical culture and sport'],
    ['religion', 'Дін', 'Религия', 'Religion'],
    ['civilService', 'Мемлекеттік қызмет', 'Государственная служба', 'Civil service'],
    ['communications', 'Байланыс, интернет және цифрландыру', 'Связь, интернет и цифровизация', 'Communications, internet and digitalization'],
    ['emergencies', 'Төтенше жағдайлар және өрт қауіпсіздігі', 'Чрезвычайные ситуации и пожарная безопасность', 'Emergencies and fire safety'],
    ['gratitude', 'Алғыс', 'Благодарность', 'Gratitude'],
    ['other', 'Басқа мәселелер', 'Прочие вопросы', 'Other'],
  ]),
];

// ---------------------------------------------------------------------------------------------
// АИ-1 fields 3, 9, 10, 20, 26.

const CITIZENSHIPS = entries([
  ['KZ', 'Қазақстан Республикасы', 'Республика Казахстан', 'Kazakhstan'],
  ['RU', 'Ресей Федерациясы', 'Российская Федерация', 'Russia'],
  ['UZ', 'Өзбекстан Республикасы', 'Республика Узбекистан', 'Uzbekistan'],
  ['KG', 'Қырғыз Республикасы', 'Кыргызская Республика', 'Kyrgyzstan'],
  ['TJ', 'Тәжікстан Республикасы', 'Республика Таджикистан', 'Tajikistan'],
  ['TM', 'Түрікменстан', 'Туркменистан', 'Turkmenistan'],
  ['CN', 'Қытай Халық Республикасы', 'Китайская Народная Республика', 'China'],
  ['MN', 'Моңғолия', 'Монголия', 'Mongolia'],
  ['TR', 'Түркия Республикасы', 'Турецкая Республика', 'Türkiye'],
  ['AZ', 'Әзербайжан Республикасы', 'Азербайджанская Республика', 'Azerbaijan'],
  ['BY', 'Беларусь Республикасы', 'Республика Беларусь', 'Belarus'],
  ['UA', 'Украина', 'Украина', 'Ukraine'],
  ['DE', 'Германия Федеративтік Республикасы', 'Федеративная Республика Германия', 'Germany'],
  ['KR', 'Корея Республикасы', 'Республика Корея', 'South Korea'],
  ['US', 'Америка Құрама Штаттары', 'Соединенные Штаты Америки', 'United States'],
  ['stateless', 'Азаматтығы жоқ адам', 'Лицо без гражданства', 'Stateless person'],
  ['other', 'Басқа мемлекет', 'Другое государство', 'Other country'],
]);

const SEXES = entries([
  ['male', 'Ер', 'Мужской', 'Male'],
  ['female', 'Әйел', 'Женский', 'Female'],
]);

const NATIONALITIES = entries([
  ['kazakh', 'Қазақ', 'Казах', 'Kazakh'],
  ['russian', 'Орыс', 'Русский', 'Russian'],
  ['uzbek', 'Өзбек', 'Узбек', 'Uzbek'],
  ['ukrainian', 'Украин', 'Украинец', 'Ukrainian'],
  ['uyghur', 'Ұйғыр', 'Уйгур', 'Uyghur'],
  ['german', 'Неміс', 'Немец', 'German'],
  ['tatar', 'Татар', 'Татарин', 'Tatar'],
  ['azerbaijani', 'Әзербайжан', 'Азербайджанец', 'Azerbaijani'],
  ['korean', 'Кәріс', 'Кореец', 'Korean'],
  ['turkish', 'Түрік', 'Турок', 'Turkish'],
  ['belarusian', 'Беларусь', 'Белорус', 'Belarusian'],
  ['dungan', 'Дүнген', 'Дунганин', 'Dungan'],
  ['tajik', 'Тәжік', 'Таджик', 'Tajik'],
  ['kyrgyz', 'Қырғыз', 'Кыргыз', 'Kyrgyz'],
  ['kurdish', 'Күрд', 'Курд', 'Kurdish'],
  ['chechen', 'Шешен', 'Чеченец', 'Chechen'],
  ['bashkir', 'Башқұрт', 'Башкир', 'Bashkir'],
  ['polish', 'Поляк', 'Поляк', 'Polish'],
  ['ingush', 'Ингуш', 'Ингуш', 'Ingush'],
  ['other', 'Басқа ұлт', 'Другая национальность', 'Other'],
  ['notStated', 'Көрсетілмеген', 'Не указана', 'Not stated'],
]);

const SOCIAL_STATUSES = entries([
  ['employed', 'Жұмыс істейді', 'Работающий', 'Employed'],
  ['selfEmployed', 'Өзін-өзі жұмыспен қамтыған', 'Самозанятый', 'Self-employed'],
  ['unemployed', 'Жұмыссыз', 'Безработный', 'Unemployed'],
  ['pensioner', 'Зейнеткер', 'Пенсионер', 'Pensioner'],
  ['student', 'Студент', 'Студент', 'Student'],
  ['schoolchild', 'Оқушы', 'Школьник', 'Schoolchild'],
  ['disabled', 'Мүгедектігі бар адам', 'Лицо с инвалидностью', 'Person with disabilities'],
  ['serviceman', 'Әскери қызметші', 'Военнослужащий', 'Serviceman'],
  ['civilServant', 'Мемлекеттік қызметші', 'Государственный служащий', 'Civil servant'],
  ['lawEnforcementOfficer', 'Құқық қорғау органының қызметкері', 'Сотрудник правоохранительного органа', 'Law enforcement officer'],
  ['entrepreneur', 'Кәсіпкер', 'Предприниматель', 'Entrepreneur'],
  ['farmer', 'Шаруа (фермер) қожалығының мүшесі', 'Член крестьянского (фермерского) хозяйства', 'Member of a peasant (farm) household'],
  ['housewife', 'Үй шаруасындағы әйел', 'Домохозяйка', 'Homemaker'],
  ['childcareLeave', 'Бала күтімі бойынша демалыстағы', 'В отпуске по уходу за ребенком', 'On childcare leave'],
  ['convict', 'Сотталған', 'Осужденный', 'Convicted person'],
  ['other', 'Басқа', 'Иное', 'Other'],
]);

const BUSINESS_CATEGORIES = entries([
  ['micro', 'Микрокәсіпкерлік субъектісі', 'Субъект микропредпринимательства', 'Micro business'],
  ['small', 'Шағын кәсіпкерлік субъектісі', 'Субъект малого предпринимательства', 'Small business'],
  ['medium', 'Орта кәсіпкерлік субъектісі', 'Субъект среднего предпринимательства', 'Medium-sized business'],
  ['large', 'Ірі кәсіпкерлік субъектісі', 'Субъект крупного предпринимательства', 'Large business'],
  ['quasiPublic', 'Квазимемлекеттік сектор субъектісі', 'Субъект квазигосударственного сектора', 'Quasi-public sector entity'],
  ['stateInstitution', 'Мемлекеттік мекеме', 'Государственное учреждение', 'State institution'],
  ['nonCommercial', 'Коммерциялық емес ұйым', 'Некоммерческая организация', 'Non-commercial organization'],
  ['foreignBranch', 'Шетелдік заңды тұлғаның филиалы немесе өкілдігі', 'Филиал или представительство иностранного юридического лица', 'Branch or representative office of a foreign legal entity'],
]);

export const DIRECTORIES: Record<DirectoryName, DirectoryEntry[]> = {
  documentType: fromVocabulary(DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS),
  form: fromVocabulary(FORMS, FORM_LABELS),
  channel: fromVocabulary(CHANNELS, CHANNEL_LABELS),
  language: [...fromVocabulary(LANGUAGES, LANGUAGE_LABELS), ...OTHER_LANGUAGES],
  procedure: fromVocabulary(PROCEDURES, PROCEDURE_LABELS),
  applicantKind: fromVocabulary(APPLICANT_KINDS, APPLICANT_KIND_LABELS),
  addresseeCategory: ADDRESSEE_CATEGORIES,
  issueCategory: ISSUE_CATEGORIES,
  citizenship: CITIZENSHIPS,
  sex: SEXES,
  nationality: NATIONALITIES,
  socialStatus: SOCIAL_STATUSES,
  businessCategory: BUSINESS_CATEGORIES,
};
