// The talon (receipt) for an accepted appeal: rules Annex 3 (docs/legal-basis.md#registration-and-talon-numbers, p.8).
//
// Page: A4 landscape cut into two A5-portrait halves by a dashed vertical line: the stub
// (түбіртек / корешок) on the left, kept by the organization, the tear-off talon (үзілмелі талон /
// отрывной талон) on the right, handed to the applicant. This keeps the side-by-side layout of
// Annex 3, prints on the A4 paper every office has, and cutting along the line leaves two
// A5 sheets. Captions are the form's own, Kazakh first then Russian.

import type { Column, Content, CustomTableLayout, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { pdfPageCount, renderPdf } from './render.ts';
import { surnameWithInitials } from '../domain/registration.ts';
import { formatDate as formatDay } from '../domain/dates.ts';

export interface TalonData {
  /** YYMMDD + 8-digit sequence, e.g. 26032000000042. */
  talonNumber: string;
  /** e.g. ЖТ-2026-00000042. */
  registrationNumber: string;
  documentTypeLabel: { kk: string; ru: string };
  /** null for an anonymous appeal. */
  applicantName: string | null;
  /** Local time of acceptance. */
  receivedAt: { date: string /* YYYY-MM-DD */; time: string /* HH:MM */ };
  /** YYYY-MM-DD (printed DD.MM.YYYY); any other string is printed as given. */
  registrationDate: string;
  /** YYYY-MM-DD (printed DD.MM.YYYY); any other string is printed as given. */
  dueDate: string;
  /** Printed as position and "surname, initials" (Annex 3). */
  acceptedBy: { fullName: string; position: string };
  organization: { name: { kk: string; ru: string }; address: string | null; phone: string | null };
}

/** The current public e-appeals portal (Annex 3 still names the retired www.qamqor.gov.kz). */
export const CITIZEN_PORTAL = 'eotinish.kz';
/** Short number of the Unified Contact Centre. */
export const CONTACT_CENTRE_NUMBER = '1414';
/** Printed instead of the applicant's name for an anonymous appeal. */
export const ANONYMOUS_LABEL = 'Иесі бүркемеленген / Анонимное';

export const NOTE_KK = 'Жолданым бойынша шешім Қазақстан Республикасының заңнамалық актілерімен белгіленген мерзімде қабылданатын болады.';
export const NOTE_RU = 'Решение по обращению будет принято в сроки, установленные законодательными актами Республики Казахстан.';

const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

// Page geometry (points): A4 landscape; the cut line sits on the vertical centre and each half
// keeps the same margin on both sides of it.
const PAGE_W = 841.89;
const PAGE_H = 595.28;
const MARGIN_X = 30;
const MARGIN_Y = 24;
const GUTTER = 2 * MARGIN_X;
const CUT_X = PAGE_W / 2;
const COLUMN_W = (PAGE_W - 2 * MARGIN_X - GUTTER) / 2;

const MUTED = '#4a4a4a';
const RULE = '#555555';

/** Type scales tried in turn until both halves fit on the one page (long names, addresses). */
const SCALES = [1, 0.92, 0.85, 0.78, 0.7];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → 'DD.MM.YYYY' (the talon is in Kazakh and Russian: src/domain/dates.ts); anything else unchanged. */
export function formatDate(value: string): string {
  return ISO_DATE.test(value) ? formatDay(value, 'kk') : value;
}

/** '2026-03-20' → '«20» наурыз / марта 2026 ж./г.' */
export function dateLine(date: string): string {
  const m = ISO_DATE.exec(date);
  const month = m ? Number(m[2]) - 1 : -1;
  if (!m || month < 0 || month > 11) return `${date} ж./г.`;
  return `«${m[3]}» ${MONTHS_KK[month]} / ${MONTHS_RU[month]} ${m[1]} ж./г.`;
}

/** «20» наурыз / марта 2026 ж./г. «14» сағ/час «05» мин. */
export function acceptanceLine(receivedAt: TalonData['receivedAt']): string {
  const [hh = '__', mm = '__'] = receivedAt.time.split(':');
  return `${dateLine(receivedAt.date)} «${hh}» сағ/час «${mm}» мин.`;
}

// A filled-in form line: the value over a thin rule, the form's caption in small type below.
const underline: CustomTableLayout = {
  hLineWidth: (i, node) => (i === node.table.body.length ? 0.6 : 0),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 1.5,
};

const infoRows: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.6 : 0),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: () => 0,
  paddingTop: (i) => (i === 0 ? 3 : 1),
  paddingBottom: (i, node) => (i === node.table.body.length - 1 ? 3 : 1),
};

const noteBox: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  fillColor: () => '#f2f2f2',
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/** Builds the two halves at one type scale `s` (font sizes and vertical spacing). */
class TalonLayout {
  constructor(
    private readonly t: TalonData,
    private readonly s: number,
  ) {}

  private v(points: number): number {
    return Math.round(points * this.s * 100) / 100;
  }

  styles(): StyleDictionary {
    const s = this.s;
    return {
      annex: { fontSize: 6.5 * s, color: MUTED, alignment: 'right', lineHeight: 1.05, margin: [0, 0, 0, this.v(6)] },
      title: { fontSize: 16 * s, bold: true, alignment: 'center', characterSpacing: 2 },
      subtitle: { fontSize: 9.5 * s, alignment: 'center', margin: [0, 0, 0, this.v(8)] },
      number: { fontSize: 13 * s, bold: true, alignment: 'center' },
      value: { fontSize: 9.5 * s },
      label: { fontSize: 8.5 * s, color: MUTED },
      caption: { fontSize: 6.5 * s, color: MUTED, alignment: 'center', lineHeight: 1.05, margin: [0, 1, 0, 0] },
      note: { fontSize: 8.5 * s, lineHeight: 1.1 },
      channels: { fontSize: 8.5 * s, lineHeight: 1.25 },
    };
  }

  private field(value: Content, caption: string, marginBottom = 5): Content {
    return {
      stack: [
        { table: { widths: ['*'], body: [[value]] }, layout: underline },
        { text: caption, style: 'caption' },
      ],
      margin: [0, 0, 0, this.v(marginBottom)],
      unbreakable: true,
    };
  }

  private signatureLine(width: number): Column {
    const y = this.v(14);
    return {
      width,
      stack: [{ canvas: [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.6, lineColor: RULE }] }, { text: '(қолы / подпись)', style: 'caption' }],
    };
  }

  private rightSignature(marginBottom: number): Content {
    return { columns: [{ width: '*', text: '' }, this.signatureLine(150)], margin: [0, 0, 0, this.v(marginBottom)] };
  }

  private header(kind: { kk: string; ru: string }): Content[] {
    return [
      {
        text: ['Жолданымдарды тіркеу, есепке алу қағидаларының 3-қосымшасы\n', 'Приложение 3 к Правилам регистрации, учета обращений\n', { text: 'нысан / форма', italics: true }],
        style: 'annex',
      },
      { text: 'ТАЛОН', style: 'title' },
      { text: `(${kind.kk} / ${kind.ru})`, style: 'subtitle' },
    ];
  }

  private commonFields(): Content[] {
    const t = this.t;
    const applicant: Content = t.applicantName === null ? { text: ANONYMOUS_LABEL, style: 'value', italics: true } : { text: t.applicantName, style: 'value', bold: true };
    return [
      this.field({ text: `№ ${t.talonNumber}`, style: 'number' }, '(талонның нөмірі / номер талона)'),
      this.field({ text: `${t.documentTypeLabel.kk} / ${t.documentTypeLabel.ru}`, style: 'value' }, '(жолданым, хабарлама, сұрау салу, пікір, ұсыныс / обращение, сообщение, запрос, отклик, предложение)'),
      this.field(applicant, '(арыз иесінің тегі, аты-жөні (бар болған жағдайда) не атауы / ' + 'фамилия, инициалы (при его наличии) либо наименование заявителя)'),
    ];
  }

  private registrationBlock(): Content {
    const t = this.t;
    const row = (label: string, value: string): Content[] => [
      { text: label, style: 'label' },
      { text: value, style: 'value', bold: true },
    ];
    return {
      table: {
        widths: ['auto', '*'],
        body: [
          row('Тіркеу нөмірі / Регистрационный номер:', t.registrationNumber),
          row('Тіркелген күні / Дата регистрации:', formatDate(t.registrationDate)),
          row('Қарау мерзімі / Срок рассмотрения:', formatDate(t.dueDate)),
        ],
      },
      layout: infoRows,
      margin: [0, this.v(2), 0, this.v(8)],
      unbreakable: true,
    };
  }

  stub(): Content {
    const t = this.t;
    return {
      stack: [
        ...this.header({ kk: 'түбіртек', ru: 'корешок' }),
        ...this.commonFields(),
        this.field({ text: acceptanceLine(t.receivedAt), style: 'value' }, '(жолданымның қабылданған күні мен уақыты / дата и время принятия обращения)'),
        this.registrationBlock(),
        this.field(
          {
            stack: [
              { text: t.acceptedBy.position, style: 'value' },
              { text: surnameWithInitials(t.acceptedBy.fullName), style: 'value', bold: true },
            ],
          },
          'Жолданымды қабылдаған қызметкердің лауазымы, тегі, аты-жөні (бар болған жағдайда), қолы / ' + 'должность, фамилия, инициалы (при его наличии), подпись сотрудника, принявшего обращение',
          2,
        ),
        this.rightSignature(16),
        { text: 'Талон алған адамның қолы / подпись получившего талон', style: 'label', margin: [0, 0, 0, 2] },
        { text: '«___» ____________ 20___ ж./г.   «___» сағ/час «___» мин.', style: 'value' },
        this.rightSignature(0),
      ],
    };
  }

  tearOff(): Content {
    const t = this.t;
    const org = t.organization;
    const orgLines: Content[] = [
      { text: org.name.kk, style: 'value', bold: true },
      { text: org.name.ru, style: 'value', bold: true },
    ];
    if (org.address) orgLines.push({ text: org.address, style: 'value' });
    if (org.phone) orgLines.push({ text: `тел.: ${org.phone}`, style: 'value' });

    return {
      stack: [
        ...this.header({ kk: 'үзілмелі талон', ru: 'отрывной талон' }),
        ...this.commonFields(),
        this.field({ text: acceptanceLine(t.receivedAt), style: 'value' }, '(қабылданды / принято)'),
        this.field(
          { text: `${t.acceptedBy.position}, ${surnameWithInitials(t.acceptedBy.fullName)}`, style: 'value' },
          'Қабылдаған / принял (лауазымы, тегі, аты-жөні (бар болған жағдайда) / ' + 'должность, фамилия и инициалы (при его наличии))',
        ),
        this.field({ stack: orgLines }, '(субъект атауы, мекенжайы және қызметтік телефоны / наименование субъекта, адрес и служебный телефон)'),
        this.registrationBlock(),
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [{ text: [{ text: 'Ескерту / Примечание: ', bold: true }, NOTE_KK] }, { text: NOTE_RU, margin: [0, this.v(2), 0, 0] }],
                  style: 'note',
                },
              ],
            ],
          },
          layout: noteBox,
          margin: [0, 0, 0, this.v(4)],
          unbreakable: true,
        },
        {
          columns: [{ width: '*', text: dateLine(t.receivedAt.date), style: 'value', margin: [0, this.v(5), 0, 0] }, this.signatureLine(150)],
          columnGap: 10,
          margin: [0, 0, 0, this.v(6)],
        },
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: COLUMN_W, y2: 0, lineWidth: 0.6, lineColor: RULE }],
          margin: [0, 0, 0, this.v(3)],
        },
        {
          stack: [
            {
              text: ['Интернет-ресурсының мекенжайы / Адрес интернет-ресурса: ', { text: CITIZEN_PORTAL, bold: true }],
            },
            {
              text: ['Ұялы телефон арқылы ', { text: CONTACT_CENTRE_NUMBER, bold: true }, ' нөміріне / С мобильного телефона на номер ', { text: CONTACT_CENTRE_NUMBER, bold: true }],
            },
          ],
          style: 'channels',
          unbreakable: true,
        },
      ],
    };
  }
}

// The dashed cut line between the halves, with scissors at both ends.
function cutLine(): Content {
  return {
    stack: [
      {
        canvas: [
          {
            type: 'line',
            x1: CUT_X,
            y1: 22,
            x2: CUT_X,
            y2: PAGE_H - 22,
            lineWidth: 0.6,
            lineColor: '#888888',
            dash: { length: 4, space: 3 },
          },
        ],
        absolutePosition: { x: 0, y: 0 },
      },
      { text: '✂', fontSize: 11, color: '#666666', absolutePosition: { x: CUT_X - 5, y: 6 } },
      { text: '✂', fontSize: 11, color: '#666666', absolutePosition: { x: CUT_X - 5, y: PAGE_H - 20 } },
    ],
  };
}

// Kazakhstan keeps one time zone, UTC+5 (since 1 March 2024).
function creationDate(receivedAt: TalonData['receivedAt']): Date | undefined {
  const d = new Date(`${receivedAt.date}T${receivedAt.time}:00+05:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The pdfmake definition of the talon at type scale `scale` (1 = normal size). */
export function talonDocument(t: TalonData, scale = 1): TDocumentDefinitions {
  const layout = new TalonLayout(t, scale);
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X, MARGIN_Y, MARGIN_X, MARGIN_Y],
    info: {
      title: `Талон № ${t.talonNumber}`,
      subject: `Жолданымды қабылдау талоны / Талон о принятии обращения ${t.registrationNumber}`,
      author: `${t.organization.name.kk} / ${t.organization.name.ru}`,
      keywords: `${t.talonNumber} ${t.registrationNumber}`,
      creationDate: creationDate(t.receivedAt),
    },
    background: () => cutLine(),
    content: [{ columns: [layout.stub(), layout.tearOff()], columnGap: GUTTER }],
    defaultStyle: { fontSize: 9 * scale, lineHeight: 1.15, color: '#000000' },
    styles: layout.styles(),
  };
}

/**
 * Render the talon: stub and tear-off side by side on one A4 landscape page. Unusually long
 * names or addresses are set in smaller type rather than spilling onto a second page.
 */
export async function renderTalon(t: TalonData): Promise<Buffer> {
  let pdf: Buffer | undefined;
  for (const scale of SCALES) {
    pdf = await renderPdf(talonDocument(t, scale));
    if (pdfPageCount(pdf) === 1) return pdf;
  }
  return pdf!;
}
