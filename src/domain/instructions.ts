// Instructions under control (CD-29…CD-36, EA-07, PR-31): one model for every issuer — the
// President down to a reception protocol. Pure rules: who may issue, the executors (exactly one
// main), the warning dates, when the executors are reminded, the state shown, and when an
// instruction may be taken off control (only with the execution report accepted).
import type { Calendar, IsoDate } from './calendar.ts';
import type { FieldError } from './registration.ts';

export const ISSUERS = ['president', 'stateCounsellor', 'presidentialAdministration', 'paControlDepartment', 'government', 'akim', 'higherAkim', 'head', 'receptionProtocol'] as const;
export type Issuer = (typeof ISSUERS)[number];

/** CD-22: the issuers whose instructions the semi-annual report covers. */
export const SEMI_ANNUAL_REPORT_ISSUERS: readonly Issuer[] = ['president', 'stateCounsellor', 'presidentialAdministration', 'paControlDepartment'];

/** Shown states: under control (on time), overdue, taken off control. */
export const INSTRUCTION_STATES = ['underControl', 'overdue', 'removed'] as const;
export type InstructionState = (typeof INSTRUCTION_STATES)[number];

/** The default warning dates: 3 and 1 working days before the due date (a project default: the
 *  decree sets no warning term; the controller may give others). */
export const DEFAULT_WARNING_WORKING_DAYS = [3, 1] as const;

export interface ExecutorInput {
  organizationId: number;
  main: boolean;
}

/** The input's errors: executors without exactly one main, twice the same, due date in the past,
 *  warning dates not before the due date. */
export function checkInstruction(input: { dueDate: IsoDate; executors: readonly ExecutorInput[]; warningDates?: readonly IsoDate[] }, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  const mains = input.executors.filter((e) => e.main).length;
  if (mains !== 1) errors.push({ path: '/executors', code: 'instruction.oneMainExecutor' });
  const ids = input.executors.map((e) => e.organizationId);
  if (new Set(ids).size !== ids.length) errors.push({ path: '/executors', code: 'instruction.executorTwice' });
  if (input.dueDate < today) errors.push({ path: '/dueDate', code: 'instruction.dueInPast' });
  (input.warningDates ?? []).forEach((d, i) => {
    if (d >= input.dueDate) errors.push({ path: `/warningDates/${i}`, code: 'instruction.warningNotBeforeDue' });
  });
  return errors;
}

/** The warning dates of a due date: those given, or the default ones not already past. */
export function warningDates(cal: Calendar, dueDate: IsoDate, today: IsoDate, given?: readonly IsoDate[]): IsoDate[] {
  const dates = given ?? DEFAULT_WARNING_WORKING_DAYS.map((n) => cal.subtractWorkingDays(dueDate, n));
  return [...new Set(dates)].filter((d) => d >= today && d < dueDate).sort();
}

/** The state shown: overdue once the due date has passed while under control. */
export function instructionState(stored: 'underControl' | 'removed', dueDate: IsoDate, today: IsoDate): InstructionState {
  if (stored === 'removed') return 'removed';
  return dueDate < today ? 'overdue' : 'underControl';
}

export type ReminderKind = 'warning' | 'overdue';

/** The reminder due today, if any: on a warning date, and on the day after the due date (once;
 *  the outbox keeps each, src/instructions/reminders.ts records it). */
export function reminderDue(i: { state: 'underControl' | 'removed'; dueDate: IsoDate; warningDates: readonly IsoDate[] }, today: IsoDate, dayAfterDue: IsoDate): ReminderKind | null {
  if (i.state !== 'underControl') return null;
  if (i.warningDates.includes(today)) return 'warning';
  if (today === dayAfterDue) return 'overdue';
  return null;
}

/** CD-29/CD-36: taken off control only by the controller, with the execution report accepted. */
export function mayTakeOffControl(reports: readonly { kind: 'interim' | 'execution'; accepted: boolean | null }[]): boolean {
  return reports.some((r) => r.kind === 'execution' && r.accepted === true);
}
