// Messages of the decision error codes ({name} is a parameter), for src/http/messages.ts to merge.

import type { Labels } from '../vocabulary.ts';
import { L } from './fields.ts';

export const DECISION_MESSAGES: Record<string, Labels> = {
  'decision.unknownCode': L('Белгісіз шешім: {code}', 'Неизвестное решение: {code}', 'Unknown decision: {code}'),
  'decision.invalidDate': L('Күні қате: {date}', 'Неверная дата: {date}', 'Invalid date: {date}'),
  'decision.invalidInput': L('Шешімнің деректері қате толтырылған', 'Данные решения заполнены с ошибками', 'The decision data contain errors'),
  'decision.beforeRegistration': L(
    'Шешім тіркеу күнінен ({registrationDate}) бұрын болмайды',
    'Решение не может предшествовать дате регистрации ({registrationDate})',
    'A decision cannot precede the registration date ({registrationDate})',
  ),
  'decision.beforeLastDecision': L(
    'Шешім алдыңғы шешімнен ({lastDecisionDate}) бұрын болмайды',
    'Решение не может предшествовать предыдущему решению ({lastDecisionDate})',
    'A decision cannot precede the previous one ({lastDecisionDate})',
  ),
  'decision.reviewEnded': L(
    'Қарау аяқталды ({endedBy} шешімі): жаңа шешім қабылданбайды',
    'Рассмотрение завершено (решение {endedBy}): новое решение не принимается',
    'The review has ended (decision {endedBy}): no further decision',
  ),
  'decision.notForProcedure': L('Бұл шешім осы рәсімге қолданылмайды', 'Это решение не применяется в данной процедуре', 'This decision does not fit this procedure'),
  'decision.onlyAtReviewingBody': L('Бұл шешімді тек шағымды қарайтын орган қабылдайды', 'Это решение принимает только орган, рассматривающий жалобу', 'Only the reviewing body takes this decision'),
  'decision.onlyAtBodyComplainedAbout': L(
    'Бұл шешімді тек әрекетіне шағым жасалған орган қабылдайды',
    'Это решение принимает только орган, действие которого обжалуется',
    'Only the body complained about takes this decision',
  ),
  'decision.anonymousMustBeTerminated': L(
    'Иесі бүркемеленген хабарлама, сұрау салу, пікір, ұсыныс бойынша рәсім тоқтатылады (Кодекстің 88-бабы)',
    'По анонимному сообщению, запросу, отклику, предложению процедура прекращается (статья 88 Кодекса)',
    'An anonymous report, inquiry, feedback or proposal is terminated (Art. 88)',
  ),
  'decision.anonymousMustBeForwarded': L(
    'Қылмыс немесе қауіпсіздікке қатер туралы мәліметі бар иесі бүркемеленген жолданым құзыретті органға жіберіледі (Кодекстің 88-бабы)',
    'Анонимное обращение со сведениями о преступлении или угрозе безопасности направляется в компетентный орган (статья 88 Кодекса)',
    'An anonymous appeal with information on a crime or a security threat is forwarded to the competent body (Art. 88)',
  ),
  'decision.headOnly': L('Бұл шешімді тек басшы немесе оның орынбасары қабылдайды', 'Это решение принимает только руководитель или его заместитель', 'Only the head or a deputy takes this decision'),
  'decision.roleNotAllowed': L('Бұл шешімді қабылдауға құқығыңыз жоқ', 'Нет права принимать это решение', 'You may not take this decision'),
  'decision.registrarDeskOnly': L(
    'Орындаушы тағайындалғаннан кейін тіркеуші бұл шешімді қабылдамайды',
    'После назначения исполнителя регистратор не принимает это решение',
    'Once an executor is assigned, the registrar no longer takes this decision',
  ),
  'decision.requires': L('Алдымен {anyOf} шешімі қажет', 'Сначала необходимо решение {anyOf}', 'Decision {anyOf} must come first'),
  'decision.appealFixed': L(
    'Арыз иесі жолданымды {fixedOn} талаптарға сәйкес келтірді: қайтаруға болмайды',
    'Заявитель привел обращение в соответствие {fixedOn}: возврат невозможен',
    'The applicant brought the appeal into line on {fixedOn}: it cannot be returned',
  ),
  'decision.nothingToFix': L('Талаптарға сәйкес келтіру туралы хабарлама жоқ', 'Нет уведомления о приведении в соответствие', 'No notice to bring the appeal into line is pending'),
  'decision.fixTermNotExpired': L('Кемшіліктерді жою мерзімі ({fixBy}) әлі өтпеді', 'Срок устранения недостатков ({fixBy}) еще не истек', 'The term to fix the appeal ({fixBy}) has not expired yet'),
  'decision.extensionNotAllowed': L('Бұл мерзім ұзартылмайды (шағым: Кодекстің 99-бабы)', 'Этот срок не продлевается (жалоба: статья 99 Кодекса)', 'This term cannot be extended (a complaint: Art. 99)'),
  'decision.termExpired': L('Қарау мерзімі ({dueDate}) өтіп кетті, оны ұзартуға болмайды', 'Срок рассмотрения ({dueDate}) истек, продлить его нельзя', 'The review term ({dueDate}) has expired and cannot be extended'),
  'decision.extensionNotLater': L('Жаңа мерзім қазіргі мерзімнен ({dueDate}) кеш болуы керек', 'Новый срок должен быть позже текущего ({dueDate})', 'The new due date must be after the current one ({dueDate})'),
  'decision.extensionBeyondCap': L(
    'Мерзім түскен күннен бастап екі айдан ({cap}) аспауы керек',
    'Срок не может превышать двух месяцев со дня поступления ({cap})',
    'The whole term may not exceed 2 months from receipt ({cap})',
  ),
  'decision.notWorkingDay': L('{date} — жұмыс күні емес', '{date} — нерабочий день', '{date} is not a working day'),
  'decision.complaintGrantWindowClosed': L(
    'Шағымды өзі қанағаттандыру мерзімі ({until}) өтті: шағым қарайтын органға жіберіледі',
    'Срок для самостоятельного удовлетворения жалобы ({until}) истек: жалоба направляется в орган, рассматривающий жалобу',
    'The 3 working days to grant the complaint ({until}) have passed: send it to the reviewing body',
  ),
  'decision.complaintGrantMustBeFavourable': L(
    'Шағымды тек толық қанағаттандыратын қолайлы акт қабылдануы мүмкін',
    'Допускается только благоприятный акт, полностью удовлетворяющий жалобу',
    'Only a favourable act fully granting the complaint is allowed',
  ),
  'decision.hearingNoticeNotSent': L(
    'Тыңдау туралы хабарламаға әлі қол қойылып, жіберілген жоқ: мерзім ол арыз иесіне жеткен күннен басталады',
    'Уведомление о заслушивании еще не подписано и не отправлено: срок считается со дня его получения заявителем',
    'The hearing notice has not been signed and sent yet: the window counts from its receipt by the applicant',
  ),
  'decision.draftPending': L(
    'Орындаушының жобасы басшының бекітуін күтуде: оны басшы қайтарғанша жаңа жоба жасалмайды',
    'Проект исполнителя ожидает утверждения руководителем: новый проект — после его возврата',
    "An executor's draft awaits the head's approval: a new draft only after it is returned",
  ),
  'decision.hearingNoticeMissing': L(
    'Ауыртпалық түсіретін шешімнен бұрын тыңдау туралы хабарлама (4.7) қажет',
    'До обременяющего решения необходимо уведомление о заслушивании (4.7)',
    'An unfavourable decision needs a hearing notice (4.7) first',
  ),
  'decision.hearingWindowOpen': L(
    'Тыңдау мерзімі әлі өтпеді: шешімді {earliest} бастап қабылдауға болады',
    'Срок заслушивания еще не истек: решение можно принять с {earliest}',
    'The hearing window is still open: the decision may be taken from {earliest}',
  ),
  'decision.hearingScheduled': L('Тыңдау {hearingAt} белгіленген және әлі өткізілмеді', 'Заслушивание назначено на {hearingAt} и еще не проведено', 'The hearing is scheduled for {hearingAt} and has not been held'),
  'decision.reasonNotApplicable': L('{reason} негізі бұл жолданымға қолданылмайды', 'Основание {reason} неприменимо к этому обращению', 'The ground {reason} does not apply to this appeal'),
  'decision.hearingExceptionNotForUnfavourable': L(
    '«{exception}» негізі қолайсыз актіні тыңдаудан босатпайды (ӘРПК 73-б. 2-т.)',
    'Основание «{exception}» не освобождает неблагоприятный акт от заслушивания (ст. 73 п. 2 АППК)',
    'The ground "{exception}" does not excuse an unfavourable act from the hearing (APPC Art. 73 p.2)',
  ),
  'decision.attachToItself': L('Жолданымды өзіне қосуға болмайды', 'Нельзя приобщить обращение к самому себе', 'An appeal cannot be attached to itself'),
  'decision.exactlyOneOf': L('Мыналардың біреуін ғана толтырыңыз: {fields}', 'Заполните ровно одно из: {fields}', 'Give exactly one of: {fields}'),
  'decision.fieldNotApplicable': L('Бұл өріс мұнда қолданылмайды ({field})', 'Это поле здесь неприменимо ({field})', 'This field does not apply here ({field})'),
  'decision.dateAfterToday': L('Күн бүгіннен ({today}) кеш болмауы керек', 'Дата не может быть позже сегодняшней ({today})', 'The date cannot be after today ({today})'),
  'decision.dateBeforeToday': L('Күн бүгіннен ({today}) ерте болмауы керек', 'Дата не может быть раньше сегодняшней ({today})', 'The date cannot be before today ({today})'),
  'decision.dateNotAfterToday': L('Күн бүгіннен ({today}) кеш болуы керек', 'Дата должна быть позже сегодняшней ({today})', 'The date must be after today ({today})'),
  'decision.cancelMoveOut.none': L('Басқа жүйеге ауыстыру шешімі жоқ', 'Нет решения о переводе в другую систему', 'There is no move to another information system to cancel'),
  'decision.cancelMoveOut.windowClosed': L('Ауыстыруды {until} дейін ғана болдырмауға болатын еді', 'Перевод можно было отменить только до {until}', 'The move could be cancelled only until {until}'),
};
