// The decision codes and what a row of the catalogue is (DecisionRule, the conditions it names), with
// the procedure and role shorthands the rows in catalogue-*.ts are written with.

import type { Labels, Procedure, Role } from '../vocabulary.ts';
import type { FieldSpec } from './fields.ts';

// ---------------------------------------------------------------------------------------------
// Codes

export const DECISION_CODES = [
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '4.6',
  '4.7',
  '4.8',
  '4.9',
  '4.10',
  '4.11',
  '4.12',
  '4.13',
  '4.14',
  '4.15',
  '4.16',
  '4.17',
  '4.18',
  '4.19',
  '4.20',
  '4.21',
  '4.22',
  '4.23',
  '4.24',
  '4.25',
  '4.26',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];

export function isDecisionCode(x: unknown): x is DecisionCode {
  return typeof x === 'string' && (DECISION_CODES as readonly string[]).includes(x);
}

/** The roles a decision rule may name. A deputy head has the role 'head'. 'admin' is never special here. */
export type DecisionRole = Extract<Role, 'registrar' | 'executor' | 'head'>;

/**
 * Where on the complaint's path a decision may be taken (APPC Art. 91 p.4, rules p.20): at the body
 * whose act is complained about (before it sends the complaint on with 4.24), at the reviewing body
 * (after it received it), or at either. Ignored outside the complaint procedure.
 */
export type ComplaintStage = 'any' | 'bodyComplainedAbout' | 'reviewingBody';

// ---------------------------------------------------------------------------------------------
// A row of the table (the rows are in catalogue-*.ts, the table DECISIONS in catalogue.ts)

/** State conditions (checked without the card's data, so allowedDecisions can show them). */
export type StateCondition = 'fixTermExpired' | 'termExtendable' | 'termRunning' | 'complaintGrantWindow';
/** Conditions on the card's data. */
export type InputCondition = 'extensionDate' | 'complaintGrantFavourable' | 'reasonApplies' | 'notAttachedToItself';

export const CONDITIONS: Record<StateCondition | InputCondition, { basis: string; errors: readonly string[] }> = {
  fixTermExpired: { basis: 'APPC Art. 64 p.7: returned only after the term set under p.6 expired', errors: ['decision.fixTermNotExpired'] },
  termExtendable: {
    basis: 'APPC Art. 76 p.3 (extension); Art. 99 (a complaint: 20 WD, no extension); the term catalogue marks special terms',
    errors: ['decision.extensionNotAllowed'],
  },
  termRunning: { basis: 'APPC Art. 76 p.3: a term is extended while it runs (project reading)', errors: ['decision.termExpired'] },
  complaintGrantWindow: {
    basis: 'APPC Art. 91 p.4, rules p.20: the body complained about may grant the complaint itself only within 3 WD of receipt',
    errors: ['decision.complaintGrantWindowClosed'],
  },
  extensionDate: {
    basis: 'APPC Art. 76 p.3: later than the current due date, the whole term at most 2 months from receipt',
    errors: ['decision.extensionNotLater', 'decision.extensionBeyondCap', 'decision.notWorkingDay'],
  },
  complaintGrantFavourable: {
    basis: 'APPC Art. 91 p.4, rules p.20: only a favourable act that fully satisfies the complaint',
    errors: ['decision.complaintGrantMustBeFavourable'],
  },
  reasonApplies: { basis: 'APPC Art. 88 p.1: the ground "anonymous" only for an anonymous appeal', errors: ['decision.reasonNotApplicable'] },
  notAttachedToItself: { basis: 'Rules p.22', errors: ['decision.attachToItself'] },
};

export interface DecisionRule {
  code: DecisionCode;
  label: Labels;
  /** The legal basis printed on the form (Annex 4) and the articles the rule relies on (the code's shorthand). */
  basis: string;
  /** The same basis as users read it, in kk/ru/en (basis.ts). */
  basisText: Labels;
  /** docs/legal-basis.md#which-decisions-fit-which-procedure */
  procedures: readonly Procedure[];
  /** Ends the review at this organization (docs/legal-basis.md#which-decisions-fit-which-procedure); see endsReviewWith for 4.4 in parts. */
  endsReview: boolean;
  /** Who may take it; the registrar only at the registration desk (before an executor is assigned). */
  roles: readonly DecisionRole[];
  /** Complaint procedure only: where on the complaint's path. */
  complaintStage: ComplaintStage;
  fields: readonly FieldSpec[];
  /** Exactly one of these fields must be given. */
  exactlyOneOf?: readonly string[];
  /** Each group: at least one decision of the group must already be on the appeal (and not cancelled). */
  after: readonly (readonly DecisionCode[])[];
  /**
   * May still be taken after the review ended — only when it ended with an administrative act
   * (ACT_CODES). Only 4.17: correcting clerical errors is done in an act already adopted (Art. 82).
   */
  afterEnd: boolean;
  /** Unfavourable outcomes need the hearing of Art. 73 (or a recorded Art. 73 p.2 exception). */
  hearing: 'never' | 'always' | 'ifUnfavourable';
  /** An outcome the head answers for: an executor's card is a draft until the head approves it (needsApproval). */
  approval: boolean;
  stateConditions: readonly StateCondition[];
  inputConditions: readonly InputCondition[];
}

export const ALL: readonly Procedure[] = ['administrative', 'complaint', 'simplified'];
export const ADMIN_COMPLAINT: readonly Procedure[] = ['administrative', 'complaint'];
export const ADMIN: readonly Procedure[] = ['administrative'];
export const COMPLAINT: readonly Procedure[] = ['complaint'];
export const SIMPLIFIED: readonly Procedure[] = ['simplified'];

// Roles. The registrar may take, at the registration desk only (before an executor is assigned),
// what the national system lets the office of an organization do on receipt: move a non-accountable
// document out (4.1, rules p.15 — within 1 WD of receipt, before anyone reviews it), tell the
// applicant what is missing (4.2, Art. 64 p.6 — the registrar sets the term: docs/legal-basis.md#bringing-an-appeal-into-line), forward a
// misaddressed appeal (4.4, Art. 65 — 3 WD of receipt) and attach a duplicate or a procedural
// application to its main appeal (4.5, rules p.13, p.22). Everything else needs the executor or the
// head; termination and extension the head or a deputy (Art. 76 p.3; docs/legal-basis.md#who-may-take-a-decision).
export const DESK: readonly DecisionRole[] = ['registrar', 'executor', 'head'];
export const EXEC: readonly DecisionRole[] = ['executor', 'head'];
export const HEAD: readonly DecisionRole[] = ['head'];

export type RuleSpec = Omit<DecisionRule, 'code' | 'basisText' | 'complaintStage' | 'after' | 'afterEnd' | 'hearing' | 'approval' | 'stateConditions' | 'inputConditions'> &
  Partial<Pick<DecisionRule, 'complaintStage' | 'after' | 'afterEnd' | 'hearing' | 'approval' | 'stateConditions' | 'inputConditions'>>;

// Approval (project default; rules p.24: the answer goes out signed by the organization's EDS, i.e.
// its head): the outcomes an organization answers for to the applicant or another body — a
// return, a forward, the preliminary decision of a hearing, an act, a complaint decision, an
// answer in the simplified procedure — are the head's. An executor drafts them; the card is saved
// (and its decision date set) when the head signs its letter (src/letters/service.ts). Records of
// what happened in the procedure (an attachment, a withdrawal, a representative, a hearing held…)
// take effect when the executor saves them.

/** The decisions that are administrative acts (or complaint decisions) whose clerical errors 4.17 corrects (Art. 82). */
export const ACT_CODES: readonly DecisionCode[] = ['4.15', '4.18', '4.19', '4.20', '4.21', '4.22'];
