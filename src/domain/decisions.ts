// The decision catalogue of the review (card ТЖ-2, docs/legal-basis.md#review-decisions): which decisions
// fit which procedure, which end the review at this organization, who may take them, what data
// the card carries and in what order they may follow each other — one declarative table
// (DECISIONS) with its APPC citations, and the pure functions that enforce it on every path
// (allowedDecisions, checkDecision, nextStatus, checkCancelMoveOut). No I/O: the review layer
// loads the appeal into an AppealState, asks, and stores.
//
// APPC = Administrative Procedural-Procedural Code of the Republic of Kazakhstan (29 June 2020
// No. 350-VI). "Rules p.N" = Prosecutor General's order No. 4 of 4 January 2023 (registration and
// accounting of appeals). The Kazakh labels are the wording of Annex 4 of the rules; the Russian
// ones follow the APPC's Russian terminology (the Russian text of Annex 4 was not at hand: check
// them against it when it is).
//
// The code is in decisions/, one file per part of the catalogue; this file is the module's single
// entry and only re-exports their public API (the helpers they share among themselves stay inside).

export {
  DECISION_CODES,
  isDecisionCode,
  CONDITIONS,
  ACT_CODES,
  type DecisionCode,
  type DecisionRole,
  type ComplaintStage,
  type StateCondition,
  type InputCondition,
  type DecisionRule,
} from './decisions/rule.ts';
export {
  MOVE_OUT_REASONS,
  COMPLIANCE_CHECKLIST,
  complianceChecklistFor,
  HEARING_EXCEPTIONS,
  TERMINATION_REASONS,
  ATTACHMENT_KINDS,
  vocabulary,
  type VocabularyItem,
  type VocabularyName,
} from './decisions/vocabularies.ts';
export type { FieldType, FieldSpec } from './decisions/fields.ts';
export { DECISIONS, ANONYMOUS_RULE } from './decisions/catalogue.ts';
export {
  activeDecisions,
  endsReviewWith,
  endingDecision,
  isReviewEnded,
  type DecisionData,
  type TakenDecision,
  type AppealState,
  type DecisionOptions,
} from './decisions/state.ts';
export {
  APPEAL_STATUSES,
  finalStatusOf,
  statusOf,
  FIX_RECORDED_BY,
  canRecordFix,
  nextStatus,
  type AppealStatus,
} from './decisions/status.ts';
export {
  needsApproval,
  isUnfavourable,
  allowedDecisions,
  checkDecision,
  type DecisionCheck,
  type AllowedDecision,
} from './decisions/checks.ts';
export {
  defaultFixBy,
  decisionData,
  applyDecision,
  cancelMoveOutDeadline,
  checkCancelMoveOut,
  cancelMoveOutUntil,
  applyCancelMoveOut,
} from './decisions/data.ts';
export { decisionInputSchema } from './decisions/schema.ts';
export { DECISION_MESSAGES } from './decisions/messages.ts';
