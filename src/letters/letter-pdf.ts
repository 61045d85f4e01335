// The cover letter as an A4 official letter (rules p.24): the organization's bilingual letterhead,
// outgoing number and date, the addressee, the subject line, the greeting and the text, the
// signer's position and name, a QR code of the public verification page, and on every page the
// note that the document is signed with an electronic digital signature. A draft has neither: it
// says it is a draft (issue 10 item 4).
//
// Rendered through the shared renderPdf (DejaVu Sans, fixed creation date): the same input gives
// the same bytes, so the signed PDF can be re-rendered and compared.

import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../pdf/render.ts';
import { withSignatureField } from './pades.ts';
import { formatDate, type LetterContent, type LetterLang } from './templates.ts';

export interface LetterPdfInput {
  lang: LetterLang;
  /** From letterContent (greeting and executor optional). */
  content: Pick<LetterContent, 'title' | 'paragraphs'> & Partial<Pick<LetterContent, 'greeting' | 'executor'>>;
  organization: {
    name: { kk: string; ru: string };
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  applicant: { name: string | null; address: string | null };
  registrationNumber: string;
  letterNumber: string;
  /** 'YYYY-MM-DD' (or an ISO instant): printed as the letter's date and stamped as the PDF's creation date. */
  letterDate: string;
  signer: { name: string; position: string };
  /** The public page that checks the signed document; encoded in the QR code. */
  verifyUrl: string;
  /**
   * A draft (issue 10 item 4): not signed yet, so marked as a draft in kk/ru/en (heading, watermark,
   * footer) and without the note of an EDS signature or the verification QR code. The final letter
   * (not a draft) is the one a head signs: it carries both, and the empty signature field (pades.ts).
   */
  draft?: boolean;
}

export const VERIFY_CAPTION = 'Электрондық құжатты тексеру / Проверка электронного документа';
export const SIGNED_NOTE = 'Құжат электрондық цифрлық қолтаңбамен қол қойылған / Документ подписан электронной цифровой подписью';
/** The equivalence of an electronic document to paper (Law of 7 January 2003 No. 370-II, Art. 7 p.1). */
export const EQUIVALENCE_NOTE_KK =
  'Бұл құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының ' + '2003 жылғы 7 қаңтардағы № 370-II Заңының 7-бабының 1-тармағына сәйкес қағаз жеткізгіштегі құжатпен бірдей.';
export const EQUIVALENCE_NOTE_RU =
  'Данный документ согласно пункту 1 статьи 7 Закона Республики Казахстан от 7 января 2003 года № 370-II ' + '«Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном носителе.';

export const DRAFT_HEADING = 'ЖОБА · ПРОЕКТ · DRAFT';
export const DRAFT_NOTE = 'Жоба: ЭЦҚ-мен қол қойылмаған / Проект: не подписан ЭЦП / Draft: not signed with an EDS';

const ADDRESSEE_FALLBACK = 'Арыз иесі / Заявитель';

// A4 portrait; margins in points (left 25 mm for filing, as office letters keep).
const MARGIN_LEFT = 70;
const MARGIN_RIGHT = 42;
const MARGIN_TOP = 42;
const MARGIN_BOTTOM = 84;
const PAGE_W = 595.28;
const CONTENT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

const INK = '#000000';
const MUTED = '#4a4a4a';
const ACCENT = '#1f3a68';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * pdfmake breaks words after a hyphen and, in justified lines, stretches the gap it leaves inside
 * '66-бабының', 'e-mail'. A non-breaking hyphen (U+2011) keeps such words whole. Only a hyphen
 * followed by a letter is replaced: numbers like ЖТ-2026-00000042 keep the plain hyphen (and are
 * not broken there anyway). Text extracted from the PDF shows U+2011 and U+00A0 there.
 */
export function keepHyphenated(s: string): string {
  return (
    s
      .replace(/(?<=[\p{L}\p{N}])-(?=\p{L})/gu, '\u2011')
      // and '№ 42', '25.03.2026 ж.' stay on one line (no-break space)
      .replace(/№ (?=\S)/gu, '№\u00a0')
      .replace(/(?<=\d) (?=ж\.)/gu, '\u00a0')
  );
}

function printedDate(letterDate: string): string {
  if (ISO_DATE.test(letterDate)) return formatDate(letterDate);
  const t = new Date(letterDate);
  if (Number.isNaN(t.getTime())) return letterDate;
  // Kazakhstan's time, UTC+5.
  return formatDate(new Date(t.getTime() + 5 * 3_600_000).toISOString().slice(0, 10));
}

function creationDate(letterDate: string): Date | undefined {
  const t = new Date(ISO_DATE.test(letterDate) ? `${letterDate}T00:00:00+05:00` : letterDate);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

const styles: StyleDictionary = {
  orgName: { fontSize: 9.5, bold: true, alignment: 'center', color: ACCENT, lineHeight: 1.1 },
  orgContacts: { fontSize: 7.5, alignment: 'center', color: MUTED },
  meta: { fontSize: 9.5 },
  caption: { fontSize: 6.5, color: MUTED },
  addressee: { fontSize: 10.5, lineHeight: 1.1 },
  title: { fontSize: 11.5, bold: true, alignment: 'center', margin: [0, 22, 0, 12] },
  greeting: { fontSize: 11, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
  body: { fontSize: 11, alignment: 'justify', lineHeight: 1.18, leadingIndent: 28, margin: [0, 0, 0, 6] },
  signer: { fontSize: 11, bold: true },
  qrCaption: { fontSize: 8, bold: true },
  qrNote: { fontSize: 7, color: MUTED },
  executor: { fontSize: 8, color: MUTED, margin: [0, 14, 0, 0] },
  draftHeading: { fontSize: 13, bold: true, alignment: 'center', color: '#a30d0d', margin: [0, 0, 0, 8] },
  footer: { fontSize: 6.3, color: MUTED, alignment: 'center', lineHeight: 1.05 },
};

function letterhead(org: LetterPdfInput['organization']): Content[] {
  const contacts = [org.address, org.phone ? `тел.: ${org.phone}` : null, org.email ? `e-mail: ${org.email}` : null].filter((x): x is string => !!x);
  return [
    {
      columns: [
        { width: '*', text: org.name.kk.toUpperCase(), style: 'orgName' },
        { width: 40, text: '' },
        { width: '*', text: org.name.ru.toUpperCase(), style: 'orgName' },
      ],
      columnGap: 0,
    },
    ...(contacts.length ? [{ text: contacts.join('   ·   '), style: 'orgContacts', margin: [0, 6, 0, 0] } as Content] : []),
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: CONTENT_W, y2: 0, lineWidth: 1.4, lineColor: ACCENT },
        { type: 'line', x1: 0, y1: 2.6, x2: CONTENT_W, y2: 2.6, lineWidth: 0.5, lineColor: ACCENT },
      ],
      margin: [0, 5, 0, 12],
    },
  ];
}

function metaAndAddressee(l: LetterPdfInput): Content {
  const addressee: Content[] = [{ text: l.applicant.name?.trim() || ADDRESSEE_FALLBACK, bold: true }, ...(l.applicant.address ? [{ text: l.applicant.address } as Content] : [])];
  return {
    columns: [
      {
        width: 230,
        stack: [
          { text: [{ text: printedDate(l.letterDate), bold: true }, '   № ', { text: l.letterNumber, bold: true }] },
          { text: '(күні және шығыс нөмірі / дата и исходящий номер)', style: 'caption', margin: [0, 1, 0, 6] },
          { text: ['№ ', { text: l.registrationNumber, bold: true }] },
          { text: '(жолданымның тіркеу нөмірі / регистрационный номер обращения)', style: 'caption', margin: [0, 1, 0, 0] },
        ],
        style: 'meta',
      },
      { width: '*', stack: addressee, style: 'addressee', margin: [20, 0, 0, 0] },
    ],
  };
}

function signerLine(l: LetterPdfInput): Content {
  return {
    columns: [
      { width: '*', text: l.signer.position, style: 'signer' },
      { width: 'auto', text: l.signer.name, style: 'signer', alignment: 'right' },
    ],
    columnGap: 16,
    margin: [0, 26, 0, 16],
  };
}

function signatureAndQr(l: LetterPdfInput): Content {
  return {
    stack: [
      signerLine(l),
      {
        columns: [
          { width: 74, qr: l.verifyUrl, fit: 74, eccLevel: 'M' },
          {
            width: '*',
            stack: [
              { text: VERIFY_CAPTION, style: 'qrCaption' },
              { text: l.verifyUrl, style: 'qrNote', margin: [0, 3, 0, 0] },
              { text: `${l.letterNumber}  ·  ${l.registrationNumber}`, style: 'qrNote', margin: [0, 2, 0, 0] },
            ],
            margin: [0, 14, 0, 0],
          },
        ],
        columnGap: 10,
      },
    ],
    unbreakable: true,
  };
}

const footer =
  (draft: boolean) =>
  (currentPage: number, pageCount: number): Content => ({
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_W, y2: 0, lineWidth: 0.4, lineColor: '#9a9a9a' }] },
      ...(draft
        ? [{ text: DRAFT_NOTE, style: 'footer', bold: true, margin: [0, 3, 0, 1] } as Content]
        : [{ text: SIGNED_NOTE, style: 'footer', bold: true, margin: [0, 3, 0, 1] } as Content, { text: EQUIVALENCE_NOTE_KK, style: 'footer' } as Content, { text: EQUIVALENCE_NOTE_RU, style: 'footer' } as Content]),
      { text: `${currentPage} / ${pageCount}`, style: 'footer', alignment: 'right', margin: [0, 1, 0, 0] },
    ],
    margin: [MARGIN_LEFT, 10, MARGIN_RIGHT, 0],
  });

/** The pdfmake definition of the letter. */
export function letterDocument(l: LetterPdfInput): TDocumentDefinitions {
  const c = l.content;
  const body: Content[] = c.paragraphs.map((p) => ({ text: keepHyphenated(p), style: 'body' }));
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM],
    info: {
      title: c.title,
      subject: `Шығыс хат / Исходящее письмо № ${l.letterNumber} (${l.registrationNumber})`,
      author: `${l.organization.name.kk} / ${l.organization.name.ru}`,
      keywords: `${l.letterNumber} ${l.registrationNumber}`,
      creationDate: creationDate(l.letterDate),
    },
    language: l.lang === 'kk' ? 'kk-KZ' : l.lang === 'ru' ? 'ru-RU' : 'en',
    footer: footer(!!l.draft),
    ...(l.draft ? { watermark: { text: DRAFT_HEADING, opacity: 0.12, bold: true, fontSize: 54 } } : {}),
    content: [
      ...(l.draft ? [{ text: DRAFT_HEADING, style: 'draftHeading' } as Content] : []),
      ...letterhead(l.organization),
      metaAndAddressee(l),
      { text: c.title, style: 'title' },
      ...(c.greeting ? [{ text: c.greeting, style: 'greeting' } as Content] : []),
      ...body,
      l.draft ? signerLine(l) : signatureAndQr(l),
      ...(c.executor ? [{ text: c.executor, style: 'executor' } as Content] : []),
    ],
    defaultStyle: { fontSize: 10.5, color: INK },
    styles,
  };
}

/** Render the cover letter to PDF bytes (A4, one or more pages); the final one with its empty
 *  signature field, ready to be signed. */
export async function renderLetter(l: LetterPdfInput): Promise<Buffer> {
  const pdf = await renderPdf(letterDocument(l));
  return l.draft ? pdf : withSignatureField(pdf);
}
