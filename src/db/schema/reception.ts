// Row types of personal reception (0012, 0018); src/db/schema.ts adds them to DB.
import type { Generated } from 'kysely';
import type { Timestamp } from '../schema.ts';

export interface ReceptionSurveyCallsTable {
  id: string;
  organization_id: number;
  population: string;
  queue_entry_id: string | null;
  appeal_id: string | null;
  name: string;
  phone: string | null;
  period_from: string;
  period_to: string;
  drawn_by: string;
  drawn_at: Timestamp;
  reached: boolean | null;
  satisfaction: number | null;
  comment: string | null;
  called_by: string | null;
  called_at: Timestamp | null;
}

export interface ReceptionOfficialsTable {
  id: string;
  organization_id: number;
  full_name: string;
  position_kk: string;
  position_ru: string;
  kind: string;
  phone: string | null;
  email: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ReceptionSessionsTable {
  id: string;
  organization_id: number;
  official_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reception_date: string;
  place: string;
  format: string;
  occasion: string;
  instruction_issuer: string | null;
  instruction_date: string | null;
  settlement: string | null;
  video_url: string | null;
  status: Generated<string>;
  cancel_reason: string | null;
  cancel_note: string | null;
  cancel_notice_on: string | null;
  cancel_late: boolean | null;
  cancelled_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ReceptionSchedulesTable {
  organization_id: number;
  month: string;
  approved_by: string;
  approved_by_name: string;
  approved_by_position: string;
  approved_at: Timestamp;
  /** Detached CMS (base64) over signed_text, verified when given (PR-16). */
  signature: string | null;
  signed_text: string | null;
}

export interface ReceptionRestrictionsTable {
  id: string;
  organization_id: number;
  starts_on: string;
  ends_on: string;
  reason: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ReceptionSignUpsTable {
  appeal_id: string;
  organization_id: number;
  official_id: string | null;
  question: string;
  video_consent: Generated<boolean>;
  reception_language: string;
  session_id: string | null;
  scheduled_at: Timestamp | null;
  reference_proposal: string | null;
  reference_note: string | null;
  reference_at: Timestamp | null;
  refusal_draft_on: string | null;
  refusal_draft_ground: string | null;
  outcome: string | null;
  refusal_ground: string | null;
  refusal_link: string | null;
  outcome_text: string | null;
  outcome_at: Timestamp | null;
  participation_body: string | null;
  participation_requested_on: string | null;
  participation_refused_on: string | null;
}

export interface ReceptionQueueTable {
  id: string;
  session_id: string;
  ticket: number;
  name: string;
  out_of_turn: string | null;
  evidence: string | null;
  arrived_at: Timestamp;
  sign_up_appeal_id: string | null;
  identity_checked: Generated<boolean>;
  representative: Generated<boolean>;
  authority_document: string | null;
  citizenship: string | null;
  interpreter_needed: Generated<boolean>;
  reception_language: string | null;
  status: Generated<string>;
  called_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ReceptionParticipantsTable {
  id: string;
  session_id: string;
  kind: string;
  name: string;
  organization: string | null;
  added_at: Timestamp;
}

export interface ReceptionProtocolLinesTable {
  id: string;
  session_id: string;
  line_no: number;
  queue_entry_id: string | null;
  question: string;
  decision: string;
  instruction: Generated<boolean>;
  executor_organization_id: number | null;
  due_date: string | null;
  appeal_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  /** the instruction of the general model it created (PR-31) */
  instruction_id: Generated<string | null>;
}

export interface ReceptionTables {
  reception_officials: ReceptionOfficialsTable;
  reception_sessions: ReceptionSessionsTable;
  reception_schedules: ReceptionSchedulesTable;
  reception_restrictions: ReceptionRestrictionsTable;
  reception_sign_ups: ReceptionSignUpsTable;
  reception_queue: ReceptionQueueTable;
  reception_participants: ReceptionParticipantsTable;
  reception_protocol_lines: ReceptionProtocolLinesTable;
  reception_survey_calls: ReceptionSurveyCallsTable;
}
