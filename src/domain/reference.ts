// The rules of an administrator's edits of the reference data (docs/legal-basis.md#non-working-days: the calendar and the
// term catalogue are data an administrator edits; the directories and the organizations' working
// hours and time zones likewise). Pure: each check gives the field errors of an edit, none when
// it may be stored.
import { assertWorkingHours, type WorkingHours } from './calendar.ts';
import type { FieldError } from './registration.ts';
import type { Term } from './terms.ts';
import type { Labels } from './vocabulary.ts';

/** The years the calendar may be edited for (as GET /calendar/:year answers). */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;

/** The longest term of each unit an administrator may set: beyond it a number is a typo. */
export const TERM_COUNT_MAX: Record<Term['unit'], number> = { workingDays: 60, calendarDays: 366, months: 12 };

/** A sub-kind's code: a word in camelCase, as the shipped ones (lawyerInquiry, mediaInquiry). */
export const SUB_KIND_PATTERN = /^[a-z][A-Za-z0-9]*$/;

/** A directory code: letters, digits, '-' and '_' (ISO codes, camelCase words). */
export const DIRECTORY_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const blank = (s: string | undefined) => s !== undefined && s.trim() === '';

export function checkCalendarDay(year: number, note: string): FieldError[] {
  const errors: FieldError[] = [];
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    errors.push({ path: '/date', code: 'calendar.yearOutOfRange', params: { min: CALENDAR_YEARS.min, max: CALENDAR_YEARS.max } });
  }
  if (blank(note)) errors.push({ path: '/note', code: 'text.blank' });
  return errors;
}

export function checkCalendarYear(year: number): FieldError[] {
  return year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max ? [{ path: '/year', code: 'calendar.yearOutOfRange', params: { min: CALENDAR_YEARS.min, max: CALENDAR_YEARS.max } }] : [];
}

export interface TermRuleEdit {
  subKind: string | null;
  term: Term;
  basis: string;
  /** Required for a sub-kind the catalogue does not have yet. */
  label?: Labels | undefined;
}

/** A term rule as an administrator sets it; `isNew`: the catalogue has no rule of that key yet.
 *  Every rule cites its basis (the law as data with cited articles). */
export function checkTermRule(edit: TermRuleEdit, isNew: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (edit.subKind !== null && !SUB_KIND_PATTERN.test(edit.subKind)) errors.push({ path: '/subKind', code: 'pattern' });
  const max = TERM_COUNT_MAX[edit.term.unit];
  if (!Number.isInteger(edit.term.count) || edit.term.count < 1 || edit.term.count > max) {
    errors.push({ path: '/term/count', code: 'term.countOutOfRange', params: { min: 1, max } });
  }
  if (blank(edit.basis)) errors.push({ path: '/basis', code: 'text.blank' });
  if (isNew && !edit.label) errors.push({ path: '/label', code: 'term.newSubKindNeedsLabel' });
  errors.push(...labelErrors(edit.label, '/label'));
  return errors;
}

/** An organization's working hours and time zone; timeZone null: the configured one applies. */
export function checkOrganizationHours(edit: { workingHours?: WorkingHours | undefined; timeZone?: string | null | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  if (edit.workingHours) {
    try {
      assertWorkingHours(edit.workingHours);
    } catch {
      errors.push({ path: '/workingHours/end', code: 'workingHours.endBeforeStart' });
    }
  }
  if (typeof edit.timeZone === 'string' && !isTimeZone(edit.timeZone)) {
    errors.push({ path: '/timeZone', code: 'timeZone.unknown', params: { timeZone: edit.timeZone } });
  }
  return errors;
}

/** An IANA time zone name this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface DirectoryEntryAdd {
  code: string;
  label: Labels;
  parentCode?: string | undefined;
}

/** A new entry of a directory. `closed`: its codes are a vocabulary of the system (document type,
 *  form, …), relabelled only; `parents`: the entries a new one may belong to (the groups). */
export function checkDirectoryAdd(add: DirectoryEntryAdd, context: { closed: boolean; exists: boolean; parents: ReadonlySet<string> }): FieldError[] {
  if (context.closed) return [{ path: '/code', code: 'directory.closed' }];
  const errors: FieldError[] = [];
  if (!DIRECTORY_CODE_PATTERN.test(add.code)) errors.push({ path: '/code', code: 'pattern' });
  else if (context.exists) errors.push({ path: '/code', code: 'directory.codeExists', params: { code: add.code } });
  if (add.parentCode !== undefined && !context.parents.has(add.parentCode)) {
    errors.push({ path: '/parentCode', code: 'directory.unknownParent', params: { code: add.parentCode } });
  }
  errors.push(...labelErrors(add.label, '/label'));
  return errors;
}

/** A change of an entry: labels (any directory), or active (not of a closed directory). */
export function checkDirectoryChange(change: { label?: Partial<Labels> | undefined; active?: boolean | undefined }, closed: boolean): FieldError[] {
  const errors = labelErrors(change.label, '/label');
  if (closed && change.active !== undefined) errors.push({ path: '/active', code: 'directory.closed' });
  return errors;
}

function labelErrors(label: Partial<Labels> | undefined, path: string): FieldError[] {
  if (!label) return [];
  return (['kk', 'ru', 'en'] as const).filter((l) => blank(label[l])).map((l) => ({ path: `${path}/${l}`, code: 'text.blank' }));
}

/** The directories of the cards' coded fields (ТЖ-1, АИ-1), each a table an administrator edits. */
export const DIRECTORY_NAMES = [
  'documentType',
  'form',
  'channel',
  'language',
  'procedure',
  'applicantKind',
  'addresseeCategory',
  'issueCategory',
  'citizenship',
  'sex',
  'nationality',
  'socialStatus',
  'businessCategory',
] as const;
export type DirectoryName = (typeof DIRECTORY_NAMES)[number];
