import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { pdfPageCount } from '../pdf/render.ts';
import { Pkcs12Error, readPkcs12, signDetached, verifyDetached } from './cms.ts';
import { createDemoCa, issueDemoCertificate, type DemoCa, type DemoCertificate } from './demo-pki.ts';
import { VERIFY_CAPTION, letterDocument, renderLetter, type LetterPdfInput } from './letter-pdf.ts';
import { fromPem } from './pki-engine.ts';
import { DECISION_CODES, decisionLetterInfo, greeting, letterContent, type DecisionData, type LetterData, type LetterLang } from './templates.ts';

// Whitespace runs collapsed; the non-breaking hyphen the PDF uses inside words read as '-'.
const flat = (s: string) => s.replace(/\u2011/g, '-').replace(/\s+/g, ' ');

const ORG = {
  name: { kk: 'Бурабай ауданының әкімдігі', ru: 'Акимат Бурабайского района' },
  address: 'Ақмола облысы, Бурабай ауданы, Щучинск қ., Абылай хан к-сі, 22',
  phone: '+7 (71636) 4-12-34',
  email: 'akimat@burabay.gov.kz',
};

const OFFICIAL = {
  name: 'Сүлейменова Гүлнұр Әбдіқадірқызы',
  position: 'бас маман',
  phone: '+7 (71636) 4-12-35',
  email: 'g.suleimenova@burabay.gov.kz',
};

const COMPLAINT_CODES = new Set(['4.18', '4.19', '4.20', '4.21', '4.22', '4.23', '4.24']);
const SIMPLIFIED_CODES = new Set(['4.25', '4.26']);

// Decision data per code (src/domain/decisions.ts field names, with names resolved).
const DATA: Record<string, DecisionData> = {
  '4.1': { targetSystem: 'ЕРДР', reason: 'otherProcedureLaw' },
  '4.2': { fixBy: '2026-03-30', missing: ['individualPostalAddress', 'signature'] },
  '4.3': { fixBy: '2026-03-24' },
  '4.4': {
    targetOrganizationName: { kk: 'Ақмола облысының энергетика басқармасы', ru: 'Управление энергетики Акмолинской области' },
  },
  '4.5': { mainAppealNumber: 'ЖТ-2026-00000017', reason: { kk: 'жолданым телнұсқа болып табылады', ru: 'обращение является дубликатом' } },
  '4.6': { withdrawalReceivedAt: '2026-03-24' },
  '4.7': {
    hearingAt: '2026-03-31T15:00',
    place: 'Щучинск қ., Абылай хан к-сі, 22, 305-каб.',
    officials: [OFFICIAL],
    preliminaryDecision: { kk: 'жолданымды қанағаттандырудан бас тарту', ru: 'отказать в удовлетворении обращения' },
    reason: { kk: 'жұмыстар 2026 жылғы бюджетте көзделмеген', ru: 'работы не предусмотрены бюджетом 2026 года' },
  },
  '4.8': { official: 'Иванов И.И.', selfRecusal: false },
  '4.9': { representative: { name: 'Сейтқали Әсел Бекқызы' } },
  '4.10': { representative: { name: 'Сейтқали Әсел Бекқызы' }, reason: { kk: 'сенімхаттың мерзімі өтті', ru: 'истек срок доверенности' } },
  '4.11': { hearingAt: '2026-03-31T15:00' },
  '4.12': { remark: { kk: 'хаттамаға түсініктемем толық енгізілсін', ru: 'полностью внести мои пояснения в протокол' } },
  '4.13': { reason: 'repeatWithoutNewArguments' },
  '4.14': { newDueDate: '2026-05-20', reason: { kk: 'қосымша тексеру қажет', ru: 'требуется дополнительная проверка' } },
  '4.15': { favourable: true, text: { kk: 'Жер учаскесі берілді.', ru: 'Земельный участок предоставлен.' } },
  '4.16': { requestedAt: '2026-03-24' },
  '4.17': { correction: { kk: 'актінің күні 25.03.2026 деп оқылсын', ru: 'дату акта читать как 25.03.2026' } },
  '4.18': { text: { kk: 'Қаулының күші жойылды.', ru: 'Постановление отменено.' } },
  '4.19': { text: { kk: 'Жер учаскесі беріледі.', ru: 'Земельный участок предоставляется.' } },
  '4.20': { text: { kk: 'Анықтама берілді.', ru: 'Справка выдана.' } },
  '4.21': { text: { kk: 'Шағымның дәлелдері расталмады.', ru: 'Доводы жалобы не подтвердились.' } },
  '4.22': {
    targetOrganizationName: { kk: 'Щучинск қаласы әкімінің аппараты', ru: 'Аппарат акима города Щучинска' },
    violations: { kk: 'тыңдау өткізілмеген', ru: 'не проведено заслушивание' },
    proposals: { kk: 'тыңдау өткізу', ru: 'провести заслушивание' },
  },
  '4.23': { reason: { kk: 'шағым беру мерзімі өткізіліп алынған', ru: 'пропущен срок подачи жалобы' } },
  '4.24': { targetOrganizationName: { kk: 'Ақмола облысының әкімдігі', ru: 'Акимат Акмолинской области' } },
  '4.25': { text: { kk: 'Көше жарығын жөндеу 2026 жылдың екінші тоқсанында жоспарланған.', ru: 'Ремонт освещения запланирован на второй квартал 2026 года.' } },
  '4.26': { text: { kk: 'Ұсынысыңыз аудандық бағдарламада ескеріледі.', ru: 'Ваше предложение будет учтено в районной программе.' } },
};

// The article (or the rules' paragraph) each letter must cite for its decision.
const CITES: Record<string, { kk: string; ru: string }> = {
  '4.1': { kk: 'қағидаларының 15-тармағы', ru: 'пункт 15 Правил' },
  '4.2': { kk: 'ҚР ӘРПК 64-бабының 6-бөлігі', ru: 'часть 6 статьи 64 АППК РК' },
  '4.3': { kk: 'ҚР ӘРПК 64-бабының 7-бөлігі', ru: 'части 7 статьи 64 АППК РК' },
  '4.4': { kk: 'ҚР ӘРПК 65-бабының 1-бөлігіне', ru: 'частью 1 статьи 65 АППК РК' },
  '4.5': { kk: 'қағидаларының 22-тармағы', ru: 'пункт 22 Правил' },
  '4.6': { kk: 'ҚР ӘРПК 64-бабының 9-бөлігіне', ru: 'частью 9 статьи 64 АППК РК' },
  '4.7': { kk: 'ҚР ӘРПК 66-бабының 2-бөлігі', ru: 'часть 2 статьи 66 АППК РК' },
  '4.8': { kk: 'ҚР ӘРПК 67-бабы', ru: 'статья 67 АППК РК' },
  '4.9': { kk: 'ҚР ӘРПК 68-бабының 2-бөлігі', ru: 'часть 2 статьи 68 АППК РК' },
  '4.10': { kk: 'ҚР ӘРПК 68-бабының 5-бөлігі', ru: 'часть 5 статьи 68 АППК РК' },
  '4.11': { kk: 'ҚР ӘРПК 73-бабының 1-бөлігі', ru: 'часть 1 статьи 73 АППК РК' },
  '4.12': { kk: 'ҚР ӘРПК 73-бабының 6-бөлігі', ru: 'часть 6 статьи 73 АППК РК' },
  '4.13': { kk: 'ҚР ӘРПК 77-бабы 1-бөлігінің 2) тармақшасына', ru: 'подпункта 2) части 1 статьи 77 АППК РК' },
  '4.14': { kk: 'ҚР ӘРПК 76-бабының 3-бөлігіне', ru: 'частью 3 статьи 76 АППК РК' },
  '4.15': { kk: 'ҚР ӘРПК 77-бабы 1-бөлігінің 1) тармақшасы', ru: 'подпункт 1) части 1 статьи 77 АППК РК' },
  '4.16': { kk: 'ҚР ӘРПК 75-бабының 1-бөлігі', ru: 'часть 1 статьи 75 АППК РК' },
  '4.17': { kk: 'ҚР ӘРПК 82-бабы', ru: 'статья 82 АППК РК' },
  '4.18': { kk: 'ҚР ӘРПК 100-бабы 1-бөлігінің 1) тармақшасы', ru: 'подпункт 1) части 1 статьи 100 АППК РК' },
  '4.19': { kk: 'ҚР ӘРПК 100-бабы 1-бөлігінің 2) тармақшасы', ru: 'подпункт 2) части 1 статьи 100 АППК РК' },
  '4.20': { kk: 'ҚР ӘРПК 100-бабы 1-бөлігінің 3) тармақшасы', ru: 'подпункт 3) части 1 статьи 100 АППК РК' },
  '4.21': { kk: 'ҚР ӘРПК 100-бабы 1-бөлігінің 4) тармақшасы', ru: 'подпункт 4) части 1 статьи 100 АППК РК' },
  '4.22': { kk: 'ҚР ӘРПК 100-бабы 1-бөлігінің 5) тармақшасы', ru: 'подпункт 5) части 1 статьи 100 АППК РК' },
  '4.23': { kk: 'ҚР ӘРПК 100-бабы 1-бөлігінің 6) тармақшасы', ru: 'подпункт 6) части 1 статьи 100 АППК РК' },
  '4.24': { kk: 'ҚР ӘРПК 91-бабының 4-бөлігіне', ru: 'частью 4 статьи 91 АППК РК' },
  '4.25': { kk: 'ҚР ӘРПК 89-бабы 1-бөлігінің 1) тармақшасы', ru: 'подпункт 1) части 1 статьи 89 АППК РК' },
  '4.26': { kk: 'ҚР ӘРПК 89-бабы 1-бөлігінің 2) тармақшасы', ru: 'подпункт 2) части 1 статьи 89 АППК РК' },
};

function letterData(code: string, lang: LetterLang): LetterData {
  return {
    organization: { name: ORG.name[lang === 'kk' ? 'kk' : 'ru'], address: ORG.address, phone: ORG.phone, email: ORG.email },
    applicant: { name: 'Әлібек Қуаныш Ұланұлы', address: 'Щучинск қ., Ленин к-сі, 5, 12 п.' },
    registrationNumber: 'ЖТ-2026-00000042',
    registrationDate: '2026-03-20',
    appealSummary: 'Көше жарығын жөндеу туралы',
    decisionDate: '2026-03-25',
    procedure: COMPLAINT_CODES.has(code) ? 'complaint' : SIMPLIFIED_CODES.has(code) ? 'simplified' : 'administrative',
    decision: DATA[code] ?? {},
    executor: { name: 'Сүлейменова Г.Ә.', phone: OFFICIAL.phone, email: OFFICIAL.email },
    signer: { name: 'Б. Жақсыбеков', position: 'Аудан әкімінің орынбасары' },
  };
}

function pdfInput(code: string, lang: LetterLang): LetterPdfInput {
  const d = letterData(code, lang);
  return {
    lang,
    content: letterContent(code, lang, d),
    organization: ORG,
    applicant: d.applicant,
    registrationNumber: d.registrationNumber,
    letterNumber: 'ЖТ-2026-00000042-1',
    letterDate: d.decisionDate,
    signer: d.signer,
    verifyUrl: 'https://joldanym.example.kz/verify/0b8f2c1e-7a57-4d53-9a3c-3f1f0c8e2b11',
  };
}

/** Rectangles drawn on page 1: the QR code's modules. */
async function rectangles(pdf: Buffer): Promise<number> {
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  try {
    const page = await (await task.promise).getPage(1);
    const ops = await page.getOperatorList();
    let n = 0;
    ops.fnArray.forEach((f, i) => {
      if (f === OPS.constructPath) n += (ops.argsArray[i]![0] as number[]).filter((o) => o === OPS.rectangle).length;
    });
    return n;
  } finally {
    await task.destroy();
  }
}

describe('cover-letter templates', () => {
  test('there is a template for every decision code 4.1…4.26', () => {
    assert.equal(DECISION_CODES.length, 26);
    for (const code of DECISION_CODES) {
      const info = decisionLetterInfo(code);
      assert.ok(info.title.kk && info.title.ru && info.title.en, code);
    }
    assert.throws(() => letterContent('4.27', 'kk', letterData('4.1', 'kk')), RangeError);
  });

  test('each letter cites its basis, and explains the right to complain where it applies', () => {
    for (const code of DECISION_CODES) {
      const right = decisionLetterInfo(code).complaintRight;
      for (const lang of ['kk', 'ru'] as const) {
        const c = letterContent(code, lang, letterData(code, lang));
        const text = c.paragraphs.join('\n');
        assert.ok(text.includes('ЖТ-2026-00000042'), `${code} ${lang}: registration number`);
        assert.ok(text.includes(CITES[code]![lang]), `${code} ${lang}: cites ${CITES[code]![lang]}\n${text}`);
        const full = lang === 'kk' ? '91, 92-баптары' : 'статьи 91, 92 АППК РК';
        const court = lang === 'kk' ? 'сотқа шағым жасауға' : 'обжаловать его в суд';
        assert.equal(text.includes(full), right === 'full', `${code} ${lang}: full complaint clause`);
        assert.equal(text.includes(court), right === 'court', `${code} ${lang}: court clause`);
        assert.ok(!/undefined|null|\[object/.test(text), `${code} ${lang}: no placeholders leaked\n${text}`);
        assert.ok(c.executor.includes('Сүлейменова Г.Ә.'));
      }
    }
    // Forwarding notices say where the appeal went and that the term runs from there (Art. 65 p.3; Art. 99).
    assert.match(letterContent('4.4', 'ru', letterData('4.4', 'ru')).paragraphs.join(' '), /часть 3 статьи 65 АППК РК/);
    assert.match(letterContent('4.4', 'kk', letterData('4.4', 'kk')).paragraphs.join(' '), /Ақмола облысының энергетика басқармасы/);
    assert.match(letterContent('4.24', 'ru', letterData('4.24', 'ru')).paragraphs.join(' '), /двадцати рабочих дней/);
  });

  test('the preliminary decision (4.7) gives the officials’ contacts and the 2-working-day objection window', () => {
    for (const lang of ['kk', 'ru'] as const) {
      const text = letterContent('4.7', lang, letterData('4.7', lang)).paragraphs.join('\n');
      assert.ok(text.includes(OFFICIAL.email), lang);
      assert.ok(text.includes(OFFICIAL.phone.replace(/ /g, '\u00a0')), lang);
      assert.ok(text.includes(OFFICIAL.name), lang);
      assert.ok(text.includes('31.03.2026') && text.includes('15:00'), lang);
      assert.ok(text.includes(lang === 'kk' ? 'екі жұмыс күнінен кешіктірмей' : 'не позднее двух рабочих дней'), lang);
      assert.ok(text.includes(lang === 'kk' ? 'ҚР ӘРПК 73-бабының 3-бөлігі' : 'часть 3 статьи 73 АППК РК'), lang);
    }
  });

  test('greetings: first name and patronymic, the Russian form by sex, neutral for others', () => {
    assert.equal(greeting('kk', { name: 'Әлібек Қуаныш Ұланұлы', address: null }), 'Құрметті Қуаныш Ұланұлы!');
    assert.equal(greeting('ru', { name: 'Әлібек Қуаныш Ұланұлы', address: null }), 'Уважаемый Қуаныш Ұланұлы!');
    assert.equal(greeting('ru', { name: 'Иванова Мария Петровна', address: null }), 'Уважаемая Мария Петровна!');
    assert.equal(greeting('ru', { name: 'Сейтқали Әсел', address: null }), 'Уважаемый(ая) Сейтқали Әсел!');
    assert.equal(greeting('ru', { name: 'Сейтқали Әсел', address: null, sex: 'female' }), 'Уважаемая Сейтқали Әсел!');
    assert.equal(greeting('kk', { name: null, address: null }), 'Құрметті арыз иесі!');
    assert.equal(greeting('ru', { name: 'ТОО «Береке»', address: null, kind: 'legalEntity' }), 'Уважаемый заявитель!');
    assert.equal(greeting('kk', { name: 'Иванов и др.', address: null, kind: 'collective' }), 'Құрметті арыз иелері!');
  });

  test('stored decision data of the wrong shape is ignored, not printed', () => {
    const d = { ...letterData('4.14', 'ru'), decision: { newDueDate: 20260520, reason: { x: 1 }, favourable: 'yes' } };
    const text = letterContent('4.14', 'ru', d).paragraphs.join('\n');
    assert.ok(!/20260520|object|yes/.test(text), text);
    assert.match(text, /продлен до —/);
  });
});

describe('cover-letter PDF', () => {
  test('a letter for each code renders in kk and ru, Kazakh letters extractable, with its number, subject and QR code', async () => {
    for (const code of DECISION_CODES) {
      for (const lang of ['kk', 'ru'] as const) {
        const input = pdfInput(code, lang);
        const pdf = await renderLetter(input);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const text = flat(await extractPdfText(pdf));
        for (const expected of [
          'ЖТ-2026-00000042',
          'ЖТ-2026-00000042-1',
          input.content.title,
          input.content.greeting!,
          'БУРАБАЙ АУДАНЫНЫҢ ӘКІМДІГІ',
          'АКИМАТ БУРАБАЙСКОГО РАЙОНА',
          'Әлібек Қуаныш Ұланұлы',
          'Б. Жақсыбеков',
          VERIFY_CAPTION,
          'Құжат электрондық цифрлық қолтаңбамен қол қойылған',
          '25.03.2026',
        ]) {
          assert.ok(text.includes(flat(expected)), `${code} ${lang}: missing ${expected}`);
        }
        // the decision paragraph with its citation, as typeset
        assert.ok(text.includes(CITES[code]![lang]), `${code} ${lang}: missing ${CITES[code]![lang]}`);
        if (code === '4.1' || code === '4.7' || code === '4.24') {
          assert.ok((await rectangles(pdf)) > 200, `${code} ${lang}: QR modules drawn`);
        }
      }
    }
  });

  test('the QR node encodes the verification URL', () => {
    const input = pdfInput('4.15', 'kk');
    const json = JSON.stringify(letterDocument(input).content);
    assert.ok(json.includes(`"qr":"${input.verifyUrl}"`));
  });

  test('re-rendering gives identical bytes, stamped with the letter date', async () => {
    const a = await renderLetter(pdfInput('4.14', 'kk'));
    await renderLetter(pdfInput('4.15', 'ru'));
    const b = await renderLetter(pdfInput('4.14', 'kk'));
    assert.ok(a.equals(b));
    const task = getDocument({ data: new Uint8Array(a), isEvalSupported: false, verbosity: 0 });
    try {
      const { info } = (await (await task.promise).getMetadata()) as { info: { CreationDate?: string } };
      // 25.03.2026 00:00 in Kazakhstan (UTC+5)
      assert.match(info.CreationDate ?? '', /^D:20260324190000Z/);
    } finally {
      await task.destroy();
    }
  });

  test('a long answer flows onto a second page with the footer on each', async () => {
    const input = pdfInput('4.25', 'ru');
    const long = Array.from({ length: 14 }, (_, i) => `Абзац ${i + 1}. ${'Подробная информация по существу вопроса. '.repeat(8)}`);
    const pdf = await renderLetter({ ...input, content: { ...input.content, paragraphs: [...input.content.paragraphs, ...long] } });
    assert.ok(pdfPageCount(pdf) >= 2);
    const pages = (await extractPdfText(pdf)).split('\f').map(flat);
    for (const p of pages) assert.ok(p.includes('Документ подписан электронной цифровой подписью'));
    assert.ok(pages.at(-1)!.includes(VERIFY_CAPTION));
  });
});

describe('CMS signatures of letters', () => {
  const NOW = new Date('2026-03-20T04:00:00Z');
  const PASSWORD = 'Demo-пароль-2026';
  let ca: DemoCa;
  let user: DemoCertificate;
  let otherCa: DemoCa;
  let stranger: DemoCertificate;
  let pdf: Buffer;

  before(async () => {
    [ca, otherCa] = await Promise.all([createDemoCa('Joldanym демо ҰКО (RSA)', NOW), createDemoCa('Басқа куәландырушы орталық', NOW)]);
    [user, stranger] = await Promise.all([
      issueDemoCertificate(ca, { commonName: 'ЖАҚСЫБЕКОВ БЕРІК', iin: '850101300123', organization: 'Бурабай ауданының әкімдігі', email: 'head@burabay.gov.kz' }, PASSWORD, NOW),
      issueDemoCertificate(otherCa, { commonName: 'БӨТЕН АДАМ', iin: '900202400456' }, 'other', NOW),
    ]);
    pdf = await renderLetter(pdfInput('4.15', 'kk'));
  });

  test('the PKCS#12 holds the key and exactly the issued certificate', () => {
    const p12 = readPkcs12(user.pkcs12, PASSWORD);
    assert.deepEqual(Buffer.from(p12.certificate), Buffer.from(fromPem(user.certificatePem, 'CERTIFICATE')));
    assert.equal(p12.chain.length, 1);
    assert.ok(p12.privateKeyPkcs8.length > 1000);
  });

  test('sign and verify: valid, with the signer and the signing time', async () => {
    const signedAt = new Date('2026-03-25T06:30:00Z');
    const cms = await signDetached(pdf, user.pkcs12, PASSWORD, signedAt);
    const r = await verifyDetached(pdf, cms, [ca.certificatePem]);
    assert.equal(r.valid, true, r.reason);
    assert.equal(r.reason, undefined);
    assert.equal(r.signingTime, signedAt.toISOString());
    assert.equal(r.signer?.commonName, 'ЖАҚСЫБЕКОВ БЕРІК');
    assert.equal(r.signer?.serialNumber, 'IIN850101300123');
    assert.equal(r.signer?.iin, '850101300123');
    assert.equal(r.signer?.organization, 'Бурабай ауданының әкімдігі');
    assert.match(r.signer!.certificateSerial, /^[0-9a-f]+$/);
    assert.equal(r.signer?.notBefore, NOW.toISOString());
    assert.equal(r.signer?.notAfter, '2028-03-20T04:00:00.000Z');
    // Checked at the signing time, not at today's date: a signature made in time stays valid after expiry.
    assert.equal((await verifyDetached(pdf, cms, [ca.certificatePem])).valid, true);
    // Any of several trusted roots will do.
    assert.equal((await verifyDetached(pdf, cms, [otherCa.certificatePem, ca.certificatePem])).valid, true);
  });

  test('one changed byte of the PDF → digestMismatch', async () => {
    const cms = await signDetached(pdf, user.pkcs12, PASSWORD, new Date('2026-03-25T06:30:00Z'));
    const changed = Buffer.from(pdf);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 0x01;
    const r = await verifyDetached(changed, cms, [ca.certificatePem]);
    assert.equal(r.valid, false);
    assert.equal(r.reason, 'digestMismatch');
    assert.equal(r.signer?.commonName, 'ЖАҚСЫБЕКОВ БЕРІК');
  });

  test('a damaged signature value → badSignature; bytes that are no CMS → malformed', async () => {
    const cms = await signDetached(pdf, user.pkcs12, PASSWORD, new Date('2026-03-25T06:30:00Z'));
    const damaged = new Uint8Array(cms);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff; // inside the RSA signature, the SignedData's last field
    assert.equal((await verifyDetached(pdf, damaged, [ca.certificatePem])).reason, 'badSignature');
    assert.equal((await verifyDetached(pdf, pdf.subarray(0, 200), [ca.certificatePem])).reason, 'malformed');
    assert.equal((await verifyDetached(pdf, cms.subarray(0, cms.length - 1), [ca.certificatePem])).reason, 'malformed');
  });

  test('a certificate from another CA → untrustedChain', async () => {
    const cms = await signDetached(pdf, stranger.pkcs12, 'other', new Date('2026-03-25T06:30:00Z'));
    const r = await verifyDetached(pdf, cms, [ca.certificatePem]);
    assert.equal(r.valid, false);
    assert.equal(r.reason, 'untrustedChain');
    assert.equal(r.signer?.commonName, 'БӨТЕН АДАМ');
    assert.equal((await verifyDetached(pdf, cms, [otherCa.certificatePem])).valid, true);
  });

  test('a wrong PKCS#12 password → a clear error', async () => {
    await assert.rejects(signDetached(pdf, user.pkcs12, 'wrong password', NOW), (e: unknown) => e instanceof Pkcs12Error && e.code === 'wrongPassword' && /password/i.test(e.message));
    await assert.rejects(signDetached(pdf, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]), PASSWORD, NOW), (e: unknown) => e instanceof Pkcs12Error && e.code === 'unreadable');
  });

  test('a certificate used after notAfter (or before notBefore) → expired', async () => {
    const late = await signDetached(pdf, user.pkcs12, PASSWORD, new Date('2028-03-21T00:00:00Z'));
    const r = await verifyDetached(pdf, late, [ca.certificatePem]);
    assert.equal(r.valid, false);
    assert.equal(r.reason, 'expired');
    assert.equal(r.signingTime, '2028-03-21T00:00:00.000Z');
    const early = await signDetached(pdf, user.pkcs12, PASSWORD, new Date('2026-03-19T00:00:00Z'));
    assert.equal((await verifyDetached(pdf, early, [ca.certificatePem])).reason, 'expired');
    // `at` overrides the instant checked.
    const inTime = await signDetached(pdf, user.pkcs12, PASSWORD, new Date('2026-03-25T06:30:00Z'));
    assert.equal((await verifyDetached(pdf, inTime, [ca.certificatePem], new Date('2029-01-01T00:00:00Z'))).reason, 'expired');
  });

  test('OpenSSL verifies the CMS (interoperability)', { skip: spawnSync('openssl', ['version']).status !== 0 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'joldanym-cms-'));
    try {
      const cms = await signDetached(pdf, user.pkcs12, PASSWORD, new Date('2026-03-25T06:30:00Z'));
      writeFileSync(path.join(dir, 'letter.pdf'), pdf);
      writeFileSync(path.join(dir, 'letter.p7s'), cms);
      writeFileSync(path.join(dir, 'ca.pem'), ca.certificatePem);
      const run = spawnSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          path.join(dir, 'letter.p7s'),
          '-content',
          path.join(dir, 'letter.pdf'),
          '-CAfile',
          path.join(dir, 'ca.pem'),
          '-purpose',
          'any',
          '-attime',
          String(Math.floor(Date.parse('2026-03-25T06:30:00Z') / 1000)),
          '-out',
          path.join(dir, 'out.bin'),
        ],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /Verification successful/);
      // and OpenSSL opens the PKCS#12 with its non-Latin password (PBES2 over the UTF-8 bytes)
      writeFileSync(path.join(dir, 'user.p12'), user.pkcs12);
      const p12 = spawnSync('openssl', ['pkcs12', '-in', path.join(dir, 'user.p12'), '-passin', 'env:P12_PASSWORD', '-nodes'], {
        encoding: 'utf8',
        env: { ...process.env, P12_PASSWORD: PASSWORD },
      });
      assert.equal(p12.status, 0, p12.stderr);
      assert.match(p12.stdout, /BEGIN PRIVATE KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
