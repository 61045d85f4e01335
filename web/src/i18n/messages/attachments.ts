// Attachments (issue 10 item 11): the desk's scan of a paper appeal and the appeal card's files.
// Kazakh (the state language, default), Russian and English; {name} is a parameter. Assembled
// with the other areas in ../messages.ts.

export const kk = {
  'files.title': 'Тіркелген файлдар',
  'files.desk': 'Жолданымның сканы мен құжаттары',
  'files.choose': 'Файлдарды таңдау',
  'files.hint': 'PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX — түрі мазмұны бойынша тексеріледі; бір файл {mb} МБ-қа дейін',
  'files.none': 'Файлдар жоқ',
  'files.add': 'Файл қосу',
  'files.remove': '{name} файлын алып тастау',
  'files.uploading': '{name}: жүктелуде',
  'files.uploaded': '{name}: жүктелді',
  'files.added': 'Файл қосылды',
  'files.waiting': 'Файлдар әлі жүктелуде',
  'files.failed': '{name}: {message}',
  'files.scan': 'скан',
  'files.ofDecision': 'шешімге',
  'files.ofLetter': 'хатқа',
  'files.fromApplicant': 'арыз иесінен',
  'event.attachmentsAdded': 'Файлдар тіркелді',
  'event.attachmentAdded': 'Файл қосылды',
  'event.attachmentDownloaded': 'Файл жүктеп алынды',
} as const;

type Area = Record<keyof typeof kk, string>;

export const ru: Area = {
  'files.title': 'Приложенные файлы',
  'files.desk': 'Скан обращения и документы',
  'files.choose': 'Выбрать файлы',
  'files.hint': 'PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX — тип проверяется по содержимому; файл до {mb} МБ',
  'files.none': 'Файлов нет',
  'files.add': 'Добавить файл',
  'files.remove': 'Убрать файл {name}',
  'files.uploading': '{name}: загружается',
  'files.uploaded': '{name}: загружен',
  'files.added': 'Файл добавлен',
  'files.waiting': 'Файлы ещё загружаются',
  'files.failed': '{name}: {message}',
  'files.scan': 'скан',
  'files.ofDecision': 'к решению',
  'files.ofLetter': 'к письму',
  'files.fromApplicant': 'от заявителя',
  'event.attachmentsAdded': 'Приложены файлы',
  'event.attachmentAdded': 'Добавлен файл',
  'event.attachmentDownloaded': 'Файл скачан',
};

export const en: Area = {
  'files.title': 'Attached files',
  'files.desk': 'Scan of the appeal and documents',
  'files.choose': 'Choose files',
  'files.hint': 'PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX — the type is checked by the content; up to {mb} MB a file',
  'files.none': 'No files',
  'files.add': 'Add a file',
  'files.remove': 'Remove the file {name}',
  'files.uploading': '{name}: uploading',
  'files.uploaded': '{name}: uploaded',
  'files.added': 'File added',
  'files.waiting': 'Files are still uploading',
  'files.failed': '{name}: {message}',
  'files.scan': 'scan',
  'files.ofDecision': 'to a decision',
  'files.ofLetter': 'to a letter',
  'files.fromApplicant': 'from the applicant',
  'event.attachmentsAdded': 'Files attached',
  'event.attachmentAdded': 'File added',
  'event.attachmentDownloaded': 'File downloaded',
};
