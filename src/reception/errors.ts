// The reception's error and validation messages in Kazakh, Russian and English (src/http/messages.ts).
import type { Labels } from '../domain/vocabulary.ts';

const l = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

export const RECEPTION_MESSAGES: Record<string, Labels> = {
  'reception.unknownOfficial': l('Қабылдайтын лауазымды тұлға табылмады', 'Принимающее должностное лицо не найдено', 'No such receiving official'),
  'reception.endBeforeStart': l('Аяқталуы басталуынан кейін болуы керек', 'Окончание должно быть позже начала', 'The end must come after the start'),
  'reception.videoNotForKind': l(
    'Бейнебайланыс арқылы қабылдауды тек басшылар, әкімдер және олардың орынбасарлары өткізеді (214 қаулы, 13-т.)',
    'Прием по видеосвязи проводят только руководители, акимы и их заместители (постановление 214, п.13)',
    'Only heads, akims and their deputies receive by video-conference (Decree 214 p.13)',
  ),
  'reception.restrictiveRegimeVideoOnly': l(
    'Шектеу шаралары кезінде қабылдау тек бейнебайланыс арқылы (14-т.)',
    'При ограничительных мерах прием только по видеосвязи (п.14)',
    'Under restrictive measures reception is by video-conference only (p.14)',
  ),
  'reception.offScheduleNeedsInstruction': l(
    'Кестеден тыс қабылдау бірінші басшының немесе әкімнің тапсырмасымен (кім, қашан) өткізіледі (9-т.)',
    'Прием вне графика проводится по поручению первого руководителя или акима (кто, когда) (п.9)',
    'An off-schedule reception needs the instruction of the first head or akim (who, when) (p.9)',
  ),
  'reception.visitingNeedsSettlement': l('Көшпелі қабылдаудың елді мекенін көрсетіңіз', 'Укажите населенный пункт выездного приема', 'Name the settlement of the visiting reception'),
  'reception.scheduleApproved': l('{month} кестесі бекітілген', 'График на {month} уже утвержден', 'The schedule of {month} is approved already'),
  'reception.sessionCancelled': l('Қабылдау болдырылмады', 'Прием отменен', 'The reception is cancelled'),
  'reception.sessionPast': l('Қабылдау уақыты өтіп кеткен', 'Время приема уже прошло', 'The reception is in the past'),
  'reception.noticeAfterReception': l('Хабарлама қабылдау күнінен кейін болмайды', 'Уведомление не может быть позже дня приема', 'The notice cannot come after the reception day'),
  'reception.videoConsentMissing': l(
    'Бейнебайланыс арқылы қабылдауға өтініш берушінің келісімі жоқ (13-т.)',
    'Нет согласия заявителя на прием по видеосвязи (п.13)',
    'The applicant has not consented to a video reception (p.13)',
  ),
  'reception.extensionNotLater': l('Жаңа мерзім қазіргіден кеш болуы керек', 'Новый срок должен быть позже текущего', 'The new term must be later than the current one'),
  'reception.extensionBeyondLimit': l('Ұзарту {limit} күнінен аспайды (30-т.)', 'Продление не позднее {limit} (п.30)', 'The extension may not go beyond {limit} (p.30)'),
  'reception.authorityDocumentMissing': l(
    'Өкілдің өкілеттігін растайтын құжатты көрсетіңіз (10-т.)',
    'Укажите документ, подтверждающий полномочия представителя (п.10)',
    "Name the document of the representative's authority (p.10)",
  ),
  'reception.notSignedUpHere': l('Бұл өтініш осы қабылдауға жазылмаған', 'Это обращение не записано на этот прием', 'This appeal is not signed up for this reception'),
  'reception.nobodyWaiting': l('Кезекте тексерілген келуші жоқ', 'В очереди нет проверенных посетителей', 'Nobody checked in is waiting'),
  'reception.entryDone': l('Келуші қабылданып қойған', 'Посетитель уже принят', 'The visitor is done already'),
  'reception.notInQueue': l('Келуші бұл қабылдаудың кезегінде жоқ', 'Посетителя нет в очереди этого приема', 'No such visitor in this reception’s queue'),
  'reception.dueBeforeReception': l('Тапсырма мерзімі қабылдау күнінен бұрын болмайды', 'Срок поручения не может быть раньше дня приема', 'The due date cannot come before the reception'),
  'reception.signUpDecided': l('Жазылу бойынша шешім қабылданған', 'По записи уже принято решение', 'The sign-up is decided already'),
  'reception.refusalLinkMissing': l(
    'Бұл негіз өзі сүйенетін шешімді, сот актісін, қайтару немесе кері қайтарып алу туралы шешімді көрсетуді талап етеді (15-т.)',
    'Это основание требует ссылки на решение, судебный акт, решение о возврате или об отзыве (п.15)',
    'This ground needs its link: the earlier decision, court act, return or withdrawal decision (p.15)',
  ),
  'reception.refusalWithoutDraft': l(
    'Алдымен бас тарту туралы шешімнің жобасын тыңдауға жіберіңіз (32-т.)',
    'Сначала направьте проект решения об отказе для заслушивания (п.32)',
    'Send the draft refusal for a hearing first (p.32)',
  ),
  'reception.refusalTooEarly': l(
    'Бас тарту {earliest} бастап қана (жобадан кейін 3 жұмыс күні, 32-т.)',
    'Отказ возможен только с {earliest} (3 рабочих дня после проекта, п.32)',
    'The refusal may come only from {earliest} (3 working days after the draft, p.32)',
  ),
  'reception.inFuture': l('Күн болашақта болмайды', 'Дата не может быть в будущем', 'The date cannot be in the future'),
  'reception.noParticipationRequest': l('Басқа органға қатысу туралы сұрау жіберілмеген', 'Запрос об участии другого органа не направлялся', 'No other body was asked to take part'),
  'reception.refusedOnOutside': l('Бас тарту күні сұраудан кейін және бүгіннен кеш емес болуы керек', 'Дата отказа — после запроса и не позже сегодня', 'The refusal date must be after the request and not after today'),
  'reception.noParticipationRefusal': l('Басқа органның бас тартуы тіркелмеген', 'Отказ другого органа не записан', 'No refusal of the other body is recorded'),
  'reception.callRecorded': l('Қоңырау нәтижесі жазылған', 'Результат звонка уже записан', 'The call’s result is recorded already'),
  'reception.satisfactionMissing': l('Қанағаттану бағасын (1–5) көрсетіңіз', 'Укажите оценку удовлетворенности (1–5)', 'Give the satisfaction (1–5)'),
  'reception.notReached': l('Байланыс болмаса, баға қойылмайды', 'Если не дозвонились, оценки нет', 'No satisfaction when not reached'),
  'reception.signUpChannel': l(
    'Жазылу порталдар, пошта немесе қолма-қол қағаз, қабылдау бөлмесіндегі ауызша өтініш немесе байланыс орталығы арқылы келеді (4-т.)',
    'Запись поступает через порталы, бумагой почтой или нарочно, устно в приемной или через колл-центр (п.4)',
    'A sign-up comes through the portals, on paper by post or by hand, orally at the office or through the call centre (p.4)',
  ),
  'reception.sameDayKind': l(
    'Өтініш берген күні құрылымдық бөлімше басшысы немесе әкім аппаратының басшысы қабылдайды (3-т.)',
    'В день обращения принимает руководитель структурного подразделения или руководитель аппарата акима (п.3)',
    'On the day of application a head of a structural unit or of an akim’s apparatus receives (p.3)',
  ),
  'reception.sameDayOver': l('Бүгінгі жұмыс күні аяқталды: қабылдауды басқа күнге жазыңыз', 'Рабочий день окончен: запишите на прием в другой день', 'Today’s working day is over: sign up for another day'),
  'reception.signUpIsApplication': l('Қабылдауға жазылу — арыз', 'Запись на прием — это заявление', 'A sign-up for reception is an application'),
};
