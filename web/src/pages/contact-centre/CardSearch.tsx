// The knowledge cards an operator may read out (the live ones: CC-03, CC-08), found by full-text
// search in Kazakh or Russian; each shows its answer in the operator's language and can be chosen
// as the card the consultation used.
import { useState } from 'react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n.tsx';
import { contactKeys, searchCards, type Card } from './api.ts';

export function CardSearch({ onUse }: { onUse(card: Card): void }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const cards = useQuery({ queryKey: contactKeys.cards(debounced), queryFn: () => searchCards(debounced) });
  const ru = lang === 'ru';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cc-cards">
      <Title order={2} size="h4" id="cc-cards" mb="sm">
        {t('cc.cards')}
      </Title>
      <TextInput label={t('cc.cards.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="card-search" />
      <Stack mt="sm" gap="sm" aria-live="polite">
        {cards.data?.items.length === 0 && <Text size="sm">{t('cc.cards.none')}</Text>}
        {cards.data?.items.slice(0, 10).map((c) => (
          <Paper key={c.id} withBorder p="sm" component="article" aria-labelledby={`card-${c.id}`} data-testid="knowledge-card">
            <Title order={3} size="h5" id={`card-${c.id}`}>
              {ru ? c.serviceRu : c.serviceKk}
            </Title>
            <Text size="sm" mt={4}>
              {ru ? c.answerRu : c.answerKk}
            </Text>
            <Text size="xs" c="gray.8" mt={4}>
              {c.providerName} · {c.responsibleName}, {c.responsiblePhone ?? '—'} · {t('cc.cards.used', { n: c.usageCount })}
            </Text>
            <Button size="xs" variant="outline" mt="xs" onClick={() => onUse(c)} aria-describedby={`card-${c.id}`}>
              {t('cc.cards.use')}
            </Button>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
