import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPdfText } from './pdf-text.ts';
import { pdfPageCount } from './render.ts';
import { ANONYMOUS_LABEL, renderTalon, type TalonData } from './talon.ts';
import { surnameWithInitials } from '../domain/registration.ts';

const talon: TalonData = {
  talonNumber: '26032000000042',
  registrationNumber: 'ЖТ-2026-00000042',
  documentTypeLabel: { kk: 'Өтініш', ru: 'Заявление' },
  applicantName: 'Әлібек Қуаныш Ұланұлы',
  receivedAt: { date: '2026-03-20', time: '14:05' },
  registrationDate: '2026-03-20',
  dueDate: '2026-04-17',
  acceptedBy: { fullName: 'Сүлейменова Гүлнұр Әбдіқадірқызы', position: 'Бас маман' },
  organization: {
    name: { kk: 'Бурабай ауданының әкімдігі', ru: 'Акимат Бурабайского района' },
    address: 'Ақмола облысы, Бурабай ауданы, Щучинск қ., Абылай хан к-сі, 22',
    phone: '+7 (71636) 4-12-34',
  },
};

// Line breaks and the spacing pdf.js reconstructs between runs do not matter: compare on text with
// all whitespace runs collapsed to one space.
const flat = (s: string) => s.replace(/\s+/g, ' ');

test('talon: one A4 page with the data, Kazakh letters and both notes extractable', async () => {
  const pdf = await renderTalon(talon);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(pdfPageCount(pdf), 1);
  const text = flat(await extractPdfText(pdf));

  for (const expected of [
    '26032000000042',
    'ЖТ-2026-00000042',
    '17.04.2026', // due date
    '20.03.2026', // registration date
    'Әлібек Қуаныш Ұланұлы',
    'Бурабай ауданының әкімдігі',
    'Акимат Бурабайского района',
    'Сүлейменова Г.Ә.', // surname and initials of the employee who accepted it (Annex 3)
    'Бас маман, Сүлейменова Г.Ә.',
    'Өтініш / Заявление',
    // ә қ ұ ү і ғ ң ө һ through the font's ToUnicode map
    'түбіртек / корешок',
    'үзілмелі талон / отрывной талон',
    'Тіркеу нөмірі / Регистрационный номер',
    'Қарау мерзімі / Срок рассмотрения',
    'талонның нөмірі / номер талона',
    'Жолданым бойынша шешім Қазақстан Республикасының заңнамалық актілерімен белгіленген мерзімде қабылданатын болады.',
    'Решение по обращению будет принято в сроки, установленные законодательными актами Республики Казахстан',
    '«20» наурыз / марта 2026 ж./г. «14» сағ/час «05» мин.',
    'eotinish.kz',
    '1414',
  ]) {
    assert.ok(text.includes(expected), `missing: ${expected}`);
  }
  // Both halves carry the talon number.
  assert.equal(text.split('№ 26032000000042').length - 1, 2);
  assert.ok(!text.includes('Гүлнұр'), 'the full name is not printed');
});

test('talon: re-rendering gives identical bytes', async () => {
  const a = await renderTalon(talon);
  await renderTalon({ ...talon, talonNumber: '26032000000043', applicantName: 'Басқа адам' });
  const b = await renderTalon(talon);
  assert.ok(a.equals(b), 'same input must render to the same bytes');
  assert.equal(await extractPdfText(a), await extractPdfText(b));
});

test('talon: anonymous appeal shows a placeholder instead of a name', async () => {
  const pdf = await renderTalon({ ...talon, applicantName: null, registrationNumber: 'АН-2026-00000043' });
  const text = flat(await extractPdfText(pdf));
  assert.equal(text.split(ANONYMOUS_LABEL).length - 1, 2);
  assert.ok(!text.includes('Әлібек'));
  assert.ok(text.includes('АН-2026-00000043'));
});

test('talon: long names and addresses still fit on one page', async () => {
  const long = 'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігінің ';
  const pdf = await renderTalon({
    ...talon,
    applicantName: '«Ақжайық-Құрылыс-Инвест-Сервис» жауапкершілігі шектеулі серіктестігі, ' + talon.applicantName,
    acceptedBy: {
      fullName: talon.acceptedBy.fullName,
      position: long + 'құжаттамалық қамтамасыз ету және бақылау басқармасының бас маманы',
    },
    organization: {
      name: { kk: long + 'Ақмола облысы бойынша департаменті', ru: 'Департамент Министерства труда и социальной защиты населения Республики Казахстан по Акмолинской области' },
      address: 'Ақмола облысы, Бурабай ауданы, Щучинск қаласы, Абылай хан көшесі, 22-үй, 3-қабат, 305-кабинет, пошта индексі 021700',
      phone: '+7 (71636) 4-12-34, +7 (71636) 4-12-35, ішкі 105',
    },
  });
  assert.equal(pdfPageCount(pdf), 1);
  const text = flat(await extractPdfText(pdf));
  assert.ok(text.includes('Акмолинской области'));
  assert.ok(text.includes('eotinish.kz'));
});

test('talon: the employee who accepted is named by surname and initials (rules p.8, Annex 3)', () => {
  assert.equal(surnameWithInitials('Сүлейменова Гүлнұр Әбдіқадірқызы'), 'Сүлейменова Г.Ә.');
  assert.equal(surnameWithInitials('Ким Виктория Сергеевна'), 'Ким В.С.');
  assert.equal(surnameWithInitials('  Омаров   Дәурен  '), 'Омаров Д.'); // no patronymic
  assert.equal(surnameWithInitials('Петрова Анна-Мария'), 'Петрова А.-М.');
  assert.equal(surnameWithInitials('Smith john'), 'Smith J.');
  assert.equal(surnameWithInitials('Әлиев'), 'Әлиев');
});
