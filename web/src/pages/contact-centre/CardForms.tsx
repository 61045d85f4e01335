// The contact-centre head keeps the knowledge cards (CC-04…CC-12): a new card with the Annex 1
// fields in Kazakh and Russian, and the date of a step of a card's lifecycle.
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { notify } from '../../components/notify.ts';
import type { Card } from './api.ts';

const REQUIRED = ['serviceKk', 'serviceRu', 'bylawKk', 'bylawRu', 'responsibleName', 'responsiblePosition', 'providerName'] as const;
const STEPS = ['sentOn', 'trainedOn', 'protocolOn', 'bylawChangedOn', 'updatedOn', 'responsibleChangedOn', 'responsibleNotifiedOn'] as const;

function useSubmit(onDone: () => void) {
  const client = useQueryClient();
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      notify(t('cc.cardForm.saved'));
      void client.invalidateQueries({ queryKey: ['contact-centre'] });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
    }
  };
  return { error, run };
}

export function NewCardForm() {
  const { t } = useI18n();
  const [f, setF] = useState<Record<string, string>>({});
  const { error, run } = useSubmit(() => setF({}));
  const field = (name: string) => ({
    value: f[name] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setF({ ...f, [name]: e.currentTarget.value }),
    error: error?.fields.find((x) => x.path === `/${name}`)?.message,
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '')) as Record<string, string>;
    void run(() => unwrap(api.POST('/api/v1/contact-centre/knowledge-cards', { body: body as never })));
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cc-new-card" noValidate>
      <Title order={2} size="h4" id="cc-new-card" mb="sm">
        {t('cc.cardForm.title')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {REQUIRED.map((name) => (
            <TextInput key={name} label={t(`cc.card.${name}` as MessageKey)} required {...field(name)} />
          ))}
          <TextInput label={t('cc.card.bylawApprovedOn')} type="date" required {...field('bylawApprovedOn')} />
          <TextInput label={t('cc.card.responsiblePhone')} type="tel" {...field('responsiblePhone')} />
        </SimpleGrid>
        <Textarea label={t('cc.card.answerKk')} required autosize minRows={2} {...field('answerKk')} />
        <Textarea label={t('cc.card.answerRu')} required autosize minRows={2} {...field('answerRu')} />
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit">{t('save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The date of one step of a card's lifecycle. */
export function StepForm({ card }: { card: Card }) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<(typeof STEPS)[number]>('sentOn');
  const [on, setOn] = useState('');
  const { error, run } = useSubmit(() => setOn(''));
  const name = lang === 'ru' ? card.serviceRu : card.serviceKk;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void run(() => unwrap(api.PATCH('/api/v1/contact-centre/knowledge-cards/{id}', { params: { path: { id: card.id } }, body: { [step]: on } })));
  };
  return (
    <Group component="form" onSubmit={submit} align="end" gap="xs" aria-label={`${t('cc.cardForm.step')}: ${name}`}>
      <NativeSelect
        size="xs"
        label={t('cc.cardForm.step')}
        value={step}
        onChange={(e) => setStep(e.currentTarget.value as (typeof STEPS)[number])}
        data={STEPS.map((s) => ({ value: s, label: t(`cc.card.${s}` as MessageKey) }))}
      />
      <TextInput size="xs" label={t('cc.cardForm.date')} type="date" value={on} onChange={(e) => setOn(e.currentTarget.value)} error={error?.fields[0]?.message} />
      <Button size="xs" type="submit" variant="outline" disabled={!on}>
        {t('save')}
      </Button>
    </Group>
  );
}
