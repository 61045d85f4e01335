// Error messages of the citizen portal in Kazakh, Russian and English (src/http/messages.ts).
type Text = Record<'kk' | 'ru' | 'en', string>;

export const PORTAL_MESSAGES: Record<string, Text> = {
  'portal.phone': { kk: 'Ұялы телефон нөмірі +7XXXXXXXXXX түрінде болуы керек', ru: 'Номер мобильного телефона должен быть в виде +7XXXXXXXXXX', en: 'The mobile number must look like +7XXXXXXXXXX' },
  'portal.email': { kk: 'Электрондық пошта мекенжайы қате жазылған', ru: 'Адрес электронной почты записан неверно', en: 'The e-mail address is not valid' },
  'portal.phoneOrEmail': {
    kk: 'Телефон нөмірін немесе электрондық поштаны жазыңыз (біреуін)',
    ru: 'Укажите номер телефона или адрес электронной почты (одно из двух)',
    en: 'Give a phone number or an e-mail address (one of them)',
  },
  'portal.codeInvalid': { kk: 'Код қате', ru: 'Неверный код', en: 'The code is wrong' },
  'portal.codeExpired': { kk: 'Кодтың мерзімі өтті, жаңа код сұраңыз', ru: 'Срок действия кода истёк, запросите новый', en: 'The code has expired: ask for a new one' },
  'portal.codeAttempts': { kk: 'Әрекеттер саны таусылды, жаңа код сұраңыз', ru: 'Попытки исчерпаны, запросите новый код', en: 'No attempts left: ask for a new code' },
  'portal.edsInvalid': {
    kk: 'Қолтаңба жарамсыз немесе сертификат сенімді емес ({reason})',
    ru: 'Подпись недействительна или сертификат не доверенный ({reason})',
    en: 'The signature is not valid or the certificate is not trusted ({reason})',
  },
  'portal.edsNoIin': { kk: 'Сертификатта ЖСН жоқ', ru: 'В сертификате нет ИИН', en: 'The certificate names no IIN' },
  'portal.challengeInvalid': { kk: 'Сұрау мерзімі өтті немесе пайдаланылды, қайталаңыз', ru: 'Запрос истёк или уже использован, повторите', en: 'The challenge has expired or was used: start again' },
  'portal.tooManyCodes': { kk: 'Кодтар тым көп сұралды, {minutes} минуттан кейін қайталаңыз', ru: 'Слишком много кодов, повторите через {minutes} минут', en: 'Too many codes: try again in {minutes} minutes' },
  'portal.score': { kk: 'Баға 1-ден 5-ке дейін', ru: 'Оценка от 1 до 5', en: 'The score is 1 to 5' },
  'portal.sessionUnavailable': {
    kk: 'Бұл қабылдауға жазылу мүмкін емес: ол өтіп кеткен немесе тоқтатылған',
    ru: 'Записаться на этот приём нельзя: он прошёл или отменён',
    en: 'This reception session cannot be booked: it is over or cancelled',
  },
  // Open311 GeoReport v2 POST requests (src/open-data/open311.ts)
  'open311.apiKey': { kk: 'API кілті жоқ, қате немесе кері қайтарылған', ru: 'Ключ API не указан, неверен или отозван', en: 'The api_key is missing, wrong or revoked' },
  'open311.unknownOrganization': { kk: 'Мұндай кодпен ұйым жоқ', ru: 'Организации с таким кодом нет', en: 'No organization has this code' },
  'open311.registered': { kk: 'тіркелді, жауап мерзімі {dueDate}', ru: 'зарегистрировано, срок ответа {dueDate}', en: 'registered, answer due by {dueDate}' },
  'open311.documentType': { kk: 'Құжат түрі қате', ru: 'Неверный вид обращения', en: 'Unknown document type' },
  'portal.windowClosed': { kk: 'Бұл әрекеттің мерзімі жабық', ru: 'Срок для этого действия закрыт', en: 'The time for this action is closed' },
};
