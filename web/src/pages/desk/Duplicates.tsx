// Possible duplicates, shown while the appeal is typed: the server is asked again a moment after
// the applicant or the text changes (POST /appeals/duplicate-check), and each candidate links to
// its card.
import { useEffect, useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { identifiable, toBody, type Candidate, type DeskForm } from './form.ts';

export type Duplicates = { state: 'idle' | 'checking' | 'done'; items: Candidate[] };

/** The duplicate check of the form as it stands. */
export function useDuplicates(f: DeskForm, timeZone: string): Duplicates {
  const dupKey = JSON.stringify([f.kind, f.person, f.entity, f.members, f.summary, f.text, f.documentType]);
  const [debouncedKey] = useDebouncedValue(dupKey, 600);
  const [dups, setDups] = useState<Duplicates>({ state: 'idle', items: [] });
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
  return dups;
}

export function DuplicatePanel({ state, items }: Duplicates) {
  const { t, date } = useI18n();
  return (
    <Paper withBorder p="md" pos="sticky" top={80} component="section" aria-labelledby="dup-title" data-testid="duplicates">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="dup-title">
            {t('dup.title')}
          </Title>
          {items.length > 0 && (
            <Badge color="#8a4600" radius="sm">
              {items.length}
            </Badge>
          )}
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
