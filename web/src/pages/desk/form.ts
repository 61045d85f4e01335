// The desk form's state and what is computed from it, without React: the shapes of ТЖ-1 and АИ-1
// as typed, their empty values, the registration body sent to the API (POST /appeals), the
// checks run as the form is typed (IIN/BIN check digits with the server's own rules,
// src/domain/identifiers.ts) and whether the applicant is recognisable for the duplicate check.
import { parseBin, parseIin } from '../../../../src/domain/identifiers.ts';
import { zonedInstant } from '../../../../src/domain/calendar.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { paths } from '../../api/schema';

type RegistrationBody = paths['/api/v1/appeals']['post']['requestBody']['content']['application/json'];
export type Registered = paths['/api/v1/appeals']['post']['responses']['201']['content']['application/json'];
export type Candidate = NonNullable<paths['/api/v1/appeals/duplicate-check']['post']['responses']['200']['content']['application/json']['items']>[number];

export const ADDRESS = ['region', 'district', 'settlement', 'street', 'house', 'flat'] as const;
type AddressKey = (typeof ADDRESS)[number];

export interface Person {
  iin: string;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  sex: string;
  citizenship: string;
  nationality: string;
  region: string;
  district: string;
  settlement: string;
  street: string;
  house: string;
  flat: string;
  postalAddress: string;
  phone: string;
  phoneOther: string;
  email: string;
  socialStatus: string;
  occupation: string;
  inInterestOf: string;
}

export interface Entity {
  bin: string;
  name: string;
  region: string;
  district: string;
  settlement: string;
  street: string;
  house: string;
  flat: string;
  postalAddress: string;
  phone: string;
  email: string;
  businessCategory: string;
  repLastName: string;
  repFirstName: string;
  repMiddleName: string;
  repIin: string;
}

export type Kind = 'individual' | 'legalEntity' | 'anonymous' | 'collective';

/** A member of a collective appeal: an individual or a legal entity (the API takes either). */
export interface Member {
  kind: 'individual' | 'legalEntity';
  person: Person;
  entity: Entity;
}

export interface DeskForm {
  documentType: string;
  subKind: string;
  addresseeCategory: string;
  form: string;
  channel: string;
  language: string;
  issueCategory: string;
  receivedAt: string;
  summary: string;
  text: string;
  protocolText: string;
  kind: Kind;
  person: Person;
  entity: Entity;
  members: Member[];
  securityInfo: boolean;
  complainedOrganizationId: string | null;
  complainedOrganizationName: string;
  complainedOfficial: string;
  complainedAct: string;
  challengedAppealId: string | null;
}

const emptyPerson = (): Person => ({
  iin: '',
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  sex: '',
  citizenship: '',
  nationality: '',
  region: '',
  district: '',
  settlement: '',
  street: '',
  house: '',
  flat: '',
  postalAddress: '',
  phone: '',
  phoneOther: '',
  email: '',
  socialStatus: '',
  occupation: '',
  inInterestOf: '',
});

const emptyEntity = (): Entity => ({
  bin: '',
  name: '',
  region: '',
  district: '',
  settlement: '',
  street: '',
  house: '',
  flat: '',
  postalAddress: '',
  phone: '',
  email: '',
  businessCategory: '',
  repLastName: '',
  repFirstName: '',
  repMiddleName: '',
  repIin: '',
});

export const emptyMember = (): Member => ({ kind: 'individual', person: emptyPerson(), entity: emptyEntity() });

/** The form and channel a desk starts with follow the role (issue 10, item 10): the registrar's
 *  post, the reception's oral appeal at a personal reception, the operator's oral appeal to the
 *  contact centre. A registrar's own desk wins when a user has several of these roles. */
export function deskDefaults(roles: readonly string[] | undefined): Pick<DeskForm, 'form' | 'channel'> {
  const has = (r: string) => roles?.includes(r) ?? false;
  if (!has('registrar') && has('reception')) return { form: 'oral', channel: 'personalReception' };
  if (!has('registrar') && has('operator')) return { form: 'oral', channel: 'contactCentre' };
  return { form: 'paper', channel: 'post' };
}

export const emptyForm = (): DeskForm => ({
  documentType: 'application',
  subKind: '',
  addresseeCategory: '',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  issueCategory: '',
  receivedAt: '',
  summary: '',
  text: '',
  protocolText: '',
  kind: 'individual',
  person: emptyPerson(),
  entity: emptyEntity(),
  members: [emptyMember(), emptyMember()],
  securityInfo: false,
  complainedOrganizationId: null,
  complainedOrganizationName: '',
  complainedOfficial: '',
  complainedAct: '',
  challengedAppealId: null,
});

const PHONE = /^[+0-9 ()-]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function addressOf(x: Pick<Person, AddressKey>) {
  const a: Record<string, string> = {};
  for (const k of ADDRESS) if (x[k].trim()) a[k] = x[k].trim();
  return Object.keys(a).length ? { country: 'KZ', ...a } : undefined;
}

function personBody(p: Person) {
  return {
    kind: 'individual' as const,
    iin: opt(p.iin),
    lastName: p.lastName.trim(),
    firstName: p.firstName.trim(),
    middleName: opt(p.middleName),
    birthDate: opt(p.birthDate),
    sex: opt(p.sex) as 'male' | 'female' | undefined,
    citizenship: opt(p.citizenship),
    nationality: opt(p.nationality),
    address: addressOf(p),
    postalAddress: opt(p.postalAddress),
    phone: opt(p.phone),
    phoneOther: opt(p.phoneOther),
    email: opt(p.email),
    socialStatus: opt(p.socialStatus),
    occupation: opt(p.occupation),
    inInterestOf: opt(p.inInterestOf),
  };
}

function entityBody(e: Entity) {
  const rep = e.repLastName.trim() && e.repFirstName.trim() ? { lastName: e.repLastName.trim(), firstName: e.repFirstName.trim(), middleName: opt(e.repMiddleName), iin: opt(e.repIin) } : undefined;
  return {
    kind: 'legalEntity' as const,
    bin: e.bin.trim(),
    name: e.name.trim(),
    address: addressOf(e),
    postalAddress: opt(e.postalAddress),
    phone: opt(e.phone),
    email: opt(e.email),
    businessCategory: opt(e.businessCategory),
    representative: rep,
  };
}

/** The instant of a receipt time typed as the organization's local time (datetime-local). */
function receivedInstant(local: string, timeZone: string): string | undefined {
  const [date, time] = local.split('T');
  return date && time ? zonedInstant(date, time, timeZone).toISOString() : undefined;
}

export function toBody(f: DeskForm, timeZone: string): RegistrationBody {
  const strip = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o));
  const complaint = f.documentType === 'complaint';
  return strip({
    documentType: f.documentType as RegistrationBody['documentType'],
    subKind: opt(f.subKind),
    addresseeCategory: opt(f.addresseeCategory),
    form: f.form as RegistrationBody['form'],
    channel: f.channel as RegistrationBody['channel'],
    language: f.language,
    receivedAt: receivedInstant(f.receivedAt, timeZone),
    summary: f.summary.trim(),
    text: opt(f.text),
    protocolText: f.form === 'oral' ? opt(f.protocolText) : undefined,
    issueCategory: opt(f.issueCategory),
    ...(f.kind === 'individual' ? { applicant: personBody(f.person) } : {}),
    ...(f.kind === 'legalEntity' ? { applicant: entityBody(f.entity) } : {}),
    ...(f.kind === 'collective' ? { applicants: f.members.map((m) => (m.kind === 'individual' ? personBody(m.person) : entityBody(m.entity))) } : {}),
    ...(f.kind === 'anonymous' ? { anonymous: true, securityInfo: f.securityInfo || undefined } : {}),
    ...(complaint
      ? {
          complainedOrganizationId: f.complainedOrganizationId ? Number(f.complainedOrganizationId) : undefined,
          complainedOrganizationName: opt(f.complainedOrganizationName),
          complainedOfficial: opt(f.complainedOfficial),
          complainedAct: opt(f.complainedAct),
          challengedAppealId: f.challengedAppealId ?? undefined,
        }
      : {}),
  }) as RegistrationBody;
}

/** The errors of the form as it stands, by the API path they would have; `now`: those shown at once
 *  (a complete IIN or BIN that fails its checks), the rest once the field was left or on saving. */
export function validate(f: DeskForm, t: Translate): { errors: Record<string, string>; now: Set<string> } {
  const e: Record<string, string> = {};
  const now = new Set<string>();
  const required = t('required');
  if (!f.summary.trim()) e['/summary'] = required;
  if (f.form === 'oral' && !f.protocolText.trim()) e['/protocolText'] = required;
  if (f.documentType === 'complaint') {
    if (f.form === 'oral' || f.form === 'video') e['/form'] = t('desk.complaintInWriting');
    if (!f.complainedOrganizationId && !f.complainedOrganizationName.trim()) e['/complainedOrganizationId'] = required;
  }
  const iin = (value: string, path: string) => {
    if (!value.trim()) return;
    const r = parseIin(value);
    if (r.ok) return;
    e[path] = t(`iin.${r.reason}` as MessageKey);
    if (value.length === 12) now.add(path);
  };
  const person = (p: Person, path: string) => {
    if (!p.lastName.trim()) e[`${path}/lastName`] = required;
    if (!p.firstName.trim()) e[`${path}/firstName`] = required;
    iin(p.iin, `${path}/iin`);
    if (p.phone.trim() && !PHONE.test(p.phone.trim())) e[`${path}/phone`] = t('phoneFormat');
    if (p.email.trim() && !EMAIL.test(p.email.trim())) e[`${path}/email`] = t('emailFormat');
  };
  const entity = (x: Entity, path: string) => {
    const b = x.bin.trim();
    if (!b) e[`${path}/bin`] = required;
    else {
      const r = parseBin(b);
      if (!r.ok) {
        e[`${path}/bin`] = t(`bin.${r.reason}` as MessageKey);
        if (b.length === 12) now.add(`${path}/bin`);
      }
    }
    if (!x.name.trim()) e[`${path}/name`] = required;
    iin(x.repIin, `${path}/representative/iin`);
    if (x.phone.trim() && !PHONE.test(x.phone.trim())) e[`${path}/phone`] = t('phoneFormat');
    if (x.email.trim() && !EMAIL.test(x.email.trim())) e[`${path}/email`] = t('emailFormat');
  };
  if (f.kind === 'individual') person(f.person, '/applicant');
  if (f.kind === 'legalEntity') entity(f.entity, '/applicant');
  if (f.kind === 'collective') f.members.forEach((m, i) => (m.kind === 'individual' ? person(m.person, `/applicants/${i}`) : entity(m.entity, `/applicants/${i}`)));
  return { errors: e, now };
}

/** Whether the applicant can be recognised for the duplicate check (IIN/BIN, or name and phone). */
export function identifiable(f: DeskForm): boolean {
  const p = (x: Person) => parseIin(x.iin).ok || (x.lastName.trim() && x.firstName.trim() && PHONE.test(x.phone.trim()));
  const e = (x: Entity) => parseBin(x.bin).ok && !!x.name.trim();
  if (f.kind === 'individual') return !!p(f.person);
  if (f.kind === 'collective') return f.members.some((m) => (m.kind === 'individual' ? p(m.person) : e(m.entity)));
  if (f.kind === 'legalEntity') return e(f.entity);
  return false;
}

/** Change a member of a collective appeal. */
export const withMember = (x: DeskForm, index: number, change: (m: Member) => Member): DeskForm => ({ ...x, members: x.members.map((m, i) => (i === index ? change(m) : m)) });

/** What a form field gets for its API path: the path (to focus it), leaving it, and its error. */
export type FieldProps = (path: string) => { 'data-path': string; onBlur: () => void; error: string | undefined };

/** A select's options with an empty choice first. */
export const withEmpty = (o: { value: string; label: string }[]) => [{ value: '', label: '—' }, ...o];

/** Setting one field of the form (the desk also resets what depends on it). */
export type SetField = <K extends keyof DeskForm>(k: K, v: DeskForm[K]) => void;
