// The reporting period (year and month) and the organization of the accounting screens, kept in
// the address so a link opens the same view; by default the current month in the organization's
// time zone and the user's own scope.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Group, NativeSelect } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { OrganizationPicker } from './pickers.tsx';

export interface PeriodState {
  year: number;
  month: number;
  organization: number | undefined;
  update(changes: Record<string, string | null>): void;
}

export function usePeriod(): PeriodState {
  const { timeZone } = useI18n();
  const [search, setSearch] = useSearchParams();
  const now = useMemo(() => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(new Date());
    return { year: Number(parts.find((p) => p.type === 'year')!.value), month: Number(parts.find((p) => p.type === 'month')!.value) };
  }, [timeZone]);
  const num = (k: string) => (search.get(k) && Number.isInteger(Number(search.get(k))) ? Number(search.get(k)) : undefined);
  return {
    year: num('year') ?? now.year,
    month: num('month') ?? now.month,
    organization: num('organization'),
    update(changes) {
      const next = new URLSearchParams(search);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setSearch(next, { replace: true });
    },
  };
}

/** The month's name in the app's language (the browser may have no Kazakh month names). */
export function useMonthName(): (month: number) => string {
  const { t } = useI18n();
  return useMemo(() => {
    const names = t('acc.months').split(',');
    return (m: number) => names[m - 1] ?? String(m);
  }, [t]);
}

export function PeriodControls({ period, withOrganization = true, current }: { period: PeriodState; withOrganization?: boolean; current?: { id: number; code: string; name: string } | null }) {
  const { t } = useI18n();
  const monthName = useMonthName();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: Math.max(thisYear, period.year) - 2019 }, (_, i) => String(Math.max(thisYear, period.year) - i));
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect label={t('acc.year')} value={String(period.year)} onChange={(e) => period.update({ year: e.currentTarget.value, month: String(period.month) })} data={years} data-testid="period-year" w={110} />
      <NativeSelect
        label={t('acc.month')}
        value={String(period.month)}
        onChange={(e) => period.update({ year: String(period.year), month: e.currentTarget.value })}
        data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }))}
        data-testid="period-month"
        w={160}
      />
      {withOrganization && (
        <OrganizationPicker
          label={t('acc.organization')}
          placeholder={t('acc.myScope')}
          value={period.organization ? String(period.organization) : null}
          initial={current && current.id === period.organization ? { value: String(current.id), label: `${current.name} (${current.code})` } : undefined}
          onChange={(v) => period.update({ organization: v })}
          w={340}
          data-testid="period-organization"
        />
      )}
    </Group>
  );
}
