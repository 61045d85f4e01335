// The contact centre (issue 13; requirements §A3 CC-01…CC-27, §A4 EA-05, EA-10): every contact
// (call, chat, web form, e-mail) logged and closed with one outcome; public-service complaints, the
// material of the Annex 2 report, kept apart from appeals (CC-25: never an E-appeal, never in
// 1-ТӨ); knowledge cards with the Annex 1 fields in Kazakh and Russian and their lifecycle
// (CC-04…CC-12); the calls of the telephone system keyed by their call id (EA-10).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE knowledge_cards (
  id uuid PRIMARY KEY,
  -- the contact centre's organization that keeps the card
  organization_id integer NOT NULL REFERENCES organizations(id),
  -- Annex 1 (CC-05), each text in Kazakh and Russian
  service_kk text NOT NULL,
  service_ru text NOT NULL,
  bylaw_kk text NOT NULL,
  bylaw_ru text NOT NULL,
  bylaw_approved_on date NOT NULL,
  changes_kk text NOT NULL DEFAULT '',
  changes_ru text NOT NULL DEFAULT '',
  web_page text,
  responsible_name text NOT NULL,
  responsible_position text NOT NULL,
  responsible_phone text,
  responsible_email text,
  provider_id integer REFERENCES organizations(id),
  provider_name text NOT NULL,
  provider_contacts text,
  -- what the operator reads out
  answer_kk text NOT NULL,
  answer_ru text NOT NULL,
  -- the lifecycle (CC-04, CC-06, CC-07, CC-08, CC-11, CC-12)
  sent_on date,
  trained_on date,
  protocol_on date,
  bylaw_changed_on date,
  updated_on date,
  responsible_changed_on date,
  responsible_notified_on date,
  usage_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- full-text search in both languages (PostgreSQL has no Kazakh dictionary: 'simple', prefixes
-- match); the expression is the one src/contact-centre/store.ts searches by
CREATE INDEX knowledge_cards_search ON knowledge_cards USING gin (
  to_tsvector('simple', service_kk || ' ' || service_ru || ' ' || bylaw_kk || ' ' || bylaw_ru || ' ' || answer_kk || ' ' || answer_ru || ' ' || provider_name)
);
CREATE INDEX knowledge_cards_organization ON knowledge_cards (organization_id);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  -- the contact centre's organization (the operator's)
  organization_id integer NOT NULL REFERENCES organizations(id),
  channel text NOT NULL CHECK (channel IN ('phone', 'chat', 'web', 'email')),
  caller_phone text,
  caller_address text,
  operator_id uuid REFERENCES users(id),
  operator_name text,
  language text,
  -- the organization the contact concerns
  concerns_organization_id integer REFERENCES organizations(id),
  started_at timestamptz NOT NULL,
  answered_at timestamptz,
  ended_at timestamptz,
  closed_at timestamptz,
  -- the telephone system's call (EA-10): one contact a call
  call_id text UNIQUE,
  outcome text CHECK (outcome IN ('consultation', 'statusAnswer', 'publicServiceComplaint', 'appeal')),
  knowledge_card_id uuid REFERENCES knowledge_cards(id),
  status_appeal_id uuid REFERENCES appeals(id),
  appeal_id uuid REFERENCES appeals(id),
  note text,
  -- a chat begun on the citizens' pages: the SHA-256 (hex) of the caller's token
  chat_token_sha256 text,
  created_at timestamptz NOT NULL,
  CHECK ((outcome IS NULL) = (closed_at IS NULL)),
  CHECK (outcome IS DISTINCT FROM 'consultation' OR knowledge_card_id IS NOT NULL),
  CHECK (outcome IS DISTINCT FROM 'appeal' OR appeal_id IS NOT NULL)
);
CREATE INDEX contacts_caller_phone ON contacts (caller_phone, started_at);
CREATE INDEX contacts_organization ON contacts (organization_id, started_at);

-- CC-25, CC-17: a complaint about a public service; never an appeal, the rows of Annex 2
CREATE TABLE public_service_complaints (
  id uuid PRIMARY KEY,
  contact_id uuid NOT NULL UNIQUE REFERENCES contacts(id),
  organization_id integer NOT NULL REFERENCES organizations(id),
  received_at timestamptz NOT NULL,
  responsible_name text NOT NULL,
  region text NOT NULL,
  applicant_name text NOT NULL,
  nature text NOT NULL,
  content text NOT NULL,
  measures text NOT NULL,
  ticket_number text,
  bylaw_violation text,
  employee_actions text,
  provider_id integer REFERENCES organizations(id)
);
CREATE INDEX public_service_complaints_month ON public_service_complaints (organization_id, received_at);

-- EA-05: the transcript of a chat, kept with its contact
CREATE TABLE chat_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contact_id uuid NOT NULL REFERENCES contacts(id),
  at timestamptz NOT NULL,
  author text NOT NULL CHECK (author IN ('caller', 'operator')),
  operator_id uuid REFERENCES users(id),
  text text NOT NULL
);
CREATE INDEX chat_messages_contact ON chat_messages (contact_id, id);

-- CC-10, CC-13: a provider's refusal to give the centre the information it asked for
CREATE TABLE provider_refusals (
  id uuid PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations(id),
  provider_id integer NOT NULL REFERENCES organizations(id),
  refused_on date NOT NULL,
  request text NOT NULL,
  note text,
  recorded_by uuid REFERENCES users(id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX provider_refusals_month ON provider_refusals (provider_id, refused_on);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE chat_messages; DROP TABLE provider_refusals; DROP TABLE public_service_complaints; DROP TABLE contacts; DROP TABLE knowledge_cards;').execute(db);
}
