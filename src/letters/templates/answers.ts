// Cover letters of the ends and terms of the review: 4.13 procedure terminated, 4.14 term extended,
// 4.25 answer on the merits, 4.26 taken into account.

import { TERMINATION_REASONS } from '../../domain/decisions.ts';
import type { Labels } from '../../domain/vocabulary.ts';
import { T, art, bodies, clause, formatDate, kkDative, labelOrText, paren, pick, reasonParagraph, upperFirst, type Data, type LetterLang, type Templates } from './common.ts';

export const ANSWER_TEMPLATES: Templates<'4.13' | '4.14' | '4.25' | '4.26'> = {
  // 4.13 — administrative procedure terminated (Art. 77 p.1 sub.2; simplified: Art. 89 p.1 sub.3)
  '4.13': {
    title: T('Әкімшілік рәсімді тоқтату туралы', 'О прекращении административной процедуры', 'Termination of the administrative procedure'),
    basis: art(77, 1, 2),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => [
        `${kkDative(terminationBasis(d).kk)} сәйкес ${x.date} ж. жолданымыңыз бойынша әкімшілік рәсім тоқтатылды.`,
        ...reasonParagraph('kk', terminationReason(d, 'kk'), T('Тоқтату негізі', '', '')),
        ...x.text,
      ],
      ru: (d, x) => [
        `На основании ${genitiveRu(terminationBasis(d).ru)} ${x.date} административная процедура по Вашему обращению прекращена.`,
        ...reasonParagraph('ru', terminationReason(d, 'ru'), T('', 'Основание прекращения', '')),
        ...x.text,
      ],
      en: (d, x) => [`Under ${terminationBasis(d).en}, the administrative procedure on your appeal was terminated on ${x.date}.`, ...reasonParagraph('en', terminationReason(d, 'en'), T('', '', 'Ground')), ...x.text],
    }),
  },

  // 4.14 — review term extended (Art. 76 p.3)
  '4.14': {
    title: T('Қарау мерзімін ұзарту туралы', 'О продлении срока рассмотрения', 'Extension of the review term'),
    basis: art(76, 3),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const due = d.decision.newDueDate ? formatDate(d.decision.newDueDate) : '—';
        return [
          `${kkDative(art(76, 3).kk)} сәйкес жолданымыңызды қарау мерзімі ${due} ж. дейін ұзартылды.`,
          ...reasonParagraph('kk', x.reason, T('Мерзімді ұзарту себебі', '', '')),
          'Жолданым бойынша шешім көрсетілген мерзімде қабылданып, Сізге жіберілетін болады.',
        ];
      },
      ru: (d, x) => {
        const due = d.decision.newDueDate ? formatDate(d.decision.newDueDate) : '—';
        return [
          `В соответствии с частью 3 статьи 76 АППК РК срок рассмотрения Вашего обращения продлен до ${due}.`,
          ...reasonParagraph('ru', x.reason, T('', 'Причина продления', '')),
          'Решение по обращению будет принято и направлено Вам в указанный срок.',
        ];
      },
      en: (d, x) => {
        const due = d.decision.newDueDate ? formatDate(d.decision.newDueDate) : '—';
        return [
          `Under APPC Art. 76(3), the term for reviewing your appeal has been extended until ${due}.`,
          ...reasonParagraph('en', x.reason, T('', '', 'Reason for the extension')),
          'The decision on the appeal will be taken and sent to you within that term.',
        ];
      },
    }),
  },

  // 4.25 — answer on the merits (Art. 89 p.1 sub.1)
  '4.25': {
    title: T('Жолданымға мәні бойынша жауап', 'Ответ по существу обращения', 'Answer on the merits'),
    basis: art(89, 1, 1),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (_d, x) => [...(x.text.length ? x.text : ['Жолданымыңыз мәні бойынша қаралды.']), ...reasonParagraph('kk', x.reason), `Осы жауап жолданымның мәні бойынша берілді ${paren(art(89, 1, 1), 'kk')}.`],
      ru: (_d, x) => [...(x.text.length ? x.text : ['Ваше обращение рассмотрено по существу.']), ...reasonParagraph('ru', x.reason), `Настоящий ответ дан по существу обращения ${paren(art(89, 1, 1), 'ru')}.`],
      en: (_d, x) => [
        ...(x.text.length ? x.text : ['Your appeal has been reviewed on the merits.']),
        ...reasonParagraph('en', x.reason),
        `This answer is given on the merits of the appeal ${paren(art(89, 1, 1), 'en')}.`,
      ],
    }),
  },

  // 4.26 — taken into account (Art. 89 p.1 sub.2)
  '4.26': {
    title: T('Жолданымды назарға алу туралы', 'О принятии обращения к сведению', 'Appeal taken into account'),
    basis: art(89, 1, 2),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (_d, x) => [`Жолданымыңыз қаралып, ${x.date} ж. назарға алынды ${paren(art(89, 1, 2), 'kk')}.`, ...x.text, 'Белсенді азаматтық ұстанымыңыз үшін алғыс білдіреміз.'],
      ru: (_d, x) => [`Ваше обращение рассмотрено и ${x.date} принято к сведению ${paren(art(89, 1, 2), 'ru')}.`, ...x.text, 'Благодарим Вас за активную гражданскую позицию.'],
      en: (_d, x) => [`Your appeal has been reviewed and, on ${x.date}, taken into account ${paren(art(89, 1, 2), 'en')}.`, ...x.text, 'Thank you for your active civic position.'],
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// Pieces of these templates

function terminationBasis(d: Data): Labels {
  return d.procedure === 'simplified' ? art(89, 1, 3) : art(77, 1, 2);
}

function terminationReason(d: Data, lang: LetterLang): string | undefined {
  const ground = labelOrText(TERMINATION_REASONS, d.decision.reason, lang);
  const comment = pick(d.decision.comment, lang);
  if (ground && comment) return `${clause(ground)}. ${upperFirst(comment)}`;
  return ground ?? comment;
}

/** 'подпункт 2) части 1 статьи 77 АППК РК' → 'подпункта 2) части 1 статьи 77 АППК РК' (after «на основании»). */
function genitiveRu(s: string): string {
  return s
    .replace(/^подпункт /, 'подпункта ')
    .replace(/^часть /, 'части ')
    .replace(/^статья /, 'статьи ');
}
