// Error messages of attachments in Kazakh, Russian and English (src/http/messages.ts).
type Text = Record<'kk' | 'ru' | 'en', string>;

const TYPES = 'PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX';

export const ATTACHMENT_MESSAGES: Record<string, Text> = {
  'attachment.empty': { kk: 'Файл бос', ru: 'Файл пуст', en: 'The file is empty' },
  'attachment.tooLarge': { kk: 'Файл {max} МБ-тан үлкен', ru: 'Файл больше {max} МБ', en: 'The file is larger than {max} MB' },
  'attachment.type': {
    kk: `Файл түрі қабылданбайды (мазмұны бойынша тексеріледі): ${TYPES}`,
    ru: `Тип файла не принимается (проверяется по содержимому): ${TYPES}`,
    en: `This type of file is not accepted (checked by its content): ${TYPES}`,
  },
  'attachment.tooMany': { kk: 'Ең көбі {max} файл', ru: 'Не более {max} файлов', en: 'At most {max} files' },
  'attachment.unknown': { kk: 'Файл табылмады: оны қайта жүктеңіз', ru: 'Файл не найден: загрузите его заново', en: 'The file was not found: upload it again' },
  'attachment.unknownDocument': { kk: 'Бұл шешім немесе хат осы өтінішке жатпайды', ru: 'Это решение или письмо не относится к обращению', en: 'This decision or letter is not of this appeal' },
};
