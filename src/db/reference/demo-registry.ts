// A local directory standing in for the state databases (persons, legal entities) behind the
// applicant lookup of card АИ-1 (docs/legal-basis.md#accounting-cards: once the IIN is entered, fields 3, 5–18 and 20–26
// are filled from the state databases where an integration exists). Demo data only: the people
// and companies are invented; the IINs and BINs are built with the published check-digit
// algorithm (src/domain/identifiers.ts) and are checked by reference.test.ts. Phone numbers are
// invented (mostly xx0000xxx patterns); e-mail addresses use the reserved example.com domain.
//
// Place names: the demo oblast is Akmola oblast (see organizations.ts); the settlements and
// streets are real or plausible, the house numbers invented.

import type { Sex } from '../../domain/identifiers.ts';

/** A text as the state databases keep it: in Kazakh and in Russian. */
export interface BilingualText {
  kk: string;
  ru: string;
}

/** АИ-1 fields 12–17 (plus flat): address of residence / legal address. */
export interface DemoAddress {
  /** ISO 3166 alpha-2 of the republic (АИ-1 field 12). */
  country: 'KZ';
  region: BilingualText;
  /** null for a city of oblast significance (no district). */
  district: BilingualText | null;
  settlement: BilingualText;
  street: BilingualText;
  house: string;
  flat: string | null;
}

export interface DemoPerson {
  iin: string;
  lastName: string;
  firstName: string;
  /** Patronymic, as in the identity document; null when the person has none. */
  middleName: string | null;
  /** 'YYYY-MM-DD', consistent with the IIN. */
  birthDate: string;
  sex: Sex;
  /** Code in DIRECTORIES.citizenship. */
  citizenship: 'KZ';
  /** Code in DIRECTORIES.nationality. */
  nationality: string;
  address: DemoAddress;
  /** +7 7xx xxx xx xx written without spaces. */
  mobilePhone: string;
  homePhone: string | null;
  email: string | null;
  /** Code in DIRECTORIES.socialStatus. */
  socialStatus: string;
  /** Occupation / place of work (АИ-1 field 21). */
  occupation: BilingualText | null;
}

export interface DemoCompany {
  bin: string;
  name: BilingualText;
  address: DemoAddress;
  /** Code in DIRECTORIES.businessCategory. */
  businessCategory: string;
  phone: string | null;
  email: string | null;
}

const AKMOLA: BilingualText = { kk: 'Ақмола облысы', ru: 'Акмолинская область' };
const BURABAY: BilingualText = { kk: 'Бурабай ауданы', ru: 'Бурабайский район' };
const ZERENDI: BilingualText = { kk: 'Зеренді ауданы', ru: 'Зерендинский район' };
const SHORTANDY: BilingualText = { kk: 'Шортанды ауданы', ru: 'Шортандинский район' };

const SHCHUCHINSK: BilingualText = { kk: 'Щучинск қаласы', ru: 'город Щучинск' };
const BURABAY_SETTLEMENT: BilingualText = { kk: 'Бурабай кенті', ru: 'поселок Бурабай' };
const ZLATOPOL: BilingualText = { kk: 'Златополь ауылы', ru: 'село Златополь' };
const VEDENOVKA: BilingualText = { kk: 'Веденовка ауылы', ru: 'село Веденовка' };
const ZERENDI_VILLAGE: BilingualText = { kk: 'Зеренді ауылы', ru: 'село Зеренда' };
const AIDABOL: BilingualText = { kk: 'Айдабол ауылы', ru: 'село Айдабол' };
const SHORTANDY_SETTLEMENT: BilingualText = { kk: 'Шортанды кенті', ru: 'поселок Шортанды' };
const DAMSA: BilingualText = { kk: 'Дамса ауылы', ru: 'село Дамса' };
const NOVOKUBANKA: BilingualText = { kk: 'Новокубанка ауылы', ru: 'село Новокубанка' };
const KOKSHETAU: BilingualText = { kk: 'Көкшетау қаласы', ru: 'город Кокшетау' };

function street(kk: string, ru: string): BilingualText {
  return { kk, ru };
}

function address(district: BilingualText | null, settlement: BilingualText, streetName: BilingualText, house: string, flat: string | null = null): DemoAddress {
  return { country: 'KZ', region: AKMOLA, district, settlement, street: streetName, house, flat };
}

export const DEMO_PERSONS: DemoPerson[] = [
  {
    iin: '780315345211',
    lastName: 'Жұмабеков',
    firstName: 'Ерлан',
    middleName: 'Серікұлы',
    birthDate: '1978-03-15',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(BURABAY, SHCHUCHINSK, street('Абылай хан көшесі', 'улица Абылай хана'), '34', '12'),
    mobilePhone: '+77010000101',
    homePhone: '+77163600101',
    email: 'erlan.zhumabekov@example.com',
    socialStatus: 'employed',
    occupation: { kk: '«Щучинск Жылу Сервис» ЖШС, слесарь', ru: 'ТОО «Щучинск Жылу Сервис», слесарь' },
  },
  {
    iin: '901102411871',
    lastName: 'Сейітқалиева',
    firstName: 'Айгүл',
    middleName: 'Нұрланқызы',
    birthDate: '1990-11-02',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(BURABAY, BURABAY_SETTLEMENT, street('Кенесары көшесі', 'улица Кенесары'), '7'),
    mobilePhone: '+77020000102',
    homePhone: null,
    email: 'aigul.seitkaliyeva@example.com',
    socialStatus: 'employed',
    occupation: { kk: 'Бурабай кентінің №1 мектебі, мұғалім', ru: 'Школа №1 поселка Бурабай, учитель' },
  },
  {
    iin: '560721320941',
    lastName: 'Иванов',
    firstName: 'Сергей',
    middleName: 'Петрович',
    birthDate: '1956-07-21',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'russian',
    address: address(BURABAY, SHCHUCHINSK, street('Ленин көшесі', 'улица Ленина'), '58', '3'),
    mobilePhone: '+77050000103',
    homePhone: '+77163600103',
    email: null,
    socialStatus: 'pensioner',
    occupation: null,
  },
  {
    iin: '820130433105',
    lastName: 'Петрова',
    firstName: 'Наталья',
    middleName: 'Викторовна',
    birthDate: '1982-01-30',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'russian',
    address: address(BURABAY, ZLATOPOL, street('Орталық көшесі', 'улица Центральная'), '15'),
    mobilePhone: '+77070000104',
    homePhone: null,
    email: 'n.petrova@example.com',
    socialStatus: 'employed',
    occupation: { kk: 'Златополь ауылының медициналық пункті, мейіргер', ru: 'Медицинский пункт села Златополь, медсестра' },
  },
  {
    iin: '690909450722',
    lastName: 'Ахметова',
    firstName: 'Гүлнар',
    middleName: 'Қайратқызы',
    birthDate: '1969-09-09',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(ZERENDI, ZERENDI_VILLAGE, street('Мұхтар Әуезов көшесі', 'улица Мухтара Ауэзова'), '21'),
    mobilePhone: '+77470000105',
    homePhone: null,
    email: null,
    socialStatus: 'unemployed',
    occupation: null,
  },
  {
    iin: '010517514641',
    lastName: 'Нұрмағамбетов',
    firstName: 'Дәурен',
    middleName: 'Асқарұлы',
    birthDate: '2001-05-17',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(SHORTANDY, SHORTANDY_SETTLEMENT, street('Бейбітшілік көшесі', 'улица Бейбитшилик'), '9', '4'),
    mobilePhone: '+77710000106',
    homePhone: null,
    email: 'dauren.n@example.com',
    socialStatus: 'student',
    occupation: { kk: 'С. Сейфуллин атындағы Қазақ агротехникалық зерттеу университеті, студент', ru: 'Казахский агротехнический исследовательский университет им. С. Сейфуллина, студент' },
  },
  {
    iin: '751203327816',
    lastName: 'Ким',
    firstName: 'Виктор',
    middleName: 'Эдуардович',
    birthDate: '1975-12-03',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'korean',
    address: address(BURABAY, SHCHUCHINSK, street('Луговая көшесі', 'улица Луговая'), '3'),
    mobilePhone: '+77750000107',
    homePhone: null,
    email: 'v.kim@example.com',
    socialStatus: 'entrepreneur',
    occupation: { kk: 'Жеке кәсіпкер, «Ким В.Э.» дүкені', ru: 'Индивидуальный предприниматель, магазин «Ким В.Э.»' },
  },
  {
    iin: '930228440168',
    lastName: 'Шмидт',
    firstName: 'Анна',
    middleName: null,
    birthDate: '1993-02-28',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'german',
    address: address(SHORTANDY, DAMSA, street('Мектеп көшесі', 'улица Школьная'), '11'),
    mobilePhone: '+77760000108',
    homePhone: null,
    email: 'anna.schmidt@example.com',
    socialStatus: 'housewife',
    occupation: null,
  },
  {
    iin: '850611336257',
    lastName: 'Төлеуов',
    firstName: 'Мұрат',
    middleName: 'Бақытжанұлы',
    birthDate: '1985-06-11',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(SHORTANDY, SHORTANDY_SETTLEMENT, street('Тәуелсіздік көшесі', 'улица Тауелсиздик'), '40', '27'),
    mobilePhone: '+77770000109',
    homePhone: null,
    email: 'murat.toleuov@example.com',
    socialStatus: 'serviceman',
    occupation: { kk: 'Қазақстан Республикасы Қарулы Күштерінің әскери бөлімі', ru: 'Воинская часть Вооруженных Сил Республики Казахстан' },
  },
  {
    iin: '091005622581',
    lastName: 'Бекова',
    firstName: 'Әсел',
    middleName: 'Ерғалиқызы',
    birthDate: '2009-10-05',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(ZERENDI, ZERENDI_VILLAGE, street('Абай көшесі', 'улица Абая'), '5'),
    mobilePhone: '+77780000110',
    homePhone: null,
    email: null,
    socialStatus: 'schoolchild',
    occupation: { kk: 'Зеренді мектеп-гимназиясы, 11-сынып оқушысы', ru: 'Школа-гимназия села Зеренда, ученица 11 класса' },
  },
  {
    iin: '610819317391',
    lastName: 'Оспанов',
    firstName: 'Бауыржан',
    middleName: 'Маратович',
    birthDate: '1961-08-19',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(BURABAY, VEDENOVKA, street('Жеңіс көшесі', 'улица Победы'), '27'),
    mobilePhone: '+77010000111',
    homePhone: null,
    email: null,
    socialStatus: 'disabled',
    occupation: null,
  },
  {
    iin: '480229413527',
    lastName: 'Кузнецова',
    firstName: 'Ольга',
    middleName: 'Андреевна',
    birthDate: '1948-02-29',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'russian',
    address: address(SHORTANDY, NOVOKUBANKA, street('Бақ көшесі', 'улица Садовая'), '2'),
    mobilePhone: '+77020000112',
    homePhone: '+77163100112',
    email: null,
    socialStatus: 'pensioner',
    occupation: null,
  },
  {
    iin: '991231348909',
    lastName: 'Абдрахманов',
    firstName: 'Талғат',
    middleName: 'Жандосұлы',
    birthDate: '1999-12-31',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(ZERENDI, AIDABOL, street('Достық көшесі', 'улица Достык'), '18'),
    mobilePhone: '+77050000113',
    homePhone: null,
    email: 'talgat.a@example.com',
    socialStatus: 'farmer',
    occupation: { kk: '«Береке» шаруа қожалығы', ru: 'Крестьянское хозяйство «Береке»' },
  },
  {
    iin: '950308426071',
    lastName: 'Ғабдуллина',
    firstName: 'Мадина',
    middleName: 'Серікқызы',
    birthDate: '1995-03-08',
    sex: 'female',
    citizenship: 'KZ',
    nationality: 'tatar',
    address: address(BURABAY, SHCHUCHINSK, street('Әуезов көшесі', 'улица Ауэзова'), '112', '45'),
    mobilePhone: '+77470000114',
    homePhone: null,
    email: 'madina.gabdullina@example.com',
    socialStatus: 'selfEmployed',
    occupation: { kk: 'Тігінші (өзін-өзі жұмыспен қамтыған)', ru: 'Швея (самозанятая)' },
  },
  {
    iin: '030701539410',
    lastName: 'Әбілқасымов',
    firstName: 'Қуаныш',
    middleName: 'Ерболұлы',
    birthDate: '2003-07-01',
    sex: 'male',
    citizenship: 'KZ',
    nationality: 'kazakh',
    address: address(null, KOKSHETAU, street('Абай көшесі', 'улица Абая'), '96', '8'),
    mobilePhone: '+77770000115',
    homePhone: null,
    email: 'kuanysh.abilkassymov@example.com',
    socialStatus: 'student',
    occupation: { kk: 'Ш. Уәлиханов атындағы Көкшетау университеті, студент', ru: 'Кокшетауский университет им. Ш. Уалиханова, студент' },
  },
];

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    bin: '090340012347',
    name: { kk: '«Щучинск Жылу Сервис» жауапкершілігі шектеулі серіктестігі', ru: 'Товарищество с ограниченной ответственностью «Щучинск Жылу Сервис»' },
    address: address(BURABAY, SHCHUCHINSK, street('Өнеркәсіп көшесі', 'улица Промышленная'), '4'),
    businessCategory: 'medium',
    phone: '+77163600201',
    email: 'info@zhylu-service.example.com',
  },
  {
    bin: '140640027191',
    name: { kk: '«Зеренді Агро» жауапкершілігі шектеулі серіктестігі', ru: 'Товарищество с ограниченной ответственностью «Зеренді Агро»' },
    address: address(ZERENDI, ZERENDI_VILLAGE, street('Ыбырай Алтынсарин көшесі', 'улица Ыбырая Алтынсарина'), '30'),
    businessCategory: 'small',
    phone: '+77010000202',
    email: 'zerendi.agro@example.com',
  },
  {
    bin: '171163056218',
    name: { kk: '«Береке» шаруа қожалығы', ru: 'Крестьянское хозяйство «Береке»' },
    address: address(ZERENDI, AIDABOL, street('Достық көшесі', 'улица Достык'), '18'),
    businessCategory: 'micro',
    phone: '+77050000113',
    email: null,
  },
  {
    bin: '041240033121',
    name: {
      kk: 'Бурабай ауданы әкімдігінің «Бурабай Су» шаруашылық жүргізу құқығындағы мемлекеттік коммуналдық кәсіпорны',
      ru: 'Государственное коммунальное предприятие на праве хозяйственного ведения «Бурабай Су» акимата Бурабайского района',
    },
    address: address(BURABAY, SHCHUCHINSK, street('Набережная көшесі', 'улица Набережная'), '1'),
    businessCategory: 'quasiPublic',
    phone: '+77163600204',
    email: 'burabay.su@example.com',
  },
  {
    bin: '000540018753',
    name: { kk: '«Көкше Энерго Желі» акционерлік қоғамы', ru: 'Акционерное общество «Кокше Энерго Жели»' },
    address: address(null, KOKSHETAU, street('Әуезов көшесі', 'улица Ауэзова'), '200'),
    businessCategory: 'large',
    phone: '+77162000205',
    email: 'office@kokshe-energo.example.com',
  },
  {
    bin: '160940044401',
    name: { kk: '«Бурабай табиғаты» қоғамдық бірлестігі', ru: 'Общественное объединение «Природа Бурабая»' },
    address: address(BURABAY, BURABAY_SETTLEMENT, street('Кенесары көшесі', 'улица Кенесары'), '12'),
    businessCategory: 'nonCommercial',
    phone: null,
    email: 'burabay.nature@example.com',
  },
  {
    bin: '190251030293',
    name: { kk: '«Nordic Timber GmbH» компаниясының Қазақстандағы филиалы', ru: 'Филиал компании «Nordic Timber GmbH» в Казахстане' },
    address: address(null, KOKSHETAU, street('Ақан сері көшесі', 'улица Акана серэ'), '41'),
    businessCategory: 'foreignBranch',
    phone: '+77162000207',
    email: 'kz@nordic-timber.example.com',
  },
  {
    bin: '990840021540',
    name: {
      kk: 'Ақмола облысы білім басқармасының «Щучинск қаласының №2 жалпы білім беретін мектебі» коммуналдық мемлекеттік мекемесі',
      ru: 'Коммунальное государственное учреждение «Общеобразовательная школа №2 города Щучинска» управления образования Акмолинской области',
    },
    address: address(BURABAY, SHCHUCHINSK, street('Мектеп көшесі', 'улица Школьная'), '6'),
    businessCategory: 'stateInstitution',
    phone: '+77163600208',
    email: 'school2.shchuchinsk@example.com',
  },
];

/** Looks a person up by IIN (exact 12 digits). */
export function findDemoPerson(iin: string): DemoPerson | undefined {
  return DEMO_PERSONS.find((p) => p.iin === iin);
}

/** Looks a legal entity up by BIN (exact 12 digits). */
export function findDemoCompany(bin: string): DemoCompany | undefined {
  return DEMO_COMPANIES.find((c) => c.bin === bin);
}
