// The shape of a country for bench/country.ts: the organization tree under the shipped 67 report
// rows (src/db/reference), extended synthetically, and the word lists appeals are made of.
// Deterministic: the same counts give the same tree.

export interface ShippedOrganization {
  id: number;
  code: string;
  kind: string;
  kato: string | null;
  report_row: number | null;
  parent_id: number | null;
}

export interface NewOrganization {
  id: number;
  parent: number;
  code: string;
  kind: string;
  kato: string | null;
  /** How many appeals it gets, relative to the others. */
  weight: number;
  /** Its users, relative to the others. */
  staff: number;
}

/** The organization whose subtree the oblast controller of the benchmark watches (AKM-AKIMAT). */
export const FOCUS_AKIMAT = 'AKM-AKIMAT';

/**
 * The tree: local executive bodies (20 report rows) hold most organizations — an oblast or city
 * akimat with its departments, districts (district akimats) with rural okrugs and state bodies
 * below them; one oblast (Akmola, whose akimat, apparatus and control department ship) gets
 * `focusShare` of them, about 10,000 of 50,000; central bodies get territorial units.
 */
export function countryTree(shipped: ShippedOrganization[], total: number, focusShare = 0.2): NewOrganization[] {
  const byCode = new Map(shipped.map((o) => [o.code, o]));
  const reportRows = shipped.filter((o) => o.report_row !== null && o.parent_id === null);
  let nextId = Math.max(...shipped.map((o) => o.id)) + 1;
  const out: NewOrganization[] = [];
  const add = (parent: number, kind: string, kato: string | null, weight: number, staff: number) => {
    const id = nextId++;
    out.push({ id, parent, code: `C${id}`, kind, kato, weight, staff });
    return id;
  };
  const left0 = total - shipped.length;
  const leb = reportRows.filter((o) => o.kind === 'localExecutiveBodies');
  const others = reportRows.filter((o) => o.kind !== 'localExecutiveBodies');
  const focus = byCode.get(FOCUS_AKIMAT);
  const focusRow = focus ? shipped.find((o) => o.id === focus.parent_id) : undefined;
  const lebTotal = Math.floor(left0 * 0.8);
  const focusCount = focus ? Math.floor(left0 * focusShare) : 0;
  const perLeb = Math.floor((lebTotal - focusCount) / Math.max(1, leb.length - (focus ? 1 : 0)));
  const perOther = Math.floor((left0 - lebTotal) / others.length);
  const territory = (akimat: number, kato: string | null, count: number) => {
    let left = count;
    for (let i = 0; i < 18 && left > 0; i++, left--) add(akimat, 'department', kato, 6, 25);
    const districts = Math.max(1, Math.round(count / 120));
    for (let d = 0; d < districts && left > 0; d++) {
      const district = add(akimat, 'districtAkimat', kato, 12, 30);
      left--;
      const under = Math.floor(left / (districts - d));
      for (let i = 0; i < under && left > 0; i++, left--) {
        const rural = i % 4 === 0;
        add(district, rural ? 'ruralAkimat' : 'stateEnterprise', kato, rural ? 0.6 : 0.15, rural ? 4 : 3);
      }
    }
  };
  for (const row of leb) {
    if (focus && row.id === focusRow?.id) {
      territory(focus.id, focus.kato, focusCount);
      continue;
    }
    const akimat = add(row.id, 'akimat', row.kato, 40, 60);
    territory(akimat, row.kato, perLeb - 1);
  }
  for (const row of others) {
    for (let i = 0; i < perOther; i++) add(row.id, i === 0 ? 'stateBody' : 'department', i < leb.length ? (leb[i]!.kato ?? null) : null, i === 0 ? 30 : 1, i === 0 ? 80 : 6);
  }
  return out;
}

/** Summaries with their issue category, in Kazakh and Russian (the summary is the first words). */
export const TOPICS: [string, string, string][] = [
  ['housing', 'kk', 'Көп пәтерлі үйдің шатырын жөндеу туралы'],
  ['housing', 'ru', 'О ремонте кровли многоквартирного дома'],
  ['utilities', 'kk', 'Ыстық су берілмеуі туралы шағым'],
  ['utilities', 'ru', 'Об отсутствии горячего водоснабжения'],
  ['roads', 'kk', 'Ауылдық жолды асфальттау туралы'],
  ['roads', 'ru', 'Об асфальтировании дороги в селе'],
  ['education', 'kk', 'Мектеп автобусының кестесі туралы'],
  ['education', 'ru', 'О месте в детском саду для ребёнка'],
  ['health', 'kk', 'Емханада дәрігерге жазылу мүмкін еместігі туралы'],
  ['health', 'ru', 'О записи к врачу в поликлинике'],
  ['land', 'kk', 'Жеке тұрғын үй құрылысы үшін жер учаскесін беру туралы'],
  ['land', 'ru', 'О предоставлении земельного участка под ИЖС'],
  ['labour', 'kk', 'Жұмысқа орналасуға көмек туралы'],
  ['labour', 'ru', 'О содействии в трудоустройстве'],
  ['socialProtection', 'kk', 'Әлеуметтік көмек тағайындау туралы'],
  ['socialProtection', 'ru', 'О назначении адресной социальной помощи'],
  ['transport', 'kk', 'Қалалық автобус бағытын ұзарту туралы'],
  ['transport', 'ru', 'О продлении маршрута городского автобуса'],
  ['agriculture', 'kk', 'Жайылымды пайдалану туралы'],
  ['agriculture', 'ru', 'О выделении пастбищ для скота'],
  ['ecology', 'kk', 'Заңсыз қоқыс үйінділері туралы'],
  ['ecology', 'ru', 'О несанкционированной свалке мусора'],
  ['landscaping', 'kk', 'Көше жарығын орнату туралы'],
  ['landscaping', 'ru', 'Об установке уличного освещения'],
];

/** Sentences the texts are made of. */
export const SENTENCES = [
  'Прошу принять меры и сообщить о результатах рассмотрения в установленный срок.',
  'Неоднократно обращались в коммунальную службу, однако вопрос до сих пор не решён.',
  'Жители нашего дома просят провести проверку и устранить нарушения.',
  'К обращению прилагаю фотографии и копии ранее полученных ответов.',
  'Ситуация повторяется каждый год с наступлением холодов.',
  'Прошу рассмотреть возможность включения работ в план на следующий год.',
  'Ответ прошу направить на электронную почту и по почтовому адресу.',
  'Мәселені қарап, нәтижесі туралы белгіленген мерзімде хабарлауыңызды сұраймын.',
  'Бірнеше рет коммуналдық қызметке жүгіндік, бірақ мәселе әлі шешілген жоқ.',
  'Үйіміздің тұрғындары тексеру жүргізіп, бұзушылықтарды жоюды сұрайды.',
  'Өтінішке фотосуреттер мен бұрын алынған жауаптардың көшірмелерін қоса беремін.',
  'Жағдай жыл сайын суық түскенде қайталанады.',
  'Жұмыстарды келесі жылдың жоспарына енгізу мүмкіндігін қарауды сұраймын.',
  'Жауапты электрондық поштаға және пошта мекенжайына жіберуді сұраймын.',
  'В районе отсутствует освещение, вечером детям опасно возвращаться из школы.',
  'Подрядчик работы не завершил, акт приёмки подписан без проверки.',
];

export const LAST_NAMES = ['Жұмабеков', 'Омаров', 'Сүлейменов', 'Ахметов', 'Нұрланов', 'Иванов', 'Ким', 'Тоқаев', 'Серікбаев', 'Петров', 'Әбенов', 'Қасымов', 'Бекова', 'Мусина', 'Смирнова', 'Оспанова'];
export const FIRST_NAMES = ['Ерлан', 'Айгүл', 'Дәурен', 'Гүлнұр', 'Нұрлан', 'Сергей', 'Алия', 'Асқар', 'Мария', 'Бауыржан', 'Жанар', 'Арман', 'Ольга', 'Марат', 'Динара', 'Тимур'];
export const MIDDLE_NAMES = ['Серікұлы', 'Болатұлы', 'Жақсылықұлы', 'Әбдіқадірқызы', 'Ахметқызы', 'Иванович', 'Петровна', 'Маратұлы', null];

/** A one-page PDF stand-in for the letters (the real ones are 30–40 kB: 5 million of them would
 *  be 175 GB). */
export const LETTER_PDF_BYTES = 2400;
