// Reference data: the organizations ("subjects") that register appeals, and the statistics
// authority. Pure data, loaded into the database by a migration.
//
// (a) The row groups of the 1-ТӨ report (docs/legal-basis.md#report-rows; Annex 5 of the Prosecutor General's order
//     No. 4 of 4 January 2023), rows 2–68, as top-level organizations in the report's order, with
//     reportRow = the row number. A report row aggregates its organization and everything below it.
//
//     NOTE on numbering. The row numbers here follow the Kazakh original
//     (seeds/rules-registration-accounting-e-appeals-2023.kk.txt, Annex 5, column Б), which lists
//     19 ministries as rows 24–42, then 43 Human Rights Commissioner, 44 Maslikhat, 45 Audit
//     commission, 46–65 the local executive bodies of the 3 cities and 17 oblasts, 66 "Other
//     administrative bodies (self-regulating organizations)", and, "of which" (оның ішінде),
//     67 commercial and 68 non-commercial organizations. The English reading of the rules puts the ministries at
//     24–41 (18 rows for the same 19 ministries) and so is one row off from row 42 on; its row 66
//     ("garbled; most likely legal entities 100% owned by the state") is the vertical "оның ішінде"
//     caption of rows 67–68, not a row of its own.
//
// (b) A demo oblast inside the Akmola oblast row: the oblast akimat, its apparatus with the
//     department for control of appeal review, oblast departments (басқарма / управление), three
//     district akimats and a town/rural okrug akim's office or two under each.
//
// (c) The statistics authority: the Committee on Legal Statistics and Special Accounts (ҚСжАЕК /
//     КПСиСУ) under the Prosecutor General's Office row, and its Akmola oblast department.
//
// KATO: only the oblast-level codes this file's author is sure of are filled in (2-digit oblast
// prefix padded to 9 digits); the oblasts created in 2022 (Abai, Zhetisu, Ulytau) and Turkistan
// oblast (renamed and renumbered in 2018) are left null until checked against the current
// classifier — the likely values are 100000000, 330000000, 620000000 and 610000000.

import type { Labels } from '../../domain/vocabulary.ts';

export const ORGANIZATION_KINDS = [
  'stateBody', // a central state body or its group row in the report
  'localExecutiveBodies', // report row: all local executive bodies of one oblast / city
  'maslikhat',
  'auditCommission',
  'akimat',
  'apparatus',
  'department',
  'controlDepartment',
  'districtAkimat',
  'townAkimat',
  'ruralAkimat',
  'statsAuthority',
  'statsDepartment',
  'stateEnterprise', // commercial organizations (state enterprises, national companies, ...)
  'nonCommercialOrganization',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationSeed {
  /** Short, stable, unique code; what other seeds and the demo data refer to. */
  code: string;
  /** Code of the parent organization; null for the report's top-level rows. */
  parentCode: string | null;
  name: Labels;
  kind: OrganizationKind;
  /** KATO code (9 digits) of the territory, where known. */
  kato: string | null;
  /** IANA time zone of its own; null: the configured one (JOLDANYM_TIME_ZONE, Asia/Almaty by
   *  default — Kazakhstan is one zone, UTC+5, since 1 March 2024). */
  timeZone: string | null;
  /** 1-ТӨ report row this organization heads; null for organizations counted in an ancestor's row. */
  reportRow: number | null;
}

// None of the shipped organizations names a time zone: the whole country is one.
function row(code: string, reportRow: number, kind: OrganizationKind, name: Labels, kato: string | null = null): OrganizationSeed {
  return { code, parentCode: null, name, kind, kato, timeZone: null, reportRow };
}

function child(code: string, parentCode: string, kind: OrganizationKind, name: Labels, kato: string | null = null): OrganizationSeed {
  return { code, parentCode, name, kind, kato, timeZone: null, reportRow: null };
}

function localExecutiveBodies(code: string, reportRow: number, kato: string | null, kk: string, ru: string, en: string): OrganizationSeed {
  return row(
    code,
    reportRow,
    'localExecutiveBodies',
    {
      kk: `${kk} жергілікті атқарушы органдары`,
      ru: `Местные исполнительные органы ${ru}`,
      en: `Local executive bodies of ${en}`,
    },
    kato,
  );
}

/** The 1-ТӨ report rows 2–68 (row 1 is the total). */
const REPORT_ROWS: OrganizationSeed[] = [
  row('PA', 2, 'stateBody', {
    kk: 'Қазақстан Республикасы Президентінің Әкімшілігі',
    ru: 'Администрация Президента Республики Казахстан',
    en: 'Administration of the President of the Republic of Kazakhstan',
  }),
  row('FIRST-PRESIDENT-OFFICE', 3, 'stateBody', {
    kk: 'Қазақстан Республикасының Тұңғыш Президенті – Елбасының Кеңсесі',
    ru: 'Канцелярия Первого Президента Республики Казахстан – Елбасы',
    en: 'Office of the First President of the Republic of Kazakhstan – Elbasy',
  }),
  row('PM-OFFICE', 4, 'stateBody', {
    kk: 'Қазақстан Республикасы Премьер-Министрінің Кеңсесі',
    ru: 'Канцелярия Премьер-Министра Республики Казахстан',
    en: 'Office of the Prime Minister of the Republic of Kazakhstan',
  }),
  row('PRESIDENT-AFFAIRS', 5, 'stateBody', {
    kk: 'Қазақстан Республикасы Президентінің Іс Басқармасы',
    ru: 'Управление делами Президента Республики Казахстан',
    en: 'Administration of Affairs of the President of the Republic of Kazakhstan',
  }),
  row('CONSTITUTIONAL-COURT', 6, 'stateBody', {
    kk: 'Қазақстан Республикасы Конституциялық Сотының аппараты',
    ru: 'Аппарат Конституционного Суда Республики Казахстан',
    en: 'Office of the Constitutional Court of the Republic of Kazakhstan',
  }),
  row('SENATE', 7, 'stateBody', {
    kk: 'Қазақстан Республикасы Парламенті Сенатының аппараты',
    ru: 'Аппарат Сената Парламента Республики Казахстан',
    en: 'Office of the Senate of the Parliament of the Republic of Kazakhstan',
  }),
  row('MAZHILIS', 8, 'stateBody', {
    kk: 'Қазақстан Республикасы Парламенті Мәжілісінің аппараты',
    ru: 'Аппарат Мажилиса Парламента Республики Казахстан',
    en: 'Office of the Mazhilis of the Parliament of the Republic of Kazakhstan',
  }),
  row('SECURITY-COUNCIL', 9, 'stateBody', {
    kk: 'Қазақстан Республикасы Қауіпсіздік Кеңесінің аппараты',
    ru: 'Аппарат Совета Безопасности Республики Казахстан',
    en: 'Office of the Security Council of the Republic of Kazakhstan',
  }),
  row('CEC', 10, 'stateBody', {
    kk: 'Қазақстан Республикасы Орталық сайлау комиссиясының аппараты',
    ru: 'Аппарат Центральной избирательной комиссии Республики Казахстан',
    en: 'Office of the Central Election Commission of the Republic of Kazakhstan',
  }),
  row('SUPREME-JUDICIAL-COUNCIL', 11, 'stateBody', {
    kk: 'Қазақстан Республикасы Жоғары Сот Кеңесінің аппараты',
    ru: 'Аппарат Высшего Судебного Совета Республики Казахстан',
    en: 'Office of the Supreme Judicial Council of the Republic of Kazakhstan',
  }),
  row('JUDICIAL-ADMINISTRATION', 12, 'stateBody', {
    kk: 'Қазақстан Республикасының Сот әкімшілігі',
    ru: 'Судебная администрация Республики Казахстан',
    en: 'Judicial Administration of the Republic of Kazakhstan',
  }),
  row('GPO', 13, 'stateBody', {
    kk: 'Қазақстан Республикасының Бас прокуратурасы',
    ru: 'Генеральная прокуратура Республики Казахстан',
    en: "Prosecutor General's Office of the Republic of Kazakhstan",
  }),
  row('KNB', 14, 'stateBody', {
    kk: 'Қазақстан Республикасының Ұлттық қауіпсіздік комитеті',
    ru: 'Комитет национальной безопасности Республики Казахстан',
    en: 'National Security Committee of the Republic of Kazakhstan',
  }),
  row('SUPREME-AUDIT-CHAMBER', 15, 'stateBody', {
    kk: 'Қазақстан Республикасының Жоғары аудиторлық палатасы',
    ru: 'Высшая аудиторская палата Республики Казахстан',
    en: 'Supreme Audit Chamber of the Republic of Kazakhstan',
  }),
  row('STATE-GUARD-SERVICE', 16, 'stateBody', {
    kk: 'Қазақстан Республикасының Мемлекеттік күзет қызметі',
    ru: 'Служба государственной охраны Республики Казахстан',
    en: 'State Guard Service of the Republic of Kazakhstan',
  }),
  row('CIVIL-SERVICE-AGENCY', 17, 'stateBody', {
    kk: 'Қазақстан Республикасының Мемлекеттік қызмет істері агенттігі',
    ru: 'Агентство Республики Казахстан по делам государственной службы',
    en: 'Civil Service Affairs Agency of the Republic of Kazakhstan',
  }),
  row('ANTI-CORRUPTION-AGENCY', 18, 'stateBody', {
    kk: 'Қазақстан Республикасының Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі (Сыбайлас жемқорлыққа қарсы қызмет)',
    ru: 'Агентство Республики Казахстан по противодействию коррупции (Антикоррупционная служба)',
    en: 'Anti-Corruption Agency of the Republic of Kazakhstan (Anti-Corruption Service)',
  }),
  row('FINANCIAL-MARKET-AGENCY', 19, 'stateBody', {
    kk: 'Қазақстан Республикасының Қаржы нарығын реттеу және дамыту агенттігі',
    ru: 'Агентство Республики Казахстан по регулированию и развитию финансового рынка',
    en: 'Agency of the Republic of Kazakhstan for Regulation and Development of the Financial Market',
  }),
  row('STRATEGIC-PLANNING-AGENCY', 20, 'stateBody', {
    kk: 'Қазақстан Республикасының Стратегиялық жоспарлау және реформалар агенттігі',
    ru: 'Агентство по стратегическому планированию и реформам Республики Казахстан',
    en: 'Agency for Strategic Planning and Reforms of the Republic of Kazakhstan',
  }),
  row('COMPETITION-AGENCY', 21, 'stateBody', {
    kk: 'Қазақстан Республикасының Бәсекелестікті қорғау және дамыту агенттігі',
    ru: 'Агентство по защите и развитию конкуренции Республики Казахстан',
    en: 'Agency for Protection and Development of Competition of the Republic of Kazakhstan',
  }),
  row('FINANCIAL-MONITORING-AGENCY', 22, 'stateBody', {
    kk: 'Қазақстан Республикасының Қаржылық мониторинг агенттігі',
    ru: 'Агентство Республики Казахстан по финансовому мониторингу',
    en: 'Financial Monitoring Agency of the Republic of Kazakhstan',
  }),
  row('NATIONAL-BANK', 23, 'stateBody', {
    kk: 'Қазақстан Республикасының Ұлттық Банкі',
    ru: 'Национальный Банк Республики Казахстан',
    en: 'National Bank of the Republic of Kazakhstan',
  }),
  row('MIN-FOREIGN-AFFAIRS', 24, 'stateBody', {
    kk: 'Қазақстан Республикасы Сыртқы істер министрлігі',
    ru: 'Министерство иностранных дел Республики Казахстан',
    en: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
  }),
  row('MIN-INTERNAL-AFFAIRS', 25, 'stateBody', {
    kk: 'Қазақстан Республикасы Ішкі істер министрлігі',
    ru: 'Министерство внутренних дел Республики Казахстан',
    en: 'Ministry of Internal Affairs of the Republic of Kazakhstan',
  }),
  row('MIN-DEFENCE', 26, 'stateBody', {
    kk: 'Қазақстан Республикасы Қорғаныс министрлігі',
    ru: 'Министерство обороны Республики Казахстан',
    en: 'Ministry of Defence of the Republic of Kazakhstan',
  }),
  row('MIN-INFORMATION', 27, 'stateBody', {
    kk: 'Қазақстан Республикасы Ақпарат және қоғамдық даму министрлігі',
    ru: 'Министерство информации и общественного развития Республики Казахстан',
    en: 'Ministry of Information and Public Development of the Republic of Kazakhstan',
  }),
  row('MIN-AGRICULTURE', 28, 'stateBody', {
    kk: 'Қазақстан Республикасы Ауыл шаруашылығы министрлігі',
    ru: 'Министерство сельского хозяйства Республики Казахстан',
    en: 'Ministry of Agriculture of the Republic of Kazakhstan',
  }),
  row('MIN-JUSTICE', 29, 'stateBody', {
    kk: 'Қазақстан Республикасы Әділет министрлігі',
    ru: 'Министерство юстиции Республики Казахстан',
    en: 'Ministry of Justice of the Republic of Kazakhstan',
  }),
  row('MIN-ENLIGHTENMENT', 30, 'stateBody', {
    kk: 'Қазақстан Республикасы Оқу-ағарту министрлігі',
    ru: 'Министерство просвещения Республики Казахстан',
    en: 'Ministry of Enlightenment of the Republic of Kazakhstan',
  }),
  row('MIN-SCIENCE', 31, 'stateBody', {
    kk: 'Қазақстан Республикасы Ғылым және жоғары білім министрлігі',
    ru: 'Министерство науки и высшего образования Республики Казахстан',
    en: 'Ministry of Science and Higher Education of the Republic of Kazakhstan',
  }),
  row('MIN-HEALTH', 32, 'stateBody', {
    kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігі',
    ru: 'Министерство здравоохранения Республики Казахстан',
    en: 'Ministry of Health of the Republic of Kazakhstan',
  }),
  row('MIN-LABOUR', 33, 'stateBody', {
    kk: 'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі',
    ru: 'Министерство труда и социальной защиты населения Республики Казахстан',
    en: 'Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan',
  }),
  row('MIN-INDUSTRY', 34, 'stateBody', {
    kk: 'Қазақстан Республикасы Индустрия және инфрақұрылымдық даму министрлігі',
    ru: 'Министерство индустрии и инфраструктурного развития Республики Казахстан',
    en: 'Ministry of Industry and Infrastructure Development of the Republic of Kazakhstan',
  }),
  row('MIN-FINANCE', 35, 'stateBody', {
    kk: 'Қазақстан Республикасы Қаржы министрлігі',
    ru: 'Министерство финансов Республики Казахстан',
    en: 'Ministry of Finance of the Republic of Kazakhstan',
  }),
  row('MIN-TRADE', 36, 'stateBody', {
    kk: 'Қазақстан Республикасы Сауда және интеграция министрлігі',
    ru: 'Министерство торговли и интеграции Республики Казахстан',
    en: 'Ministry of Trade and Integration of the Republic of Kazakhstan',
  }),
  row('MIN-EMERGENCIES', 37, 'stateBody', {
    kk: 'Қазақстан Республикасы Төтенше жағдайлар министрлігі',
    ru: 'Министерство по чрезвычайным ситуациям Республики Казахстан',
    en: 'Ministry of Emergency Situations of the Republic of Kazakhstan',
  }),
  row('MIN-NATIONAL-ECONOMY', 38, 'stateBody', {
    kk: 'Қазақстан Республикасы Ұлттық экономика министрлігі',
    ru: 'Министерство национальной экономики Республики Казахстан',
    en: 'Ministry of National Economy of the Republic of Kazakhstan',
  }),
  row('MIN-DIGITAL', 39, 'stateBody', {
    kk: 'Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі',
    ru: 'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
    en: 'Ministry of Digital Development, Innovations and Aerospace Industry of the Republic of Kazakhstan',
  }),
  row('MIN-ECOLOGY', 40, 'stateBody', {
    kk: 'Қазақстан Республикасы Экология, геология және табиғи ресурстар министрлігі',
    ru: 'Министерство экологии, геологии и природных ресурсов Республики Казахстан',
    en: 'Ministry of Ecology, Geology and Natural Resources of the Republic of Kazakhstan',
  }),
  row('MIN-ENERGY', 41, 'stateBody', {
    kk: 'Қазақстан Республикасы Энергетика министрлігі',
    ru: 'Министерство энергетики Республики Казахстан',
    en: 'Ministry of Energy of the Republic of Kazakhstan',
  }),
  row('MIN-CULTURE', 42, 'stateBody', {
    kk: 'Қазақстан Республикасы Мәдениет және спорт министрлігі',
    ru: 'Министерство культуры и спорта Республики Казахстан',
    en: 'Ministry of Culture and Sport of the Republic of Kazakhstan',
  }),
  row('HUMAN-RIGHTS-COMMISSIONER', 43, 'stateBody', {
    kk: 'Қазақстан Республикасындағы Адам құқықтары жөніндегі уәкіл',
    ru: 'Уполномоченный по правам человека в Республике Казахстан',
    en: 'Commissioner for Human Rights in the Republic of Kazakhstan',
  }),
  row('MASLIKHATS', 44, 'maslikhat', {
    kk: 'Мәслихаттар',
    ru: 'Маслихаты',
    en: 'Maslikhats (local representative bodies)',
  }),
  row('AUDIT-COMMISSIONS', 45, 'auditCommission', {
    kk: 'Тексеру комиссиялары',
    ru: 'Ревизионные комиссии',
    en: 'Audit commissions',
  }),
  localExecutiveBodies('AST-CITY', 46, '710000000', 'Астана қаласының', 'города Астаны', 'the city of Astana'),
  localExecutiveBodies('SHY-CITY', 47, '790000000', 'Шымкент қаласының', 'города Шымкента', 'the city of Shymkent'),
  localExecutiveBodies('ALA-CITY', 48, '750000000', 'Алматы қаласының', 'города Алматы', 'the city of Almaty'),
  localExecutiveBodies('ABAI-OBL', 49, null, 'Абай облысының', 'области Абай', 'Abai oblast'),
  localExecutiveBodies('AKM-OBL', 50, '110000000', 'Ақмола облысының', 'Акмолинской области', 'Akmola oblast'),
  localExecutiveBodies('AKT-OBL', 51, '150000000', 'Ақтөбе облысының', 'Актюбинской области', 'Aktobe oblast'),
  localExecutiveBodies('ATY-OBL', 52, '230000000', 'Атырау облысының', 'Атырауской области', 'Atyrau oblast'),
  localExecutiveBodies('ALM-OBL', 53, '190000000', 'Алматы облысының', 'Алматинской области', 'Almaty oblast'),
  localExecutiveBodies('ZHAM-OBL', 54, '310000000', 'Жамбыл облысының', 'Жамбылской области', 'Zhambyl oblast'),
  localExecutiveBodies('ZHET-OBL', 55, null, 'Жетісу облысының', 'области Жетісу', 'Zhetisu oblast'),
  localExecutiveBodies('KAR-OBL', 56, '350000000', 'Қарағанды облысының', 'Карагандинской области', 'Karaganda oblast'),
  localExecutiveBodies('KOS-OBL', 57, '390000000', 'Қостанай облысының', 'Костанайской области', 'Kostanay oblast'),
  localExecutiveBodies('KYZ-OBL', 58, '430000000', 'Қызылорда облысының', 'Кызылординской области', 'Kyzylorda oblast'),
  localExecutiveBodies('MAN-OBL', 59, '470000000', 'Маңғыстау облысының', 'Мангистауской области', 'Mangystau oblast'),
  localExecutiveBodies('PAV-OBL', 60, '550000000', 'Павлодар облысының', 'Павлодарской области', 'Pavlodar oblast'),
  localExecutiveBodies('SKO-OBL', 61, '590000000', 'Солтүстік Қазақстан облысының', 'Северо-Казахстанской области', 'North Kazakhstan oblast'),
  localExecutiveBodies('ULY-OBL', 62, null, 'Ұлытау облысының', 'области Ұлытау', 'Ulytau oblast'),
  localExecutiveBodies('VKO-OBL', 63, '630000000', 'Шығыс Қазақстан облысының', 'Восточно-Казахстанской области', 'East Kazakhstan oblast'),
  localExecutiveBodies('ZKO-OBL', 64, '270000000', 'Батыс Қазақстан облысының', 'Западно-Казахстанской области', 'West Kazakhstan oblast'),
  localExecutiveBodies('TUR-OBL', 65, null, 'Түркістан облысының', 'Туркестанской области', 'Turkistan oblast'),
  row('OTHER-ADMIN-BODIES', 66, 'other', {
    kk: 'Өзге де әкімшілік органдар (өзін-өзі реттейтін ұйымдар)',
    ru: 'Иные административные органы (саморегулируемые организации)',
    en: 'Other administrative bodies (self-regulating organizations)',
  }),
  {
    ...child('OTHER-ADMIN-COMMERCIAL', 'OTHER-ADMIN-BODIES', 'stateEnterprise', {
      kk: 'Коммерциялық ұйымдар',
      ru: 'Коммерческие организации',
      en: 'Commercial organizations',
    }),
    reportRow: 67,
  },
  {
    ...child('OTHER-ADMIN-NONCOMMERCIAL', 'OTHER-ADMIN-BODIES', 'nonCommercialOrganization', {
      kk: 'Коммерциялық емес ұйымдар',
      ru: 'Некоммерческие организации',
      en: 'Non-commercial organizations',
    }),
    reportRow: 68,
  },
];

/** The demo oblast (inside report row 50, the local executive bodies of Akmola oblast). */
const DEMO_OBLAST: OrganizationSeed[] = [
  child('AKM-AKIMAT', 'AKM-OBL', 'akimat', { kk: 'Ақмола облысының әкімдігі', ru: 'Акимат Акмолинской области', en: 'Akimat of Akmola oblast' }, '110000000'),
  child('AKM-APPARATUS', 'AKM-AKIMAT', 'apparatus', {
    kk: 'Ақмола облысы әкімінің аппараты',
    ru: 'Аппарат акима Акмолинской области',
    en: 'Office of the Akim of Akmola oblast',
  }),
  child('AKM-CONTROL', 'AKM-APPARATUS', 'controlDepartment', {
    kk: 'Ақмола облысы әкімі аппаратының өтініштерді қарауды бақылау бөлімі',
    ru: 'Отдел контроля за рассмотрением обращений аппарата акима Акмолинской области',
    en: 'Department for Control of Appeal Review, Office of the Akim of Akmola oblast',
  }),
  child('AKM-HEALTH', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының денсаулық сақтау басқармасы',
    ru: 'Управление здравоохранения Акмолинской области',
    en: 'Health Department of Akmola oblast',
  }),
  child('AKM-EDUCATION', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының білім басқармасы',
    ru: 'Управление образования Акмолинской области',
    en: 'Education Department of Akmola oblast',
  }),
  child('AKM-HOUSING', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы',
    ru: 'Управление энергетики и жилищно-коммунального хозяйства Акмолинской области',
    en: 'Energy, Housing and Utilities Department of Akmola oblast',
  }),
  child('AKM-AGRICULTURE', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының ауыл шаруашылығы басқармасы',
    ru: 'Управление сельского хозяйства Акмолинской области',
    en: 'Agriculture Department of Akmola oblast',
  }),
  child('AKM-LAND', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының жер қатынастары басқармасы',
    ru: 'Управление земельных отношений Акмолинской области',
    en: 'Land Relations Department of Akmola oblast',
  }),
  child('AKM-EMPLOYMENT', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы',
    ru: 'Управление координации занятости и социальных программ Акмолинской области',
    en: 'Department for Employment Coordination and Social Programmes of Akmola oblast',
  }),
  child('AKM-ROADS', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының жолаушылар көлігі және автомобиль жолдары басқармасы',
    ru: 'Управление пассажирского транспорта и автомобильных дорог Акмолинской области',
    en: 'Passenger Transport and Roads Department of Akmola oblast',
  }),
  child('AKM-CONSTRUCTION', 'AKM-AKIMAT', 'department', {
    kk: 'Ақмола облысының құрылыс басқармасы',
    ru: 'Управление строительства Акмолинской области',
    en: 'Construction Department of Akmola oblast',
  }),

  // District akimats. The rural okrugs below are named after their centres as the author knows
  // them (Zlatopol and Vedenovka in Burabay district, Zerendi and Aidabol in Zerendi district,
  // Damsa and Novokubanka in Shortandy district); they have not been checked against the current
  // KATO, so treat them as plausible demo names. Shchuchinsk is the town centre of Burabay district.
  //
  // KATO (AA BB CC DDD: oblast, district, okrug or town administration, settlement). The district
  // codes follow the settlement codes in common use: Shchuchinsk 117020100 (so Burabay district,
  // formerly Shchuchinsk district and numbered under that name, is 1170 — not 1156, which is
  // Zerendi: Zerenda 115630100), Shortandy settlement 116830100 (district 1168). The town
  // administration of Shchuchinsk (1170 20 000) and the Zerendi rural okrug around Zerenda
  // (1156 30 000) follow from them. The other okrugs' CC digits are UNVERIFIED estimates from the
  // classifier's alphabetical order (rural okrugs are numbered from 40 up) — check them against
  // the current KATO before relying on them.
  child('AKM-BURABAY', 'AKM-AKIMAT', 'districtAkimat', { kk: 'Бурабай ауданының әкімдігі', ru: 'Акимат Бурабайского района', en: 'Akimat of Burabay district' }, '117000000'),
  child('AKM-BURABAY-SHCHUCHINSK', 'AKM-BURABAY', 'townAkimat', { kk: 'Щучинск қаласы әкімінің аппараты', ru: 'Аппарат акима города Щучинска', en: 'Office of the Akim of the town of Shchuchinsk' }, '117020000'),
  child(
    'AKM-BURABAY-ZLATOPOL',
    'AKM-BURABAY',
    'ruralAkimat',
    { kk: 'Златополь ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Златопольского сельского округа', en: 'Office of the Akim of Zlatopol rural okrug' },
    '117049000', // UNVERIFIED okrug digits
  ),
  child(
    'AKM-BURABAY-VEDENOVKA',
    'AKM-BURABAY',
    'ruralAkimat',
    { kk: 'Веденовка ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Веденовского сельского округа', en: 'Office of the Akim of Vedenovka rural okrug' },
    '117047000', // UNVERIFIED okrug digits
  ),
  child('AKM-ZERENDI', 'AKM-AKIMAT', 'districtAkimat', { kk: 'Зеренді ауданының әкімдігі', ru: 'Акимат Зерендинского района', en: 'Akimat of Zerendi district' }, '115600000'),
  child(
    'AKM-ZERENDI-ZERENDI',
    'AKM-ZERENDI',
    'ruralAkimat',
    { kk: 'Зеренді ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Зерендинского сельского округа', en: 'Office of the Akim of Zerendi rural okrug' },
    '115630000',
  ),
  child(
    'AKM-ZERENDI-AIDABOL',
    'AKM-ZERENDI',
    'ruralAkimat',
    { kk: 'Айдабол ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Айдабульского сельского округа', en: 'Office of the Akim of Aidabol rural okrug' },
    '115641000', // UNVERIFIED okrug digits
  ),
  child('AKM-SHORTANDY', 'AKM-AKIMAT', 'districtAkimat', { kk: 'Шортанды ауданының әкімдігі', ru: 'Акимат Шортандинского района', en: 'Akimat of Shortandy district' }, '116800000'),
  child(
    'AKM-SHORTANDY-DAMSA',
    'AKM-SHORTANDY',
    'ruralAkimat',
    { kk: 'Дамса ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Дамсинского сельского округа', en: 'Office of the Akim of Damsa rural okrug' },
    '116845000', // UNVERIFIED okrug digits
  ),
  child(
    'AKM-SHORTANDY-NOVOKUBANKA',
    'AKM-SHORTANDY',
    'ruralAkimat',
    { kk: 'Новокубанка ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Новокубанского сельского округа', en: 'Office of the Akim of Novokubanka rural okrug' },
    '116853000', // UNVERIFIED okrug digits
  ),
];

/** The statistics authority (docs/glossary.md#the-system-and-its-parties), under the Prosecutor General's Office row. */
const STATS_AUTHORITY: OrganizationSeed[] = [
  child('KPSSU', 'GPO', 'statsAuthority', {
    kk: 'Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті',
    ru: 'Комитет по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан',
    en: "Committee on Legal Statistics and Special Accounts of the Prosecutor General's Office of the Republic of Kazakhstan",
  }),
  child(
    'KPSSU-AKM',
    'KPSSU',
    'statsDepartment',
    {
      kk: 'Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитетінің Ақмола облысы бойынша басқармасы',
      ru: 'Управление Комитета по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан по Акмолинской области',
      en: 'Akmola Oblast Department of the Committee on Legal Statistics and Special Accounts',
    },
    '110000000',
  ),
];

/** Every organization, each parent before its children; the report rows in the report's order. */
export const ORGANIZATIONS: OrganizationSeed[] = [...REPORT_ROWS, ...STATS_AUTHORITY, ...DEMO_OBLAST];

export const DEMO_ORGANIZATION_CODES = {
  district: 'AKM-BURABAY',
  control: 'AKM-CONTROL',
  stats: 'KPSSU-AKM',
  oblastAkimat: 'AKM-AKIMAT',
} as const;

/** The 1-ТӨ report rows that are organizations (row 1, the total, is not). */
export const REPORT_ROW_RANGE = { first: 2, last: 68 } as const;
