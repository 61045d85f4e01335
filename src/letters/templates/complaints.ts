// Cover letters of the decisions on a complaint (Art. 100 p.1, 4.18–4.23): they point to court.

import type { Labels } from '../../domain/vocabulary.ts';
import { T, art, bodies, clause, labelled, paren, pick, reasonParagraph, sentence, type Ctx, type Data, type LetterLang, type Template, type Templates } from './common.ts';

export const COMPLAINT_TEMPLATES: Templates<'4.18' | '4.19' | '4.20' | '4.21' | '4.22' | '4.23'> = {
  // 4.18 — act revoked (Art. 100 p.1 sub.1)
  '4.18': complaintDecision(T('Әкімшілік актінің күшін жою туралы', 'Об отмене административного акта', 'Revocation of the administrative act'), art(100, 1, 1), {
    kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. шағым жасалған әкімшілік актінің күші жойылды`,
    ru: (x) => `По результатам рассмотрения Вашей жалобы ${x.date} обжалуемый административный акт отменен`,
    en: (x) => `Having reviewed your complaint, on ${x.date} the administrative act complained of was revoked`,
  }),

  // 4.19 — act revoked and a new one adopted (Art. 100 p.1 sub.2)
  '4.19': complaintDecision(
    T('Әкімшілік актінің күшін жою және жаңа әкімшілік акт қабылдау туралы', 'Об отмене административного акта и принятии нового административного акта', 'Revocation of the administrative act and adoption of a new one'),
    art(100, 1, 2),
    {
      kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. шағым жасалған әкімшілік актінің күші жойылып, жаңа әкімшілік акт қабылданды`,
      ru: (x) => `По результатам рассмотрения Вашей жалобы ${x.date} обжалуемый административный акт отменен и принят новый административный акт`,
      en: (x) => `Having reviewed your complaint, on ${x.date} the administrative act complained of was revoked and a new administrative act was adopted`,
    },
    T('Жаңа әкімшілік актінің мазмұны', 'Содержание нового административного акта', 'The new act'),
  ),

  // 4.20 — administrative action performed (Art. 100 p.1 sub.3)
  '4.20': complaintDecision(T('Әкімшілік әрекет жасау туралы', 'О совершении административного действия', 'Administrative action performed'), art(100, 1, 3), {
    kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. әкімшілік әрекет жасалды`,
    ru: (x) => `По результатам рассмотрения Вашей жалобы ${x.date} совершено административное действие`,
    en: (x) => `Having reviewed your complaint, on ${x.date} the administrative action was performed`,
  }),

  // 4.21 — complaint left unsatisfied (Art. 100 p.1 sub.4)
  '4.21': complaintDecision(T('Шағымды қанағаттандырусыз қалдыру туралы', 'Об оставлении жалобы без удовлетворения', 'Complaint left unsatisfied'), art(100, 1, 4), {
    kk: (x) => `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. шағым қанағаттандырусыз қалдырылды`,
    ru: (x) => `По результатам рассмотрения ${x.date} Ваша жалоба оставлена без удовлетворения`,
    en: (x) => `Having reviewed your complaint, on ${x.date} it was left unsatisfied`,
  }),

  // 4.22 — case sent back to the body complained about (Art. 100 p.1 sub.5)
  '4.22': {
    title: T(
      'Әкімшілік істі шағым жасалған әкімшілік органға жіберу туралы',
      'О направлении административного дела в административный орган, акт (действие, бездействие) которого обжалуется',
      'Case sent back to the body complained about',
    ),
    basis: art(100, 1, 5),
    subject: 'complaint',
    complaintRight: 'court',
    body: bodies({
      kk: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'kk');
        return [
          `Шағымыңызды қарау нәтижесі бойынша ${x.date} ж. әкімшілік іс жол берілген бұзушылықтарды және оларды жою ` +
            'жөніндегі ұсыныстарды көрсете отырып, әкімшілік рәсімді жүзеге асыру үшін әкімшілік актісіне, әкімшілік ' +
            `әрекетіне (әрекетсіздігіне) шағым жасалған әкімшілік органға жіберілді ${paren(art(100, 1, 5), 'kk')}.` +
            (target ? ` Әкімшілік іс жіберілген орган: ${clause(target)}.` : ''),
          ...labelled('kk', T('Жол берілген бұзушылықтар', '', ''), d.decision.violations),
          ...labelled('kk', T('Бұзушылықтарды жою жөніндегі ұсыныстар', '', ''), d.decision.proposals),
          ...x.text,
          'Әкімшілік рәсімнің нәтижесі туралы Сізге аталған әкімшілік орган хабарлайды.',
        ];
      },
      ru: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'ru');
        return [
          `По результатам рассмотрения Вашей жалобы ${x.date} административное дело направлено в административный орган, ` +
            'административный акт, административное действие (бездействие) которого обжалуется, для осуществления ' +
            'административной процедуры с указанием допущенных нарушений и предложений по их устранению ' +
            `${paren(art(100, 1, 5), 'ru')}.` +
            (target ? ` Орган, в который направлено дело: ${clause(target)}.` : ''),
          ...labelled('ru', T('', 'Допущенные нарушения', ''), d.decision.violations),
          ...labelled('ru', T('', 'Предложения по их устранению', ''), d.decision.proposals),
          ...x.text,
          'О результатах административной процедуры Вам сообщит указанный административный орган.',
        ];
      },
      en: (d, x) => {
        const target = pick(d.decision.targetOrganizationName, 'en');
        return [
          `Having reviewed your complaint, on ${x.date} the administrative case was sent back to the body whose act or ` +
            'action (inaction) is complained of, to carry out the administrative procedure, with the violations found ' +
            `and proposals to remedy them ${paren(art(100, 1, 5), 'en')}.` +
            (target ? ` The case was sent to: ${clause(target)}.` : ''),
          ...labelled('en', T('', '', 'Violations'), d.decision.violations),
          ...labelled('en', T('', '', 'Proposals to remedy them'), d.decision.proposals),
          ...x.text,
          'That body will inform you of the outcome of the procedure.',
        ];
      },
    }),
  },

  // 4.23 — complaint left without consideration (Art. 100 p.1 sub.6)
  '4.23': complaintDecision(T('Шағымды қараусыз қалдыру туралы', 'Об оставлении жалобы без рассмотрения', 'Complaint left without consideration'), art(100, 1, 6), {
    kk: (x) => `${x.date} ж. шағымыңыз қараусыз қалдырылды`,
    ru: (x) => `${x.date} Ваша жалоба оставлена без рассмотрения`,
    en: (x) => `On ${x.date} your complaint was left without consideration`,
  }),
};

// ---------------------------------------------------------------------------------------------
// Pieces of these templates

/** Decisions on a complaint (4.18–4.21, 4.23): the decision sentence, the text, the reasons; court. */
function complaintDecision(title: Labels, basis: Labels, decisionSentence: Record<LetterLang, (x: Ctx) => string>, textLabel?: Labels): Template {
  const one = (lang: LetterLang) => (_d: Data, x: Ctx) => [
    `${decisionSentence[lang](x)} ${paren(basis, lang)}.`,
    ...(textLabel && x.text.length ? [sentence(`${textLabel[lang]}: ${x.text.join(' ')}`)] : x.text),
    ...reasonParagraph(lang, x.reason),
  ];
  return {
    title,
    basis,
    subject: 'complaint',
    complaintRight: 'court',
    body: bodies({ kk: one('kk'), ru: one('ru'), en: one('en') }),
  };
}
