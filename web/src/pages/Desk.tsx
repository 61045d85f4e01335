// The registrar's desk: one keyboard-first form for every document type, form, channel and kind of
// applicant (ТЖ-1 and АИ-1), checked as it is typed (IIN/BIN check digits with the server's own
// rules, src/domain/identifiers.ts), the IIN/BIN looked up in the registry, duplicates shown while
// typing; on save the talon opens ready to print. A collective appeal gathers individuals and legal
// entities; the special-law sub-kinds that change the term come from the server (GET /terms);
// the receipt time typed is the organization's local time.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Kbd,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { parseBin, parseIin } from '../../../src/domain/identifiers.ts';
import { zonedInstant } from '../../../src/domain/calendar.ts';
import { api, ApiError, unwrap, type FieldProblem } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useDirectory } from '../api/directories.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { AppealPicker, OrganizationPicker } from '../components/pickers.tsx';
import { useSession } from '../session.tsx';
import type { paths } from '../api/schema';
import { Dialog } from '../components/Dialog.tsx';

type RegistrationBody = paths['/api/v1/appeals']['post']['requestBody']['content']['application/json'];
type Registered = paths['/api/v1/appeals']['post']['responses']['201']['content']['application/json'];
type Candidate = NonNullable<paths['/api/v1/appeals/duplicate-check']['post']['responses']['200']['content']['application/json']['items']>[number];

const ADDRESS = ['region', 'district', 'settlement', 'street', 'house', 'flat'] as const;
type AddressKey = (typeof ADDRESS)[number];

interface Person {
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

interface Entity {
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

type Kind = 'individual' | 'legalEntity' | 'anonymous' | 'collective';

/** A member of a collective appeal: an individual or a legal entity (the API takes either). */
interface Member {
  kind: 'individual' | 'legalEntity';
  person: Person;
  entity: Entity;
}

interface DeskForm {
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

const emptyMember = (): Member => ({ kind: 'individual', person: emptyPerson(), entity: emptyEntity() });

const emptyForm = (): DeskForm => ({
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
    sex: (opt(p.sex) as 'male' | 'female' | undefined),
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
  const rep = e.repLastName.trim() && e.repFirstName.trim()
    ? { lastName: e.repLastName.trim(), firstName: e.repFirstName.trim(), middleName: opt(e.repMiddleName), iin: opt(e.repIin) }
    : undefined;
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

function toBody(f: DeskForm, timeZone: string): RegistrationBody {
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
function validate(f: DeskForm, t: Translate): { errors: Record<string, string>; now: Set<string> } {
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
function identifiable(f: DeskForm): boolean {
  const p = (x: Person) => parseIin(x.iin).ok || (x.lastName.trim() && x.firstName.trim() && PHONE.test(x.phone.trim()));
  const e = (x: Entity) => parseBin(x.bin).ok && !!x.name.trim();
  if (f.kind === 'individual') return !!p(f.person);
  if (f.kind === 'collective') return f.members.some((m) => (m.kind === 'individual' ? p(m.person) : e(m.entity)));
  if (f.kind === 'legalEntity') return e(f.entity);
  return false;
}

export default function Desk() {
  const { t, timeZone } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [f, setF] = useState<DeskForm>(emptyForm);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [lookupNote, setLookupNote] = useState<Record<string, 'found' | 'notFound' | undefined>>({});
  const firstField = useRef<HTMLSelectElement>(null);
  const documentTypes = useDirectory('documentType');
  const forms = useDirectory('form');
  const channels = useDirectory('channel');
  const languages = useDirectory('language');
  const categories = useDirectory('issueCategory');
  const sexes = useDirectory('sex');
  const citizenships = useDirectory('citizenship');
  const nationalities = useDirectory('nationality');
  const statuses = useDirectory('socialStatus');
  const businessCategories = useDirectory('businessCategory');
  const addresseeCategories = useDirectory('addresseeCategory');
  const termRules = useLoad(() => unwrap(api.GET('/api/v1/terms')), []);

  useEffect(() => {
    document.title = `${t('desk.title')} — ${t('appName')}`;
  }, [t]);
  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const { errors, now: showNow } = useMemo(() => validate(f, t), [f, t]);
  const errorOf = (path: string) => {
    const server = serverErrors.find((s) => s.path === path)?.message;
    if (server) return server;
    return submitted || touched.has(path) || showNow.has(path) ? errors[path] : undefined;
  };
  const touch = (path: string) => () => setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
  const set = <K extends keyof DeskForm>(k: K, v: DeskForm[K]) => {
    setF((x) => {
      const next = { ...x, [k]: v };
      // a complaint is usually filed with the body complained about: this organization by default
      if (k === 'documentType' && v === 'complaint' && !x.complainedOrganizationId && !x.complainedOrganizationName && user?.organization?.id) {
        next.complainedOrganizationId = String(user.organization.id);
      }
      if (k === 'documentType') next.subKind = ''; // the sub-kinds are the document type's own
      return next;
    });
    setServerErrors((s) => s.filter((e) => !e.path.startsWith(`/${String(k)}`)));
  };
  // The applicant (index null) or a member of a collective appeal.
  const withMember = (x: DeskForm, index: number, change: (m: Member) => Member): DeskForm => ({ ...x, members: x.members.map((m, i) => (i === index ? change(m) : m)) });
  const setPerson = (index: number | null, k: keyof Person, v: string) => {
    setF((x) => (index === null ? { ...x, person: { ...x.person, [k]: v } } : withMember(x, index, (m) => ({ ...m, person: { ...m.person, [k]: v } }))));
    setServerErrors([]);
  };
  const setEntity = (index: number | null, k: keyof Entity, v: string) => {
    setF((x) => (index === null ? { ...x, entity: { ...x.entity, [k]: v } } : withMember(x, index, (m) => ({ ...m, entity: { ...m.entity, [k]: v } }))));
    setServerErrors([]);
  };

  // IIN and BIN lookups: once the number is valid, the registry fills the АИ-1 fields.
  const lookupPerson = async (index: number | null, iin: string) => {
    const key = index === null ? 'person' : `people/${index}`;
    try {
      const r = await unwrap(api.GET('/api/v1/registry/persons/{iin}', { params: { path: { iin } } }));
      setF((x) => {
        const cur = index === null ? x.person : x.members[index]!.person;
        if (cur.iin !== iin) return x;
        const filled: Person = {
          ...cur,
          lastName: r.lastName ?? cur.lastName,
          firstName: r.firstName ?? cur.firstName,
          middleName: r.middleName ?? cur.middleName,
          birthDate: r.birthDate ?? cur.birthDate,
          sex: r.sex ?? cur.sex,
          citizenship: r.citizenship ?? cur.citizenship,
          nationality: r.nationality ?? cur.nationality,
          region: r.address?.region ?? cur.region,
          district: r.address?.district ?? cur.district,
          settlement: r.address?.settlement ?? cur.settlement,
          street: r.address?.street ?? cur.street,
          house: r.address?.house ?? cur.house,
          flat: r.address?.flat ?? cur.flat,
          phone: r.phone ?? cur.phone,
          phoneOther: r.phoneOther ?? cur.phoneOther,
          email: r.email ?? cur.email,
          socialStatus: r.socialStatus ?? cur.socialStatus,
          occupation: r.occupation ?? cur.occupation,
        };
        return index === null ? { ...x, person: filled } : withMember(x, index, (m) => ({ ...m, person: filled }));
      });
      setLookupNote((n) => ({ ...n, [key]: 'found' }));
    } catch {
      const parsed = parseIin(iin);
      if (parsed.ok) {
        setF((x) => {
          const cur = index === null ? x.person : x.members[index]!.person;
          const filled = { ...cur, birthDate: cur.birthDate || parsed.birthDate, sex: cur.sex || parsed.sex };
          return index === null ? { ...x, person: filled } : withMember(x, index, (m) => ({ ...m, person: filled }));
        });
      }
      setLookupNote((n) => ({ ...n, [key]: 'notFound' }));
    }
  };
  const lookupCompany = async (index: number | null, bin: string) => {
    const key = index === null ? 'entity' : `entities/${index}`;
    try {
      const r = await unwrap(api.GET('/api/v1/registry/companies/{bin}', { params: { path: { bin } } }));
      setF((x) => {
        const cur = index === null ? x.entity : x.members[index]!.entity;
        if (cur.bin !== bin) return x;
        const filled: Entity = {
          ...cur,
          name: r.name ?? cur.name,
          region: r.address?.region ?? cur.region,
          district: r.address?.district ?? cur.district,
          settlement: r.address?.settlement ?? cur.settlement,
          street: r.address?.street ?? cur.street,
          house: r.address?.house ?? cur.house,
          flat: r.address?.flat ?? cur.flat,
          phone: r.phone ?? cur.phone,
          email: r.email ?? cur.email,
          businessCategory: r.businessCategory ?? cur.businessCategory,
        };
        return index === null ? { ...x, entity: filled } : withMember(x, index, (m) => ({ ...m, entity: filled }));
      });
      setLookupNote((n) => ({ ...n, [key]: 'found' }));
    } catch {
      setLookupNote((n) => ({ ...n, [key]: 'notFound' }));
    }
  };
  const onIin = (index: number | null, value: string) => {
    const v = value.replace(/\D/g, '').slice(0, 12);
    setPerson(index, 'iin', v);
    const key = index === null ? 'person' : `people/${index}`;
    setLookupNote((n) => ({ ...n, [key]: undefined }));
    if (v.length === 12 && parseIin(v).ok) void lookupPerson(index, v);
  };
  const onBin = (index: number | null, value: string) => {
    const v = value.replace(/\D/g, '').slice(0, 12);
    setEntity(index, 'bin', v);
    setLookupNote((n) => ({ ...n, [index === null ? 'entity' : `entities/${index}`]: undefined }));
    if (v.length === 12 && parseBin(v).ok) void lookupCompany(index, v);
  };

  // The duplicate panel: asked again a moment after the applicant or the text changes.
  const dupKey = JSON.stringify([f.kind, f.person, f.entity, f.members, f.summary, f.text, f.documentType]);
  const [debouncedKey] = useDebouncedValue(dupKey, 600);
  const [dups, setDups] = useState<{ state: 'idle' | 'checking' | 'done'; items: Candidate[] }>({ state: 'idle', items: [] });
  useEffect(() => {
    if (!identifiable(f) || (!f.summary.trim() && !f.text.trim())) {
      setDups({ state: 'idle', items: [] });
      return;
    }
    let live = true;
    setDups((d) => ({ ...d, state: 'checking' }));
    const body = toBody({ ...f, summary: f.summary.trim() || f.text.trim().slice(0, 200), form: f.form === 'oral' && !f.protocolText.trim() ? 'paper' : f.form }, timeZone);
    api
      .POST('/api/v1/appeals/duplicate-check', { body })
      .then(({ data, response }) => live && setDups({ state: 'done', items: response.ok ? (data?.items ?? []) : [] }))
      .catch(() => live && setDups({ state: 'done', items: [] }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedKey]);

  const submit = async () => {
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(errors).length > 0) {
      setFormError(t('desk.fixErrors'));
      const first = Object.keys(errors)[0]!;
      document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await unwrap(api.POST('/api/v1/appeals', { body: toBody(f, timeZone) }));
      setRegistered(r);
    } catch (err) {
      if (err instanceof ApiError) {
        setServerErrors(err.fields);
        setFormError(err.message);
        const first = err.fields[0]?.path;
        if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      } else setFormError(t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setRegistered(null);
    setF((x) => ({ ...emptyForm(), documentType: x.documentType, form: x.form, channel: x.channel, language: x.language }));
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors([]);
    setLookupNote({});
    setTimeout(() => firstField.current?.focus(), 50);
  };

  // The document type's general term first, then its special-law sub-kinds, each with its term.
  const termText = (term: { unit: string; count: number }) => t(`term.${term.unit}` as MessageKey, { n: term.count });
  const subKinds = (termRules.data?.items ?? [])
    .filter((r) => r.documentType === f.documentType)
    .map((r) => ({ value: r.subKind ?? '', label: `${r.label} — ${termText(r.term)}` }));
  if (subKinds.length === 0) subKinds.push({ value: '', label: '—' });

  const field = (path: string) => ({ 'data-path': path, onBlur: touch(path), error: errorOf(path) });
  const withEmpty = (o: { value: string; label: string }[]) => [{ value: '', label: '—' }, ...o];

  const personFields = (p: Person, index: number | null) => {
    const base = index === null ? '/applicant' : `/applicants/${index}`;
    const key = index === null ? 'person' : `people/${index}`;
    const idp = index === null ? 'p' : `p${index}`;
    return (
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            id={`${idp}-iin`}
            label={t('iin')}
            value={p.iin}
            onChange={(e) => onIin(index, e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            w={200}
            {...field(`${base}/iin`)}
          />
          <Text size="sm" mt={30} aria-live="polite" c={lookupNote[key] === 'found' ? '#1d6b34' : 'gray.8'} data-testid={`lookup-${key}`}>
            {lookupNote[key] === 'found' ? `✓ ${t('lookupFound')}` : lookupNote[key] === 'notFound' ? t('lookupNotFound') : ''}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput id={`${idp}-last`} label={t('lastName')} required value={p.lastName} onChange={(e) => setPerson(index, 'lastName', e.currentTarget.value)} {...field(`${base}/lastName`)} />
          <TextInput id={`${idp}-first`} label={t('firstName')} required value={p.firstName} onChange={(e) => setPerson(index, 'firstName', e.currentTarget.value)} {...field(`${base}/firstName`)} />
          <TextInput id={`${idp}-middle`} label={t('middleName')} value={p.middleName} onChange={(e) => setPerson(index, 'middleName', e.currentTarget.value)} {...field(`${base}/middleName`)} />
          <TextInput id={`${idp}-birth`} label={t('birthDate')} type="date" value={p.birthDate} onChange={(e) => setPerson(index, 'birthDate', e.currentTarget.value)} {...field(`${base}/birthDate`)} />
          <NativeSelect id={`${idp}-sex`} label={t('sex')} value={p.sex} onChange={(e) => setPerson(index, 'sex', e.currentTarget.value)} data={withEmpty(sexes.options)} {...field(`${base}/sex`)} />
          <NativeSelect id={`${idp}-cit`} label={t('citizenship')} value={p.citizenship} onChange={(e) => setPerson(index, 'citizenship', e.currentTarget.value)} data={withEmpty(citizenships.options)} {...field(`${base}/citizenship`)} />
          <TextInput id={`${idp}-phone`} label={t('phone')} type="tel" value={p.phone} onChange={(e) => setPerson(index, 'phone', e.currentTarget.value)} {...field(`${base}/phone`)} />
          <TextInput id={`${idp}-phone2`} label={t('phoneOther')} type="tel" value={p.phoneOther} onChange={(e) => setPerson(index, 'phoneOther', e.currentTarget.value)} {...field(`${base}/phoneOther`)} />
          <TextInput id={`${idp}-email`} label={t('email')} type="email" value={p.email} onChange={(e) => setPerson(index, 'email', e.currentTarget.value)} {...field(`${base}/email`)} />
        </SimpleGrid>
        <Fieldset legend={t('address')} variant="unstyled">
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {ADDRESS.map((k) => (
              <TextInput key={k} id={`${idp}-${k}`} label={t(k)} value={p[k]} onChange={(e) => setPerson(index, k, e.currentTarget.value)} {...field(`${base}/address/${k}`)} />
            ))}
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput id={`${idp}-postal`} label={t('postalAddress')} value={p.postalAddress} onChange={(e) => setPerson(index, 'postalAddress', e.currentTarget.value)} {...field(`${base}/postalAddress`)} />
          <NativeSelect id={`${idp}-nat`} label={t('nationality')} value={p.nationality} onChange={(e) => setPerson(index, 'nationality', e.currentTarget.value)} data={withEmpty(nationalities.options)} />
          <NativeSelect id={`${idp}-soc`} label={t('socialStatus')} value={p.socialStatus} onChange={(e) => setPerson(index, 'socialStatus', e.currentTarget.value)} data={withEmpty(statuses.options)} />
          <TextInput id={`${idp}-occ`} label={t('occupation')} value={p.occupation} onChange={(e) => setPerson(index, 'occupation', e.currentTarget.value)} />
          <TextInput id={`${idp}-interest`} label={t('inInterestOf')} value={p.inInterestOf} onChange={(e) => setPerson(index, 'inInterestOf', e.currentTarget.value)} />
        </SimpleGrid>
      </Stack>
    );
  };

  const entityFields = (x: Entity, index: number | null) => {
    const base = index === null ? '/applicant' : `/applicants/${index}`;
    const key = index === null ? 'entity' : `entities/${index}`;
    const idp = index === null ? 'e' : `e${index}`;
    const set = (k: keyof Entity) => (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setEntity(index, k, ev.currentTarget.value);
    return (
      <Stack gap="sm">
        <Group align="flex-start" gap="sm">
          <TextInput id={`${idp}-bin`} label={t('bin')} required value={x.bin} onChange={(ev) => onBin(index, ev.currentTarget.value)} inputMode="numeric" autoComplete="off" maxLength={12} w={200} {...field(`${base}/bin`)} />
          <Text size="sm" mt={30} aria-live="polite" c={lookupNote[key] === 'found' ? '#1d6b34' : 'gray.8'} data-testid={`lookup-${key}`}>
            {lookupNote[key] === 'found' ? `✓ ${t('lookupFound')}` : lookupNote[key] === 'notFound' ? t('lookupNotFound') : ''}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput id={`${idp}-name`} label={t('legalName')} required value={x.name} onChange={set('name')} {...field(`${base}/name`)} />
          <NativeSelect id={`${idp}-bcat`} label={t('businessCategory')} value={x.businessCategory} onChange={set('businessCategory')} data={withEmpty(businessCategories.options)} />
          <TextInput id={`${idp}-phone`} label={t('phone')} type="tel" value={x.phone} onChange={set('phone')} {...field(`${base}/phone`)} />
          <TextInput id={`${idp}-email`} label={t('email')} type="email" value={x.email} onChange={set('email')} {...field(`${base}/email`)} />
          <TextInput id={`${idp}-postal`} label={t('postalAddress')} value={x.postalAddress} onChange={set('postalAddress')} />
        </SimpleGrid>
        <Fieldset legend={t('address')} variant="unstyled">
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {ADDRESS.map((k) => (
              <TextInput key={k} id={`${idp}-${k}`} label={t(k)} value={x[k]} onChange={set(k)} />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('representative')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <TextInput id={`${idp}-rep-last`} label={t('lastName')} value={x.repLastName} onChange={set('repLastName')} />
            <TextInput id={`${idp}-rep-first`} label={t('firstName')} value={x.repFirstName} onChange={set('repFirstName')} />
            <TextInput id={`${idp}-rep-middle`} label={t('middleName')} value={x.repMiddleName} onChange={set('repMiddleName')} />
            <TextInput id={`${idp}-rep-iin`} label={t('iin')} value={x.repIin} inputMode="numeric" maxLength={12} onChange={(ev) => setEntity(index, 'repIin', ev.currentTarget.value.replace(/\D/g, ''))} {...field(`${base}/representative/iin`)} />
          </SimpleGrid>
        </Fieldset>
      </Stack>
    );
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void submit();
          }}
          onKeyDown={(ev) => {
            if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
              ev.preventDefault();
              void submit();
            }
          }}
          aria-labelledby="desk-title"
        >
          <Stack gap="md">
            <Group justify="space-between" align="baseline">
              <Title order={1} id="desk-title" size="h2">{t('desk.title')}</Title>
              <Text size="sm" c="gray.8">
                <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> — {t('desk.register')}
              </Text>
            </Group>
            <Paper withBorder p="md">
              <Fieldset legend={t('desk.appeal')} variant="unstyled">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                  <NativeSelect ref={firstField} id="documentType" label={t('documentType')} value={f.documentType} onChange={(ev) => set('documentType', ev.currentTarget.value)} data={documentTypes.options.length ? documentTypes.options : [{ value: f.documentType, label: '…' }]} {...field('/documentType')} />
                  <NativeSelect id="form" label={t('form')} value={f.form} onChange={(ev) => set('form', ev.currentTarget.value)} data={forms.options.length ? forms.options : [{ value: f.form, label: '…' }]} {...field('/form')} />
                  <NativeSelect id="channel" label={t('channel')} value={f.channel} onChange={(ev) => set('channel', ev.currentTarget.value)} data={channels.options.length ? channels.options : [{ value: f.channel, label: '…' }]} {...field('/channel')} />
                  <NativeSelect id="language" label={t('appealLanguage')} value={f.language} onChange={(ev) => set('language', ev.currentTarget.value)} data={languages.options.length ? languages.options : [{ value: f.language, label: '…' }]} {...field('/language')} />
                  <NativeSelect id="issueCategory" label={t('issueCategory')} value={f.issueCategory} onChange={(ev) => set('issueCategory', ev.currentTarget.value)} data={withEmpty(categories.options)} {...field('/issueCategory')} />
                  <TextInput id="receivedAt" label={t('receivedAt')} description={t('receivedAtHint', { zone: timeZone })} type="datetime-local" value={f.receivedAt} onChange={(ev) => set('receivedAt', ev.currentTarget.value)} {...field('/receivedAt')} />
                  <NativeSelect id="subKind" label={t('subKind')} value={f.subKind} onChange={(ev) => set('subKind', ev.currentTarget.value)} data={subKinds} disabled={subKinds.length < 2} {...field('/subKind')} />
                  <NativeSelect id="addresseeCategory" label={t('addresseeCategory')} value={f.addresseeCategory} onChange={(ev) => set('addresseeCategory', ev.currentTarget.value)} data={withEmpty(addresseeCategories.options)} {...field('/addresseeCategory')} />
                </SimpleGrid>
              </Fieldset>
            </Paper>

            <Paper withBorder p="md">
              <Fieldset legend={t('desk.applicant')} variant="unstyled">
                <Stack gap="sm">
                  <SegmentedControl
                    aria-label={t('applicantKind')}
                    value={f.kind}
                    onChange={(v) => set('kind', v as Kind)}
                    data={(['individual', 'legalEntity', 'anonymous', 'collective'] as const).map((k) => ({ value: k, label: t(`applicantKind.${k}`) }))}
                    fullWidth
                  />
                  {f.kind === 'individual' && personFields(f.person, null)}
                  {f.kind === 'legalEntity' && entityFields(f.entity, null)}
                  {f.kind === 'anonymous' && (
                    <Checkbox id="securityInfo" label={t('securityInfo')} checked={f.securityInfo} onChange={(ev) => set('securityInfo', ev.currentTarget.checked)} />
                  )}
                  {f.kind === 'collective' && (
                    <Stack gap="md">
                      {f.members.map((m, i) => (
                        <Fieldset key={i} legend={t('applicantN', { n: i + 1 })} data-testid="member">
                          <Stack gap="sm">
                            <SegmentedControl
                              aria-label={`${t('memberKind')}: ${t('applicantN', { n: i + 1 })}`}
                              value={m.kind}
                              onChange={(v) => setF((x) => withMember(x, i, (y) => ({ ...y, kind: v as Member['kind'] })))}
                              data={(['individual', 'legalEntity'] as const).map((k) => ({ value: k, label: t(`applicantKind.${k}`) }))}
                            />
                            {m.kind === 'individual' ? personFields(m.person, i) : entityFields(m.entity, i)}
                          </Stack>
                          {f.members.length > 2 && (
                            <Button mt="sm" variant="subtle" color="red.9" size="xs" onClick={() => set('members', f.members.filter((_, j) => j !== i))}>
                              {t('removeApplicant')} ({t('applicantN', { n: i + 1 })})
                            </Button>
                          )}
                        </Fieldset>
                      ))}
                      <Button variant="default" onClick={() => set('members', [...f.members, emptyMember()])}>
                        + {t('addApplicant')}
                      </Button>
                    </Stack>
                  )}
                </Stack>
              </Fieldset>
            </Paper>

            {f.documentType === 'complaint' && (
              <Paper withBorder p="md">
                <Fieldset legend={t('desk.complaint')} variant="unstyled">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <OrganizationPicker
                      id="complainedOrganizationId"
                      label={t('complainedOrganization')}
                      value={f.complainedOrganizationId}
                      onChange={(v) => set('complainedOrganizationId', v)}
                      initial={user?.organization ? { value: String(user.organization.id), label: `${user.organization.name} (${user.organization.code})` } : undefined}
                      {...field('/complainedOrganizationId')}
                    />
                    <TextInput id="complainedOrganizationName" label={t('complainedOrganizationName')} value={f.complainedOrganizationName} onChange={(ev) => set('complainedOrganizationName', ev.currentTarget.value)} />
                    <TextInput id="complainedOfficial" label={t('complainedOfficial')} value={f.complainedOfficial} onChange={(ev) => set('complainedOfficial', ev.currentTarget.value)} />
                    <TextInput id="complainedAct" label={t('complainedAct')} value={f.complainedAct} onChange={(ev) => set('complainedAct', ev.currentTarget.value)} />
                    <AppealPicker id="challengedAppealId" label={t('challengedAppeal')} value={f.challengedAppealId} onChange={(v) => set('challengedAppealId', v)} {...field('/challengedAppealId')} />
                  </SimpleGrid>
                </Fieldset>
              </Paper>
            )}

            <Paper withBorder p="md">
              <Fieldset legend={t('desk.content')} variant="unstyled">
                <Stack gap="sm">
                  <TextInput id="summary" label={t('summary')} required value={f.summary} onChange={(ev) => set('summary', ev.currentTarget.value)} maxLength={1000} {...field('/summary')} />
                  <Textarea id="text" label={t('text')} value={f.text} onChange={(ev) => set('text', ev.currentTarget.value)} autosize minRows={4} maxRows={12} {...field('/text')} />
                  {f.form === 'oral' && (
                    <Textarea id="protocolText" label={t('protocolText')} required value={f.protocolText} onChange={(ev) => set('protocolText', ev.currentTarget.value)} autosize minRows={3} {...field('/protocolText')} />
                  )}
                </Stack>
              </Fieldset>
            </Paper>
            {formError && (
              <Alert color="red" role="alert" data-testid="desk-error">
                {formError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={busy} data-testid="register">
                {t('desk.register')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <DuplicatePanel state={dups.state} items={dups.items} />
      </Grid.Col>
      <TalonModal
        registered={registered}
        onAgain={again}
        onOpen={() => registered && navigate(`/appeals/${registered.id}`)}
        key={registered?.id ?? 'none'}
      />
    </Grid>
  );
}

function DuplicatePanel({ state, items }: { state: 'idle' | 'checking' | 'done'; items: Candidate[] }) {
  const { t, date } = useI18n();
  return (
    <Paper withBorder p="md" pos="sticky" top={80} component="section" aria-labelledby="dup-title" data-testid="duplicates">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="dup-title">{t('dup.title')}</Title>
          {items.length > 0 && <Badge color="#8a4600" radius="sm">{items.length}</Badge>}
        </Group>
        <Text size="sm" c="gray.8" aria-live="polite" data-testid="dup-status">
          {state === 'idle' ? t('dup.hint') : state === 'checking' && items.length === 0 ? t('dup.checking') : items.length === 0 ? t('dup.none') : t('dup.found', { n: items.length })}
        </Text>
        {items.map((c) => (
          <Paper key={c.appealId} withBorder p="sm" bg="#fff8e6" data-testid="dup-item">
            <Anchor component={Link} to={`/appeals/${c.appealId}`} target="_blank" fw={600}>
              {c.registrationNumber}
            </Anchor>
            <Text size="sm">{c.summary}</Text>
            <Text size="xs" c="gray.8">
              {date(c.registrationDate)} · {t(`dup.reason.${c.reason}` as MessageKey)} · {t('dup.similarity', { p: Math.round((c.score ?? 0) * 100) })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function TalonModal({ registered, onAgain, onOpen }: { registered: Registered | null; onAgain(): void; onOpen(): void }) {
  const { t, date } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  if (!registered) return null;
  const url = `/api/v1/appeals/${registered.id}/talon.pdf`;
  return (
    <Dialog onClose={onAgain} title={t('talon.title')} size="xl" centered>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="sm" c="gray.8">{t('registrationNumber')}</Text>
            <Text fw={700} data-testid="registration-number">{registered.registrationNumber}</Text>
          </div>
          <div>
            <Text size="sm" c="gray.8">{t('talon.number')}</Text>
            <Text fw={700} data-testid="talon-number">{registered.talonNumber}</Text>
          </div>
          <div>
            <Text size="sm" c="gray.8">{t('dueDate')}</Text>
            <Text fw={700}>{date(registered.dueDate)}</Text>
          </div>
        </SimpleGrid>
        <iframe ref={frame} src={url} title={t('talon.pdf')} className="pdf-frame" data-testid="talon-frame" />
        <Group justify="space-between">
          <Anchor href={url} target="_blank" rel="noopener">{t('talon.pdf')}</Anchor>
          <Group>
            <Button variant="default" onClick={onOpen}>{t('talon.openCard')}</Button>
            <Button variant="default" onClick={onAgain} data-testid="next-appeal">{t('talon.another')}</Button>
            <Button onClick={() => frame.current?.contentWindow?.print()} data-autofocus>
              {t('print')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Dialog>
  );
}
