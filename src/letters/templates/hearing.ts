// Cover letters of the hearing (Art. 73): 4.7 notice of the preliminary decision and the hearing,
// 4.11 hearing held, 4.12 remarks on the protocol accepted.

import {
  T,
  art,
  bodies,
  clause,
  contactLine,
  formatDate,
  formatDateTime,
  kkDative,
  labelled,
  paragraphsOf,
  paren,
  pick,
  reasonParagraph,
  sentence,
  type Ctx,
  type Data,
  type LetterLang,
  type Templates,
} from './common.ts';

export const HEARING_TEMPLATES: Templates<'4.7' | '4.11' | '4.12'> = {
  // 4.7 — notice of the preliminary decision and the hearing (Art. 66 p.2; Art. 73)
  '4.7': {
    title: T('Алдын ала шешім және тыңдау туралы хабарлама', 'Уведомление о предварительном решении и заслушивании', 'Notice of the preliminary decision and hearing'),
    basis: art(66, 2),
    subject: 'appeal',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => hearingNoticeBody('kk', d, x),
      ru: (d, x) => hearingNoticeBody('ru', d, x),
      en: (d, x) => hearingNoticeBody('en', d, x),
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
          `${at ? at.date : x.date} ж. жолданымыңыз бойынша тыңдау өткізілді ${paren(art(73, 1), 'kk')}. ` + 'Тыңдаудың барысы хаттамада көрсетілген.',
          ...x.text,
          'Сіз тыңдау хаттамасымен танысып, оған ескертпелер беруге құқылысыз.',
          'Жолданым бойынша шешім Сіздің ұстанымыңызды ескере отырып қабылданады және белгіленген мерзімде Сізге жіберіледі.',
        ];
      },
      ru: (d, x) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        return [
          `${at ? at.date : x.date} по Вашему обращению проведено заслушивание ${paren(art(73, 1), 'ru')}. ` + 'Ход заслушивания отражен в протоколе.',
          ...x.text,
          'Вы вправе ознакомиться с протоколом заслушивания и представить на него замечания.',
          'Решение по обращению будет принято с учетом Вашей позиции и направлено Вам в установленный срок.',
        ];
      },
      en: (d, x) => {
        const at = d.decision.hearingAt ? formatDateTime(d.decision.hearingAt) : null;
        return [
          `On ${at ? at.date : x.date} a hearing on your appeal was held ${paren(art(73, 1), 'en')}. ` + 'It is recorded in the hearing protocol.',
          ...x.text,
          'You may read the protocol and submit remarks on it.',
          'The decision on the appeal will take your position into account and will be sent to you within the set term.',
        ];
      },
    }),
  },

  // 4.12 — remark on the hearing protocol accepted (Art. 73 p.6)
  '4.12': {
    title: T('Тыңдау хаттамасына ескертпені қабылдау туралы', 'О принятии замечаний на протокол заслушивания', 'Remarks on the hearing protocol accepted'),
    basis: art(73, 6),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => [
        `Тыңдау хаттамасына берген ескертпелеріңіз қаралып, ${x.date} ж. қабылданды ${paren(art(73, 6), 'kk')}. ` + 'Хаттамаға тиісті өзгерістер енгізілді.',
        ...labelled('kk', T('Қабылданған ескертпе', '', ''), d.decision.remark ?? d.decision.text),
      ],
      ru: (d, x) => [
        `Ваши замечания на протокол заслушивания рассмотрены и ${x.date} приняты ${paren(art(73, 6), 'ru')}. ` + 'В протокол внесены соответствующие изменения.',
        ...labelled('ru', T('', 'Принятое замечание', ''), d.decision.remark ?? d.decision.text),
      ],
      en: (d, x) => [
        `Your remarks on the hearing protocol were reviewed and accepted on ${x.date} ${paren(art(73, 6), 'en')}. ` + 'The protocol has been amended accordingly.',
        ...labelled('en', T('', '', 'Remark accepted'), d.decision.remark ?? d.decision.text),
      ],
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// Pieces of these templates

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
    out.push(`${kkDative(art(73, 1).kk)} сәйкес жолданымыңыз бойынша алдын ала шешім туралы хабарлаймыз` + (preliminary.length ? `: ${sentence(preliminary[0]!)}` : '.'), ...preliminary.slice(1));
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
    out.push('В соответствии с частью 1 статьи 73 АППК РК уведомляем Вас о предварительном решении по Вашему обращению' + (preliminary.length ? `: ${sentence(preliminary[0]!)}` : '.'), ...preliminary.slice(1));
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
    out.push('Under APPC Art. 73(1), we notify you of the preliminary decision on your appeal' + (preliminary.length ? `: ${sentence(preliminary[0]!)}` : '.'), ...preliminary.slice(1));
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
