// The outcome of a contact (EA-05, CC-25): one of four — a consultation from the card chosen, the
// status of an appeal, a complaint about a public service (the Annex 2 fields; never an appeal),
// or an appeal registered for the competent organization, suggested from the issue category and
// the caller's territory; the talon number is then shown to be read out (and goes by SMS).
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { useDirectory } from '../../api/directories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrganizationPicker } from '../../components/pickers.tsx';
import { closeContact, suggestOrganization, type Card, type CloseBody, type Closed, type Contact } from './api.ts';

const OUTCOMES = ['consultation', 'statusAnswer', 'publicServiceComplaint', 'appeal'] as const;
type Outcome = (typeof OUTCOMES)[number];

export function OutcomeForm({ contact, card, onNext }: { contact: Contact; card: Card | null; onNext(): void }) {
  const { t, lang, date } = useI18n();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>('consultation');
  const [f, setF] = useState<Record<string, string>>({});
  const [territory, setTerritory] = useState<string | null>(null);
  const [competent, setCompetent] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<{ value: string; label: string } | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [closed, setClosed] = useState<Closed | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = useDirectory('issueCategory');
  const documentTypes = useDirectory('documentType');
  const field = (name: string) => ({
    value: f[name] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setF({ ...f, [name]: e.currentTarget.value }),
    error: error?.fields.find((x) => x.path === `/${name}` || x.path === `/appeal/${name}` || x.path === `/appeal/applicant/${name}`)?.message,
    name,
  });
  const opt = (name: string) => (f[name]?.trim() ? f[name]!.trim() : undefined);

  const suggest = async () => {
    if (!territory) return;
    const s = await suggestOrganization(Number(territory), opt('issueCategory'));
    setSuggested({ value: String(s.organizationId), label: `${s.name[lang]} (${s.code})` });
    setCompetent(String(s.organizationId));
  };

  const body = (): CloseBody | null => {
    if (outcome === 'consultation') return card ? { outcome, knowledgeCardId: card.id } : null;
    if (outcome === 'statusAnswer') return { outcome, registrationNumber: opt('registrationNumber'), talonNumber: opt('talonNumber'), iin: opt('iin') };
    if (outcome === 'publicServiceComplaint') {
      return {
        outcome,
        region: f.region ?? '',
        applicantName: f.applicantName ?? '',
        nature: f.nature ?? '',
        content: f.content ?? '',
        measures: f.measures ?? '',
        ticketNumber: opt('ticketNumber'),
        bylawViolation: opt('bylawViolation'),
        employeeActions: opt('employeeActions'),
      };
    }
    return {
      outcome,
      organizationId: Number(competent ?? 0),
      appeal: {
        documentType: (f.documentType || 'application') as 'application',
        form: 'oral',
        channel: 'contactCentre',
        language: lang === 'kk' ? 'kk' : 'ru',
        summary: f.summary ?? '',
        protocolText: f.protocolText ?? '',
        issueCategory: opt('issueCategory'),
        applicant: { kind: 'individual', lastName: f.lastName ?? '', firstName: f.firstName ?? '' },
      },
    };
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const b = body();
    if (!b) return setError(new ApiError(422, 'validation', t('cc.consultation.pick')));
    setBusy(true);
    setError(null);
    try {
      setClosed(await closeContact(contact.id, b));
      void client.invalidateQueries({ queryKey: ['contact-centre'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };

  if (closed) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="cc-outcome">
        <Title order={2} size="h4" id="cc-outcome" mb="sm">
          {t('cc.closed')}
        </Title>
        <Stack>
          {closed.appeal && (
            <Alert color="green" role="status">
              <Text fw={700} size="xl" data-testid="talon-read-out">
                {t('cc.talon.readOut', { talon: closed.appeal.talonNumber })}
              </Text>
              <Text>{t('cc.talon.registered', { number: closed.appeal.registrationNumber })}</Text>
            </Alert>
          )}
          {closed.complaintId && (
            <Alert color="blue" role="status" data-testid="complaint-saved">
              {t('cc.complaint.saved')}
            </Alert>
          )}
          {closed.appeals?.map((a) => (
            <Alert key={a.id} color="blue" role="status" data-testid="status-answer">
              {t('cc.status.result', { number: a.registrationNumber, status: t(`status.${a.status}` as 'status.registered'), due: date(a.dueDate) })}
            </Alert>
          ))}
          <Button onClick={onNext} autoFocus>
            {t('cc.next')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cc-outcome" noValidate>
      <Title order={2} size="h4" id="cc-outcome" mb="sm">
        {t('cc.outcome')}
      </Title>
      <Stack>
        <SegmentedControl
          aria-label={t('cc.outcome')}
          value={outcome}
          onChange={(v) => {
            setOutcome(v as Outcome);
            setError(null);
          }}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`cc.outcome.${o}`) }))}
          fullWidth
          orientation="vertical"
          data-testid="outcome"
        />
        {(outcome === 'appeal' || outcome === 'publicServiceComplaint') && <Text size="sm">{t('cc.publicService.hint')}</Text>}
        {outcome === 'consultation' && <Text data-testid="chosen-card">{card ? t('cc.consultation.card', { name: lang === 'ru' ? card.serviceRu : card.serviceKk }) : t('cc.consultation.pick')}</Text>}
        {outcome === 'statusAnswer' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('cc.registrationNumber')} {...field('registrationNumber')} />
            <TextInput label={t('cc.talonNumber')} {...field('talonNumber')} />
            <TextInput label={t('cc.iin')} inputMode="numeric" {...field('iin')} />
          </SimpleGrid>
        )}
        {outcome === 'publicServiceComplaint' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('cc.region')} required {...field('region')} />
              <TextInput label={t('cc.applicantName')} required {...field('applicantName')} />
            </SimpleGrid>
            <TextInput label={t('cc.nature')} required {...field('nature')} />
            <Textarea label={t('cc.content')} required autosize minRows={2} {...field('content')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('cc.measures')} required {...field('measures')} />
              <TextInput label={t('cc.ticketNumber')} {...field('ticketNumber')} />
            </SimpleGrid>
            <TextInput label={t('cc.bylawViolation')} {...field('bylawViolation')} />
            <TextInput label={t('cc.employeeActions')} {...field('employeeActions')} />
          </>
        )}
        {outcome === 'appeal' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrganizationPicker label={t('cc.territory')} value={territory} onChange={setTerritory} mine data-testid="territory" />
              <NativeSelect label={t('cc.issueCategory')} data={[{ value: '', label: '—' }, ...issues.options]} {...field('issueCategory')} />
            </SimpleGrid>
            <Group>
              <Button variant="outline" onClick={suggest} disabled={!territory}>
                {t('cc.suggest')}
              </Button>
            </Group>
            <OrganizationPicker
              label={t('cc.competent')}
              value={competent}
              initial={suggested}
              onChange={setCompetent}
              mine
              required
              error={error?.fields.find((x) => x.path === '/organizationId')?.message}
              data-testid="competent"
            />
            <NativeSelect label={t('cc.documentType')} data={documentTypes.options} {...field('documentType')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('cc.lastName')} required {...field('lastName')} />
              <TextInput label={t('cc.firstName')} required {...field('firstName')} />
            </SimpleGrid>
            <TextInput label={t('cc.summary')} required {...field('summary')} />
            <Textarea label={t('cc.protocol')} required autosize minRows={3} {...field('protocolText')} />
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error.message}
            {error.fields.length > 0 && <Text size="sm">{error.fields.map((x) => x.message).join('; ')}</Text>}
          </Alert>
        )}
        <Button type="submit" loading={busy} data-testid="close-contact">
          {t('cc.close')}
        </Button>
      </Stack>
    </Paper>
  );
}
