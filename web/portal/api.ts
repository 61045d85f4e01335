// The portal's API client and words: plain fetch (no staff session, no cookies), the portal token
// kept for this tab only (sessionStorage), answers asked in the chosen language.
import { createContext, useContext } from 'react';
import { PORTAL_MESSAGES, type PortalKey } from '../src/i18n/messages/portal.ts';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
const LANG_KEY = 'joldanym.lang';
const TOKEN_KEY = 'joldanym.portal.token';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage unavailable */
  }
  return 'kk';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage unavailable */
  }
}

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string | null) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let lang: Lang = initialLang();
export const setApiLang = (l: Lang) => {
  lang = l;
};

// The applicant's creating requests (POST) carry an Idempotency-Key (issue 16, item 5): a new one
// for each request, the same one when the same request is sent again after no answer or a 5xx, so
// a lost answer files nothing twice. Keys are the signed-in applicant's (the server's own owner).
const retryKeys = new Map<string, string>();
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16)); // crypto.randomUUID needs a secure context
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const t = token.get();
  const text = body === undefined ? undefined : JSON.stringify(body);
  const retry = method === 'POST' && t ? `${path}\n${text ?? ''}` : undefined;
  const key = retry === undefined ? undefined : (retryKeys.get(retry) ?? newKey());
  if (retry !== undefined && key !== undefined) retryKeys.set(retry, key);
  const res = await fetch(path, {
    method,
    headers: {
      'accept-language': lang,
      ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(t ? { authorization: `Bearer ${t}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: text,
  });
  // answered (a 409 may be idempotency.inProgress: the outcome is still to learn with the same key)
  if (retry !== undefined && res.status < 500 && res.status !== 409) retryKeys.delete(retry);
  if (res.status === 204) return undefined as T;
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) {
    if (res.status === 401) token.set(null);
    throw new ApiError(res.status, data?.error?.message ?? res.statusText, data?.error?.fields ?? []);
  }
  return data as T;
}

/** A file the applicant's token may download, saved under its name. */
export async function download(path: string, name: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token.get() ?? ''}` } });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export type T = (key: PortalKey, params?: Record<string, string | number>) => string;

export function translate(l: Lang): T {
  return (key, params) => {
    const text = PORTAL_MESSAGES[l][key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
  };
}

export interface I18n {
  lang: Lang;
  t: T;
  setLang(l: Lang): void;
  /** A day (or an instant's local day), and an instant's local date and time: src/domain/dates.ts. */
  date(iso: string | null): string;
  dateTime(iso: string | null): string;
}

export const I18nContext = createContext<I18n | null>(null);
export const useI18n = () => useContext(I18nContext)!;

export interface PublicStatus {
  status: string;
  registrationDate: string;
  dueDate: string;
  reviewEndedOn: string | null;
  organization: { name: string };
}

export interface MyAppeal extends PublicStatus {
  id: string;
  organization: { id: number; name: string };
  registrationNumber: string;
  talonNumber: string;
  documentType: string;
  summary: string;
}

export interface Card extends MyAppeal {
  timeline: { at: string; kind: string; text: string }[];
  actions: { action: 'withdraw' | 'object' | 'fix' | 'rate'; open: boolean; until: string | null; basis: string }[];
  attachments: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
  rating: { score: number; comment: string } | null;
  letters: { id: string; number: string; letterDate: string; signerName: string | null }[];
}
