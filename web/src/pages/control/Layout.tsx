// The control department's screens (issue 12) share a second row of navigation (SectionLayout)
// and the period, kept in the address.
import { useSearchParams } from 'react-router';
import { Group, TextInput } from '@mantine/core';
import { SectionLayout } from '../../components/SectionLayout.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { CONTROL_SCREENS } from '../../control.ts';

/** The period of the control screens, in the address (from, to); by default the year so far. */
export function useControlPeriod(): { from: string; to: string; set(k: 'from' | 'to', v: string): void } {
  const [search, setSearch] = useSearchParams();
  const today = new Date().toISOString().slice(0, 10);
  const from = search.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = search.get('to') ?? today;
  return {
    from,
    to,
    set: (k, v) => {
      const next = new URLSearchParams(search);
      if (v) next.set(k, v);
      else next.delete(k);
      setSearch(next, { replace: true });
    },
  };
}

export function PeriodInputs() {
  const { t } = useI18n();
  const p = useControlPeriod();
  return (
    <Group gap="sm" align="flex-end">
      <TextInput type="date" label={t('ctl.from')} value={p.from} onChange={(e) => p.set('from', e.currentTarget.value)} data-testid="control-from" />
      <TextInput type="date" label={t('ctl.to')} value={p.to} onChange={(e) => p.set('to', e.currentTarget.value)} data-testid="control-to" />
    </Group>
  );
}

export default function ControlLayout() {
  const { t } = useI18n();
  const screens = CONTROL_SCREENS.map((s) => ({ id: s, label: t(`ctl.nav.${s}` as MessageKey) }));
  return <SectionLayout label={t('nav.control')} base="/control" screens={screens} keep={['from', 'to']} />;
}
