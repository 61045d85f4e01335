// The control department's own rules (issue 12): who signs its outgoing documents (CD-04), which
// disciplinary penalties a proposal's outcome names (CD-34), and who counts as a new employee to
// be briefed (CD-38). Pure: the use cases in src/control/department.ts apply them.
import type { IsoDate } from './calendar.ts';

/** A designation of the department's head or of a substitute for the dates of the head's absence. */
export interface Signatory {
  userId: string;
  kind: 'head' | 'substitute';
  validFrom: IsoDate;
  /** null: a head until another is designated */
  validTo: IsoDate | null;
}

/** CD-04 (Decree 560/2020 Annex 2 p.19): the department's documents are signed by its head or,
 *  when the head is absent, by the person replacing the head: the capacity in which the user may
 *  sign on the day, or null. A substitute's designation covers only its dates. */
export function signingCapacity(userId: string, day: IsoDate, signatories: readonly Signatory[]): 'head' | 'substitute' | null {
  const current = signatories.filter((s) => s.userId === userId && s.validFrom <= day && (s.validTo === null || day <= s.validTo));
  if (current.some((s) => s.kind === 'head')) return 'head';
  if (current.some((s) => s.kind === 'substitute')) return 'substitute';
  return null;
}

/** CD-34: the disciplinary penalties a body may impose on a civil servant (Law of the Republic of
 *  Kazakhstan "On civil service" of 23 November 2015 No. 416-V, Art. 41 — to verify against the
 *  text in force), as data: the outcome of a proposal names one of them or says none was imposed. */
export const DISCIPLINARY_PENALTIES = ['remark', 'reprimand', 'severeReprimand', 'incompleteConformity', 'demotion', 'dismissal'] as const;
export type DisciplinaryPenalty = (typeof DISCIPLINARY_PENALTIES)[number];

/** CD-34 monitoring: a proposal is decided once its outcome is recorded, overdue when its due date
 *  has passed without one, pending otherwise. */
export function proposalState(p: { outcome: string | null; dueDate: IsoDate }, today: IsoDate): 'decided' | 'overdue' | 'pending' {
  if (p.outcome !== null) return 'decided';
  return p.dueDate < today ? 'overdue' : 'pending';
}

/** CD-38: an employee whose account was opened within this many days is new and is to be briefed
 *  on the law on appeals. Project default: the regulation names no period; a probation-like
 *  quarter keeps the list short and useful. */
export const NEW_EMPLOYEE_DAYS = 90;
