// What the reception routes show, and the response schemas (OpenAPI).
import type { Language } from '../domain/vocabulary.ts';
import type { QueueRow, SessionRow } from './store.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const nstr = { type: ['string', 'null'] } as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', required, properties }) as const;
export const list = (item: unknown) => obj({ items: { type: 'array', items: item } });

/** The public schedule's names are in Kazakh or Russian (PR-17): Russian when asked for, else Kazakh. */
export const publicLanguage = (lang: Language): 'kk' | 'ru' => (lang === 'ru' ? 'ru' : 'kk');

export const publicSessionSchema = obj({
  id: str,
  organization: obj({ id: int, name: str }),
  official: obj({ name: str, position: str, kind: str }),
  startsAt: str,
  endsAt: str,
  place: str,
  format: { type: 'string', enum: ['inPerson', 'video'] },
  occasion: str,
  phone: nstr,
  email: nstr,
  approved: bool,
});

export function presentPublicSession(s: SessionRow, lang: 'kk' | 'ru', approved: boolean) {
  return {
    id: s.id,
    organization: { id: s.organization_id, name: lang === 'ru' ? s.organization_ru : s.organization_kk },
    official: { name: s.full_name, position: lang === 'ru' ? s.position_ru : s.position_kk, kind: s.kind },
    startsAt: new Date(s.starts_at).toISOString(),
    endsAt: new Date(s.ends_at).toISOString(),
    place: s.place,
    format: s.format as 'inPerson' | 'video',
    occasion: s.occasion,
    phone: s.phone ?? s.organization_phone,
    email: s.email ?? s.organization_email,
    approved,
  };
}

export const officialSchema = obj({
  id: str,
  organizationId: int,
  organization: obj({ kk: str, ru: str }),
  fullName: str,
  positionKk: str,
  positionRu: str,
  kind: str,
  phone: nstr,
  email: nstr,
});

export function presentOfficial(o: {
  id: string;
  organization_id: number;
  organization_kk: string;
  organization_ru: string;
  full_name: string;
  position_kk: string;
  position_ru: string;
  kind: string;
  phone: string | null;
  email: string | null;
}) {
  return {
    id: o.id,
    organizationId: o.organization_id,
    organization: { kk: o.organization_kk, ru: o.organization_ru },
    fullName: o.full_name,
    positionKk: o.position_kk,
    positionRu: o.position_ru,
    kind: o.kind,
    phone: o.phone,
    email: o.email,
  };
}

export const sessionSchema = obj({
  id: str,
  organizationId: int,
  organization: obj({ kk: str, ru: str }),
  officialId: str,
  official: obj({ name: str, positionKk: str, positionRu: str, kind: str }),
  startsAt: str,
  endsAt: str,
  date: str,
  place: str,
  format: str,
  occasion: str,
  instructionIssuer: nstr,
  instructionDate: nstr,
  settlement: nstr,
  videoUrl: nstr,
  status: str,
  cancelReason: nstr,
  cancelLate: { type: ['boolean', 'null'] },
});

export function presentSession(s: SessionRow) {
  return {
    id: s.id,
    organizationId: s.organization_id,
    organization: { kk: s.organization_kk, ru: s.organization_ru },
    officialId: s.official_id,
    official: { name: s.full_name, positionKk: s.position_kk, positionRu: s.position_ru, kind: s.kind },
    startsAt: new Date(s.starts_at).toISOString(),
    endsAt: new Date(s.ends_at).toISOString(),
    date: s.reception_date,
    place: s.place,
    format: s.format,
    occasion: s.occasion,
    instructionIssuer: s.instruction_issuer,
    instructionDate: s.instruction_date,
    settlement: s.settlement,
    videoUrl: s.video_url,
    status: s.status,
    cancelReason: s.cancel_reason,
    cancelLate: s.cancel_late,
  };
}

export const queueEntrySchema = obj({
  id: str,
  ticket: int,
  name: str,
  outOfTurn: nstr,
  evidence: nstr,
  arrivedAt: str,
  signUpAppealId: nstr,
  identityChecked: bool,
  representative: bool,
  authorityDocument: nstr,
  citizenship: nstr,
  interpreterNeeded: bool,
  language: nstr,
  status: str,
});

export function presentEntry(r: QueueRow) {
  return {
    id: r.id,
    ticket: r.ticket,
    name: r.name,
    outOfTurn: r.out_of_turn,
    evidence: r.evidence,
    arrivedAt: new Date(r.arrived_at).toISOString(),
    signUpAppealId: r.sign_up_appeal_id,
    identityChecked: r.identity_checked,
    representative: r.representative,
    authorityDocument: r.authority_document,
    citizenship: r.citizenship,
    interpreterNeeded: r.interpreter_needed,
    language: r.reception_language,
    status: r.status,
  };
}

export const signUpSchema = obj({
  appealId: str,
  registrationNumber: str,
  registrationDate: str,
  dueDate: str,
  applicant: nstr,
  question: str,
  officialId: nstr,
  sessionId: nstr,
  videoConsent: bool,
  language: str,
  referenceProposal: nstr,
  outcome: nstr,
});

export function presentSignUp(u: {
  appeal_id: string;
  registration_number: string;
  registration_date: string;
  due_date: string;
  applicant_name: string | null;
  question: string;
  official_id: string | null;
  session_id: string | null;
  video_consent: boolean;
  reception_language: string;
  reference_proposal: string | null;
  outcome: string | null;
}) {
  return {
    appealId: u.appeal_id,
    registrationNumber: u.registration_number,
    registrationDate: u.registration_date,
    dueDate: u.due_date,
    applicant: u.applicant_name,
    question: u.question,
    officialId: u.official_id,
    sessionId: u.session_id,
    videoConsent: u.video_consent,
    language: u.reception_language,
    referenceProposal: u.reference_proposal,
    outcome: u.outcome,
  };
}

export const protocolLineSchema = obj({
  id: str,
  lineNo: int,
  queueEntryId: nstr,
  visitor: nstr,
  question: str,
  decision: str,
  instruction: { type: ['object', 'null'], required: ['executorOrganizationId', 'executor', 'dueDate'], properties: { executorOrganizationId: int, executor: obj({ kk: str, ru: str }), dueDate: str } },
  appealId: nstr,
});

export function presentLine(l: {
  id: string;
  line_no: number;
  queue_entry_id: string | null;
  visitor: string | null;
  question: string;
  decision: string;
  instruction: boolean;
  executor_organization_id: number | null;
  executor_kk: string | null;
  executor_ru: string | null;
  due_date: string | null;
  appeal_id: string | null;
}) {
  return {
    id: l.id,
    lineNo: l.line_no,
    queueEntryId: l.queue_entry_id,
    visitor: l.visitor,
    question: l.question,
    decision: l.decision,
    instruction: l.instruction ? { executorOrganizationId: l.executor_organization_id!, executor: { kk: l.executor_kk ?? '', ru: l.executor_ru ?? '' }, dueDate: l.due_date! } : null,
    appealId: l.appeal_id,
  };
}

export const hallSchema = obj({
  sessionId: str,
  official: obj({ name: str, positionKk: str, positionRu: str }),
  date: str,
  time: str,
  place: str,
  status: str,
  called: { type: ['integer', 'null'] },
  waiting: { type: 'array', items: obj({ ticket: int, outOfTurn: bool }) },
});
