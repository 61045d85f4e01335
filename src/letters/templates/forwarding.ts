// Cover letters of the decisions that send the appeal or the complaint to another body: 4.4 forwarded
// by competence (whole or in parts), 4.24 complaint sent to the reviewing body.

import { T, art, bodies, clause, kkDative, paren, pick, reasonParagraph, type Ctx, type Data, type LetterLang, type Templates } from './common.ts';

export const FORWARDING_TEMPLATES: Templates<'4.4' | '4.24'> = {
  // 4.4 — forwarded by competence (Art. 65)
  '4.4': {
    title: T('Жолданымды құзыреті бойынша жіберу туралы', 'О перенаправлении обращения по компетенции', 'Forwarding of the appeal by competence'),
    basis: art(65),
    subject: 'appeal',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => forwardBody('kk', d, x),
      ru: (d, x) => forwardBody('ru', d, x),
      en: (d, x) => forwardBody('en', d, x),
    }),
  },

  // 4.24 — complaint sent to the reviewing body (Art. 91 p.4)
  '4.24': {
    title: T('Шағымды шағымды қарайтын органға жіберу туралы', 'О направлении жалобы в орган, рассматривающий жалобу', 'Complaint sent to the reviewing body'),
    basis: art(91, 4),
    subject: 'complaint',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'kk');
        return [
          `${kkDative(art(91, 4).kk)} сәйкес ${x.date} ж. шағымыңыз әкімшілік іспен бірге шағымды қарайтын органға жіберілді` + (target ? `: ${clause(target)}.` : '.'),
          'Шағым шағымды қарайтын органға түскен күннен бастап жиырма жұмыс күні ішінде қаралады ' + `${paren(art(99), 'kk')}. Шағымды қарау нәтижесі туралы Сізге аталған орган хабарлайды.`,
        ];
      },
      ru: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'ru');
        return [
          `В соответствии с частью 4 статьи 91 АППК РК ${x.date} Ваша жалоба вместе с административным делом направлена в ` + 'орган, рассматривающий жалобу' + (target ? `: ${clause(target)}.` : '.'),
          'Жалоба будет рассмотрена в течение двадцати рабочих дней со дня ее поступления в орган, рассматривающий ' + `жалобу ${paren(art(99), 'ru')}. О результатах рассмотрения жалобы Вам сообщит указанный орган.`,
        ];
      },
      en: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'en');
        return [
          `Under APPC Art. 91(4), on ${x.date} your complaint was sent, together with the administrative case, to the ` + 'body that reviews it' + (target ? `: ${clause(target)}.` : '.'),
          `The complaint will be reviewed within twenty working days of its receipt by that body ${paren(art(99), 'en')}, ` + 'which will inform you of the outcome.',
        ];
      },
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// Pieces of these templates

function forwardBody(lang: LetterLang, d: Data, x: Ctx): string[] {
  const target = pick(d.decision.targetOrganizationName, lang);
  const parts = d.decision.parts ?? [];
  const reason = reasonParagraph(lang, x.reason);
  if (!parts.length) {
    return [
      {
        kk: `${kkDative(art(65, 1).kk)} сәйкес ${x.date} ж. жолданымыңыз құзыреті бойынша қарау үшін мына органға (ұйымға) ` + `жіберілді: ${clause(target ?? '—')}.`,
        ru: `В соответствии с частью 1 статьи 65 АППК РК ${x.date} Ваше обращение направлено для рассмотрения по ` + `компетенции следующему адресату: ${clause(target ?? '—')}.`,
        en: `Under APPC Art. 65(1), on ${x.date} your appeal was forwarded by competence to: ${clause(target ?? '—')}.`,
      }[lang],
      ...reason,
      {
        kk:
          `Жолданымды қарау мерзімі ол жіберілген органда (ұйымда) тіркелген күннен бастап есептеледі ${paren(art(65, 3), 'kk')}. ` +
          'Жолданымның тіркеу нөмірі мен талонның нөмірі өзгеріссіз сақталады. Жолданым бойынша жауапты Сізге аталған орган (ұйым) жібереді.',
        ru:
          'Срок рассмотрения обращения исчисляется со дня его регистрации в органе (организации), в который оно ' +
          `направлено ${paren(art(65, 3), 'ru')}. Регистрационный номер обращения и номер талона сохраняются. ` +
          'Ответ на обращение Вам направит указанный орган (организация).',
        en:
          `The review term runs from the registration of the appeal by the receiving organization ${paren(art(65, 3), 'en')}. ` +
          'The registration number and the talon number stay the same. That organization will send you its answer.',
      }[lang],
    ];
  }
  const kept = d.decision.remainderKept !== false;
  const one = parts.length === 1;
  const list = parts
    .map((p) => {
      const org = pick(p.targetOrganizationName, lang) ?? '—';
      const summary = pick(p.summary, lang);
      const number = p.registrationNumber ? (lang === 'en' ? `No. ${p.registrationNumber}` : `№ ${p.registrationNumber}`) : '';
      return [summary ? `«${clause(summary)}»` : '', number ? `(${number})` : '', `— ${clause(org)}`].filter(Boolean).join(' ');
    })
    .join('; ');
  return [
    {
      kk:
        `${kkDative(art(65, 2).kk)} сәйкес ${x.date} ж. жолданымыңыздың біздің құзыретімізге жатпайтын мәселелер бойынша ` +
        `${one ? 'бөлігі құзыреті бойынша қарау үшін мына органға (ұйымға)' : 'бөліктері құзыреті бойынша қарау үшін мына органдарға (ұйымдарға)'} ` +
        `жіберілді: ${list}.`,
      ru:
        `В соответствии с частью 2 статьи 65 АППК РК ${x.date} Ваше обращение в части вопросов, не относящихся к нашей ` +
        `компетенции, направлено для рассмотрения по компетенции ${one ? 'следующему адресату' : 'следующим адресатам'}: ${list}.`,
      en: `Under APPC Art. 65(2), on ${x.date} the ${one ? 'part' : 'parts'} of your appeal outside our competence ` + `${one ? 'was' : 'were'} forwarded by competence to: ${list}.`,
    }[lang],
    ...reason,
    {
      kk:
        'Жолданымның жіберілген әрбір бөлігіне жеке тіркеу нөмірі берілді; оны қарау мерзімі ол жіберілген органда (ұйымда) ' +
        `тіркелген күннен бастап есептеледі ${paren(art(65, 3), 'kk')}, ол бойынша жауапты Сізге аталған орган (ұйым) жібереді.`,
      ru:
        'Каждой направленной части обращения присвоен отдельный регистрационный номер; срок ее рассмотрения исчисляется со ' +
        `дня регистрации в органе (организации), в который она направлена ${paren(art(65, 3), 'ru')}, ответ по ней Вам ` +
        'направит указанный орган (организация).',
      en: 'Each forwarded part has its own registration number; its review term runs from its registration by the receiving ' + `organization ${paren(art(65, 3), 'en')}, which will send you its answer.`,
    }[lang],
    ...(kept
      ? [
          {
            kk: 'Жолданымның қалған мәселелері біздің тарапымыздан мәні бойынша қаралады, оның нәтижесі туралы Сізге қосымша хабарланады.',
            ru: 'Остальные вопросы, изложенные в обращении, будут рассмотрены нами по существу, о результатах Вам будет сообщено дополнительно.',
            en: 'The other issues of your appeal will be reviewed by us on the merits; you will be informed of the outcome separately.',
          }[lang],
        ]
      : []),
  ];
}
