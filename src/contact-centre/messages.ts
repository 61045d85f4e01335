// Error messages of the contact centre and the telephone link (kk/ru/en), merged into src/http/messages.ts.
type Text = Record<'kk' | 'ru' | 'en', string>;

export const CONTACT_CENTRE_MESSAGES: Record<string, Text> = {
  'contact.closed': { kk: 'Байланыс жабылған', ru: 'Обращение в контакт-центр уже закрыто', en: 'The contact is already closed' },
  'contact.cardNotLive': {
    kk: 'Ақпараттық карточка кеңес беру үшін қабылданбаған',
    ru: 'Информационная карточка не принята для консультирования',
    en: 'The knowledge card is not accepted for consultation',
  },
  'contact.statusNeedsNumbers': {
    kk: 'Тіркеу нөмірі мен талон нөмірін немесе ЖСН-ді көрсетіңіз',
    ru: 'Укажите регистрационный номер и номер талона или ИИН',
    en: 'Give the registration number and the talon number, or the IIN',
  },
  'contact.appealNotFound': {
    kk: 'Осы нөмірлермен өтініш табылмады',
    ru: 'Обращение с такими номерами не найдено',
    en: 'No appeal with these numbers',
  },
  'knowledgeCard.dateInFuture': { kk: 'Күн әлі келген жоқ', ru: 'Дата ещё не наступила', en: 'The date is in the future' },
  'knowledgeCard.stepOutOfOrder': {
    kk: 'Кезең алдыңғы кезеңнен бұрын болуы мүмкін емес',
    ru: 'Этап не может предшествовать предыдущему этапу',
    en: 'A step cannot come before the step it follows',
  },
  'cti.badSignature': { kk: 'Қолтаңба жарамсыз', ru: 'Неверная подпись', en: 'The signature is not valid' },
  'cti.unknownOperator': { kk: 'Мұндай оператор жоқ', ru: 'Такого оператора нет', en: 'No such operator' },
};
