// The appeal as the rules see it: AppealState, its decisions (TakenDecision) and which of them ended the
// review at this organization (activeDecisions, endsReviewWith, endingDecision, isReviewEnded).

import type { CountMode, IsoDate } from '../calendar.ts';
import type { ApplicantKind, DocumentType, Procedure } from '../vocabulary.ts';
import type { DecisionCode } from './rule.ts';
import { DECISIONS } from './catalogue.ts';

export type DecisionData = Readonly<Record<string, unknown>>;

export interface TakenDecision {
  code: DecisionCode;
  /** The day the card was saved (rules p.24). */
  decisionDate: IsoDate;
  data: DecisionData;
  /** A cancelled move-out (cancelMoveOut): ignored by every rule. */
  cancelledOn?: IsoDate;
}

/**
 * What the rules need to know of an appeal at one organization. The review is per organization:
 * a forwarded appeal (Art. 65 p.3) or a complaint sent to its reviewing body (Art. 91 p.4) starts
 * a new review there, with its own registration date, due date and decision list.
 */
export interface AppealState {
  /** The appeal's id (only used to refuse attaching it to itself). */
  id?: string;
  procedure: Procedure;
  documentType: DocumentType;
  applicantKind: ApplicantKind;
  anonymous: boolean;
  /** Art. 88 p.1: marked as containing information on a crime or a threat to state or public security. */
  containsCrimeOrSecurityInfo: boolean;
  /** At this organization. */
  registrationDate: IsoDate;
  /** The current due date (after any extension). */
  dueDate: IsoDate;
  /** Whether the term may be extended (TermRule.extendable); default: every procedure but the complaint one. */
  extendable?: boolean;
  /** Complaint procedure: this organization is the reviewing body (it received the complaint, after 4.24 or directly). */
  receivedByReviewingBody: boolean;
  /** An executor has been assigned: the registration desk's part is over. */
  executorAssigned?: boolean;
  /** When the latest 4.7 notice reached the applicant — its letter went out (Art. 73 p.1 and p.3 count
   *  from it); null: not sent yet; absent: assumed on its decision date. */
  hearingNoticeDeliveredOn?: IsoDate | null;
  /** An executor's draft awaits the head's approval (needsApproval): no second draft meanwhile. */
  draftPending?: boolean;
  /** The day the applicant brought the appeal into line after the latest 4.2 notice (Art. 64 p.6–p.7). */
  fixedOn?: IsoDate;
  /** The decisions taken at this organization, in order. */
  decisions: readonly TakenDecision[];
  /** Optional override: the review is known to have ended (ORed with the decisions). */
  reviewEnded?: boolean;
}

export interface DecisionOptions {
  /** How working-day terms from the registration date are counted (docs/legal-basis.md#counting-working-days). */
  count?: CountMode;
}

/** The decisions that count (not cancelled). */
export function activeDecisions(state: AppealState): TakenDecision[] {
  return state.decisions.filter((d) => !d.cancelledOn);
}

export function latest(state: AppealState, code: DecisionCode): TakenDecision | undefined {
  const list = activeDecisions(state).filter((d) => d.code === code);
  return list[list.length - 1];
}

/** Whether 4.4 in parts keeps the rest of the appeal under review here (rules p.11). */
function isSplitKeepingRest(data: DecisionData): boolean {
  return Array.isArray(data.parts) && data.remainderKept !== false;
}

/** Whether this decision, with this data, ends the review at this organization. */
export function endsReviewWith(code: DecisionCode, data: DecisionData): boolean {
  if (!DECISIONS[code].endsReview) return false;
  if (code === '4.4' && isSplitKeepingRest(data)) return false;
  return true;
}

/** The decision that ended the review, if any. */
export function endingDecision(state: AppealState): TakenDecision | undefined {
  return activeDecisions(state).find((d) => endsReviewWith(d.code, d.data));
}

export function isReviewEnded(state: AppealState): boolean {
  return state.reviewEnded === true || endingDecision(state) !== undefined;
}
