// Work queues: the registries of the national E-appeals system as this project defines them, and
// the risk of a term by the working days left. Pure rules: the queues store turns each definition
// into an SQL predicate; the web app shows the queues a role works with.
import type { Calendar, IsoDate } from './calendar.ts';
import type { AppealStatus } from './decisions.ts';
import type { Role } from './vocabulary.ts';

export const QUEUES = ['awaitingRouting', 'inExecution', 'toApprove', 'toSign', 'atRisk', 'overdue', 'withdrawn', 'completed', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

/** Counts and totals stop at this many: past it a list says "more than 10,000". Counting every
 *  appeal of an oblast or the country on each page would scan it (docs/performance.md). */
export const COUNT_CAP = 10_000;

/** Working days left at or below which an open appeal is at risk (as /terms/control's default). */
export const AT_RISK_WORKING_DAYS = 3;

export interface QueueDefinition {
  /** Only appeals whose review at their organization still runs. */
  open?: boolean;
  /** Only these statuses. */
  statuses?: readonly AppealStatus[];
  /** Only appeals with no executor assigned. */
  unassigned?: boolean;
  /** Only appeals with an executor's draft that awaits the head's approval. */
  pendingDraft?: boolean;
  /** Only appeals with a letter of a decision card that awaits the head's signature. */
  unsignedLetter?: boolean;
  /** By the due date: already past, or within the at-risk horizon but not past. */
  term?: 'overdue' | 'atRisk';
  /** The default order of the queue. */
  sort: { by: QueueSort; order: 'asc' | 'desc' };
}

export const QUEUE_SORTS = ['registrationDate', 'dueDate', 'registrationNumber', 'applicantName', 'status'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Statuses that end the review with an outcome other than the applicant's withdrawal. */
export const COMPLETED_STATUSES: readonly AppealStatus[] = ['completed', 'forwarded', 'attached', 'movedOut', 'returned', 'terminated'];

export const QUEUE_DEFINITIONS: Readonly<Record<Queue, QueueDefinition>> = {
  // registered, nobody routed it yet: the head assigns an executor, or the desk forwards / moves it out
  awaitingRouting: { open: true, statuses: ['registered'], unassigned: true, sort: { by: 'registrationDate', order: 'asc' } },
  // an executor works on it (incl. awaiting the applicant's fix and the hearing)
  inExecution: { open: true, statuses: ['inExecution', 'awaitingFix', 'hearing'], sort: { by: 'dueDate', order: 'asc' } },
  // to approve: an executor's draft of an outcome (and its letter) awaits the head, who signs or returns it
  toApprove: { pendingDraft: true, sort: { by: 'registrationDate', order: 'asc' } },
  // to sign: letters of decision cards already saved, awaiting the head's signature
  toSign: { unsignedLetter: true, sort: { by: 'registrationDate', order: 'asc' } },
  atRisk: { open: true, term: 'atRisk', sort: { by: 'dueDate', order: 'asc' } },
  overdue: { open: true, term: 'overdue', sort: { by: 'dueDate', order: 'asc' } },
  withdrawn: { statuses: ['withdrawn'], sort: { by: 'registrationDate', order: 'desc' } },
  completed: { statuses: COMPLETED_STATUSES, sort: { by: 'registrationDate', order: 'desc' } },
  all: { sort: { by: 'registrationDate', order: 'desc' } },
};

/** The queues each role works with, in the order the web app shows them (the server's scope rule
 *  decides what is in them; a role not listed sees every queue read-only). */
export const QUEUES_BY_ROLE: Partial<Record<Role, readonly Queue[]>> = {
  registrar: ['awaitingRouting', 'inExecution', 'withdrawn', 'completed', 'all'],
  operator: ['awaitingRouting', 'inExecution', 'completed', 'all'],
  reception: ['awaitingRouting', 'inExecution', 'completed', 'all'],
  executor: ['inExecution', 'atRisk', 'overdue', 'toApprove', 'toSign', 'completed', 'all'],
  head: ['awaitingRouting', 'toApprove', 'toSign', 'inExecution', 'atRisk', 'overdue', 'withdrawn', 'completed', 'all'],
  controller: ['overdue', 'atRisk', 'inExecution', 'awaitingRouting', 'toApprove', 'toSign', 'withdrawn', 'completed', 'all'],
};

/** The queues of these roles, in the order of the first role that lists each. */
export function queuesFor(roles: readonly Role[]): readonly Queue[] {
  if (roles.includes('admin')) return QUEUES;
  const shown: Queue[] = [];
  for (const r of roles) for (const q of QUEUES_BY_ROLE[r] ?? QUEUES) if (!shown.includes(q)) shown.push(q);
  return shown;
}

export type TermRisk = 'overdue' | 'atRisk' | 'onTrack';

/** The first due date that is no longer at risk: due dates from today up to the day before it
 *  have at most `atRiskDays` working days left (daysLeft below) and are at risk. */
export function atRiskHorizon(cal: Calendar, today: IsoDate, atRiskDays = AT_RISK_WORKING_DAYS): IsoDate {
  return cal.addWorkingDays(today, atRiskDays + 1, 'civilCode');
}

/** Working days after today up to the due date; negative when overdue (src/review/terms.ts). */
export function daysLeft(cal: Calendar, today: IsoDate, dueDate: IsoDate): number {
  return cal.workingDaysBetween(today, dueDate);
}

/** The risk of an open appeal's term; null once its review has ended. */
export function termRisk(cal: Calendar, today: IsoDate, dueDate: IsoDate, ended: boolean, atRiskDays = AT_RISK_WORKING_DAYS): TermRisk | null {
  if (ended) return null;
  if (dueDate < today) return 'overdue';
  return dueDate < atRiskHorizon(cal, today, atRiskDays) ? 'atRisk' : 'onTrack';
}

/** The share of reviews ended on time (null when none ended): decided on or before the due date. */
export function onTimeShare(ended: number, endedOnTime: number): number | null {
  return ended === 0 ? null : Math.round((endedOnTime / ended) * 1000) / 1000;
}

/** Statuses not counted in the on-time share: the accounting decisions that review nothing
 *  (attachment to a main appeal, a move to another system; rules p.33). */
export const NOT_REVIEWED_STATUSES: readonly AppealStatus[] = ['attached', 'movedOut'];

/** Who sees the overview of terms and executors. */
export const OVERVIEW_ROLES: readonly Role[] = ['head', 'controller'];
