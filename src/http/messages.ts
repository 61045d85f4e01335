// Error and validation messages in Kazakh, Russian and English. Codes come from use cases
// (AppError, FieldError) and from JSON-schema keywords; {name} is replaced by a parameter.
import type { Language } from '../domain/vocabulary.ts';
import { DECISION_MESSAGES } from '../domain/decisions.ts';
import { ACCOUNTING_MESSAGES } from '../statistics/messages.ts';
import { CONTROL_MESSAGES } from '../control/messages.ts';
import { CONTACT_CENTRE_MESSAGES } from '../contact-centre/messages.ts';
import { RECEPTION_MESSAGES } from '../reception/errors.ts';
import { PORTAL_MESSAGES } from '../portal/messages.ts';
import { NUMBERING_MESSAGES } from '../exports/messages.ts';
import { ADMINISTRATION_MESSAGES } from '../administration/messages.ts';
import { ATTACHMENT_MESSAGES } from '../attachments/messages.ts';

type Text = Record<'kk' | 'ru' | 'en', string>;

const MESSAGES: Record<string, Text> = {
  ...DECISION_MESSAGES,
  // accounting: 1-ТӨ, daily export, corrections, reconciliation, access requests, outages
  ...ACCOUNTING_MESSAGES,
  // the control department and instructions under control
  ...CONTROL_MESSAGES,
  // the contact centre and the telephone link
  ...CONTACT_CENTRE_MESSAGES,
  // personal reception
  ...RECEPTION_MESSAGES,
  // the citizen portal
  ...PORTAL_MESSAGES,
  // registration numbers leased across instances
  ...NUMBERING_MESSAGES,
  // administration: users and the organization tree
  ...ADMINISTRATION_MESSAGES,
  ...ATTACHMENT_MESSAGES,
  // general
  validation: { kk: 'Деректер қате толтырылған', ru: 'Данные заполнены с ошибками', en: 'The data contain errors' },
  notFound: { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
  forbidden: { kk: 'Бұл әрекетке рұқсат жоқ', ru: 'Нет доступа к этому действию', en: 'You may not do this' },
  unauthorized: { kk: 'Жүйеге кіру қажет', ru: 'Требуется вход в систему', en: 'Sign-in required' },
  rateLimited: { kk: 'Сұраулар тым көп, кейінірек қайталаңыз', ru: 'Слишком много запросов, повторите позже', en: 'Too many requests, try again later' },
  internal: { kk: 'Ішкі қате', ru: 'Внутренняя ошибка', en: 'Internal error' },
  'database.unavailable': {
    kk: 'Дерекқор уақытша қолжетімсіз; біраздан кейін қайталаңыз',
    ru: 'База данных временно недоступна; повторите чуть позже',
    en: 'The database is temporarily unavailable; try again in a moment',
  },
  badRequest: { kk: 'Сұрау өңделмейді', ru: 'Запрос не может быть обработан', en: 'The request cannot be processed' },
  // the request itself (src/http/server.ts: Fastify's client errors)
  'body.invalidJson': { kk: 'Сұрау денесі жарамды JSON емес', ru: 'Тело запроса не является корректным JSON', en: 'The request body is not valid JSON' },
  'body.emptyJson': {
    kk: 'Content-Type application/json, бірақ сұрау денесі бос',
    ru: 'Content-Type application/json, но тело запроса пустое',
    en: 'Content-Type is application/json but the request body is empty',
  },
  'body.unsupportedMediaType': {
    kk: 'Сұрау денесінің бұл түрі (Content-Type) қабылданбайды',
    ru: 'Этот тип тела запроса (Content-Type) не поддерживается',
    en: 'This type of request body (Content-Type) is not supported',
  },
  'body.tooLarge': { kk: 'Сұрау денесі тым үлкен (ең көбі {limit} МБ)', ru: 'Тело запроса слишком велико (не более {limit} МБ)', en: 'The request body is too large (at most {limit} MB)' },
  'body.invalidContentLength': {
    kk: 'Content-Length сұрау денесінің ұзындығымен сәйкес келмейді',
    ru: 'Content-Length не совпадает с длиной тела запроса',
    en: 'Content-Length does not match the length of the request body',
  },
  'body.lengthRequired': {
    kk: 'Content-Length тақырыбы қажет (сұрау денесінің ұзындығы алдын ала белгілі болуы керек)',
    ru: 'Нужен заголовок Content-Length (длина тела запроса должна быть известна заранее)',
    en: 'The Content-Length header is required (the length of the body must be known in advance)',
  },
  'body.missingContentType': { kk: 'Content-Type тақырыбы жоқ', ru: 'Нет заголовка Content-Type', en: 'The Content-Type header is missing' },
  'url.invalid': { kk: 'Сұрау мекенжайы қате', ru: 'Неверный адрес запроса', en: 'The request URL is malformed' },
  'url.tooLong': { kk: 'Сұрау мекенжайының параметрі тым ұзын', ru: 'Параметр адреса запроса слишком длинный', en: 'A parameter of the request URL is too long' },
  'auth.invalidCredentials': { kk: 'Логин немесе құпиясөз қате', ru: 'Неверный логин или пароль', en: 'Wrong login or password' },
  'auth.throttled': {
    kk: 'Қате құпиясөз тым көп енгізілді: {seconds} секундтан кейін қайталаңыз',
    ru: 'Слишком много неверных паролей: повторите через {seconds} с',
    en: 'Too many wrong passwords: try again in {seconds} s',
  },
  // the Idempotency-Key header (src/http/idempotency.ts)
  'idempotency.keyFormat': {
    kk: 'Idempotency-Key — басылатын ASCII таңбаларының 1–{max} таңбасы',
    ru: 'Idempotency-Key — от 1 до {max} печатных символов ASCII',
    en: 'The Idempotency-Key must be 1 to {max} printable ASCII characters',
  },
  'idempotency.inProgress': {
    kk: 'Осы Idempotency-Key бар сұрау әлі аяқталған жоқ немесе оның нәтижесі белгісіз; біраздан кейін қайталаңыз немесе нәтижесін тексеріңіз',
    ru: 'Запрос с этим Idempotency-Key еще не завершен или его результат неизвестен; повторите позже или проверьте результат',
    en: 'The request with this Idempotency-Key has not finished or its outcome is unknown; try again later or check whether it was done',
  },
  'idempotency.keyReused': {
    kk: 'Бұл Idempotency-Key басқа сұрауға пайдаланылған; жаңа сұрауға жаңа кілт жіберіңіз',
    ru: 'Этот Idempotency-Key уже использован для другого запроса; для нового запроса отправьте новый ключ',
    en: 'This Idempotency-Key was used for another request; send a new key with a new request',
  },
  // the edge (src/http/edge.ts): values the database cannot take
  'text.nulByte': { kk: 'Мәтінде NUL таңбасы (\\u0000) болмауы керек', ru: 'Текст не должен содержать символ NUL (\\u0000)', en: 'The text must not contain a NUL character (\\u0000)' },
  'text.loneSurrogate': {
    kk: 'Мәтінде жұбы жоқ UTF-16 суррогаты бар (жарамсыз таңба)',
    ru: 'В тексте есть непарный суррогат UTF-16 (недопустимый символ)',
    en: 'The text contains an unpaired UTF-16 surrogate (an invalid character)',
  },
  'number.outOfRange': { kk: '{min} мен {max} аралығындағы бүтін сан болуы керек', ru: 'Должно быть целым числом от {min} до {max}', en: 'Must be a whole number from {min} to {max}' },
  // JSON-schema keywords
  required: { kk: 'Міндетті өріс', ru: 'Обязательное поле', en: 'Required field' },
  type: { kk: 'Мәннің түрі қате ({type} күтілген)', ru: 'Неверный тип значения (ожидается {type})', en: 'Wrong type of value ({type} expected)' },
  enum: { kk: 'Рұқсат етілген мәндердің бірі болуы керек: {allowed}', ru: 'Должно быть одним из значений: {allowed}', en: 'Must be one of: {allowed}' },
  const: { kk: 'Мәні {allowed} болуы керек', ru: 'Значение должно быть {allowed}', en: 'Must be {allowed}' },
  format: { kk: 'Пішімі қате ({format})', ru: 'Неверный формат ({format})', en: 'Wrong format ({format})' },
  pattern: { kk: 'Пішімі қате', ru: 'Неверный формат', en: 'Wrong format' },
  minLength: { kk: 'Кемінде {limit} таңба', ru: 'Не менее {limit} символов', en: 'At least {limit} characters' },
  maxLength: { kk: 'Ең көбі {limit} таңба', ru: 'Не более {limit} символов', en: 'At most {limit} characters' },
  minimum: { kk: 'Кемінде {limit}', ru: 'Не менее {limit}', en: 'At least {limit}' },
  maximum: { kk: 'Ең көбі {limit}', ru: 'Не более {limit}', en: 'At most {limit}' },
  minItems: { kk: 'Кемінде {limit} элемент', ru: 'Не менее {limit} элементов', en: 'At least {limit} items' },
  maxItems: { kk: 'Ең көбі {limit} элемент', ru: 'Не более {limit} элементов', en: 'At most {limit} items' },
  additionalProperties: { kk: 'Белгісіз өріс: {property}', ru: 'Неизвестное поле: {property}', en: 'Unknown field: {property}' },
  minProperties: { kk: 'Кемінде {limit} өріс көрсетіңіз', ru: 'Укажите не менее {limit} поля', en: 'Give at least {limit} field(s)' },
  oneOf: { kk: 'Мән бірде-бір нұсқаға сәйкес келмейді', ru: 'Значение не подходит ни под один вариант', en: 'The value matches none of the allowed shapes' },
  // identifiers
  'iin.format': { kk: 'ЖСН 12 цифрдан тұрады', ru: 'ИИН состоит из 12 цифр', en: 'An IIN has 12 digits' },
  'iin.checkDigit': { kk: 'ЖСН бақылау разряды сәйкес келмейді', ru: 'Контрольный разряд ИИН не совпадает', en: 'The IIN check digit does not match' },
  'iin.birthDate': { kk: 'ЖСН-дағы туған күн жоқ күн', ru: 'Дата рождения в ИИН не существует', en: 'The birth date in the IIN is not a real date' },
  'iin.century': { kk: 'ЖСН-ның 7-цифры қате', ru: 'Неверная 7-я цифра ИИН', en: 'The 7th digit of the IIN is wrong' },
  'iin.invalid': { kk: 'ЖСН қате', ru: 'Неверный ИИН', en: 'Invalid IIN' },
  'bin.format': { kk: 'БСН 12 цифрдан тұрады', ru: 'БИН состоит из 12 цифр', en: 'A BIN has 12 digits' },
  'bin.checkDigit': { kk: 'БСН бақылау разряды сәйкес келмейді', ru: 'Контрольный разряд БИН не совпадает', en: 'The BIN check digit does not match' },
  'bin.month': { kk: 'БСН-дағы тіркеу айы қате', ru: 'Неверный месяц регистрации в БИН', en: 'The registration month in the BIN is wrong' },
  'bin.entityType': { kk: 'БСН-ның 5-цифры қате', ru: 'Неверная 5-я цифра БИН', en: 'The 5th digit of the BIN is wrong' },
  'bin.division': { kk: 'БСН-ның 6-цифры қате', ru: 'Неверная 6-я цифра БИН', en: 'The 6th digit of the BIN is wrong' },
  // registration
  'applicant.exactlyOne': {
    kk: 'Арыз иесін (applicant), арыз иелерін (applicants) немесе анонимдікті (anonymous) көрсетіңіз — тек біреуін',
    ru: 'Укажите заявителя (applicant), заявителей (applicants) или анонимность (anonymous) — только одно',
    en: 'Give exactly one of applicant, applicants (collective) or anonymous',
  },
  'applicants.collectiveNeedsTwo': {
    kk: 'Ұжымдық жолданымның кемінде екі арыз иесі болады',
    ru: 'У коллективного обращения не менее двух заявителей',
    en: 'A collective appeal has at least two applicants',
  },
  'protocolText.requiredForOral': {
    kk: 'Ауызша жолданым хаттамаға жазылады (Қағидалар 12-т.)',
    ru: 'Устное обращение заносится в протокол (п. 12 Правил)',
    en: 'An oral appeal is written into a protocol (rules p.12)',
  },
  'form.complaintInWriting': {
    kk: 'Шағым жазбаша (қағаз немесе электрондық) беріледі (ӘРПК 93-бап)',
    ru: 'Жалоба подается в письменной (бумажной или электронной) форме (ст. 93 АППК)',
    en: 'A complaint is filed in writing, on paper or electronically (APPC Art. 93)',
  },
  'complaint.organizationRequired': {
    kk: 'Әрекеті шағымданылатын органды көрсетіңіз',
    ru: 'Укажите орган, действие которого обжалуется',
    en: 'Name the organization whose act or action is complained about',
  },
  'birthDate.differsFromIin': {
    kk: 'Туған күн ЖСН-мен сәйкес келмейді (ЖСН бойынша {iin})',
    ru: 'Дата рождения не совпадает с ИИН (по ИИН {iin})',
    en: 'The birth date differs from the IIN ({iin} by the IIN)',
  },
  'birthDate.inFuture': { kk: 'Туған күн болашақта', ru: 'Дата рождения в будущем', en: 'The birth date is in the future' },
  'sex.differsFromIin': { kk: 'Жынысы ЖСН-мен сәйкес келмейді', ru: 'Пол не совпадает с ИИН', en: 'The sex differs from the IIN' },
  'receivedAt.inFuture': { kk: 'Түскен уақыты болашақта', ru: 'Время поступления в будущем', en: 'The receipt time is in the future' },
  'subKind.unknown': {
    kk: '«{documentType}» құжат түрінің «{subKind}» деген түршесі мерзімдер каталогында жоқ',
    ru: 'В каталоге сроков нет подвида «{subKind}» для вида документа «{documentType}»',
    en: 'The term catalogue has no sub-kind "{subKind}" of the document type "{documentType}"',
  },
  'directory.unknownCode': { kk: 'Анықтамалықта «{code}» коды жоқ', ru: 'В справочнике нет кода «{code}»', en: 'The directory has no code "{code}"' },
  // review
  'assignment.reviewEnded': { kk: 'Қарау аяқталды, орындаушы тағайындалмайды', ru: 'Рассмотрение завершено, исполнитель не назначается', en: 'The review has ended; no executor can be assigned' },
  'assignment.executorNotInOrganization': {
    kk: 'Орындаушы жолданымды қарайтын ұйымның қызметкері болуы керек',
    ru: 'Исполнитель должен быть сотрудником организации, рассматривающей обращение',
    en: 'The executor must work for the organization reviewing the appeal',
  },
  'assignment.unknownUser': { kk: 'Мұндай қызметкер жоқ', ru: 'Такого сотрудника нет', en: 'No such user' },
  'assignment.controlDateOutsideTerm': {
    kk: 'Бақылау күні бүгіннен бастап орындалу мерзіміне ({due}) дейін болуы керек',
    ru: 'Контрольная дата должна быть от сегодня до срока исполнения ({due})',
    en: 'The control date must be between today and the due date ({due})',
  },
  'assignment.reviewedBefore': {
    kk: 'Жеке қабылдаудағы жолданым арыз иесінің осы мәселе бойынша бұрынғы жолданымын қараған қызметкерге берілмейді (Үлгілік регламенттің 37-т.)',
    ru: 'Обращение с личного приема не поручается сотруднику, рассматривавшему прежнее обращение заявителя по этому вопросу (п. 37 Типового регламента)',
    en: 'An appeal from a personal reception may not go to the employee who reviewed the applicant’s earlier appeal on the issue (reception regulation p.37)',
  },
  'decision.forwardToItself': { kk: 'Жолданымды өз ұйымына жіберуге болмайды', ru: 'Нельзя направить обращение в свою же организацию', en: 'An appeal cannot be forwarded to its own organization' },
  'decision.mainAppealUnknown': {
    kk: 'Негізгі жолданым осы ұйымда табылмады',
    ru: 'Основное обращение не найдено в этой организации',
    en: 'The main appeal is not one of this organization',
  },
  // letters
  'letter.alreadySigned': { kk: 'Хатқа қол қойылған', ru: 'Письмо уже подписано', en: 'The letter is already signed' },
  'letter.notPrepared': {
    kk: 'Хат басқа басшының атынан немесе басқа күнмен жасалған: алдымен оны өз қолыңызға дайындаңыз (…/prepare), содан кейін PDF-ке қол қойыңыз',
    ru: 'Письмо составлено от имени другого руководителя или другой датой: сначала подготовьте его к своей подписи (…/prepare), затем подпишите PDF',
    en: 'The letter names another head or another date: prepare it for your signature first (…/prepare), then sign the PDF',
  },
  'decision.draftNotPending': {
    kk: 'Бұл жоба енді бекітуді күтпейді',
    ru: 'Этот проект больше не ожидает утверждения',
    en: 'This draft no longer awaits approval',
  },
  'obligation.notRecorded': {
    kk: '«{kind}» міндеті өз шешімімен немесе хатымен орындалады, оны бөлек белгілеуге болмайды',
    ru: 'Обязанность «{kind}» исполняется самим решением или письмом, отметить ее отдельно нельзя',
    en: 'The obligation "{kind}" is fulfilled by its decision or letter, not recorded separately',
  },
  'correspondence.withdrawn': { kk: 'Тапсырма кері қайтарылды', ru: 'Поручение отозвано', en: 'The task was withdrawn' },
  'correspondence.answered': { kk: 'Тапсырмаға жауап берілген', ru: 'На поручение уже дан ответ', en: 'The task has already been answered' },
  'obligation.alreadyMet': { kk: 'Міндет {metOn} орындалған', ru: 'Обязанность исполнена {metOn}', en: 'The obligation was met on {metOn}' },
  'letter.signatureRequired': {
    kk: 'PKCS#12 кілті мен құпиясөзін немесе дайын қолтаңбаны беріңіз',
    ru: 'Передайте ключ PKCS#12 с паролем или готовую подпись',
    en: 'Give a PKCS#12 key with its password, or a ready signature',
  },
  'letter.pkcs12.wrongPassword': { kk: 'Кілттің құпиясөзі қате', ru: 'Неверный пароль ключа', en: 'Wrong key password' },
  'letter.pkcs12.unreadable': { kk: 'Кілт файлы оқылмайды', ru: 'Файл ключа не читается', en: 'The key file cannot be read' },
  'letter.pkcs12.noKeyOrCertificate': { kk: 'Файлда кілт немесе сертификат жоқ', ru: 'В файле нет ключа или сертификата', en: 'The file holds no key or certificate' },
  'letter.pkcs12.unsupportedKey': { kk: 'Кілт RSA қолтаңбасына жарамсыз', ru: 'Ключ не подходит для подписи RSA', en: 'The key cannot sign with RSA' },
  'letter.signature.digestMismatch': { kk: 'Қолтаңба бұл құжатқа сәйкес келмейді', ru: 'Подпись не соответствует документу', en: 'The signature does not match the document' },
  'letter.signature.badSignature': { kk: 'Қолтаңба жарамсыз', ru: 'Подпись недействительна', en: 'The signature is invalid' },
  'letter.signature.untrustedChain': { kk: 'Сертификат сенімді куәландырушы орталықтан берілмеген', ru: 'Сертификат выдан не доверенным удостоверяющим центром', en: 'The certificate is not from a trusted authority' },
  'letter.signature.expired': { kk: 'Сертификаттың мерзімі өткен', ru: 'Срок действия сертификата истек', en: 'The certificate has expired' },
  'letter.signature.tooLarge': {
    kk: 'Қолтаңба тым үлкен (16 КБ-тан аспауы керек): уақыт белгісі мен сертификаттар тізбегінсіз қол қойыңыз',
    ru: 'Подпись слишком велика (не более 16 КБ): подпишите без метки времени и цепочки сертификатов',
    en: 'The signature is too large (16 KB at most): sign without a timestamp and certificate chain',
  },
  'letter.signature.malformed': { kk: 'Қолтаңба пішімі қате', ru: 'Неверный формат подписи', en: 'The signature is malformed' },
  'letter.signature.notSignersCertificate': {
    kk: 'Бұл сертификат қол қоюшының өзінікі емес',
    ru: 'Сертификат не принадлежит подписывающему',
    en: 'The certificate is not the signer’s own',
  },
  'letter.signature.certificateRevoked': {
    kk: 'Қол қоюшының бұл сертификаты кері қайтарылған',
    ru: 'Этот сертификат подписывающего отозван',
    en: 'This certificate of the signer has been revoked',
  },
  'certificate.unreadable': { kk: 'Сертификат оқылмайды (PEM күтілген)', ru: 'Сертификат не читается (ожидается PEM)', en: 'The certificate cannot be read (PEM expected)' },
  'certificate.alreadyRegistered': {
    kk: 'Бұл сертификат бір пайдаланушыға тіркелген',
    ru: 'Этот сертификат уже зарегистрирован за пользователем',
    en: 'This certificate is already registered to a user',
  },
  'appeal.unknown': { kk: 'Мұндай жолданым жоқ', ru: 'Такого обращения нет', en: 'No such appeal' },
  'organization.unknown': { kk: 'Мұндай ұйым жоқ', ru: 'Такой организации нет', en: 'No such organization' },
  // reference data edited by an administrator (src/reference/admin.ts)
  'text.blank': { kk: 'Бос болмауы керек', ru: 'Не должно быть пустым', en: 'Must not be blank' },
  'calendar.yearOutOfRange': { kk: 'Жыл {min}–{max} аралығында болуы керек', ru: 'Год должен быть в пределах {min}–{max}', en: 'The year must be within {min}–{max}' },
  'calendar.alreadyConfirmed': { kk: '{year} жылдың күнтізбесі расталған', ru: 'Календарь {year} года уже подтвержден', en: 'The calendar of {year} is already confirmed' },
  'term.countOutOfRange': { kk: 'Мерзім {min}-ден {max}-ге дейін болуы керек', ru: 'Срок должен быть от {min} до {max}', en: 'The term must be from {min} to {max}' },
  'term.newSubKindNeedsLabel': {
    kk: 'Жаңа түршенің атауын қазақ, орыс және ағылшын тілдерінде беріңіз',
    ru: 'Для нового подвида укажите название на казахском, русском и английском',
    en: 'A new sub-kind needs its label in Kazakh, Russian and English',
  },
  'workingHours.endBeforeStart': { kk: 'Жұмыс күні басталғаннан кейін аяқталуы керек', ru: 'Рабочий день должен заканчиваться после начала', en: 'The working day must end after it starts' },
  'timeZone.unknown': { kk: '«{timeZone}» деген уақыт белдеуі жоқ (IANA атауы күтілген)', ru: 'Нет часового пояса «{timeZone}» (ожидается имя IANA)', en: 'No time zone "{timeZone}" (an IANA name is expected)' },
  'directory.closed': {
    kk: 'Бұл анықтамалықтың кодтарын жүйе белгілейді: тек атауларын өзгертуге болады',
    ru: 'Коды этого справочника задает система: можно менять только названия',
    en: 'The system fixes the codes of this directory: only their labels can change',
  },
  'directory.codeExists': { kk: 'Анықтамалықта «{code}» коды бар', ru: 'В справочнике уже есть код «{code}»', en: 'The directory already has the code "{code}"' },
  'directory.unknownParent': { kk: 'Анықтамалықта «{code}» тобы жоқ', ru: 'В справочнике нет группы «{code}»', en: 'The directory has no group "{code}"' },
  // web app: sessions, passwords, registry look-ups, queues
  csrf: {
    kk: 'Сұрау расталмады (CSRF): бетті жаңартып, қайталаңыз',
    ru: 'Запрос не подтвержден (CSRF): обновите страницу и повторите',
    en: 'The request was not confirmed (CSRF): reload the page and try again',
  },
  'password.wrongCurrent': { kk: 'Қазіргі құпиясөз қате', ru: 'Неверный текущий пароль', en: 'The current password is wrong' },
  'password.tooShort': { kk: 'Құпиясөз кемінде {limit} таңба', ru: 'Пароль не короче {limit} символов', en: 'The password needs at least {limit} characters' },
  'password.unchanged': { kk: 'Жаңа құпиясөз ескісінен өзгеше болуы керек', ru: 'Новый пароль должен отличаться от старого', en: 'The new password must differ from the old one' },
  'password.isLogin': { kk: 'Құпиясөз логинмен бірдей болмауы керек', ru: 'Пароль не должен совпадать с логином', en: 'The password must not be the login' },
  'registry.personNotFound': { kk: 'Бұл ЖСН бойынша адам табылмады', ru: 'Человек с таким ИИН не найден', en: 'No person with this IIN was found' },
  'registry.companyNotFound': { kk: 'Бұл БСН бойынша ұйым табылмады', ru: 'Организация с таким БИН не найдена', en: 'No legal entity with this BIN was found' },
  'overview.notAllowed': {
    kk: 'Шолу тек басшыларға және бақылау бөліміне қолжетімді',
    ru: 'Обзор доступен только руководителям и отделу контроля',
    en: 'The overview is for heads and control departments',
  },
};

export function message(code: string, lang: Language, params: Record<string, unknown> = {}): string {
  const text = MESSAGES[code]?.[lang as 'kk' | 'ru' | 'en'] ?? MESSAGES[code]?.en ?? code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    // a parameter in the three languages (Labels) reads in the message's own
    return typeof v === 'object' && v !== null && lang in v ? String((v as Record<string, unknown>)[lang]) : String(v);
  });
}

/** An error's message in the caller's language and in every language (`messages`): a client that
 *  keeps an error on screen shows it in the language the user switches to (issue 10, item 8). */
export function localized(code: string, lang: Language, params: Record<string, unknown> = {}): { message: string; messages: Record<'kk' | 'ru' | 'en', string> } {
  return { message: message(code, lang, params), messages: { kk: message(code, 'kk', params), ru: message(code, 'ru', params), en: message(code, 'en', params) } };
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

/** The first of kk, ru, en named in Accept-Language; Kazakh, the state language, otherwise. */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'kk';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag!.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((r) => r.lang === 'kk' || r.lang === 'ru' || r.lang === 'en');
  return (found?.lang as Language | undefined) ?? 'kk';
}
