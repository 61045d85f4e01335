// The АИ-1 fields of one applicant: an individual (IIN looked up in the registry, name, birth,
// contacts, address, status) or a legal entity (BIN looked up, name, contacts, address, its
// representative). The applicant is index null; a member of a collective appeal has its index.
import { Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { ADDRESS, withEmpty, type Entity, type FieldProps, type Person } from './form.ts';

type Options = { value: string; label: string }[];

/** What every applicant's fields get from the desk. */
export interface ApplicantProps {
  field: FieldProps;
  lookupNote: Record<string, 'found' | 'notFound' | undefined>;
  onIin(index: number | null, value: string): void;
  onBin(index: number | null, value: string): void;
  setPerson(index: number | null, k: keyof Person, v: string): void;
  setEntity(index: number | null, k: keyof Entity, v: string): void;
  /** the directories' options, loaded once by the desk */
  lists: { sexes: Options; citizenships: Options; nationalities: Options; statuses: Options; businessCategories: Options };
}

export function PersonFields({ person: p, index, field, lookupNote, onIin, setPerson, lists: { sexes, citizenships, nationalities, statuses } }: ApplicantProps & { person: Person; index: number | null }) {
  const { t } = useI18n();
  const base = index === null ? '/applicant' : `/applicants/${index}`;
  const key = index === null ? 'person' : `people/${index}`;
  const idp = index === null ? 'p' : `p${index}`;
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput id={`${idp}-iin`} label={t('iin')} value={p.iin} onChange={(e) => onIin(index, e.currentTarget.value)} inputMode="numeric" autoComplete="off" maxLength={12} w={200} {...field(`${base}/iin`)} />
        <Text size="sm" mt={30} aria-live="polite" c={lookupNote[key] === 'found' ? '#1d6b34' : 'gray.8'} data-testid={`lookup-${key}`}>
          {lookupNote[key] === 'found' ? `✓ ${t('lookupFound')}` : lookupNote[key] === 'notFound' ? t('lookupNotFound') : ''}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput id={`${idp}-last`} label={t('lastName')} required value={p.lastName} onChange={(e) => setPerson(index, 'lastName', e.currentTarget.value)} {...field(`${base}/lastName`)} />
        <TextInput id={`${idp}-first`} label={t('firstName')} required value={p.firstName} onChange={(e) => setPerson(index, 'firstName', e.currentTarget.value)} {...field(`${base}/firstName`)} />
        <TextInput id={`${idp}-middle`} label={t('middleName')} value={p.middleName} onChange={(e) => setPerson(index, 'middleName', e.currentTarget.value)} {...field(`${base}/middleName`)} />
        <TextInput id={`${idp}-birth`} label={t('birthDate')} type="date" value={p.birthDate} onChange={(e) => setPerson(index, 'birthDate', e.currentTarget.value)} {...field(`${base}/birthDate`)} />
        <NativeSelect id={`${idp}-sex`} label={t('sex')} value={p.sex} onChange={(e) => setPerson(index, 'sex', e.currentTarget.value)} data={withEmpty(sexes)} {...field(`${base}/sex`)} />
        <NativeSelect
          id={`${idp}-cit`}
          label={t('citizenship')}
          value={p.citizenship}
          onChange={(e) => setPerson(index, 'citizenship', e.currentTarget.value)}
          data={withEmpty(citizenships)}
          {...field(`${base}/citizenship`)}
        />
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
        <NativeSelect id={`${idp}-nat`} label={t('nationality')} value={p.nationality} onChange={(e) => setPerson(index, 'nationality', e.currentTarget.value)} data={withEmpty(nationalities)} />
        <NativeSelect id={`${idp}-soc`} label={t('socialStatus')} value={p.socialStatus} onChange={(e) => setPerson(index, 'socialStatus', e.currentTarget.value)} data={withEmpty(statuses)} />
        <TextInput id={`${idp}-occ`} label={t('occupation')} value={p.occupation} onChange={(e) => setPerson(index, 'occupation', e.currentTarget.value)} />
        <TextInput id={`${idp}-interest`} label={t('inInterestOf')} value={p.inInterestOf} onChange={(e) => setPerson(index, 'inInterestOf', e.currentTarget.value)} />
      </SimpleGrid>
    </Stack>
  );
}

export function EntityFields({ entity: x, index, field, lookupNote, onBin, setEntity, lists: { businessCategories } }: ApplicantProps & { entity: Entity; index: number | null }) {
  const { t } = useI18n();
  const base = index === null ? '/applicant' : `/applicants/${index}`;
  const key = index === null ? 'entity' : `entities/${index}`;
  const idp = index === null ? 'e' : `e${index}`;
  const set = (k: keyof Entity) => (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setEntity(index, k, ev.currentTarget.value);
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="sm">
        <TextInput
          id={`${idp}-bin`}
          label={t('bin')}
          required
          value={x.bin}
          onChange={(ev) => onBin(index, ev.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          w={200}
          {...field(`${base}/bin`)}
        />
        <Text size="sm" mt={30} aria-live="polite" c={lookupNote[key] === 'found' ? '#1d6b34' : 'gray.8'} data-testid={`lookup-${key}`}>
          {lookupNote[key] === 'found' ? `✓ ${t('lookupFound')}` : lookupNote[key] === 'notFound' ? t('lookupNotFound') : ''}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput id={`${idp}-name`} label={t('legalName')} required value={x.name} onChange={set('name')} {...field(`${base}/name`)} />
        <NativeSelect id={`${idp}-bcat`} label={t('businessCategory')} value={x.businessCategory} onChange={set('businessCategory')} data={withEmpty(businessCategories)} />
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
          <TextInput
            id={`${idp}-rep-iin`}
            label={t('iin')}
            value={x.repIin}
            inputMode="numeric"
            maxLength={12}
            onChange={(ev) => setEntity(index, 'repIin', ev.currentTarget.value.replace(/\D/g, ''))}
            {...field(`${base}/representative/iin`)}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
