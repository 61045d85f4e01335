// Row types of the control department and instructions (0013, 0023); src/db/schema.ts adds them to DB.
import type { Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.ts';

// Control department (0013): appeals under the akim's control, quality reviews, returns for
// rework, instructions under control, violations found by the detectors and explanations.
export interface AppealControlsTable {
  appeal_id: string;
  organization_id: number;
  put_by: string;
  put_by_name: string;
  put_at: Timestamp;
  reason: string;
}

export interface QualityReviewsTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  executor_id: string | null;
  checks: JSONColumnType<Record<string, boolean>, string, string>;
  score: number;
  verdict: 'good' | 'poor';
  remark: string | null;
  reviewed_by: string;
  reviewed_by_name: string;
  reviewed_at: Timestamp;
}

export interface ReworksTable {
  id: string;
  appeal_id: string;
  organization_id: number;
  executor_id: string | null;
  remark: string;
  due_date: string;
  returned_by: string;
  returned_by_name: string;
  returned_at: Timestamp;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Timestamp | null;
}

export interface InstructionsTable {
  id: string;
  organization_id: number;
  issuer: string;
  basis_document: string | null;
  text: string;
  due_date: string;
  warning_dates: JSONColumnType<string[], string, string>;
  state: Generated<'underControl' | 'removed'>;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
  removed_by_name: string | null;
  removed_at: Timestamp | null;
}

export interface InstructionAppealsTable {
  instruction_id: string;
  appeal_id: string;
}

export interface InstructionExecutorsTable {
  instruction_id: string;
  organization_id: number;
  main: boolean;
}

export interface InstructionReportsTable {
  id: string;
  instruction_id: string;
  organization_id: number;
  kind: 'interim' | 'execution';
  text: string;
  submitted_by_name: string;
  submitted_at: Timestamp;
  accepted: boolean | null;
  comment: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
}

export interface InstructionExtensionsTable {
  id: string;
  instruction_id: string;
  organization_id: number;
  due_date: string;
  reason: string;
  requested_by_name: string;
  requested_at: Timestamp;
  granted: boolean | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
}

export interface InstructionRemindersTable {
  instruction_id: string;
  kind: string;
  on_date: string;
  sent_at: Timestamp;
}

export interface ViolationsTable {
  id: string;
  kind: string;
  subject_key: string;
  basis: string;
  organization_id: number;
  appeal_id: string | null;
  instruction_id: string | null;
  employee_id: string | null;
  detected_at: Timestamp;
}

export interface ExplanationRequestsTable {
  id: string;
  violation_id: string;
  form: 'oral' | 'written';
  due_date: string;
  requested_by_name: string;
  requested_at: Timestamp;
  explanation: string | null;
  recorded_by_name: string | null;
  recorded_at: Timestamp | null;
}

/** CD-32 on-site checks and CD-37 record-keeping checks (0013). */
export interface ControlChecksTable {
  id: string;
  kind: 'onSite' | 'recordKeeping';
  organization_id: number;
  planned_on: string;
  place: string;
  participants: string;
  instruction_ids: JSONColumnType<string[], string, string>;
  findings: string | null;
  follow_up: string | null;
  held_on: string | null;
  created_by_name: string;
  created_at: Timestamp;
}

/** CD-34 disciplinary proposals with their outcome (0023). */
export interface DisciplinaryProposalsTable {
  id: string;
  organization_id: number;
  employee_id: string | null;
  official_name: string;
  official_position: string;
  ground: string;
  instruction_id: string | null;
  due_date: string;
  proposed_by_name: string;
  proposed_at: Timestamp;
  outcome: 'imposed' | 'notImposed' | null;
  penalty: string | null;
  outcome_note: string | null;
  decided_on: string | null;
  outcome_recorded_by_name: string | null;
  outcome_recorded_at: Timestamp | null;
}

/** CD-38 briefings of new employees (0023). */
export interface EmployeeBriefingsTable {
  id: string;
  employee_id: string;
  organization_id: number;
  briefed_on: string;
  topic: string;
  conducted_by_name: string;
  recorded_at: Timestamp;
}

/** CD-04 the department's head and designated substitutes (0023). */
export interface ControlSignatoriesTable {
  id: string;
  organization_id: number;
  user_id: string;
  kind: 'head' | 'substitute';
  valid_from: string;
  valid_to: string | null;
  designated_by_name: string;
  designated_at: Timestamp;
}

/** CD-04, CD-18 the department's outgoing documents (0023). */
export interface ControlDocumentsTable {
  id: string;
  organization_id: number;
  kind: 'systemicNote';
  addressee: string;
  subject_organization_id: number;
  period_from: string;
  period_to: string;
  content: JSONColumnType<object, string, string>;
  created_by_name: string;
  created_at: Timestamp;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_as: 'head' | 'substitute' | null;
  signed_at: Timestamp | null;
  sent_by_name: string | null;
  sent_at: Timestamp | null;
}

export interface ControlTables {
  disciplinary_proposals: DisciplinaryProposalsTable;
  employee_briefings: EmployeeBriefingsTable;
  control_signatories: ControlSignatoriesTable;
  control_documents: ControlDocumentsTable;
  control_checks: ControlChecksTable;
  appeal_controls: AppealControlsTable;
  quality_reviews: QualityReviewsTable;
  reworks: ReworksTable;
  instructions: InstructionsTable;
  instruction_appeals: InstructionAppealsTable;
  instruction_executors: InstructionExecutorsTable;
  instruction_reports: InstructionReportsTable;
  instruction_extensions: InstructionExtensionsTable;
  instruction_reminders: InstructionRemindersTable;
  violations: ViolationsTable;
  explanation_requests: ExplanationRequestsTable;
}
