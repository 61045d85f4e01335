// Cover letters of the decisions that keep the appeal out of the review or send it back: 4.1 moved
// to another information system, 4.2 notice to bring it into line with Art. 63, 4.3 returned.

import { COMPLIANCE_CHECKLIST, MOVE_OUT_REASONS, type VocabularyItem } from '../../domain/decisions.ts';
import { APPC, T, art, bodies, clause, formatDate, kkDative, labelOrText, lowerFirst, paren, pick, reasonParagraph, rulesPoint, type Data, type LetterLang, type Templates } from './common.ts';

export const RETURN_TEMPLATES: Templates<'4.1' | '4.2' | '4.3'> = {
  // 4.1 — moved to another information system (rules p.15)
  '4.1': {
    title: T('Жолданымды басқа ақпараттық жүйеге ауыстыру туралы', 'О переводе обращения в другую информационную систему', 'Transfer of the appeal to another information system'),
    basis: rulesPoint(15),
    subject: 'appeal',
    complaintRight: 'none',
    body: bodies({
      kk: (d, x) => {
        const target = pick(d.decision.targetSystemName ?? d.decision.targetSystem, 'kk');
        const reason = labelOrText(MOVE_OUT_REASONS, d.decision.reason, 'kk');
        return [
          'Жолданымыңыз Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінде белгіленген тәртіппен ' +
            '«Электрондық жолданымдар» ақпараттық-талдау жүйесінде есепке алынуға және қаралуға жатпайды, сондықтан ' +
            `${x.date} ж. басқа ақпараттық жүйеге ауыстырылды ${paren(rulesPoint(15), 'kk')}.`,
          ...(target ? [`Жолданым ауыстырылған ақпараттық жүйе: ${clause(target)}.`] : []),
          ...reasonParagraph('kk', reason),
          'Жолданым тиісті заңнамада белгіленген тәртіппен қаралатын болады, оны қарау мерзімі «Электрондық жолданымдар» ' +
            'жүйесінде тіркелген күннен бастап есептеледі. Жолданым бойынша қабылданған шешімдерге шағым жасау да сол ' +
            'заңнамада көзделген тәртіппен жүзеге асырылады.',
        ];
      },
      ru: (d, x) => {
        const target = pick(d.decision.targetSystemName ?? d.decision.targetSystem, 'ru');
        const reason = labelOrText(MOVE_OUT_REASONS, d.decision.reason, 'ru');
        return [
          'Ваше обращение не подлежит учету и рассмотрению в информационно-аналитической системе «Электронные обращения» ' +
            'в порядке, установленном Административным процедурно-процессуальным кодексом Республики Казахстан, в связи ' +
            `с чем ${x.date} переведено в другую информационную систему ${paren(rulesPoint(15), 'ru')}.`,
          ...(target ? [`Информационная система, в которую переведено обращение: ${clause(target)}.`] : []),
          ...reasonParagraph('ru', reason, T('', 'Основание', '')),
          'Обращение будет рассмотрено в порядке, установленном соответствующим законодательством; срок его рассмотрения ' +
            'исчисляется со дня регистрации в системе «Электронные обращения». Обжалование решений, принятых по обращению, ' +
            'осуществляется в порядке, предусмотренном указанным законодательством.',
        ];
      },
      en: (d, x) => {
        const target = pick(d.decision.targetSystemName ?? d.decision.targetSystem, 'en');
        const reason = labelOrText(MOVE_OUT_REASONS, d.decision.reason, 'en');
        return [
          'Your appeal is not subject to accounting and review in the “E-appeals” information system under the ' +
            'Administrative Procedural and Process Code of the Republic of Kazakhstan; on ' +
            `${x.date} it was therefore moved to another information system ${paren(rulesPoint(15), 'en')}.`,
          ...(target ? [`Information system it was moved to: ${clause(target)}.`] : []),
          ...reasonParagraph('en', reason, T('', '', 'Ground')),
          'The appeal will be reviewed under the procedure of the applicable law; its term runs from its registration in ' + '“E-appeals”. Decisions taken on it may be challenged as that law provides.',
        ];
      },
    }),
  },

  // 4.2 — notice to bring the appeal into line with Art. 63 (Art. 64 p.6)
  '4.2': {
    title: T(
      'Жолданымды ҚР ӘРПК 63-бабының талаптарына сәйкес келтіру қажеттігі туралы',
      'О необходимости приведения обращения в соответствие с требованиями статьи 63 АППК РК',
      'Request to bring the appeal into line with Article 63 of the APPC',
    ),
    basis: art(64, 6),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const article = d.procedure === 'complaint' ? 93 : 63;
        const missing = missingLabels(d, 'kk');
        const fixBy = d.decision.fixBy ? formatDate(d.decision.fixBy) : undefined;
        return [
          `Жолданымыңыз ${APPC.kk} ${article}-бабының талаптарына сәйкес келмейді ${paren(art(64, 6), 'kk')}.` + (missing.length ? ` Атап айтқанда, мына талаптар сақталмаған: ${missing.join('; ')}.` : ''),
          ...reasonParagraph('kk', x.reason),
          fixBy ? `Жолданымды көрсетілген талаптарға сәйкес келтіруді ${fixBy} ж. дейін сұраймыз.` : 'Жолданымды көрсетілген талаптарға сәйкес келтіруді сұраймыз.',
          `Кемшіліктер белгіленген мерзімде жойылмаған жағдайда, жолданым ${kkDative(art(64, 7).kk)} сәйкес Сізге қайтарылатын ` +
            `болады. Жолданымның қайтарылуы жалпы тәртіппен қайта жүгінуге кедергі келтірмейді ${paren(art(64, 8), 'kk')}.`,
        ];
      },
      ru: (d, x) => {
        const article = d.procedure === 'complaint' ? 93 : 63;
        const missing = missingLabels(d, 'ru');
        const fixBy = d.decision.fixBy ? formatDate(d.decision.fixBy) : undefined;
        return [
          `Ваше обращение не соответствует требованиям статьи ${article} ${APPC.ru} ${paren(art(64, 6), 'ru')}.` + (missing.length ? ` Не соблюдены следующие требования: ${missing.join('; ')}.` : ''),
          ...reasonParagraph('ru', x.reason),
          fixBy ? `Просим привести обращение в соответствие с указанными требованиями в срок до ${fixBy}.` : 'Просим привести обращение в соответствие с указанными требованиями.',
          `В случае неустранения недостатков в установленный срок обращение будет возвращено Вам в соответствии с ` +
            `частью 7 статьи 64 ${APPC.ru}. Возврат обращения не препятствует повторному обращению в общем порядке ` +
            `${paren(art(64, 8), 'ru')}.`,
        ];
      },
      en: (d, x) => {
        const article = d.procedure === 'complaint' ? 93 : 63;
        const missing = missingLabels(d, 'en');
        const fixBy = d.decision.fixBy ? formatDate(d.decision.fixBy) : undefined;
        return [
          `Your appeal does not meet the requirements of APPC Art. ${article} ${paren(art(64, 6), 'en')}.` + (missing.length ? ` The following requirements are not met: ${missing.join('; ')}.` : ''),
          ...reasonParagraph('en', x.reason),
          fixBy ? `Please bring the appeal into line with these requirements by ${fixBy}.` : 'Please bring the appeal into line with these requirements.',
          'If the defects are not remedied in time, the appeal will be returned to you under APPC Art. 64(7). ' + `A return does not prevent you from appealing again in the ordinary way ${paren(art(64, 8), 'en')}.`,
        ];
      },
    }),
  },

  // 4.3 — returned after the term to fix it expired (Art. 64 p.7)
  '4.3': {
    title: T('Жолданымды қайтару туралы', 'О возврате обращения', 'Return of the appeal'),
    basis: art(64, 7),
    subject: 'appeal',
    complaintRight: 'full',
    body: bodies({
      kk: (d, x) => {
        const fixBy = d.decision.fixBy ? ` (${formatDate(d.decision.fixBy)} ж. дейін)` : '';
        return [
          'Сізге жолданымды ҚР ӘРПК 63-бабының талаптарына сәйкес келтіру қажеттігі туралы хабарлама жіберілген ' + `болатын. Белгіленген мерзімде${fixBy} кемшіліктер жойылмады.`,
          ...reasonParagraph('kk', x.reason),
          `Осыған байланысты ${art(64, 7).kk} негізінде ${x.date} ж. жолданым Сізге қайтарылды.`,
          `Жолданымның қайтарылуы кемшіліктерді жойғаннан кейін қайта жүгіну құқығыңыздан айырмайды ${paren(art(64, 8), 'kk')}.`,
        ];
      },
      ru: (d, x) => {
        const fixBy = d.decision.fixBy ? ` (до ${formatDate(d.decision.fixBy)})` : '';
        return [
          'Вам направлялось уведомление о необходимости привести обращение в соответствие с требованиями статьи 63 ' + `АППК РК. В установленный срок${fixBy} недостатки не устранены.`,
          ...reasonParagraph('ru', x.reason),
          `В связи с этим на основании части 7 статьи 64 АППК РК ${x.date} обращение возвращено Вам.`,
          `Возврат обращения не лишает Вас права повторно обратиться после устранения недостатков ${paren(art(64, 8), 'ru')}.`,
        ];
      },
      en: (d, x) => {
        const fixBy = d.decision.fixBy ? ` (by ${formatDate(d.decision.fixBy)})` : '';
        return [
          'You were notified that your appeal had to be brought into line with APPC Art. 63. ' + `The defects were not remedied within the term set${fixBy}.`,
          ...reasonParagraph('en', x.reason),
          `Therefore, under APPC Art. 64(7), the appeal was returned to you on ${x.date}.`,
          `The return does not prevent you from appealing again once the defects are remedied ${paren(art(64, 8), 'en')}.`,
        ];
      },
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// Pieces of these templates

function missingLabels(d: Data, lang: LetterLang): string[] {
  const list = d.decision.missing ?? [];
  const checklist: readonly VocabularyItem[] = d.procedure === 'complaint' ? COMPLIANCE_CHECKLIST.art93 : [...COMPLIANCE_CHECKLIST.art63, ...COMPLIANCE_CHECKLIST.art93];
  return list
    .map((m) => labelOrText(checklist, m, lang))
    .filter((s): s is string => !!s)
    .map((s) => clause(lowerFirst(s)));
}
