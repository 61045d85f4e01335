// The catalogue's rows 4.7–4.14: the course of the administrative procedure — the hearing, recusal,
// representatives, termination, the extension of the term.

import { L, F } from './fields.ts';
import { ALL, ADMIN_COMPLAINT, EXEC, HEAD, type RuleSpec } from './rule.ts';

export const PROCEDURE_SPECS: Record<'4.7' | '4.8' | '4.9' | '4.10' | '4.11' | '4.12' | '4.13' | '4.14', RuleSpec> = {
  '4.7': {
    label: L('Тыңдауды өткізу туралы арыз иесіне хабарлама (хабархат) жіберілді', 'Заявителю направлено уведомление (извещение) о проведении заслушивания', 'Notice (summons) of a hearing sent to the applicant'),
    basis: 'APPC Art. 66 p.2; Art. 73 p.1 (≥ 3 WD before the act); rules p.24 (contacts in the cover letter)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    approval: true,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [
      {
        name: 'hearingAt',
        type: 'dateTime',
        required: true,
        when: 'notBeforeToday',
        label: L('Тыңдаудың күні мен уақыты', 'Дата и время заслушивания', 'Hearing date and time'),
      },
      F.string('place', L('Өткізілетін орны', 'Место проведения', 'Place'), false),
      // default: the responsible executor's phone and e-mail (rules p.24), printed by the letter
      F.string('contacts', L('Жауапты адамдардың байланыстары', 'Контакты ответственных лиц', 'Contacts of the responsible officials'), false),
      F.text('preliminaryDecision', L('Алдын ала шешім', 'Предварительное решение', 'Preliminary decision'), false),
    ],
  },
  '4.8': {
    label: L('Лауазымды адамға қарсылық білдіру (өздігінен бас тарту)', 'Отвод (самоотвод) должностного лица', 'Challenge (recusal or self-recusal) of an official'),
    basis: 'APPC Art. 67 (decided within 3 WD, p.3)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [F.string('official', L('Лауазымды адам', 'Должностное лицо', 'Official')), { name: 'selfRecusal', type: 'boolean', required: true, label: L('Өздігінен бас тарту', 'Самоотвод', 'Self-recusal') }],
  },
  '4.9': {
    label: L('Арыз иесінің өкілі әкімшілік рәсімге түсті', 'Представитель заявителя вступил в административную процедуру', "The applicant's representative joined"),
    basis: 'APPC Art. 68 p.2',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [
      {
        name: 'representative',
        type: 'object',
        required: true,
        label: L('Өкіл', 'Представитель', 'Representative'),
        fields: [
          F.string('name', L('Тегі, аты, әкесінің аты', 'ФИО', 'Full name')),
          F.string('iin', L('ЖСН', 'ИИН', 'IIN'), false),
          F.string('authority', L('Өкілеттігін растайтын құжат', 'Документ, подтверждающий полномочия', 'Document of authority'), false),
        ],
      },
    ],
  },
  '4.10': {
    label: L('Арыз иесінің өкілі шеттетілді', 'Представитель заявителя отстранен', "The applicant's representative removed"),
    basis: 'APPC Art. 68 p.5',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    fields: [
      {
        name: 'representative',
        type: 'object',
        required: true,
        label: L('Өкіл', 'Представитель', 'Representative'),
        fields: [F.string('name', L('Тегі, аты, әкесінің аты', 'ФИО', 'Full name')), F.string('iin', L('ЖСН', 'ИИН', 'IIN'), false)],
      },
      F.text('reason', L('Негізі', 'Основание', 'Reason'), false),
    ],
    after: [['4.9']],
  },
  '4.11': {
    label: L('Тыңдау өткізілді', 'Заслушивание проведено', 'Hearing held'),
    basis: 'APPC Art. 73 p.1; protocol Art. 74',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('protocol', L('Тыңдау хаттамасы', 'Протокол заслушивания', 'Hearing protocol'))],
    after: [['4.7']],
  },
  '4.12': {
    label: L('Тыңдау хаттамасына ескертпе қабылданды', 'Принято замечание на протокол заслушивания', 'Remark on the hearing protocol accepted'),
    basis: 'APPC Art. 73 p.6 (remarks within 3 WD of reading the protocol, Art. 74 p.6)',
    procedures: ADMIN_COMPLAINT,
    endsReview: false,
    roles: EXEC,
    complaintStage: 'reviewingBody',
    fields: [F.text('remark', L('Ескертпе', 'Замечание', 'Remark'))],
    after: [['4.11']],
  },
  '4.13': {
    label: L('Әкімшілік рәсім тоқтатылды', 'Административная процедура прекращена', 'Administrative procedure terminated'),
    // head or deputy: docs/legal-basis.md#who-may-take-a-decision
    basis: 'APPC Art. 77 p.1 sub.2; Arts. 70, 88 (head or deputy; notify within 3 WD, Art. 70 p.3)',
    procedures: ALL,
    endsReview: true,
    roles: HEAD,
    complaintStage: 'reviewingBody',
    fields: [{ name: 'reason', type: 'code', vocabulary: 'terminationReason', required: true, label: L('Негіз', 'Основание', 'Ground') }, F.text('comment', L('Түсініктеме', 'Пояснение', 'Comment'), false)],
    inputConditions: ['reasonApplies'],
  },
  '4.14': {
    label: L('Қарау мерзімі ұзартылды', 'Срок рассмотрения продлен', 'Review term extended'),
    basis: 'APPC Art. 76 p.3 (head or deputy, reasoned, whole term ≤ 2 months from receipt; not for complaints, Art. 99)',
    procedures: ALL,
    endsReview: false,
    roles: HEAD,
    complaintStage: 'reviewingBody',
    fields: [
      { name: 'newDueDate', type: 'date', required: true, label: L('Жаңа орындалу мерзімі', 'Новый срок исполнения', 'New due date') },
      F.text('reason', L('Ұзарту себебі', 'Обоснование продления', 'Reason for the extension')),
    ],
    stateConditions: ['termExtendable', 'termRunning'],
    inputConditions: ['extensionDate'],
  },
};
