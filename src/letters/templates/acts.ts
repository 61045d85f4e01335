// Cover letters of the administrative act on the appeal: 4.15 act adopted, 4.17 its clerical or
// arithmetic errors corrected. The acts taken on a complaint (4.18–4.22) are in complaints.ts.

import { T, art, bodies, kkDative, paragraphsOf, paren, reasonParagraph, sentence, type Templates } from './common.ts';

export const ACT_TEMPLATES: Templates<'4.15' | '4.17'> = {
  // 4.15 — administrative act adopted (Art. 77 p.1 sub.1; a complaint granted by the body complained about: Art. 91 p.4)
  '4.15': {
    title: T('Әкімшілік акт қабылдау туралы', 'О принятии административного акта', 'Administrative act adopted'),
    basis: art(77, 1, 1),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const fav = d.decision.favourable;
        const first =
          d.procedure === 'complaint'
            ? `${kkDative(art(91, 4).kk)} сәйкес ${x.date} ж. шағымыңызды толық қанағаттандыратын қолайлы әкімшілік акт қабылданды.`
            : fav === true
              ? `Жолданымыңызды қарау нәтижесі бойынша ${x.date} ж. оны қанағаттандыру туралы әкімшілік акт қабылданды ` + `${paren(art(77, 1, 1), 'kk')}.`
              : fav === false
                ? `Жолданымыңызды қарау нәтижесі бойынша ${x.date} ж. оны қанағаттандырудан бас тарту туралы әкімшілік акт ` + `қабылданды ${paren(art(77, 1, 1), 'kk')}.`
                : `Жолданымыңызды қарау нәтижесі бойынша ${x.date} ж. әкімшілік акт қабылданды ${paren(art(77, 1, 1), 'kk')}.`;
        return [first, ...x.text, ...reasonParagraph('kk', x.reason, fav === false ? T('Бас тарту негіздері', '', '') : undefined)];
      },
      ru: (d, x) => {
        const fav = d.decision.favourable;
        const first =
          d.procedure === 'complaint'
            ? `В соответствии с частью 4 статьи 91 АППК РК ${x.date} по Вашей жалобе принят благоприятный административный ` + 'акт, полностью удовлетворяющий жалобу.'
            : fav === true
              ? `По результатам рассмотрения Вашего обращения ${x.date} принят административный акт о его удовлетворении ` + `${paren(art(77, 1, 1), 'ru')}.`
              : fav === false
                ? `По результатам рассмотрения Вашего обращения ${x.date} принят административный акт об отказе в его ` + `удовлетворении ${paren(art(77, 1, 1), 'ru')}.`
                : `По результатам рассмотрения Вашего обращения ${x.date} принят административный акт ${paren(art(77, 1, 1), 'ru')}.`;
        return [first, ...x.text, ...reasonParagraph('ru', x.reason, fav === false ? T('', 'Основания отказа', '') : undefined)];
      },
      en: (d, x) => {
        const fav = d.decision.favourable;
        const first =
          d.procedure === 'complaint'
            ? `Under APPC Art. 91(4), on ${x.date} a favourable administrative act fully granting your complaint was adopted.`
            : fav === true
              ? `Having reviewed your appeal, on ${x.date} we adopted an administrative act granting it ${paren(art(77, 1, 1), 'en')}.`
              : fav === false
                ? `Having reviewed your appeal, on ${x.date} we adopted an administrative act refusing it ${paren(art(77, 1, 1), 'en')}.`
                : `Having reviewed your appeal, on ${x.date} we adopted an administrative act ${paren(art(77, 1, 1), 'en')}.`;
        return [first, ...x.text, ...reasonParagraph('en', x.reason, fav === false ? T('', '', 'Grounds for the refusal') : undefined)];
      },
    }),
  },

  // 4.17 — clerical or arithmetic errors corrected (Art. 82)
  '4.17': {
    title: T('Қате жазуларды немесе арифметикалық қателерді түзету туралы', 'Об исправлении описок или арифметических ошибок', 'Correction of clerical or arithmetic errors'),
    basis: art(82),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const fix = paragraphsOf(d.decision.correction ?? d.decision.text, 'kk', true);
        return [
          `${x.date} ж. жолданымыңыз бойынша қабылданған әкімшілік актіде жіберілген қате жазулар және (немесе) ` + `арифметикалық қателер түзетілді ${paren(art(82), 'kk')}.`,
          ...(fix.length ? [sentence(`Енгізілген түзетулер: ${fix.join(' ')}`)] : []),
        ];
      },
      ru: (d, x) => {
        const fix = paragraphsOf(d.decision.correction ?? d.decision.text, 'ru', true);
        return [
          `${x.date} в административном акте, принятом по Вашему обращению, исправлены допущенные описки и (или) ` + `арифметические ошибки ${paren(art(82), 'ru')}.`,
          ...(fix.length ? [sentence(`Внесенные исправления: ${fix.join(' ')}`)] : []),
        ];
      },
      en: (d, x) => {
        const fix = paragraphsOf(d.decision.correction ?? d.decision.text, 'en', true);
        return [
          `On ${x.date} clerical and/or arithmetic errors in the administrative act adopted on your appeal were corrected ` + `${paren(art(82), 'en')}.`,
          ...(fix.length ? [sentence(`Corrections made: ${fix.join(' ')}`)] : []),
        ];
      },
    }),
  },
};
