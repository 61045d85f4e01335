// Row types of attachments (0022); src/db/schema.ts adds them to DB.
import type { Generated } from 'kysely';
import type { Timestamp } from '../schema.ts';

/** Attachments (0022): every file an appeal carries, staged until a registration takes it. */
export interface AttachmentsTable {
  id: string;
  seq: Generated<number>;
  appeal_id: string | null;
  decision_id: string | null;
  letter_id: string | null;
  purpose: string;
  uploaded_by: string | null;
  applicant_key: string | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
}

export interface AttachmentTables {
  attachments: AttachmentsTable;
}
