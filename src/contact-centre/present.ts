// What the contact centre's routes answer: rows of the store made into the API's shapes.
import type { CardTerm, CardState } from '../domain/knowledge-cards.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface ContactRow {
  id: string;
  organization_id: number;
  channel: string;
  caller_phone: string | null;
  caller_address: string | null;
  operator_name: string | null;
  language: string | null;
  concerns_organization_id: number | null;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  closed_at: Date | null;
  call_id: string | null;
  outcome: string | null;
  knowledge_card_id: string | null;
  appeal_id: string | null;
}

interface History {
  contacts: { id: string; channel: string; started_at: Date; outcome: string | null; operator_name: string | null; registration_number: string | null }[];
  appeals: { id: string; registration_number: string; talon_number: string; registration_date: string; due_date: string; status: string; summary: string }[];
}

export function presentContact(c: ContactRow, history: History) {
  return {
    id: c.id,
    organizationId: c.organization_id,
    channel: c.channel,
    callerPhone: c.caller_phone,
    callerAddress: c.caller_address,
    operatorName: c.operator_name,
    language: c.language,
    concernsOrganizationId: c.concerns_organization_id,
    startedAt: c.started_at.toISOString(),
    answeredAt: iso(c.answered_at),
    endedAt: iso(c.ended_at),
    closedAt: iso(c.closed_at),
    callId: c.call_id,
    outcome: c.outcome,
    knowledgeCardId: c.knowledge_card_id,
    appealId: c.appeal_id,
    history: {
      contacts: history.contacts.map((h) => ({ id: h.id, channel: h.channel, startedAt: h.started_at.toISOString(), outcome: h.outcome, operatorName: h.operator_name, registrationNumber: h.registration_number })),
      appeals: history.appeals.map((a) => ({
        id: a.id,
        registrationNumber: a.registration_number,
        talonNumber: a.talon_number,
        registrationDate: a.registration_date,
        dueDate: a.due_date,
        status: a.status,
        summary: a.summary,
      })),
    },
  };
}

export function presentStatus(a: { id: string; registration_number: string; talon_number: string; registration_date: string; due_date: string; status: string }) {
  return { id: a.id, registrationNumber: a.registration_number, talonNumber: a.talon_number, registrationDate: a.registration_date, dueDate: a.due_date, status: a.status };
}

interface CardRow {
  id: string;
  service_kk: string;
  service_ru: string;
  bylaw_kk: string;
  bylaw_ru: string;
  bylaw_approved_on: string;
  changes_kk: string;
  changes_ru: string;
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
  usage_count: number;
}

export function presentCard(x: { card: CardRow; state: CardState; terms: CardTerm[]; overdue: CardTerm[] }) {
  const c = x.card;
  return {
    id: c.id,
    serviceKk: c.service_kk,
    serviceRu: c.service_ru,
    bylawKk: c.bylaw_kk,
    bylawRu: c.bylaw_ru,
    bylawApprovedOn: c.bylaw_approved_on,
    changesKk: c.changes_kk,
    changesRu: c.changes_ru,
    webPage: c.web_page,
    responsibleName: c.responsible_name,
    responsiblePosition: c.responsible_position,
    responsiblePhone: c.responsible_phone,
    responsibleEmail: c.responsible_email,
    providerId: c.provider_id,
    providerName: c.provider_name,
    providerContacts: c.provider_contacts,
    answerKk: c.answer_kk,
    answerRu: c.answer_ru,
    sentOn: c.sent_on,
    trainedOn: c.trained_on,
    protocolOn: c.protocol_on,
    bylawChangedOn: c.bylaw_changed_on,
    updatedOn: c.updated_on,
    responsibleChangedOn: c.responsible_changed_on,
    responsibleNotifiedOn: c.responsible_notified_on,
    usageCount: c.usage_count,
    state: x.state,
    terms: x.terms,
    overdue: x.overdue.map((t) => t.step),
  };
}
