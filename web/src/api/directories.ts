// Directories (document types, forms, channels, issue categories, …) with their kk/ru/en labels,
// loaded once per session and labelled in the current language without asking again.
import { useEffect, useState } from 'react';
import { api, unwrap } from './client.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';

export type DirectoryName =
  | 'documentType'
  | 'form'
  | 'channel'
  | 'language'
  | 'procedure'
  | 'applicantKind'
  | 'addresseeCategory'
  | 'issueCategory'
  | 'citizenship'
  | 'sex'
  | 'nationality'
  | 'socialStatus'
  | 'businessCategory';

export interface DirectoryEntry {
  code: string;
  labels: Record<Lang, string>;
}

const cache = new Map<DirectoryName, Promise<DirectoryEntry[]>>();

export function loadDirectory(name: DirectoryName): Promise<DirectoryEntry[]> {
  let p = cache.get(name);
  if (!p) {
    p = unwrap(api.GET('/api/v1/directories/{name}', { params: { path: { name } } })).then((r) => r.items.map((i) => ({ code: i.code, labels: i.labels })));
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

/** The entries of a directory and a labeller for its codes (none, codes as they are, without a name). */
export function useDirectory(name: DirectoryName | undefined) {
  const { lang } = useI18n();
  const [entries, setEntries] = useState<DirectoryEntry[]>([]);
  useEffect(() => {
    if (!name) return;
    let live = true;
    loadDirectory(name).then(
      (e) => live && setEntries(e),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [name]);
  const label = (code: string | null | undefined) => {
    if (!code) return '—';
    return entries.find((e) => e.code === code)?.labels[lang] ?? code;
  };
  const options = entries.map((e) => ({ value: e.code, label: e.labels[lang] }));
  return { entries, label, options };
}
