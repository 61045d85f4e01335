// Search-as-you-type pickers for an organization of the directory and for an appeal.
import { useEffect, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Option = { value: string; label: string };

/** Options found by what is typed; the chosen value is kept among them, looked up by `find` when
 *  it came from elsewhere (the address of the page). */
function useSearch(search: (q: string) => Promise<Option[]>, value: string | null, initial?: Option, find?: (value: string) => Promise<Option | undefined>) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [options, setOptions] = useState<Option[]>(initial ? [initial] : []);
  const [selected, setSelected] = useState<Option | undefined>(initial);
  useEffect(() => {
    let live = true;
    search(debounced).then(
      (found) => {
        if (!live) return;
        const keep = selected && !found.some((o) => o.value === selected.value) ? [selected] : [];
        setOptions([...keep, ...found]);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    // a value chosen elsewhere (a link, a row of a report): its label known from there
    if (initial && !options.some((o) => o.value === initial.value)) setOptions((o) => [initial, ...o]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial?.value, initial?.label]);
  useEffect(() => {
    if (value === null) setSelected(undefined);
    else {
      const o = options.find((x) => x.value === value);
      if (o) setSelected(o);
    }
  }, [value, options]);
  useEffect(() => {
    if (value === null || !find || options.some((x) => x.value === value)) return;
    let live = true;
    find(value).then(
      (o) => live && o && setOptions((list) => (list.some((x) => x.value === o.value) ? list : [o, ...list])),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return { options, setQuery };
}

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange(value: string | null): void;
  initial?: Option;
};

/** An organization of the directory; with `mine`, only those I act for (mine and those below it). */
export function OrganizationPicker({ value, onChange, initial, mine, ...props }: PickerProps & { mine?: boolean }) {
  const { t } = useI18n();
  const list = async (query: { q?: string; id?: number }) => {
    const r = await unwrap(api.GET('/api/v1/organizations', { params: { query: { ...query, mine: mine || undefined, limit: 30 } } }));
    return (r.items ?? []).map((o) => ({ value: String(o.id), label: `${o.name} (${o.code})` }));
  };
  const { options, setQuery } = useSearch(
    (q) => list({ q: q || undefined }),
    value,
    initial,
    async (id) => (await list({ id: Number(id) }))[0],
  );
  return (
    <Select
      searchable
      clearable
      placeholder={t('decision.searchOrganization')}
      nothingFoundMessage="—"
      filter={({ options: o }) => o}
      data={options}
      value={value}
      onChange={(v) => onChange(v)}
      onSearchChange={setQuery}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

export function AppealPicker({ value, onChange, initial, exclude, ...props }: PickerProps & { exclude?: string }) {
  const { t } = useI18n();
  const { options, setQuery } = useSearch(
    async (q) => {
      const r = await unwrap(api.GET('/api/v1/queues/{queue}', { params: { path: { queue: 'all' }, query: { q: q || undefined, limit: 20 } } }));
      return r.items.filter((a) => a.id !== exclude).map((a) => ({ value: a.id, label: `${a.registrationNumber} — ${a.applicantName ?? '—'}: ${a.summary}`.slice(0, 120) }));
    },
    value,
    initial,
  );
  return (
    <Select
      searchable
      clearable
      placeholder={t('decision.searchAppeal')}
      nothingFoundMessage="—"
      filter={({ options: o }) => o}
      data={options}
      value={value}
      onChange={(v) => onChange(v)}
      onSearchChange={setQuery}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
