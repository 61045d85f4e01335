// Outage mode (rules p.31): an act records when E-appeals was unreachable and why; the appeals taken
// meanwhile into the paper journal are then entered with their original receipt time, journal page
// and entry (a compact registration form: the card is the same as the desk's); an entry made more
// than 24 hours after access was restored is a violation, listed here (for the statistics
// authority too).
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { accountingQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useDirectory } from '../../api/directories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DESK_ROLES, useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { Dialog } from '../../components/Dialog.tsx';

type Act = paths['/api/v1/outages']['get']['responses']['200']['content']['application/json']['items'][number];
type Registration = paths['/api/v1/outages/{id}/journal-entries']['post']['requestBody']['content']['application/json']['registration'];

/** 'YYYY-MM-DDTHH:mm' of an instant, in this browser's time (what a datetime-local field shows). */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');

function useFieldErrors(error: ApiError | null) {
  return (path: string) => error?.fields.find((f) => f.path === path)?.message;
}

function ActForm({ onRecorded }: { onRecorded(): void }) {
  const { t } = useI18n();
  const [startedAt, setStartedAt] = useState('');
  const [endedAt, setEndedAt] = useState('');
  const [cause, setCause] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldErrors(error);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/outages', { body: { startedAt: toIso(startedAt), endedAt: toIso(endedAt), cause } }));
      notify(t('acc.outages.recorded'), 'green');
      setStartedAt('');
      setEndedAt('');
      setCause('');
      onRecorded();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="act-form">
      <Title order={2} size="h4" id="act-form" mb="sm">
        {t('acc.outages.newAct')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="outage-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('acc.outages.startedAt')} type="datetime-local" value={startedAt} onChange={(e) => setStartedAt(e.currentTarget.value)} required error={fieldError('/startedAt')} />
            <TextInput label={t('acc.outages.endedAt')} type="datetime-local" value={endedAt} onChange={(e) => setEndedAt(e.currentTarget.value)} required error={fieldError('/endedAt')} />
          </SimpleGrid>
          <Textarea label={t('acc.outages.cause')} value={cause} onChange={(e) => setCause(e.currentTarget.value)} required autosize minRows={2} error={fieldError('/cause')} />
          {error && error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!startedAt || !endedAt || !cause.trim()} data-testid="outage-submit">
              {t('acc.outages.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type ApplicantKind = 'individual' | 'legalEntity' | 'anonymous';

/** An appeal from the paper journal: the card's essentials, the receipt time, the page and entry. */
function JournalEntryModal({ act, onClose, onEntered }: { act: Act; onClose(): void; onEntered(late: boolean): void }) {
  const { t } = useI18n();
  const documentTypes = useDirectory('documentType');
  const forms = useDirectory('form');
  const channels = useDirectory('channel');
  const languages = useDirectory('language');
  const categories = useDirectory('issueCategory');
  const [page, setPage] = useState<number | string>('');
  const [entry, setEntry] = useState<number | string>('');
  const [receivedAt, setReceivedAt] = useState(localInput(act.startedAt));
  const [f, setF] = useState({
    documentType: 'application',
    form: 'paper',
    channel: 'inPerson',
    language: 'kk',
    issueCategory: '',
    summary: '',
    text: '',
    protocolText: '',
    complainedOrganizationName: '',
    complainedOfficial: '',
  });
  const [kind, setKind] = useState<ApplicantKind>('individual');
  const [person, setPerson] = useState({ iin: '', lastName: '', firstName: '', middleName: '' });
  const [registryPerson, setRegistryPerson] = useState<Record<string, unknown> | null>(null);
  const [company, setCompany] = useState({ bin: '', name: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldErrors(error);
  const set = (k: keyof typeof f, v: string) => setF({ ...f, [k]: v });

  // a known IIN fills the applicant from the registry, as on the desk
  const lookup = async (iin: string) => {
    setPerson((p) => ({ ...p, iin }));
    setRegistryPerson(null);
    if (!/^\d{12}$/.test(iin)) return;
    const found = await unwrap(api.GET('/api/v1/registry/persons/{iin}', { params: { path: { iin }, query: { purpose: 'outageAct' } } })).catch(() => null);
    if (found) {
      setRegistryPerson(found as Record<string, unknown>);
      setPerson({ iin, lastName: String(found.lastName ?? ''), firstName: String(found.firstName ?? ''), middleName: String(found.middleName ?? '') });
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    const applicant =
      kind === 'anonymous'
        ? { anonymous: true }
        : kind === 'legalEntity'
          ? { applicant: { kind: 'legalEntity' as const, bin: company.bin, name: company.name } }
          : {
              applicant: {
                ...(registryPerson ?? {}),
                kind: 'individual' as const,
                ...(opt(person.iin) ? { iin: person.iin } : {}),
                lastName: person.lastName,
                firstName: person.firstName,
                ...(opt(person.middleName) ? { middleName: person.middleName } : {}),
              },
            };
    const registration = {
      documentType: f.documentType,
      form: f.form,
      channel: f.channel,
      language: f.language,
      receivedAt: toIso(receivedAt),
      summary: f.summary,
      ...(opt(f.text) ? { text: f.text } : {}),
      ...(f.form === 'oral' && opt(f.protocolText) ? { protocolText: f.protocolText } : {}),
      ...(opt(f.issueCategory) ? { issueCategory: f.issueCategory } : {}),
      ...(f.documentType === 'complaint' && opt(f.complainedOrganizationName) ? { complainedOrganizationName: f.complainedOrganizationName } : {}),
      ...(f.documentType === 'complaint' && opt(f.complainedOfficial) ? { complainedOfficial: f.complainedOfficial } : {}),
      ...applicant,
    } as Registration;
    try {
      const r = await unwrap(api.POST('/api/v1/outages/{id}/journal-entries', { params: { path: { id: act.id } }, body: { page: Number(page), entry: Number(entry), registration } }));
      onEntered(r.late);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  const reg = (p: string) => fieldError(`/registration${p}`);
  const unplaced =
    error?.fields.filter(
      (x) => !/^\/(page|entry|registration\/(receivedAt|documentType|form|channel|language|summary|text|protocolText|complainedOrganizationId|applicant\/(iin|lastName|firstName|bin|name)))$/.test(x.path),
    ) ?? [];
  return (
    <Dialog onClose={onClose} size="xl" centered title={t('acc.outages.entryTitle')}>
      <form onSubmit={submit} noValidate data-testid="journal-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('acc.outages.page')} value={page} onChange={setPage} min={1} required error={fieldError('/page')} allowDecimal={false} />
            <NumberInput label={t('acc.outages.entry')} value={entry} onChange={setEntry} min={1} required error={fieldError('/entry')} allowDecimal={false} />
            <TextInput label={t('acc.outages.receivedAt')} type="datetime-local" value={receivedAt} onChange={(e) => setReceivedAt(e.currentTarget.value)} required error={reg('/receivedAt')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <NativeSelect label={t('documentType')} value={f.documentType} onChange={(e) => set('documentType', e.currentTarget.value)} data={documentTypes.options} error={reg('/documentType')} />
            <NativeSelect label={t('form')} value={f.form} onChange={(e) => set('form', e.currentTarget.value)} data={forms.options} error={reg('/form')} />
            <NativeSelect label={t('channel')} value={f.channel} onChange={(e) => set('channel', e.currentTarget.value)} data={channels.options} error={reg('/channel')} />
            <NativeSelect label={t('appealLanguage')} value={f.language} onChange={(e) => set('language', e.currentTarget.value)} data={languages.options} error={reg('/language')} />
            <NativeSelect label={t('issueCategory')} value={f.issueCategory} onChange={(e) => set('issueCategory', e.currentTarget.value)} data={[{ value: '', label: '—' }, ...categories.options]} />
          </SimpleGrid>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as ApplicantKind)}
            aria-label={t('applicantKind')}
            data={(['individual', 'legalEntity', 'anonymous'] as const).map((k) => ({ value: k, label: t(`applicantKind.${k}`) }))}
          />
          {kind === 'individual' && (
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <TextInput
                label={t('iin')}
                value={person.iin}
                onChange={(e) => void lookup(e.currentTarget.value.trim())}
                inputMode="numeric"
                maxLength={12}
                error={reg('/applicant/iin')}
                description={registryPerson ? `✓ ${t('lookupFound')}` : undefined}
              />
              <TextInput label={t('lastName')} value={person.lastName} onChange={(e) => setPerson({ ...person, lastName: e.currentTarget.value })} required error={reg('/applicant/lastName')} />
              <TextInput label={t('firstName')} value={person.firstName} onChange={(e) => setPerson({ ...person, firstName: e.currentTarget.value })} required error={reg('/applicant/firstName')} />
              <TextInput label={t('middleName')} value={person.middleName} onChange={(e) => setPerson({ ...person, middleName: e.currentTarget.value })} />
            </SimpleGrid>
          )}
          {kind === 'legalEntity' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('bin')} value={company.bin} onChange={(e) => setCompany({ ...company, bin: e.currentTarget.value.trim() })} inputMode="numeric" maxLength={12} required error={reg('/applicant/bin')} />
              <TextInput label={t('acc.outages.companyName')} value={company.name} onChange={(e) => setCompany({ ...company, name: e.currentTarget.value })} required error={reg('/applicant/name')} />
            </SimpleGrid>
          )}
          {f.documentType === 'complaint' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('acc.outages.complainedOrganization')}
                value={f.complainedOrganizationName}
                onChange={(e) => set('complainedOrganizationName', e.currentTarget.value)}
                required
                error={reg('/complainedOrganizationId')}
              />
              <TextInput label={t('acc.outages.complainedOfficial')} value={f.complainedOfficial} onChange={(e) => set('complainedOfficial', e.currentTarget.value)} />
            </SimpleGrid>
          )}
          <TextInput label={t('summary')} value={f.summary} onChange={(e) => set('summary', e.currentTarget.value)} required error={reg('/summary')} />
          <Textarea label={t('text')} value={f.text} onChange={(e) => set('text', e.currentTarget.value)} autosize minRows={2} error={reg('/text')} />
          {f.form === 'oral' && <Textarea label={t('protocolText')} value={f.protocolText} onChange={(e) => set('protocolText', e.currentTarget.value)} autosize minRows={2} required error={reg('/protocolText')} />}
          {error && (error.fields.length === 0 || unplaced.length > 0) && (
            <Alert color="red" role="alert">
              {unplaced.length ? unplaced.map((x) => x.message).join('; ') : error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="journal-submit">
              {t('acc.outages.enter')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export default function Outages() {
  const { t, dateTime, number } = useI18n();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const acts = useQuery(accountingQueries.outageActs());
  const late = useQuery(accountingQueries.lateEntries());
  const [entering, setEntering] = useState<Act | null>(null);
  useEffect(() => {
    document.title = `${t('acc.outages.title')} — ${t('appName')}`;
  }, [t]);
  const records = hasRole('head', 'registrar', 'controller');
  const enters = hasRole(...DESK_ROLES);
  const opensCards = !hasRole('statistician');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.outages.title')}
      </Title>
      <Text size="sm" c="gray.8">
        {t('acc.outages.hint')}
      </Text>
      {records && <ActForm onRecorded={() => void changed.outageAct(queryClient)} />}

      <Paper withBorder p="md" component="section" aria-labelledby="acts">
        <Title order={2} size="h4" id="acts" mb="sm">
          {t('acc.outages.acts')}
        </Title>
        {acts.error && (
          <Alert color="red" role="alert">
            {acts.error.message}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={860}>
          <Table striped data-testid="outage-acts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('acc.organization')}</Table.Th>
                <Table.Th>{t('acc.outages.startedAt')}</Table.Th>
                <Table.Th>{t('acc.outages.endedAt')}</Table.Th>
                <Table.Th>{t('acc.outages.cause')}</Table.Th>
                <Table.Th>{t('acc.outages.recordedBy')}</Table.Th>
                <Table.Th ta="right">{t('acc.outages.entries')}</Table.Th>
                <Table.Th>{t('acc.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!acts.data && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Skeleton h={40} />
                  </Table.Td>
                </Table.Tr>
              )}
              {acts.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text ta="center" c="gray.8" py="md">
                      {t('acc.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {acts.data?.items.map((a) => (
                <Table.Tr key={a.id} data-testid="outage-act">
                  <Table.Td>{a.organization.code}</Table.Td>
                  <Table.Td className="nowrap">{dateTime(a.startedAt)}</Table.Td>
                  <Table.Td className="nowrap">{dateTime(a.endedAt)}</Table.Td>
                  <Table.Td>{a.cause}</Table.Td>
                  <Table.Td>
                    {a.recordedBy}
                    <Text size="xs" c="gray.8">
                      {dateTime(a.recordedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {number(a.entries)}
                    {a.lateEntries > 0 && (
                      <Badge ml={6} color={RISK_COLORS.overdue} radius="sm" style={{ textTransform: 'none' }}>
                        {t('acc.outages.lateN', { n: number(a.lateEntries) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {enters && (
                      <Button size="compact-sm" variant="default" onClick={() => setEntering(a)} data-testid="journal-open">
                        {t('acc.outages.enterFromJournal')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="late">
        <Title order={2} size="h4" id="late" mb={4}>
          {t('acc.outages.lateTitle')}
        </Title>
        <Text size="sm" c="gray.8" mb="sm">
          {t('acc.outages.lateHint')}
        </Text>
        {late.error && (
          <Alert color="red" role="alert">
            {late.error.message}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={860}>
          <Table striped data-testid="late-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('table.number')}</Table.Th>
                <Table.Th>{t('acc.outages.pageEntry')}</Table.Th>
                <Table.Th>{t('acc.outages.receivedAt')}</Table.Th>
                <Table.Th>{t('acc.outages.restoredAt')}</Table.Th>
                <Table.Th>{t('acc.outages.enteredAt')}</Table.Th>
                <Table.Th ta="right">{t('acc.outages.hoursLate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!late.data && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Skeleton h={40} />
                  </Table.Td>
                </Table.Tr>
              )}
              {late.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" c="gray.8" py="md">
                      {t('acc.outages.noLate')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {late.data?.items.map((x) => (
                <Table.Tr key={x.appealId} data-testid="late-entry">
                  <Table.Td className="nowrap">
                    {opensCards ? (
                      <Anchor component={Link} to={`/appeals/${x.appealId}`} fw={600}>
                        {x.registrationNumber}
                      </Anchor>
                    ) : (
                      <Text fw={600} size="sm">
                        {x.registrationNumber}
                      </Text>
                    )}
                    <Text size="xs" c="gray.8">
                      {x.organization.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('acc.outages.pageEntryValue', { page: x.page, entry: x.entry })}</Table.Td>
                  <Table.Td className="nowrap">{dateTime(x.receivedAt)}</Table.Td>
                  <Table.Td className="nowrap">{dateTime(x.restoredAt)}</Table.Td>
                  <Table.Td className="nowrap">{dateTime(x.enteredAt)}</Table.Td>
                  <Table.Td ta="right" c={RISK_COLORS.overdue} fw={700}>
                    {number(x.hoursAfterRestoration)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {entering && (
        <JournalEntryModal
          act={entering}
          onClose={() => setEntering(null)}
          onEntered={(isLate) => {
            setEntering(null);
            notify(isLate ? t('acc.outages.enteredLate') : t('acc.outages.entered'), isLate ? 'red' : 'green');
            void changed.journalEntry(queryClient);
          }}
        />
      )}
    </Stack>
  );
}
