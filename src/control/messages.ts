// Error messages of the control department and of instructions, in kk/ru/en (src/http/messages.ts).
type Text = Record<'kk' | 'ru' | 'en', string>;
const L = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });

export const CONTROL_MESSAGES: Record<string, Text> = {
  'control.alreadyUnderControl': L('Жолданым әкімнің бақылауында тұр', 'Обращение уже на контроле акима', 'The appeal is under the akim’s control already'),
  'check.heldAlready': L('Тексеру нәтижелері жазылған', 'Результаты проверки уже записаны', 'The findings of the check are recorded already'),
  'control.periodReversed': L('Кезеңнің басы соңынан кейін', 'Начало периода позже его конца', 'The period starts after it ends'),
  'rework.dueInPast': L('Мерзім өткен күн болмауы керек', 'Срок не может быть в прошлом', 'The due date cannot be in the past'),
  'rework.noAnswer': L('Жолданымға әлі жауап берілмеген', 'На обращение ещё не дан ответ', 'The appeal has no answer yet'),
  'rework.answeredAlready': L('Пысықтауға жауап берілген', 'На доработку уже ответили', 'The rework has been answered already'),
  'quality.unknownCriterion': L('Тізімде мұндай өлшем жоқ', 'Такого критерия нет в перечне', 'No such criterion in the checklist'),
  'quality.criterionMissing': L('Өлшем бағаланбаған', 'Критерий не оценён', 'The criterion is not assessed'),
  'explanation.dueInPast': L('Мерзім өткен күн болмауы керек', 'Срок не может быть в прошлом', 'The due date cannot be in the past'),
  'explanation.recordedAlready': L('Түсініктеме жазылған', 'Объяснение уже записано', 'The explanation has been recorded already'),
  'instruction.oneMainExecutor': L('Бір ғана негізгі орындаушы болуы керек', 'Должен быть ровно один главный исполнитель', 'There must be exactly one main executor'),
  'instruction.executorTwice': L('Орындаушы екі рет көрсетілген', 'Исполнитель указан дважды', 'An executor is named twice'),
  'instruction.dueInPast': L('Мерзім өткен күн болмауы керек', 'Срок не может быть в прошлом', 'The due date cannot be in the past'),
  'instruction.warningNotBeforeDue': L('Ескерту күні мерзімнен бұрын болуы керек', 'Дата предупреждения должна быть раньше срока', 'A warning date must be before the due date'),
  'instruction.executorOutOfScope': L('Ұйым сіздің аумағыңызда емес', 'Организация вне вашей территории', 'The organization is outside your territory'),
  'instruction.removed': L('Тапсырма бақылаудан алынған', 'Поручение снято с контроля', 'The instruction has been taken off control'),
  'instruction.reportDecided': L('Есеп бойынша шешім қабылданған', 'По отчёту уже принято решение', 'The report has been decided already'),
  'instruction.extensionDecided': L('Сұрау бойынша шешім қабылданған', 'По запросу уже принято решение', 'The request has been decided already'),
  'instruction.extensionNotLater': L('Жаңа мерзім {dueDate} күнінен кейін болуы керек', 'Новый срок должен быть позже {dueDate}', 'The new due date must be after {dueDate}'),
  'instruction.noAcceptedReport': L(
    'Орындау туралы есеп қабылданбайынша тапсырма бақылаудан алынбайды',
    'Поручение снимается с контроля только после принятия отчёта об исполнении',
    'An instruction is taken off control only with its execution report accepted',
  ),
};
