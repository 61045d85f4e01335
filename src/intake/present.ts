// The appeal as the API shows it: ТЖ-1 with its АИ-1 cards and duplicate candidates.
import type { Language } from '../domain/vocabulary.ts';
import { organizationRef } from '../reference/present.ts';
import type { AppealRow } from '../appeals/store.ts';
import type { AppealCard } from './read.ts';

export function presentAppeal({ appeal: a, organization: org, applicants, duplicates, executor }: AppealCard, lang: Language) {
  return {
    id: a.id,
    registrationNumber: a.registration_number,
    talonNumber: a.talon_number,
    organization: organizationRef(org, lang),
    receivedAt: a.received_at.toISOString(),
    registrationDate: a.registration_date,
    dueDate: a.due_date,
    documentType: a.document_type,
    subKind: a.sub_kind,
    procedure: a.procedure,
    form: a.form,
    channel: a.channel,
    language: a.language,
    addresseeCategory: a.addressee_category,
    issueCategory: a.issue_category,
    summary: a.summary,
    text: a.text,
    protocolText: a.protocol_text,
    applicantKind: a.applicant_kind,
    applicantName: a.applicant_name,
    applicants: applicants.map((c) => ({
      // the АИ-1 card's own id: a correction petition names the card it changes
      id: c.id,
      kind: c.kind,
      citizenship: c.citizenship,
      iin: c.iin,
      lastName: c.last_name,
      firstName: c.first_name,
      middleName: c.middle_name,
      birthDate: c.birth_date,
      sex: c.sex,
      nationality: c.nationality,
      age: c.age,
      address: Object.fromEntries(
        Object.entries({
          country: c.address_country,
          region: c.address_region,
          district: c.address_district,
          settlement: c.address_settlement,
          street: c.address_street,
          house: c.address_house,
          flat: c.address_flat,
        }).filter(([, v]) => v !== null),
      ),
      postalAddress: c.postal_address,
      phone: c.phone_mobile,
      phoneOther: c.phone_other,
      email: c.email,
      socialStatus: c.social_status,
      occupation: c.occupation,
      inInterestOf: c.in_interest_of,
      bin: c.bin,
      legalName: c.legal_name,
      legalAddress: c.legal_address,
      businessCategory: c.business_category,
    })),
    complained:
      a.document_type === 'complaint'
        ? {
            organizationId: a.complained_organization_id,
            organizationName: a.complained_organization_name,
            official: a.complained_official,
            act: a.complained_act,
          }
        : null,
    status: a.status,
    securityInfo: a.security_info,
    atReviewingBody: a.at_reviewing_body,
    executorId: a.executor_id,
    executor: executor ? { id: executor.id, name: executor.full_name } : null,
    controlDate: a.control_date,
    originAppealId: a.origin_appeal_id,
    mainAppealId: a.main_appeal_id,
    challengedAppealId: a.challenged_appeal_id,
    reviewEndedOn: a.review_ended_on,
    answerSentAt: a.answer_sent_at?.toISOString() ?? null,
    deemedRefusal: a.deemed_refusal,
    registrar: { id: a.registered_by, name: a.registrar_name, position: a.registrar_position },
    duplicateCandidate: a.duplicate_candidate,
    duplicateCandidates: duplicates.map((d) => ({
      appealId: d.id,
      registrationNumber: d.registration_number,
      registrationDate: d.registration_date,
      summary: d.summary,
      status: d.status,
      score: d.score,
      reason: d.reason,
    })),
    createdAt: a.created_at.toISOString(),
  };
}

export function presentListItem(a: AppealRow) {
  return {
    id: a.id,
    registrationNumber: a.registration_number,
    talonNumber: a.talon_number,
    organizationId: a.organization_id,
    registrationDate: a.registration_date,
    dueDate: a.due_date,
    documentType: a.document_type,
    form: a.form,
    channel: a.channel,
    applicantKind: a.applicant_kind,
    applicantName: a.applicant_name,
    summary: a.summary,
    status: a.status,
    duplicateCandidate: a.duplicate_candidate,
  };
}
