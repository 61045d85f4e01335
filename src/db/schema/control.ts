// Row types of the control department and instructions (0013); src/db/schema.ts adds them to DB.
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

export interface ControlTables {
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
