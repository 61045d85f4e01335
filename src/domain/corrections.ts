// Corrections of the accounting cards (rules p.27–p.28): petitions to change card fields or delete
// a card, who decides them, in which reporting period and by when. Pure.
//
// - The fields "due date", "date the answer was sent" and "review term extended" (the extension
//   card ТЖ-2 4.14), and the deletion of the cards that carry them (every ТЖ-1 carries a due date;
//   a 4.14 card carries the extension), are corrected only by the statistics authority, on a
//   petition (өтінішхат) of the organization's head with supporting documents.
// - Every other field, and the deletion of other cards, is corrected by the organization itself,
//   on a petition of the head of a structural unit or on a report (баянат) of the statistics authority.
// - The authority reviews a petition within 5 working days; a petition must reach it no later than
//   5 working days before the reporting period closes, a later one is reviewed in the next period.
//   A period closes when its 1-ТӨ is formed (the 10th of the next month, form1.ts).
import type { Calendar, IsoDate } from './calendar.ts';
import { isIsoDate } from './calendar.ts';
import { form1FormationDate } from './form1.ts';
import type { FieldError } from './registration.ts';
import { CHANNELS, FORMS, type Labels, type Role } from './vocabulary.ts';

export const PETITION_REVIEW_WORKING_DAYS = 5;
export const PETITION_DEADLINE_WORKING_DAYS = 5;

type FieldType = 'date' | 'dateTime' | 'enum' | 'text' | 'boolean' | 'directory';

export interface CorrectableField {
  /** The column of the ТЖ-1 row. */
  column: string;
  type: FieldType;
  values?: readonly string[];
  directory?: string;
  /** Corrected only by the statistics authority (p.27). */
  authorityOnly: boolean;
  label: Labels;
}

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

/** The ТЖ-1 fields a petition may change. */
export const CORRECTABLE_FIELDS: Readonly<Record<string, CorrectableField>> = {
  dueDate: { column: 'due_date', type: 'date', authorityOnly: true, label: L('Орындалу мерзімі', 'Срок исполнения', 'Due date') },
  answerSentAt: { column: 'answer_sent_at', type: 'dateTime', authorityOnly: true, label: L('Жауап жіберілген күн', 'Дата направления ответа', 'Date the answer was sent') },
  form: { column: 'form', type: 'enum', values: FORMS, authorityOnly: false, label: L('Нысаны', 'Форма', 'Form') },
  channel: { column: 'channel', type: 'enum', values: CHANNELS, authorityOnly: false, label: L('Түсу арнасы', 'Канал поступления', 'Channel') },
  language: { column: 'language', type: 'directory', directory: 'language', authorityOnly: false, label: L('Тілі', 'Язык', 'Language') },
  issueCategory: { column: 'issue_category', type: 'directory', directory: 'issueCategory', authorityOnly: false, label: L('Мәселенің сипаты', 'Характер вопроса', 'Issue category') },
  addresseeCategory: { column: 'addressee_category', type: 'directory', directory: 'addresseeCategory', authorityOnly: false, label: L('Адресат санаты', 'Категория адресата', 'Addressee category') },
  summary: { column: 'summary', type: 'text', authorityOnly: false, label: L('Қысқаша мазмұны', 'Краткое содержание', 'Summary') },
  fromReception: { column: 'from_reception', type: 'boolean', authorityOnly: false, label: L('Жеке қабылдаудан', 'С личного приема', 'From a personal reception') },
  complainedOfficial: { column: 'complained_official', type: 'text', authorityOnly: false, label: L('Шағымданылған лауазымды адам', 'Обжалуемое должностное лицо', 'Official complained about') },
};

/** Decisions whose card carries "review term extended": deleting it is the authority's. */
export const AUTHORITY_DECISION_CARDS: readonly string[] = ['4.14'];

export type PetitionBasis = 'headPetition' | 'unitHeadPetition' | 'authorityReport';

export type CorrectionInput =
  | { action: 'change'; changes: Record<string, unknown> }
  | { action: 'delete'; record: { kind: 'tzh1' | 'tzh2'; id: string; decisionCode?: string }; changes?: Record<string, unknown> };

/** Who decides the petition (p.27). */
export function correctionDecidedBy(input: CorrectionInput): 'authority' | 'organization' {
  const fields = Object.keys(input.changes ?? {});
  if (fields.some((f) => CORRECTABLE_FIELDS[f]?.authorityOnly)) return 'authority';
  if (input.action === 'delete') {
    if (input.record.kind === 'tzh1') return 'authority';
    if (input.record.decisionCode && AUTHORITY_DECISION_CARDS.includes(input.record.decisionCode)) return 'authority';
  }
  return 'organization';
}

const STRING_MAX = 2000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The shape of the requested changes; directory codes are checked by the caller. */
export function checkCorrection(input: CorrectionInput): FieldError[] {
  const errors: FieldError[] = [];
  const changes = input.changes ?? {};
  if (input.action === 'change' && Object.keys(changes).length === 0) errors.push({ path: '/changes', code: 'correction.nothingToChange' });
  for (const [field, value] of Object.entries(changes)) {
    const spec = CORRECTABLE_FIELDS[field];
    const path = `/changes/${field}`;
    if (!spec) {
      errors.push({ path, code: 'correction.fieldNotCorrectable', params: { field } });
      continue;
    }
    switch (spec.type) {
      case 'date':
        if (!isIsoDate(value)) errors.push({ path, code: 'format', params: { format: 'date' } });
        break;
      case 'dateTime':
        if (value !== null && (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) errors.push({ path, code: 'format', params: { format: 'date-time' } });
        break;
      case 'enum':
        if (typeof value !== 'string' || !spec.values!.includes(value)) errors.push({ path, code: 'enum', params: { allowed: spec.values!.join(', ') } });
        break;
      case 'directory':
        if (typeof value !== 'string' || value.length === 0 || value.length > 50) errors.push({ path, code: 'type', params: { type: 'string' } });
        break;
      case 'text':
        if (typeof value !== 'string' || value.trim() === '') errors.push({ path, code: 'minLength', params: { limit: 1 } });
        else if (value.length > STRING_MAX) errors.push({ path, code: 'maxLength', params: { limit: STRING_MAX } });
        break;
      case 'boolean':
        if (typeof value !== 'boolean') errors.push({ path, code: 'type', params: { type: 'boolean' } });
        break;
    }
  }
  // Deleting the extension card changes the due date back: the petition says to which.
  if (input.action === 'delete' && input.record.kind === 'tzh2' && input.record.decisionCode === '4.14' && !('dueDate' in changes)) {
    errors.push({ path: '/changes/dueDate', code: 'correction.dueDateRequired' });
  }
  return errors;
}

/** Which petitions a role may file (p.27): the head's petition to the authority; a unit head's to
 *  the organization; the authority's report to the organization. */
export function mayFile(roles: readonly Role[], decidedBy: 'authority' | 'organization', basis: PetitionBasis): boolean {
  if (decidedBy === 'authority') return basis === 'headPetition' && roles.includes('head');
  if (basis === 'authorityReport') return roles.includes('statistician');
  return basis === 'unitHeadPetition' && roles.includes('head');
}

/** Who reviews: the statistics authority (role statistician) or the organization's head — not the petitioner. */
export function mayReview(roles: readonly Role[], decidedBy: 'authority' | 'organization', isPetitioner: boolean): boolean {
  if (isPetitioner) return false;
  return decidedBy === 'authority' ? roles.includes('statistician') : roles.includes('head');
}

export interface PetitionPeriod {
  year: number;
  month: number;
  /** The day the period closes (its report is formed). */
  closesOn: IsoDate;
  /** The last day a petition for it may be filed (5 WD before it closes). */
  deadline: IsoDate;
  /** Filed after the deadline of the period it was meant for: moved to the next one. */
  late: boolean;
}

function periodAfter(year: number, month: number) {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** The reporting period a petition filed on `filedOn` is reviewed in (p.28). */
export function petitionPeriod(filedOn: IsoDate, cal: Calendar): PetitionPeriod {
  // The period still open: the earliest month whose report is not formed yet on filedOn.
  const y = Number(filedOn.slice(0, 4));
  const m = Number(filedOn.slice(5, 7));
  let p = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
  if (form1FormationDate(p.year, p.month, cal) < filedOn) p = { year: y, month: m };
  const at = (q: { year: number; month: number }) => {
    const closesOn = form1FormationDate(q.year, q.month, cal);
    return { ...q, closesOn, deadline: cal.subtractWorkingDays(closesOn, PETITION_DEADLINE_WORKING_DAYS) };
  };
  const first = at(p);
  if (filedOn <= first.deadline) return { ...first, late: false };
  return { ...at(periodAfter(p.year, p.month)), late: true };
}

/** The day the petition must be reviewed by (p.28: 5 working days). */
export function petitionReviewDue(filedOn: IsoDate, cal: Calendar): IsoDate {
  return cal.addWorkingDays(filedOn, PETITION_REVIEW_WORKING_DAYS, 'civilCode');
}

/** Whether the month's report is formed, so its figures are closed to anything but a petition. */
export function periodClosed(year: number, month: number, today: IsoDate, cal: Calendar): boolean {
  return form1FormationDate(year, month, cal) <= today;
}
