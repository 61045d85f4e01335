// Row types of the contact centre (0014); src/db/schema.ts adds them to DB.
import type { Generated } from 'kysely';
import type { Timestamp } from '../schema.ts';

/** Knowledge cards of the contact centre (0014): Annex 1 in kk/ru and the lifecycle (CC-04…CC-12). */
export interface KnowledgeCardsTable {
  id: string;
  organization_id: number;
  service_kk: string;
  service_ru: string;
  bylaw_kk: string;
  bylaw_ru: string;
  bylaw_approved_on: string;
  changes_kk: Generated<string>;
  changes_ru: Generated<string>;
  web_page: string | null;
  responsible_name: string;
  responsible_position: string;
  responsible_phone: string | null;
  responsible_email: string | null;
  provider_id: number | null;
  provider_name: string;
  provider_contacts: string | null;
  answer_kk: string;
  answer_ru: string;
  sent_on: string | null;
  trained_on: string | null;
  protocol_on: string | null;
  bylaw_changed_on: string | null;
  updated_on: string | null;
  responsible_changed_on: string | null;
  responsible_notified_on: string | null;
  usage_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Contacts of the contact centre (0014, EA-05): one row a call, chat, web form or e-mail. */
export interface ContactsTable {
  id: string;
  organization_id: number;
  channel: string;
  caller_phone: string | null;
  caller_address: string | null;
  operator_id: string | null;
  operator_name: string | null;
  language: string | null;
  concerns_organization_id: number | null;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  closed_at: Timestamp | null;
  call_id: string | null;
  outcome: string | null;
  knowledge_card_id: string | null;
  status_appeal_id: string | null;
  appeal_id: string | null;
  note: string | null;
  chat_token_sha256: string | null;
  created_at: Timestamp;
}

/** The transcript of a chat (0014, EA-05). */
export interface ChatMessagesTable {
  id: Generated<number>;
  contact_id: string;
  at: Timestamp;
  author: string;
  operator_id: string | null;
  text: string;
}

/** Public-service complaints (0014, CC-25, CC-17): the rows of Annex 2, never appeals. */
export interface PublicServiceComplaintsTable {
  id: string;
  contact_id: string;
  organization_id: number;
  received_at: Timestamp;
  responsible_name: string;
  region: string;
  applicant_name: string;
  nature: string;
  content: string;
  measures: string;
  ticket_number: string | null;
  bylaw_violation: string | null;
  employee_actions: string | null;
  provider_id: number | null;
}

/** Providers' refusals to give the centre information (0014, CC-13). */
export interface ProviderRefusalsTable {
  id: string;
  organization_id: number;
  provider_id: number;
  refused_on: string;
  request: string;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: Timestamp;
}

export interface ContactCentreTables {
  chat_messages: ChatMessagesTable;
  provider_refusals: ProviderRefusalsTable;
  knowledge_cards: KnowledgeCardsTable;
  contacts: ContactsTable;
  public_service_complaints: PublicServiceComplaintsTable;
}
