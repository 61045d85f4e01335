// What an appeal must carry to be registered, beyond the shape the API schema already checks
// (docs/legal-basis.md#registration, #accounting-cards; APPC Arts. 63, 64, 93). Refusing to accept an appeal is
// forbidden (Art. 64 p.1), so these checks reject only what cannot be a card at all; whether the
// appeal complies with Art. 63 is the compliance check of the review.
import { parseBin, parseIin, ageOn } from './identifiers.ts';
import type { ApplicantKind, Channel, DocumentType, Form, Language } from './vocabulary.ts';
import type { IsoDate } from './calendar.ts';

export interface Address {
  country?: string;
  region?: string;
  district?: string;
  settlement?: string;
  street?: string;
  house?: string;
  flat?: string;
}

export interface IndividualInput {
  kind: 'individual';
  iin?: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  citizenship?: string;
  birthDate?: IsoDate;
  sex?: 'male' | 'female';
  nationality?: string;
  address?: Address;
  postalAddress?: string;
  phone?: string;
  phoneOther?: string;
  email?: string;
  socialStatus?: string;
  occupation?: string;
  inInterestOf?: string;
}

export interface LegalEntityInput {
  kind: 'legalEntity';
  bin: string;
  name: string;
  address?: Address;
  postalAddress?: string;
  businessCategory?: string;
  representative?: { lastName: string; firstName: string; middleName?: string; iin?: string };
  phone?: string;
  phoneOther?: string;
  email?: string;
  inInterestOf?: string;
}

export type ApplicantInput = IndividualInput | LegalEntityInput;

export interface RegistrationInput {
  documentType: DocumentType;
  subKind?: string;
  form: Form;
  channel: Channel;
  language: Language | string;
  receivedAt?: string;
  summary: string;
  text?: string;
  protocolText?: string;
  issueCategory?: string;
  addresseeCategory?: string;
  organizationId?: number;
  applicant?: ApplicantInput;
  applicants?: ApplicantInput[];
  anonymous?: boolean;
  complainedOrganizationId?: number;
  complainedOrganizationName?: string;
  complainedOfficial?: string;
  complainedAct?: string;
  /** APPC Art. 88 p.1: the appeal reports crimes being prepared or committed, or a threat to state
   *  or public security (an anonymous one is then forwarded at once instead of terminated). */
  securityInfo?: boolean;
  /** A complaint's challenged appeal at this organization (its act or answer). */
  challengedAppealId?: string;
}

/** A complaint reaches its reviewing body directly when it names another organization as the one
 *  complained about; otherwise it is filed with the body complained about (rules p.20). */
export function filedWithReviewingBody(input: RegistrationInput, registeringOrganizationId: number): boolean {
  return input.documentType === 'complaint' && input.complainedOrganizationId !== undefined && input.complainedOrganizationId !== registeringOrganizationId;
}

/** An АИ-1 card as the registration stores it: derived fields filled in. */
export interface ApplicantCard {
  kind: 'individual' | 'legalEntity';
  citizenship: string | null;
  iin: string | null;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  birthDate: IsoDate | null;
  sex: 'male' | 'female' | null;
  nationality: string | null;
  age: number | null;
  address: Address;
  postalAddress: string | null;
  phone: string | null;
  phoneOther: string | null;
  email: string | null;
  socialStatus: string | null;
  occupation: string | null;
  inInterestOf: string | null;
  bin: string | null;
  legalName: string | null;
  legalAddress: string | null;
  businessCategory: string | null;
}

export interface FieldError {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export type CheckedRegistration = { ok: true; applicantKind: ApplicantKind; applicants: ApplicantCard[] } | { ok: false; errors: FieldError[] };

export function checkRegistration(input: RegistrationInput, registrationDate: IsoDate): CheckedRegistration {
  const errors: FieldError[] = [];
  const given = [input.applicant !== undefined, input.applicants !== undefined, input.anonymous === true].filter(Boolean).length;
  if (given !== 1) errors.push({ path: '/applicant', code: 'applicant.exactlyOne' });
  if (input.applicants !== undefined && input.applicants.length < 2) {
    errors.push({ path: '/applicants', code: 'applicants.collectiveNeedsTwo' });
  }
  if (input.form === 'oral' && !input.protocolText?.trim()) {
    // An oral appeal is written into a protocol by the official who accepts it (rules p.12).
    errors.push({ path: '/protocolText', code: 'protocolText.requiredForOral' });
  }
  if (input.documentType === 'complaint') {
    // Complaints are filed in writing, paper or electronic (APPC Art. 93).
    if (input.form === 'oral' || input.form === 'video') errors.push({ path: '/form', code: 'form.complaintInWriting' });
    if (input.complainedOrganizationId === undefined && !input.complainedOrganizationName?.trim()) {
      errors.push({ path: '/complainedOrganizationId', code: 'complaint.organizationRequired' });
    }
  }
  if (!input.summary.trim()) errors.push({ path: '/summary', code: 'required' });

  const list = input.applicants ?? (input.applicant ? [input.applicant] : []);
  const prefix = input.applicants ? '/applicants' : '/applicant';
  const cards = list.map((a, i) => applicantCard(a, input.applicants ? `${prefix}/${i}` : prefix, registrationDate, errors));

  if (errors.length > 0) return { ok: false, errors };
  const applicantKind: ApplicantKind = input.anonymous ? 'anonymous' : input.applicants ? 'collective' : cards[0]!.kind;
  return { ok: true, applicantKind, applicants: cards };
}

function applicantCard(a: ApplicantInput, path: string, on: IsoDate, errors: FieldError[]): ApplicantCard {
  const base = {
    address: a.address ?? {},
    postalAddress: a.postalAddress ?? null,
    phone: a.phone ? normalizePhone(a.phone) : null,
    phoneOther: a.phoneOther ?? null,
    email: a.email?.toLowerCase() ?? null,
    inInterestOf: a.inInterestOf ?? null,
  };
  if (a.kind === 'legalEntity') {
    const bin = parseBin(a.bin);
    if (!bin.ok) errors.push({ path: `${path}/bin`, code: `bin.${bin.reason}` });
    const rep = a.representative;
    if (rep?.iin !== undefined && !parseIin(rep.iin).ok) {
      errors.push({ path: `${path}/representative/iin`, code: 'iin.invalid' });
    }
    return {
      ...base,
      kind: 'legalEntity',
      citizenship: null,
      iin: rep?.iin ?? null,
      lastName: rep?.lastName ?? null,
      firstName: rep?.firstName ?? null,
      middleName: rep?.middleName ?? null,
      birthDate: null,
      sex: null,
      nationality: null,
      age: null,
      socialStatus: null,
      occupation: null,
      bin: a.bin,
      legalName: a.name.trim(),
      legalAddress: formatAddress(a.address) ?? a.postalAddress ?? null,
      businessCategory: a.businessCategory ?? null,
    };
  }
  let birthDate = a.birthDate ?? null;
  let sex = a.sex ?? null;
  if (a.iin !== undefined) {
    const iin = parseIin(a.iin);
    if (!iin.ok) {
      errors.push({ path: `${path}/iin`, code: `iin.${iin.reason}` });
    } else {
      // The IIN carries the birth date and sex; a different typed value is a typing error.
      if (birthDate !== null && birthDate !== iin.birthDate) {
        errors.push({ path: `${path}/birthDate`, code: 'birthDate.differsFromIin', params: { iin: iin.birthDate } });
      }
      if (sex !== null && sex !== iin.sex) errors.push({ path: `${path}/sex`, code: 'sex.differsFromIin' });
      birthDate = iin.birthDate;
      sex = iin.sex;
    }
  }
  if (birthDate !== null && birthDate > on) errors.push({ path: `${path}/birthDate`, code: 'birthDate.inFuture' });
  return {
    ...base,
    kind: 'individual',
    citizenship: a.citizenship ?? (a.iin ? 'KZ' : null),
    iin: a.iin ?? null,
    lastName: a.lastName.trim(),
    firstName: a.firstName.trim(),
    middleName: a.middleName?.trim() || null,
    birthDate,
    sex,
    nationality: a.nationality ?? null,
    age: birthDate !== null && birthDate <= on ? ageOn(birthDate, on) : null,
    socialStatus: a.socialStatus ?? null,
    occupation: a.occupation ?? null,
    bin: null,
    legalName: null,
    legalAddress: null,
    businessCategory: null,
  };
}

/** The name shown in lists and on the talon: "Surname F. M." or the legal entity's name. */
export function applicantDisplayName(cards: Pick<ApplicantCard, 'kind' | 'lastName' | 'firstName' | 'middleName' | 'legalName'>[]): string | null {
  const first = cards[0];
  if (!first) return null;
  const name = first.kind === 'legalEntity' ? first.legalName! : [first.lastName, first.firstName, first.middleName].filter(Boolean).join(' ');
  return cards.length > 1 ? `${name} +${cards.length - 1}` : name;
}

/** "Surname N.P." of a full name written surname first ("Сүлейменова Гүлнұр Әбдіқадірқызы" →
 *  "Сүлейменова Г.Ә."): how the talon names the employee who accepted an appeal (rules p.8,
 *  Annex 3: "фамилия, инициалы"). A hyphenated name gives both initials ("Анна-Мария" → "А.-М."). */
export function surnameWithInitials(fullName: string): string {
  const [surname, ...names] = fullName.trim().split(/\s+/);
  const initials = names
    .map((n) =>
      n
        .split('-')
        .map((part) => `${[...part][0]!.toUpperCase()}.`)
        .join('-'),
    )
    .join('');
  return initials ? `${surname} ${initials}` : (surname ?? '');
}

export function formatAddress(a: Address | undefined): string | null {
  if (!a) return null;
  const parts = [a.region, a.district, a.settlement, a.street, a.house && `${a.house}`, a.flat && `${a.flat}`];
  const s = parts.filter(Boolean).join(', ');
  return s || null;
}

/** Kazakhstan mobile numbers in one form, +7XXXXXXXXXX, so name + phone matches across cards. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return `+7${digits.slice(1)}`;
  if (digits.length === 10) return `+7${digits}`;
  return phone.trim();
}
