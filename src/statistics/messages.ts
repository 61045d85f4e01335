// Messages of the accounting modules (1-ТӨ, daily export, corrections, reconciliation, access
// requests, outages), merged into src/http/messages.ts. {name} is a parameter.
import type { Labels } from '../domain/vocabulary.ts';

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

export const ACCOUNTING_MESSAGES: Record<string, Labels> = {
  // 1-ТӨ
  'form1.year': L('Жыл 2000–2100 аралығында болуы керек', 'Год должен быть от 2000 до 2100', 'The year must be between 2000 and 2100'),
  'form1.month': L('Ай 1–12 аралығында болуы керек', 'Месяц должен быть от 1 до 12', 'The month must be between 1 and 12'),
  'form1.unknownTable': L('Есепте мұндай кесте жоқ', 'В отчете нет такой таблицы', 'The report has no such table'),
  'form1.unknownColumn': L('Кестеде мұндай баған жоқ', 'В таблице нет такой графы', 'The table has no such column'),
  'form1.alreadySigned': L('Есепке қол қойылған', 'Отчет уже подписан', 'The report is already signed'),
  // daily export and import
  'export.dayNotOver': L('{day} күні әлі аяқталған жоқ: тек өткен күн жүктеледі', 'День {day} еще не закончился: выгружается только прошедший день', 'The day {day} is not over: only a past day is exported'),
  'export.noSigningKey': L('Инстанцияның қол қою кілті берілмеген', 'Ключ подписи экземпляра не задан', "The instance's signing key is not set"),
  'export.manifestUnreadable': L('Пакеттің манифесі оқылмайды', 'Манифест пакета не читается', 'The manifest of the package cannot be read'),
  'export.format': L('Пакет пішімі белгісіз: {format}', 'Неизвестный формат пакета: {format}', 'Unknown package format: {format}'),
  'export.filesMismatch': L('Пакет файлдары манифестке сәйкес емес', 'Файлы пакета не соответствуют манифесту', 'The files do not match the manifest'),
  'export.hashMismatch': L('{file} файлының хэші манифестке сәйкес емес', 'Хэш файла {file} не совпадает с манифестом', 'The SHA-256 of {file} does not match the manifest'),
  'export.countMismatch': L('{file} файлындағы жазбалар саны манифестке сәйкес емес', 'Число записей в {file} не совпадает с манифестом', 'The number of records in {file} does not match the manifest'),
  'export.ownInstance': L('Бұл осы инстанцияның өз пакеті', 'Это пакет этого же экземпляра', "This is this instance's own package"),
  'export.unknownOrganization': L('Белгісіз ұйым кодтары: {codes}', 'Неизвестные коды организаций: {codes}', 'Unknown organization codes: {codes}'),
  'export.signature.digestMismatch': L('Манифест қолтаңбаға сәйкес емес: пакет өзгертілген', 'Манифест не соответствует подписи: пакет изменен', 'The manifest does not match its signature: the package was changed'),
  'export.signature.badSignature': L('Пакеттің қолтаңбасы жарамсыз', 'Подпись пакета недействительна', 'The signature of the package is invalid'),
  'export.signature.untrustedChain': L('Пакетке сенімсіз сертификатпен қол қойылған', 'Пакет подписан недоверенным сертификатом', 'The package is signed with an untrusted certificate'),
  'export.signature.expired': L('Пакетке қол қойған сертификаттың мерзімі өткен', 'Срок сертификата подписи пакета истек', 'The certificate that signed the package has expired'),
  'export.signature.malformed': L('Пакет қолтаңбасының пішімі қате', 'Неверный формат подписи пакета', 'The signature of the package is malformed'),
  'export.instanceNotTrusted': L(
    '{instanceId} инстанциясы тіркелмеген: оның пакеттері қабылданбайды',
    'Экземпляр {instanceId} не зарегистрирован: его пакеты не принимаются',
    'The instance {instanceId} is not registered here: its packages are not accepted',
  ),
  'export.signature.notInstanceCertificate': L(
    'Пакетке {instanceId} инстанциясы үшін тіркелген сертификатпен қол қойылмаған',
    'Пакет подписан не сертификатом, зарегистрированным для экземпляра {instanceId}',
    'The package is not signed with the certificate registered for the instance {instanceId}',
  ),
  'export.certificateUnreadable': L('Сертификат оқылмайды (PEM күтілген)', 'Сертификат не читается (ожидается PEM)', 'The certificate cannot be read (PEM expected)'),
  // corrections
  'correction.nothingToChange': L('Өзгертілетін өріс көрсетілмеген', 'Не указано ни одного изменяемого поля', 'No field to change is given'),
  'correction.fieldNotCorrectable': L('«{field}» өрісі түзетілмейді', 'Поле «{field}» не корректируется', 'The field "{field}" cannot be corrected'),
  'correction.dueDateRequired': L(
    'Мерзімді ұзарту карточкасын жойғанда жаңа орындалу мерзімін көрсетіңіз',
    'При удалении карточки продления укажите новый срок исполнения',
    'Deleting the extension card needs the due date it goes back to',
  ),
  'correction.documentsRequired': L(
    'Өтінішхатқа растайтын құжаттар қоса беріледі (Қағидалар 27-т.)',
    'К ходатайству прилагаются подтверждающие документы (п. 27 Правил)',
    'A petition comes with supporting documents (rules p.27)',
  ),
  'correction.recordUnknown': L('Бұл жолданымда мұндай карточка жоқ', 'У этого обращения нет такой карточки', 'The appeal has no such card'),
  'correction.cardDeleted': L('Карточка жойылған', 'Карточка удалена', 'The card is deleted'),
  'correction.notAllowedToFile': L('Бұл өтінішхатты беруге құқығыңыз жоқ ({decider})', 'Нет права подать это ходатайство ({decider})', 'You may not file this petition ({decider})'),
  'correction.notAllowedToDecide': L(
    'Бұл өтінішхатты шешуге құқығыңыз жоқ: {decider}; өтінішхат берушінің өзі шешпейді',
    'Нет права решить это ходатайство: {decider}; не сам заявитель ходатайства',
    'You may not decide this petition: {decider}; never its petitioner',
  ),
  'correction.alreadyDecided': L('Өтінішхат шешілген ({status})', 'Ходатайство уже решено ({status})', 'The petition is already decided ({status})'),
  'correction.fieldNotOnRecord': L(
    '«{field}» өрісі бұл карточкада жоқ: оны қамтитын арыз иесінің (АИ-1) немесе шешімнің (ТЖ-2) карточкасын көрсетіңіз',
    'Поля «{field}» нет на этой карточке: укажите карточку заявителя (АИ-1) или решения (ТЖ-2), на которой оно есть',
    'The field "{field}" is not on this card: name the applicant card (АИ-1) or decision card (ТЖ-2) that carries it',
  ),
  'correction.recordNotDeletable': L('Арыз иесінің карточкасы жойылмайды, түзетіледі', 'Карточка заявителя не удаляется, а исправляется', 'An applicant card is corrected, not deleted'),
  'correction.procedureChange': L(
    'Құжат түрі тек сол рәсім ішінде ({procedure}) түзетіледі: басқа рәсімде қабылданған шешімдер жарамсыз болар еді',
    'Вид документа исправляется только в пределах той же процедуры ({procedure}): принятые решения иной процедуры были бы недействительны',
    'The document type is corrected only within its procedure ({procedure}): the decisions taken belong to it',
  ),
  'correction.periodNotOpen': L(
    'Өтінішхат кеш берілген: ол {period} кезеңінде, {opensOn} бастап қаралады (Қағидалар 28-т.)',
    'Ходатайство подано поздно: оно рассматривается в периоде {period}, с {opensOn} (п. 28 Правил)',
    'The petition came late: it is reviewed in the period {period}, from {opensOn} (rules p.28)',
  ),
  // closed periods
  'registration.periodClosed': L(
    '{period} есептік кезеңі жабық (1-ТӨ {closedOn} қалыптасты): тіркеу оған күн қойылмайды; іркіліс кезіндегі қағаз журналдан енгізу арқылы ғана',
    'Отчетный период {period} закрыт (1-ТӨ сформирован {closedOn}): регистрация не может быть датирована им, кроме внесения из бумажного журнала при сбое',
    'The reporting period {period} is closed (its 1-ТӨ was formed on {closedOn}): a registration cannot be dated in it, except an entry from the paper journal of an outage',
  ),
  // outages
  'outage.endBeforeStart': L('Аяқталуы басталуынан кейін болуы керек', 'Окончание должно быть позже начала', 'The end must be after the start'),
  'outage.inFuture': L('Қол жеткізу әлі қалпына келмеген уақыт көрсетілген', 'Указано время, когда доступ еще не восстановлен', 'The end is in the future'),
  'outage.receivedOutsideOutage': L('Түскен уақыты іркіліс кезеңіне кірмейді', 'Время поступления вне периода сбоя', 'The receipt time is outside the outage'),
  'outage.entryTaken': L('Журналдың {page}-бетіндегі {entry}-жазба енгізілген', 'Запись {entry} на странице {page} журнала уже внесена', 'Entry {entry} on page {page} of the journal is already entered'),
  // reconciliation
  'reconciliation.outsideWindow': L(
    'Салыстырып тексеру айдың 1–8 күндері жүргізіледі (бүгін {today})',
    'Сверка проводится с 1 по 8 число месяца (сегодня {today})',
    'Reconciliation runs from the 1st to the 8th of the month (today {today})',
  ),
  'reconciliation.statementMismatch': L('Анықтама басқа ұйымға немесе кезеңге арналған', 'Справка относится к другой организации или периоду', 'The statement is for another organization or period'),
  'reconciliation.confirmed': L('Салыстырып тексеруді екі тарап та растаған', 'Сверка подтверждена обеими сторонами', 'Both sides confirmed the reconciliation'),
  // access requests
  'accessRequest.unreadable': L('Өтініш оқылмайды (JSON күтілген)', 'Заявка не читается (ожидается JSON)', 'The application cannot be read (JSON expected)'),
  'accessRequest.login': L('Логин: 3–50 кіші латын әрпі, цифр, нүкте, сызықша', 'Логин: 3–50 строчных латинских букв, цифр, точек, дефисов', 'Login: 3–50 lower-case Latin letters, digits, dots, dashes'),
  'accessRequest.signerMismatch': L('Өтінішке басқа адам қол қойған ({signer})', 'Заявка подписана другим лицом ({signer})', 'The application is signed by someone else ({signer})'),
  'accessRequest.loginTaken': L('«{login}» логині бос емес', 'Логин «{login}» занят', 'The login "{login}" is taken'),
  'accessRequest.alreadyDecided': L('Өтініш шешілген ({status})', 'Заявка уже рассмотрена ({status})', 'The request is already decided ({status})'),
  'accessRequest.roleNotAtOrganization': L(
    '«{role}» рөлі тек құқықтық статистика органында (комитетте немесе оның аумақтық басқармасында) беріледі',
    'Роль «{role}» предоставляется только в органе правовой статистики (комитете или его территориальном управлении)',
    'The role "{role}" exists only at the statistics authority (the committee or its territorial departments)',
  ),
  'accessRequest.reasonRequired': L('Бас тарту себебін көрсетіңіз', 'Укажите причину отказа', 'Give the reason for the refusal'),
  'accessRequest.signature.digestMismatch': L('Қолтаңба өтінішке сәйкес емес', 'Подпись не соответствует заявке', 'The signature does not match the application'),
  'accessRequest.signature.badSignature': L('Қолтаңба жарамсыз', 'Подпись недействительна', 'The signature is invalid'),
  'accessRequest.signature.untrustedChain': L('Сертификат сенімді куәландырушы орталықтан берілмеген', 'Сертификат выдан не доверенным удостоверяющим центром', 'The certificate is not from a trusted authority'),
  'accessRequest.signature.expired': L('Сертификаттың мерзімі өткен', 'Срок действия сертификата истек', 'The certificate has expired'),
  'accessRequest.signature.malformed': L('Қолтаңба пішімі қате', 'Неверный формат подписи', 'The signature is malformed'),
  'export.pushBusy': L(
    'Пакеттер қазір қабылданып жатыр: {seconds} секундтан кейін қайталаңыз',
    'Сейчас уже принимаются другие пакеты: повторите через {seconds} с',
    'Other packages are being received now: try again in {seconds} s',
  ),
  'export.pushHeadMismatch': L(
    'Пакеттің манифесі мен қолтаңбасы тақырыптардағыдай емес',
    'Манифест и подпись пакета не совпадают с переданными в заголовках',
    'The manifest and signature of the package are not those of its headers',
  ),
  'export.pushUrl': L('URL http:// немесе https:// басталуы керек', 'URL должен начинаться с http:// или https://', 'The URL must start with http:// or https://'),
};
