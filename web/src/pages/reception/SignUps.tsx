// Sign-ups for personal reception (PR-05, PR-06): one is registered as an appeal with its own term
// (the date and time within 15 WD, PR-36); those waiting get a session, which tells the applicant
// (PR-35). Online sign-up from the public page is the citizen portal's (its identification).
import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { astanaParts, receptionQueries, type Session, type SignUp } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { notify } from '../../components/notify.ts';
import { FormError, useSubmit } from './common.tsx';

function SignUpForm() {
  const { t } = useI18n();
  const officials = useQuery(receptionQueries.officials());
  const { run, busy, error, fieldError } = useSubmit();
  const empty = { lastName: '', firstName: '', phone: '', email: '', question: '', officialId: '', videoConsent: false, language: 'kk' };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const applicant = { kind: 'individual' as const, lastName: f.lastName, firstName: f.firstName, ...(f.phone ? { phone: f.phone } : {}), ...(f.email ? { email: f.email } : {}) };
    const body = {
      registration: { documentType: 'application' as const, form: 'paper' as const, channel: 'inPerson' as const, language: f.language, summary: f.question.slice(0, 1000), applicant },
      reception: { question: f.question, videoConsent: f.videoConsent, language: f.language as 'kk' | 'ru', ...(f.officialId ? { officialId: f.officialId } : {}) },
    };
    const appeal = await run(() => unwrap(api.POST('/api/v1/reception/sign-ups', { body })));
    if (appeal) {
      notify(t('rc.registered', { number: appeal.registrationNumber ?? '', due: appeal.dueDate ?? '' }));
      setF(empty);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="sign-up-form" aria-labelledby="sign-up-title">
      <Title order={2} size="h4" id="sign-up-title" mb="xs">
        {t('rc.newSignUp')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput label={t('rc.lastName')} value={f.lastName} onChange={set('lastName')} required error={fieldError('/registration/applicant/lastName')} data-testid="sign-up-last-name" />
        <TextInput label={t('rc.firstName')} value={f.firstName} onChange={set('firstName')} required error={fieldError('/registration/applicant/firstName')} data-testid="sign-up-first-name" />
        <TextInput label={t('rc.phone')} type="tel" value={f.phone} onChange={set('phone')} error={fieldError('/registration/applicant/phone')} data-testid="sign-up-phone" />
        <TextInput label={t('rc.email')} type="email" value={f.email} onChange={set('email')} error={fieldError('/registration/applicant/email')} />
        <NativeSelect
          label={t('rc.official')}
          value={f.officialId}
          onChange={set('officialId')}
          data={[{ value: '', label: t('rc.anyOfficial') }, ...(officials.data?.items ?? []).map((o) => ({ value: o.id, label: o.fullName }))]}
          data-testid="sign-up-official"
        />
        <NativeSelect
          label={t('rc.language')}
          value={f.language}
          onChange={set('language')}
          data={[
            { value: 'kk', label: t('rc.lang.kk') },
            { value: 'ru', label: t('rc.lang.ru') },
          ]}
        />
        <Checkbox label={t('rc.videoConsent')} checked={f.videoConsent} onChange={(e) => setF({ ...f, videoConsent: e.currentTarget.checked })} mt="lg" />
      </SimpleGrid>
      <Textarea label={t('rc.question')} value={f.question} onChange={set('question')} required autosize minRows={2} mt="sm" error={fieldError('/reception/question')} data-testid="sign-up-question" />
      <Stack mt="sm" gap="xs">
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!f.lastName.trim() || !f.firstName.trim() || !f.question.trim()} data-testid="sign-up-submit">
            {t('rc.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GiveSession({ signUp, sessions }: { signUp: SignUp; sessions: Session[] }) {
  const { t } = useI18n();
  const { run, busy, error } = useSubmit();
  const mine = sessions.filter((s) => s.status === 'planned' && (!signUp.officialId || s.officialId === signUp.officialId));
  const [sessionId, setSessionId] = useState('');
  const chosen = sessionId || mine[0]?.id || '';
  const give = async () => {
    const slot = await run(() => unwrap(api.POST('/api/v1/reception/sign-ups/{id}/session', { params: { path: { id: signUp.appealId } }, body: { sessionId: chosen } })));
    if (slot) notify(t('rc.given', { date: slot.date, time: slot.time }));
  };
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <NativeSelect
          aria-label={`${t('rc.session')}: ${signUp.registrationNumber}`}
          value={chosen}
          onChange={(e) => setSessionId(e.currentTarget.value)}
          data={mine.map((s) => {
            const p = astanaParts(s.startsAt);
            return { value: s.id, label: `${p.date} ${p.time} · ${s.official.name}` };
          })}
          data-testid="give-session-select"
        />
        <Button size="xs" onClick={give} loading={busy} disabled={!chosen} data-testid="give-session">
          {t('rc.giveSession')}
        </Button>
      </Group>
      <FormError error={error} />
    </Stack>
  );
}

export default function SignUps() {
  const { t, date } = useI18n();
  const signUps = useQuery(receptionQueries.signUps());
  const sessions = useQuery(receptionQueries.sessions('', ''));
  useEffect(() => {
    document.title = `${t('rc.signUps')} — ${t('appName')}`;
  }, [t]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('rc.signUps')}
      </Title>
      <Paper withBorder p="md">
        <SignUpForm />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="waiting-title">
        <Title order={2} size="h4" id="waiting-title" mb="xs">
          {t('rc.waiting')}
        </Title>
        {signUps.isPending ? (
          <Skeleton h={80} />
        ) : (signUps.data?.items.length ?? 0) === 0 ? (
          <Text c="gray.8">{t('rc.noneWaiting')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="sign-ups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rc.number')}</Table.Th>
                  <Table.Th>{t('rc.applicant')}</Table.Th>
                  <Table.Th>{t('rc.question')}</Table.Th>
                  <Table.Th>{t('rc.due')}</Table.Th>
                  <Table.Th>{t('rc.giveSession')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {signUps.data?.items.map((u) => (
                  <Table.Tr key={u.appealId} data-testid="sign-up-row">
                    <Table.Td>{u.registrationNumber}</Table.Td>
                    <Table.Td>{u.applicant}</Table.Td>
                    <Table.Td>{u.question}</Table.Td>
                    <Table.Td>{date(u.dueDate)}</Table.Td>
                    <Table.Td>
                      <GiveSession signUp={u} sessions={sessions.data?.items ?? []} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
