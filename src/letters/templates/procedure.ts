// Cover letters of the records of the procedure: 4.5 attached to the main appeal, 4.6 withdrawn,
// 4.8 challenge of an official, 4.9 / 4.10 representative admitted / removed, 4.16 access to the file.

import { T, art, bodies, clause, contactLine, formatDate, formatDateTime, kkDative, paren, pick, reasonParagraph, representativeName, rulesPoint, type Templates } from './common.ts';

export const PROCEDURE_TEMPLATES: Templates<'4.5' | '4.6' | '4.8' | '4.9' | '4.10' | '4.16'> = {
  // 4.5 — attached to the main appeal (rules p.22)
  '4.5': {
    title: T('Жолданымды негізгі жолданымға қосу туралы', 'О приобщении обращения к основному обращению', 'Attachment of the appeal to the main appeal'),
    basis: rulesPoint(22),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const main = d.decision.mainAppealNumber ? ` № ${d.decision.mainAppealNumber}` : '';
        return [
          `${x.date} ж. жолданымыңыз бұрын тіркелген${main} жолданымға қосылды және соның шеңберінде қаралатын болады ` + `${paren(rulesPoint(22), 'kk')}.`,
          ...reasonParagraph('kk', x.reason),
          'Қарау нәтижелері туралы Сізге негізгі жолданымды қарау үшін белгіленген мерзімде хабарланады.',
        ];
      },
      ru: (d, x) => {
        const main = d.decision.mainAppealNumber ? ` № ${d.decision.mainAppealNumber}` : '';
        return [
          `${x.date} Ваше обращение приобщено к ранее зарегистрированному обращению${main} и будет рассмотрено в его рамках ` + `${paren(rulesPoint(22), 'ru')}.`,
          ...reasonParagraph('ru', x.reason),
          'О результатах рассмотрения Вам будет сообщено в сроки, установленные для рассмотрения основного обращения.',
        ];
      },
      en: (d, x) => {
        const main = d.decision.mainAppealNumber ? ` No. ${d.decision.mainAppealNumber}` : '';
        return [
          `On ${x.date} your appeal was attached to the earlier registered appeal${main} and will be reviewed together ` + `with it ${paren(rulesPoint(22), 'en')}.`,
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
          `${received}олданымды кері қайтарып алу туралы өтінішіңіз қабылданды. ${kkDative(art(64, 9).kk)} сәйкес ${x.date} ж. ` + 'жолданымыңызды қарау оның мәні бойынша шешім қабылданбастан аяқталды.',
          ...reasonParagraph('kk', x.reason),
        ];
      },
      ru: (d, x) => {
        const received = d.decision.withdrawalReceivedAt ? `, поступившее ${formatDate(d.decision.withdrawalReceivedAt)},` : '';
        return [
          `Ваше заявление об отзыве обращения${received} принято. В соответствии с частью 9 статьи 64 АППК РК ${x.date} ` + 'рассмотрение обращения завершено без принятия решения по существу.',
          ...reasonParagraph('ru', x.reason),
        ];
      },
      en: (d, x) => {
        const received = d.decision.withdrawalReceivedAt ? ` received on ${formatDate(d.decision.withdrawalReceivedAt)}` : '';
        return [
          `Your application to withdraw the appeal${received} has been accepted. Under APPC Art. 64(9), the review of ` + `the appeal ended on ${x.date} without a decision on the merits.`,
          ...reasonParagraph('en', x.reason),
        ];
      },
    }),
  },

  // 4.8 — challenge (recusal / self-recusal) of an official (Art. 67)
  '4.8': {
    title: T('Лауазымды адамға қарсылық білдіру (өздігінен бас тарту) туралы', 'Об отводе (самоотводе) должностного лица', 'Challenge (recusal) of an official'),
    basis: art(67),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const official = (d.decision.officialName ?? d.decision.official)?.trim();
        const who = official ? ` (${official})` : '';
        const replacement = d.decision.replacementName ? `: ${d.decision.replacementName}` : '';
        const first = d.decision.selfRecusal
          ? `Жолданымыңызды қарайтын лауазымды адам${who} өздігінен бас тарту туралы мәлімдеді; ол ${x.date} ж. ` + `қанағаттандырылды ${paren(art(67), 'kk')}.`
          : d.decision.granted === false
            ? `Лауазымды адамға${who} қарсылық білдіру туралы өтінішіңіз қаралды, ${x.date} ж. оны қанағаттандырудан бас ` + `тартылды ${paren(art(67), 'kk')}.`
            : `Лауазымды адамға${who} қарсылық білдіру туралы өтінішіңіз қаралып, ${x.date} ж. қанағаттандырылды ` + `${paren(art(67), 'kk')}.`;
        return [first, ...(d.decision.granted === false ? [] : [`Жолданымды одан әрі қарау басқа лауазымды адамға тапсырылды${replacement}.`]), ...reasonParagraph('kk', x.reason)];
      },
      ru: (d, x) => {
        const official = (d.decision.officialName ?? d.decision.official)?.trim();
        const who = official ? ` (${official})` : '';
        const replacement = d.decision.replacementName ? `: ${d.decision.replacementName}` : '';
        const first = d.decision.selfRecusal
          ? `Должностное лицо${who}, рассматривающее Ваше обращение, заявило самоотвод, который ${x.date} удовлетворен ` + `${paren(art(67), 'ru')}.`
          : d.decision.granted === false
            ? `Ваше заявление об отводе должностного лица${who} рассмотрено; ${x.date} в его удовлетворении отказано ` + `${paren(art(67), 'ru')}.`
            : `Ваше заявление об отводе должностного лица${who} рассмотрено и ${x.date} удовлетворено ${paren(art(67), 'ru')}.`;
        return [first, ...(d.decision.granted === false ? [] : [`Дальнейшее рассмотрение обращения поручено другому должностному лицу${replacement}.`]), ...reasonParagraph('ru', x.reason)];
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
        return [first, ...(d.decision.granted === false ? [] : [`The review of the appeal has been assigned to another official${replacement}.`]), ...reasonParagraph('en', x.reason)];
      },
    }),
  },

  // 4.9 — representative joined (Art. 68 p.2)
  '4.9': {
    title: T('Арыз иесінің өкілін әкімшілік рәсімге жіберу туралы', 'О допуске представителя заявителя к административной процедуре', "Admission of the applicant's representative"),
    basis: art(68, 2),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} ж. Сіздің өкіліңіз${name ? ` (${name})` : ''} жолданымыңыз бойынша әкімшілік рәсімге қатысуға жіберілді ` + `${paren(art(68, 2), 'kk')}.`,
          'Өкіл Сіздің атыңыздан өзіне берілген өкілеттіктер шегінде әрекет етуге құқылы.',
          ...reasonParagraph('kk', x.reason),
        ];
      },
      ru: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} Ваш представитель${name ? ` (${name})` : ''} допущен к участию в административной процедуре по Вашему ` + `обращению ${paren(art(68, 2), 'ru')}.`,
          'Представитель вправе действовать от Вашего имени в пределах предоставленных ему полномочий.',
          ...reasonParagraph('ru', x.reason),
        ];
      },
      en: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `On ${x.date} your representative${name ? ` (${name})` : ''} was admitted to the administrative procedure on ` + `your appeal ${paren(art(68, 2), 'en')}.`,
          'The representative may act on your behalf within the powers granted.',
          ...reasonParagraph('en', x.reason),
        ];
      },
    }),
  },

  // 4.10 — representative removed (Art. 68 p.5)
  '4.10': {
    title: T('Арыз иесінің өкілін шеттету туралы', 'Об отстранении представителя заявителя', "Removal of the applicant's representative"),
    basis: art(68, 5),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} ж. Сіздің өкіліңіз${name ? ` (${name})` : ''} әкімшілік рәсімге қатысудан шеттетілді ` + `${paren(art(68, 5), 'kk')}.`,
          ...reasonParagraph('kk', x.reason),
          'Сіз әкімшілік рәсімге жеке өзіңіз немесе басқа өкіл арқылы қатысуға құқылысыз.',
        ];
      },
      ru: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `${x.date} Ваш представитель${name ? ` (${name})` : ''} отстранен от участия в административной процедуре ` + `${paren(art(68, 5), 'ru')}.`,
          ...reasonParagraph('ru', x.reason),
          'Вы вправе участвовать в административной процедуре лично либо через другого представителя.',
        ];
      },
      en: (d, x) => {
        const name = representativeName(d.decision);
        return [
          `On ${x.date} your representative${name ? ` (${name})` : ''} was removed from the administrative procedure ` + `${paren(art(68, 5), 'en')}.`,
          ...reasonParagraph('en', x.reason),
          'You may take part in the procedure in person or through another representative.',
        ];
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
          `${requested}кімшілік іспен танысу туралы өтінішхатыңыз қабылданды ${paren(art(75, 1), 'kk')}. Іс материалдарымен ` + 'танысу өтінішхат түскен күннен бастап үш жұмыс күні ішінде қамтамасыз етіледі.',
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
          `Your request${requested} to read the administrative case file has been accepted ${paren(art(75, 1), 'en')}. ` + 'Access will be given within three working days of the request.',
          ...(at ? [`You may read the file on ${at.date} at ${at.time}${place ? `, at: ${clause(place)}` : ''}.`] : []),
          ...(!at && place ? [`Place: ${clause(place)}.`] : []),
          `You may agree on the time with the responsible executor: ${contactLine({ ...d.executor }, 'en')}.`,
        ];
      },
    }),
  },
};
