// The closed vocabularies of the rules (docs/legal-basis.md#kinds-of-appeal-and-procedures; docs/glossary.md). Labels in kk/ru/en live
// in the directories (src/db/reference/directories.ts); these are the codes the code relies on.

export const DOCUMENT_TYPES = ['application', 'complaint', 'report', 'inquiry', 'feedback', 'proposal'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

// docs/legal-basis.md#kinds-of-appeal-and-procedures: applications go through the administrative procedure, complaints through the
// complaint procedure (Arts. 91–101), the other four through the simplified one (Arts. 87–89).
export const PROCEDURES = ['administrative', 'complaint', 'simplified'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export function procedureOf(documentType: DocumentType): Procedure {
  if (documentType === 'application') return 'administrative';
  if (documentType === 'complaint') return 'complaint';
  return 'simplified';
}

export const FORMS = ['paper', 'oral', 'electronic', 'video'] as const;
export type Form = (typeof FORMS)[number];

export const CHANNELS = ['post', 'inPerson', 'complaintBox', 'egovPortal', 'publicPortal', 'contactCentre', 'personalReception', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const APPLICANT_KINDS = ['individual', 'legalEntity', 'anonymous', 'collective'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

// docs/legal-basis.md#registration-and-talon-numbers: the letter index of the registration number.
export const LETTER_INDEX: Record<ApplicantKind, string> = {
  individual: 'ЖТ',
  legalEntity: 'ЗТ',
  anonymous: 'АН',
  collective: 'ҰЖ',
};

export const ROLES = ['registrar', 'executor', 'head', 'controller', 'reception', 'operator', 'statistician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Labels = { kk: string; ru: string; en: string };
