// Realistic registration bodies for the benchmarks: individuals with valid IINs, legal entities with
// valid BINs, collective and anonymous appeals; all six document types and four forms; summaries
// and ~500-character texts in Kazakh or Russian built from topic sentences with varying details.
// Deterministic for a given seed, so runs are comparable. About one appeal in ten comes again from
// a recent applicant on the same topic, as repeated appeals do, so the duplicate check finds
// earlier appeals and scores them.
import { checkDigit, composeIin } from '../src/domain/identifiers.ts';
import type { RegistrationInput, IndividualInput, LegalEntityInput } from '../src/domain/registration.ts';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'kk' | 'ru';

interface Topic {
  issueCategory: string;
  summary: Record<Lang, string[]>;
  sentences: Record<Lang, string[]>;
}

// {street}, {house}, {settlement}, {n}, {year}, {date} are filled in per appeal.
const TOPICS: Topic[] = [
  {
    issueCategory: 'landAllocation',
    summary: {
      kk: ['Жеке тұрғын үй құрылысы үшін жер учаскесін беру туралы', 'Жер учаскесін беру кезегі туралы'],
      ru: ['О предоставлении земельного участка под ИЖС', 'Об очереди на получение земельного участка'],
    },
    sentences: {
      kk: [
        '{settlement} ауылында жеке тұрғын үй құрылысы үшін жер учаскесін беруді сұраймын.',
        'Мен {year} жылдан бері жер учаскесін алу кезегінде тұрмын, кезектегі нөмірім {n}.',
        'Отбасымда үш бала бар, қазір жалға алынған пәтерде тұрамыз.',
        'Өткен жылы берілген жауапта учаскелер жақын арада бөлінеді деп көрсетілген еді, бірақ әлі шешім жоқ.',
        'Кезектің жылжуы туралы және учаскелерді бөлу мерзімі туралы ақпарат беруіңізді өтінемін.',
      ],
      ru: [
        'Прошу предоставить земельный участок под индивидуальное жилищное строительство в селе {settlement}.',
        'Состою в очереди на получение участка с {year} года, мой номер в очереди {n}.',
        'У меня трое детей, сейчас мы снимаем квартиру по улице {street}.',
        'В прошлогоднем ответе было указано, что участки будут распределены в ближайшее время, но решения до сих пор нет.',
        'Прошу сообщить о движении очереди и сроках распределения участков.',
      ],
    },
  },
  {
    issueCategory: 'waterSupply',
    summary: {
      kk: ['Ауыз судың болмауы туралы', 'Үйді орталық су құбырына қосу туралы'],
      ru: ['Об отсутствии питьевой воды', 'О подключении дома к центральному водопроводу'],
    },
    sentences: {
      kk: [
        '{street} көшесіндегі {house} үйде {date} бастап ауыз су жоқ.',
        'Су жеткізу мекемесіне бірнеше рет қоңырау шалдық, бірақ нақты жауап алмадық.',
        'Көшедегі {n} үйдің тұрғындары суды алыс жерден тасуға мәжбүр.',
        'Қарттар мен балалар үшін бұл өте қиын, әсіресе суық мезгілде.',
        'Су құбырын жөндеу жұмыстарын жеделдетуді және уақытша су жеткізуді ұйымдастыруды сұраймыз.',
      ],
      ru: [
        'С {date} в доме {house} по улице {street} нет питьевой воды.',
        'Мы несколько раз звонили в водоканал, но конкретного ответа не получили.',
        'Жители {n} домов на улице вынуждены возить воду издалека.',
        'Для пожилых людей и детей это очень тяжело, особенно в холодное время года.',
        'Просим ускорить ремонт водопровода и организовать временный подвоз воды.',
      ],
    },
  },
  {
    issueCategory: 'roads',
    summary: {
      kk: ['Көшедегі жолды жөндеу туралы', 'Жолдағы шұңқырлар туралы'],
      ru: ['О ремонте дороги на улице', 'О ямах на проезжей части'],
    },
    sentences: {
      kk: [
        '{settlement} ауылындағы {street} көшесінің жолы әбден бұзылған.',
        'Жолда терең шұңқырлар пайда болды, жаңбырдан кейін олар сумен толып қалады.',
        'Мектеп автобусы бұл көшеден өте алмай, балалар {n} шақырым жаяу жүреді.',
        'Жол {year} жылы жөнделген, бірақ жұмыстың сапасы нашар болды.',
        'Жолды күрделі жөндеу жоспарына енгізуді сұраймын.',
      ],
      ru: [
        'Дорога на улице {street} в селе {settlement} полностью разбита.',
        'На проезжей части образовались глубокие ямы, после дождя они заполняются водой.',
        'Школьный автобус не может проехать по этой улице, дети идут пешком {n} километра.',
        'Дорогу ремонтировали в {year} году, но качество работ было низким.',
        'Прошу включить улицу в план капитального ремонта дорог.',
      ],
    },
  },
  {
    issueCategory: 'heating',
    summary: {
      kk: ['Пәтердегі жылудың төмен болуы туралы', 'Жылыту маусымы туралы'],
      ru: ['О низкой температуре в квартире', 'О проблемах с отоплением'],
    },
    sentences: {
      kk: [
        '{street} көшесі, {house} үйдегі пәтерде температура {n} градустан аспайды.',
        'Жылу беру ұйымына {date} өтініш бердік, бірақ жағдай өзгерген жоқ.',
        'Үйде кішкентай балалар мен қарт адамдар тұрады, олар жиі ауырады.',
        'Жылу үшін төлемді уақытында төлеп отырмыз.',
        'Жылу беру жүйесін тексеріп, қайта есептеу жүргізуді сұраймыз.',
      ],
      ru: [
        'В квартире дома {house} по улице {street} температура не поднимается выше {n} градусов.',
        'Мы обращались в теплоснабжающую организацию {date}, но ничего не изменилось.',
        'В доме живут маленькие дети и пожилые люди, они часто болеют.',
        'Оплату за отопление вносим своевременно.',
        'Просим проверить систему отопления и произвести перерасчет.',
      ],
    },
  },
  {
    issueCategory: 'preschool',
    summary: {
      kk: ['Балабақшаға орын беру туралы', 'Мектепке дейінгі ұйымға кезек туралы'],
      ru: ['О предоставлении места в детском саду', 'Об очереди в дошкольную организацию'],
    },
    sentences: {
      kk: [
        'Балам {year} жылдан бері балабақшаға кезекте тұр, кезектегі нөмірі {n}.',
        'Жұмысқа шығуым керек, бірақ баланы қалдыратын жер жоқ.',
        '{settlement} ауылындағы балабақшада орын жоқ деп жауап берді.',
        'Жаңа балабақша салу жоспары бар ма екенін білгім келеді.',
        'Балама жақын маңдағы балабақшадан орын беруіңізді сұраймын.',
      ],
      ru: [
        'Мой ребенок стоит в очереди в детский сад с {year} года, номер в очереди {n}.',
        'Мне нужно выходить на работу, но ребенка оставить не с кем.',
        'В детском саду села {settlement} ответили, что мест нет.',
        'Хотелось бы узнать, планируется ли строительство нового детского сада.',
        'Прошу предоставить место в ближайшем детском саду.',
      ],
    },
  },
  {
    issueCategory: 'targetedSocialAssistance',
    summary: {
      kk: ['Атаулы әлеуметтік көмек тағайындау туралы', 'Әлеуметтік көмекті қайта есептеу туралы'],
      ru: ['О назначении адресной социальной помощи', 'О перерасчете социальной помощи'],
    },
    sentences: {
      kk: [
        'Көп балалы отбасымыз үшін атаулы әлеуметтік көмек тағайындауды сұраймын.',
        'Жұбайым {date} бастап жұмыссыз, отбасының табысы азайды.',
        'Қажетті құжаттарды {n} рет тапсырдым, бірақ шешім әлі қабылданған жоқ.',
        'Көмектің мөлшері отбасы мүшелерінің санына сәйкес келмейді деп ойлаймын.',
        'Құжаттарымды қарап, көмекті қайта есептеуіңізді өтінемін.',
      ],
      ru: [
        'Прошу назначить адресную социальную помощь нашей многодетной семье.',
        'Супруг с {date} не работает, доход семьи уменьшился.',
        'Необходимые документы я сдавала {n} раза, но решение до сих пор не принято.',
        'Считаю, что размер помощи не соответствует числу членов семьи.',
        'Прошу рассмотреть мои документы и пересчитать размер помощи.',
      ],
    },
  },
  {
    issueCategory: 'medicalCare',
    summary: {
      kk: ['Емханадағы кезек туралы', 'Дәрігерге жазылу мүмкіндігі туралы'],
      ru: ['Об очередях в поликлинике', 'О записи к врачу'],
    },
    sentences: {
      kk: [
        '{settlement} ауылының емханасында маман дәрігерге жазылу мүмкін емес.',
        'Кардиологқа жазылу үшін {n} күн күтуге тура келеді.',
        'Ауылдық дәрігерлік амбулаторияда {year} жылдан бері тұрақты дәрігер жоқ.',
        'Қарт адамдар аудан орталығына бару үшін жол ақысын төлей алмайды.',
        'Көшпелі медициналық бригаданы тұрақты жіберуді ұйымдастыруды сұраймын.',
      ],
      ru: [
        'В поликлинике села {settlement} невозможно записаться к узкому специалисту.',
        'Очередь к кардиологу составляет {n} дней.',
        'Во врачебной амбулатории с {year} года нет постоянного врача.',
        'Пожилые люди не могут оплатить дорогу до районного центра.',
        'Прошу организовать регулярные выезды мобильной медицинской бригады.',
      ],
    },
  },
  {
    issueCategory: 'wasteCollection',
    summary: {
      kk: ['Қоқыс шығару туралы', 'Заңсыз қоқыс үйіндісі туралы'],
      ru: ['О вывозе мусора', 'О несанкционированной свалке'],
    },
    sentences: {
      kk: [
        '{street} көшесіндегі контейнерлерден қоқыс {n} аптадан бері шығарылмаған.',
        'Ауылдың шетінде заңсыз қоқыс үйіндісі пайда болды.',
        'Жел соққанда қоқыс бүкіл көшеге шашылады.',
        'Қоқыс шығару үшін ай сайын төлем жасаймыз.',
        'Қоқыс шығару кестесін сақтауды және үйіндіні жоюды сұраймыз.',
      ],
      ru: [
        'Мусор из контейнеров на улице {street} не вывозится уже {n} недели.',
        'На окраине села образовалась несанкционированная свалка.',
        'При ветре мусор разносится по всей улице.',
        'Мы ежемесячно оплачиваем услуги по вывозу мусора.',
        'Просим обеспечить соблюдение графика вывоза и ликвидировать свалку.',
      ],
    },
  },
  {
    issueCategory: 'publicTransport',
    summary: {
      kk: ['Ауданаралық автобус қатынасы туралы', 'Автобус кестесі туралы'],
      ru: ['О междугороднем автобусном сообщении', 'О расписании автобусов'],
    },
    sentences: {
      kk: [
        '{settlement} ауылынан аудан орталығына автобус күніне {n} рет қана жүреді.',
        'Кестедегі рейстер жиі тоқтатылады, жолаушыларға ескертілмейді.',
        'Студенттер мен жұмысшылар сабаққа және жұмысқа кешігеді.',
        'Автобустың техникалық жағдайы нашар, қыста салқын.',
        'Қосымша рейстер ашуды және кестенің сақталуын бақылауды сұраймыз.',
      ],
      ru: [
        'Автобус из села {settlement} в районный центр ходит всего {n} раза в день.',
        'Рейсы по расписанию часто отменяются без предупреждения пассажиров.',
        'Студенты и работающие опаздывают на занятия и на работу.',
        'Техническое состояние автобуса плохое, зимой в салоне холодно.',
        'Просим открыть дополнительные рейсы и контролировать соблюдение расписания.',
      ],
    },
  },
  {
    issueCategory: 'gratitude',
    summary: {
      kk: ['Алғыс хат', 'Қызметкерлерге алғыс туралы'],
      ru: ['Благодарственное письмо', 'Благодарность сотрудникам'],
    },
    sentences: {
      kk: [
        '{settlement} ауылындағы халыққа қызмет көрсету орталығының қызметкерлеріне алғысымды білдіремін.',
        'Құжаттарым {n} күнде дайын болды, мамандар бәрін түсіндіріп берді.',
        '{street} көшесіндегі жолды жөндеу жұмыстары сапалы әрі уақытылы орындалды.',
        'Тұрғындар атынан әкімдіктің жұмысына ризашылығымызды жеткіземіз.',
        'Осындай жауапты қызметкерлерді марапаттауды сұраймын.',
      ],
      ru: [
        'Выражаю благодарность сотрудникам центра обслуживания населения села {settlement}.',
        'Мои документы были готовы за {n} дня, специалисты все подробно объяснили.',
        'Ремонт дороги на улице {street} выполнен качественно и в срок.',
        'От имени жителей благодарим акимат за работу.',
        'Прошу поощрить таких ответственных сотрудников.',
      ],
    },
  },
];

const OPENINGS: Record<Lang, string[]> = {
  kk: ['Құрметті әкім мырза!', 'Құрметті аудан әкімі!', 'Сізге келесі мәселе бойынша жүгініп отырмын.', 'Ассалаумағалейкум!'],
  ru: ['Уважаемый аким!', 'Уважаемый господин аким района!', 'Обращаюсь к вам по следующему вопросу.', 'Здравствуйте!'],
};
const CLOSINGS: Record<Lang, string[]> = {
  kk: ['Жауапты жазбаша түрде беруіңізді сұраймын.', 'Алдын ала рахмет.', 'Мәселені шешуге көмектесулеріңізді сұраймын.', 'Жауабыңызды күтемін.'],
  ru: ['Прошу дать ответ в письменной форме.', 'Заранее благодарю.', 'Прошу помочь в решении вопроса.', 'Жду вашего ответа.'],
};

const SETTLEMENTS = ['Щучинск', 'Бурабай', 'Ақылбай', 'Златополье', 'Веденовка', 'Катарколь', 'Көкшетау', 'Зеренді', 'Шортанды', 'Дамса'];
const STREETS = ['Абай', 'Абылай хан', 'Кенесары', 'Мұхтар Әуезов', 'Тәуелсіздік', 'Бейбітшілік', 'Мектеп', 'Орталық', 'Жеңіс', 'Луговая', 'Ленин', 'Сәкен Сейфуллин'];
const LAST_NAMES: Record<'male' | 'female', string[]> = {
  male: ['Әлібеков', 'Серікбаев', 'Нұрланов', 'Ахметов', 'Жақсылықов', 'Иванов', 'Ким', 'Оспанов', 'Төлеуов', 'Бекмұхамедов', 'Петров', 'Сейітов', 'Құдайбергенов', 'Мұқанов'],
  female: ['Әлібекова', 'Серікбаева', 'Нұрланова', 'Ахметова', 'Жақсылықова', 'Иванова', 'Ким', 'Оспанова', 'Төлеуова', 'Бекмұхамедова', 'Петрова', 'Сейітова', 'Құдайбергенова', 'Мұқанова'],
};
const FIRST_NAMES: Record<'male' | 'female', string[]> = {
  male: ['Қуаныш', 'Ержан', 'Дәурен', 'Нұрлан', 'Асқар', 'Сергей', 'Бауыржан', 'Ерлан', 'Айдос', 'Виктор', 'Талғат', 'Мұрат'],
  female: ['Гүлнұр', 'Әйгерім', 'Ләззат', 'Айгүл', 'Динара', 'Ольга', 'Жанар', 'Сәуле', 'Мадина', 'Елена', 'Назым', 'Арай'],
};
const MIDDLE_NAMES: Record<'male' | 'female', string[]> = {
  male: ['Ұланұлы', 'Болатұлы', 'Маратұлы', 'Сергеевич', 'Қайратұлы', ''],
  female: ['Ұланқызы', 'Болатқызы', 'Маратқызы', 'Сергеевна', 'Қайратқызы', ''],
};
const COMPANY_NAMES = ['Көкшетау Агро', 'Бурабай Тур', 'Щучье Сервис', 'Дала Құрылыс', 'Ақмола Жылу', 'Зеренді Мал', 'Степной Транс', 'Оқжетпес Қонақ үйі'];
const COMPLAINED = [
  { name: 'Бурабай ауданының тұрғын үй-коммуналдық шаруашылығы бөлімі', official: 'Бөлім басшысы Серікбаев А.' },
  { name: 'Бурабай ауданының жер қатынастары бөлімі', official: 'Бас маман Омаров Д.' },
  { name: 'Щучинск қаласының әкімі аппараты', official: 'Әкімнің орынбасары Қасымов Н.' },
  { name: 'Бурабай ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі', official: 'Бөлім басшысының орынбасары Бекова Ә.' },
];
const NATIONALITIES = ['kazakh', 'kazakh', 'kazakh', 'russian', 'ukrainian', 'german', 'tatar', 'korean', 'notStated'];
const SOCIAL_STATUSES = ['employed', 'selfEmployed', 'unemployed', 'pensioner', 'student', 'civilServant', 'disabled'];
const BUSINESS_CATEGORIES = ['micro', 'small', 'medium', 'large', 'nonCommercial'];
const ADDRESSEE_CATEGORIES = ['firstHead', 'deputyHead', 'structuralUnit', 'organization'];
const MOBILE_CODES = ['701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];

// [value, weight]
const DOCUMENT_TYPES: [RegistrationInput['documentType'], number][] = [
  ['application', 40],
  ['complaint', 15],
  ['report', 15],
  ['inquiry', 10],
  ['feedback', 10],
  ['proposal', 10],
];
const FORMS: [RegistrationInput['form'], number][] = [
  ['paper', 35],
  ['electronic', 45],
  ['oral', 12],
  ['video', 8],
];
const CHANNELS: Record<RegistrationInput['form'], RegistrationInput['channel'][]> = {
  paper: ['post', 'inPerson', 'complaintBox'],
  electronic: ['egovPortal', 'publicPortal', 'email'],
  oral: ['personalReception', 'contactCentre'],
  video: ['publicPortal', 'personalReception'],
};
type ApplicantKind = 'individual' | 'legalEntity' | 'collective' | 'anonymous';
const APPLICANT_KINDS: [ApplicantKind, number][] = [
  ['individual', 72],
  ['legalEntity', 12],
  ['collective', 7],
  ['anonymous', 9],
];

/** Appeals that come again from one applicant on one topic. */
const REPEAT_SHARE = 0.1;
const RECENT = 2000;

export class BodyGenerator {
  private readonly random: () => number;
  private readonly recent: { applicant: IndividualInput | LegalEntityInput; topic: Topic; lang: Lang }[] = [];
  generated = 0;

  constructor(seed = 1) {
    this.random = prng(seed);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  private weighted<T>(list: readonly [T, number][]): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = this.random() * total;
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  }

  iin(): { iin: string; birthDate: string; sex: 'male' | 'female' } {
    const sex = this.random() < 0.5 ? 'male' : 'female';
    const birthDate = `${this.int(1940, 2006)}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`;
    for (let serial = this.int(0, 9998); ; serial = (serial + 1) % 10_000) {
      const iin = composeIin(birthDate, sex, serial);
      if (iin) return { iin, birthDate, sex };
    }
  }

  bin(): string {
    for (;;) {
      const first11 = `${String(this.int(0, 24)).padStart(2, '0')}${String(this.int(1, 12)).padStart(2, '0')}40${String(this.int(0, 99_999)).padStart(5, '0')}`;
      const check = checkDigit(first11);
      if (check !== null) return `${first11}${check}`;
    }
  }

  private phone(): string {
    const code = this.pick(MOBILE_CODES);
    const n = String(this.int(0, 9_999_999)).padStart(7, '0');
    return this.random() < 0.5 ? `+7${code}${n}` : `8 ${code} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`;
  }

  private address() {
    return {
      region: 'Ақмола облысы',
      district: 'Бурабай ауданы',
      settlement: this.pick(SETTLEMENTS),
      street: `${this.pick(STREETS)} көшесі`,
      house: String(this.int(1, 120)),
      ...(this.random() < 0.4 ? { flat: String(this.int(1, 80)) } : {}),
    };
  }

  individual(): IndividualInput {
    const { iin, sex } = this.iin();
    const middleName = this.pick(MIDDLE_NAMES[sex]);
    return {
      kind: 'individual',
      iin,
      lastName: this.pick(LAST_NAMES[sex]),
      firstName: this.pick(FIRST_NAMES[sex]),
      ...(middleName ? { middleName } : {}),
      nationality: this.pick(NATIONALITIES),
      socialStatus: this.pick(SOCIAL_STATUSES),
      address: this.address(),
      phone: this.phone(),
      ...(this.random() < 0.3 ? { email: `user${this.int(1, 999_999)}@mail.kz` } : {}),
    };
  }

  legalEntity(): LegalEntityInput {
    const sex = this.random() < 0.5 ? 'male' : 'female';
    return {
      kind: 'legalEntity',
      bin: this.bin(),
      name: `${this.random() < 0.5 ? 'ЖШС' : 'ТОО'} «${this.pick(COMPANY_NAMES)}-${this.int(1, 999)}»`,
      address: this.address(),
      businessCategory: this.pick(BUSINESS_CATEGORIES),
      representative: { lastName: this.pick(LAST_NAMES[sex]), firstName: this.pick(FIRST_NAMES[sex]), iin: this.iin().iin },
      phone: this.phone(),
    };
  }

  private fill(s: string): string {
    return s.replace(/\{(\w+)\}/g, (_, k: string) => {
      switch (k) {
        case 'street':
          return this.pick(STREETS);
        case 'house':
          return String(this.int(1, 120));
        case 'settlement':
          return this.pick(SETTLEMENTS);
        case 'n':
          return String(this.int(2, 60));
        case 'year':
          return String(this.int(2015, 2025));
        case 'date':
          return `${String(this.int(1, 28)).padStart(2, '0')}.${String(this.int(1, 12)).padStart(2, '0')}.2026`;
        default:
          return k;
      }
    });
  }

  /** About 500 characters: an opening, topic sentences in a varying order, a closing. */
  text(topic: Topic, lang: Lang): string {
    const parts = [this.pick(OPENINGS[lang])];
    const pool = [...topic.sentences[lang]];
    let length = parts[0]!.length;
    while (pool.length > 0 && length < 440) {
      const s = this.fill(pool.splice(Math.floor(this.random() * pool.length), 1)[0]!);
      parts.push(s);
      length += s.length + 1;
    }
    parts.push(this.pick(CLOSINGS[lang]));
    return parts.join(' ');
  }

  next(): RegistrationInput {
    this.generated++;
    const documentType = this.weighted(DOCUMENT_TYPES);
    let form = this.weighted(FORMS);
    if (documentType === 'complaint' && (form === 'oral' || form === 'video')) form = 'paper';

    let kind = this.weighted(APPLICANT_KINDS);
    let topic = this.pick(TOPICS);
    let lang: Lang = this.random() < 0.55 ? 'kk' : 'ru';
    let repeated: (typeof this.recent)[number] | undefined;
    if ((kind === 'individual' || kind === 'legalEntity') && this.recent.length > 0 && this.random() < REPEAT_SHARE) {
      repeated = this.pick(this.recent);
      ({ topic, lang } = repeated);
      kind = repeated.applicant.kind;
    }
    const text = this.text(topic, lang);
    const body: RegistrationInput = {
      documentType,
      form,
      channel: this.pick(CHANNELS[form]),
      language: lang,
      summary: this.pick(topic.summary[lang]),
      text,
      issueCategory: topic.issueCategory,
      ...(this.random() < 0.5 ? { addresseeCategory: this.pick(ADDRESSEE_CATEGORIES) } : {}),
    };
    if (form === 'oral') body.protocolText = `${lang === 'kk' ? 'Өтініш беруші ауызша жеткізді:' : 'Заявитель устно сообщил:'} ${text.slice(0, 300)}`;
    if (documentType === 'complaint') {
      const c = this.pick(COMPLAINED);
      body.complainedOrganizationName = c.name;
      body.complainedOfficial = c.official;
    }
    if (kind === 'anonymous') body.anonymous = true;
    else if (kind === 'collective') body.applicants = Array.from({ length: this.int(2, 4) }, () => this.individual());
    else {
      const applicant = repeated?.applicant ?? (kind === 'individual' ? this.individual() : this.legalEntity());
      body.applicant = applicant;
      if (!repeated) {
        if (this.recent.length < RECENT) this.recent.push({ applicant, topic, lang });
        else this.recent[this.int(0, RECENT - 1)] = { applicant, topic, lang };
      }
    }
    return body;
  }
}
