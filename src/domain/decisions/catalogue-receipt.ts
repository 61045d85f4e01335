// The catalogue's rows 4.1–4.6: what happens to an appeal on receipt and before the review proper —
// moved out, a notice to fix it, returned, forwarded, attached, withdrawn.

import { L, F, TARGET_ORG_LABEL } from './fields.ts';
import { ALL, DESK, EXEC, type RuleSpec } from './rule.ts';

export const RECEIPT_SPECS: Record<'4.1' | '4.2' | '4.3' | '4.4' | '4.5' | '4.6', RuleSpec> = {
  '4.1': {
    label: L('Басқа жүйеге ауыстырылды', 'Переведено в другую информационную систему', 'Moved to another information system'),
    basis: 'Rules p.15 (within 1 WD of receipt; cancellable within 1 WD: cancelMoveOut)',
    procedures: ALL,
    endsReview: true,
    roles: DESK,
    fields: [
      F.string('targetSystem', L('Ақпараттық жүйе', 'Информационная система', 'Information system')),
      { name: 'reason', type: 'code', vocabulary: 'moveOutReason', required: true, label: L('Негіз', 'Основание', 'Reason') },
    ],
  },
  '4.2': {
    label: L(
      'Арыз иесіне Кодекстің 63-бабымен сәйкестендіру үшін хабарлама жіберілді',
      'Заявителю направлено уведомление о приведении обращения в соответствие со статьей 63 Кодекса',
      'Notice sent to the applicant to bring the appeal into line with Art. 63',
    ),
    basis: 'APPC Art. 64 p.6 (complaints: Art. 93; rules p.19–p.20)',
    procedures: ALL,
    endsReview: false,
    roles: DESK,
    complaintStage: 'reviewingBody', // rules p.20: the reviewing body does the Art. 93 check
    fields: [
      {
        name: 'fixBy',
        type: 'date',
        required: false,
        when: 'afterToday',
        defaultValue: 'fixDefault',
        label: L('Кемшіліктерді жою мерзімі', 'Срок устранения недостатков', 'Fix by'),
      },
      {
        name: 'missing',
        type: 'codes',
        vocabulary: 'compliance',
        minItems: 1,
        required: true,
        label: L('Сақталмаған талаптар', 'Несоблюденные требования', 'Requirements not met'),
      },
    ],
  },
  '4.3': {
    label: L(
      'Кодекстің 63-бабына сәйкестендіру үшін мерзімі өткеннен кейін жолданым арыз иесіне қайтарылды',
      'Обращение возвращено заявителю по истечении срока приведения его в соответствие со статьей 63 Кодекса',
      'Returned to the applicant after the term to bring it into line expired',
    ),
    basis: 'APPC Art. 64 p.7 (notify within 3 WD, Art. 70 p.3; return does not bar a new appeal, p.8)',
    procedures: ALL,
    endsReview: true,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [],
    after: [['4.2']],
    stateConditions: ['fixTermExpired'],
  },
  '4.4': {
    label: L('Басқа субъектіге құзыреті бойынша жіберілді', 'Направлено другому субъекту по компетенции', 'Forwarded to another organization by competence'),
    basis: 'APPC Art. 65 (≤ 3 WD of receipt; in part: Art. 65 p.2, rules p.11, p.21); anonymous with crime information: Art. 88 p.1',
    procedures: ALL,
    // A split (parts, the rest kept here) does not end the review: endsReviewWith.
    endsReview: true,
    approval: true,
    roles: DESK,
    fields: [
      { name: 'targetOrganizationId', type: 'organizationId', required: false, label: TARGET_ORG_LABEL },
      {
        name: 'parts',
        type: 'list',
        required: false,
        minItems: 1,
        label: L('Бөліктер', 'Части обращения', 'Parts'),
        fields: [
          F.text('summary', L('Мәселенің қысқаша мазмұны', 'Краткое содержание вопроса', 'Summary of the issue')),
          { name: 'targetOrganizationId', type: 'organizationId', required: true, label: TARGET_ORG_LABEL },
        ],
      },
      {
        name: 'remainderKept',
        type: 'boolean',
        required: false,
        onlyIf: { field: 'parts', present: true },
        label: L('Қалған мәселелер осында қаралады', 'Остальные вопросы рассматриваются здесь', 'The remaining issues are reviewed here (default true)'),
      },
    ],
    exactlyOneOf: ['targetOrganizationId', 'parts'],
  },
  '4.5': {
    label: L('Жолданымға, хабарламаға, сұрау салуға, пікірге, ұсынысқа қосылды', 'Приобщено к обращению, сообщению, запросу, отклику, предложению', 'Attached to an appeal'),
    basis: 'Rules p.13, p.22',
    procedures: ALL,
    endsReview: true,
    roles: DESK,
    fields: [
      { name: 'mainAppealId', type: 'appealId', required: true, label: L('Негізгі жолданым', 'Основное обращение', 'Main appeal') },
      { name: 'kind', type: 'code', vocabulary: 'attachmentKind', required: false, label: L('Не қосылады', 'Что приобщается', 'What is attached (default: a duplicate)') },
    ],
    inputConditions: ['notAttachedToItself'],
  },
  '4.6': {
    label: L(
      'Арыз иесінен жолданымды, хабарламаны, сұрау салуды, пікірді, ұсынысты кері қайтарып алу қабылданды',
      'Принят отзыв заявителем обращения, сообщения, запроса, отклика, предложения',
      'Withdrawal by the applicant accepted',
    ),
    basis: 'APPC Art. 64 p.9 (before the decision)',
    procedures: ALL,
    endsReview: true,
    roles: EXEC,
    fields: [
      {
        name: 'withdrawalReceivedAt',
        type: 'date',
        required: true,
        when: 'notAfterToday',
        label: L('Кері қайтарып алу туралы арыз келген күн', 'Дата поступления заявления об отзыве', 'Withdrawal received on'),
      },
    ],
  },
};
