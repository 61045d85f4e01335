// The language of the app (Kazakh by default), switchable at any time and remembered in this
// browser; dates, times and numbers formatted for it, in the time zone of the user's organization.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, LOCAL_TIME_ZONE } from '../../../src/domain/dates.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const STORAGE_KEY = 'joldanym.lang';
export const DEFAULT_TIME_ZONE = LOCAL_TIME_ZONE;

/** The language the API is asked to answer in (read by the API client). */
let current: Lang = initialLang();
export const currentLang = () => current;

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage unavailable */
  }
  return 'kk';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  timeZone: string;
  setTimeZone(tz: string): void;
  /** 'YYYY-MM-DD', or an instant's local day, as the language writes dates. */
  date(iso: string | null | undefined): string;
  /** An instant as date and time in the organization's time zone. */
  dateTime(iso: string | null | undefined): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(current);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const setLang = useCallback((l: Lang) => {
    current = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* storage unavailable */
    }
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[lang];
    const locale = LOCALES[lang];
    const t: Translate = (key, params) => {
      const text = messages[key] ?? MESSAGES.en[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k]))) : text;
    };
    return {
      lang,
      setLang,
      t,
      timeZone,
      setTimeZone,
      // one rule for dates in every screen and document (src/domain/dates.ts)
      date: (iso) => (iso ? formatDate(iso, lang, timeZone) : messages.none),
      dateTime: (iso) => (iso ? formatDateTime(iso, lang, timeZone) : messages.none),
      number: (n, options) => new Intl.NumberFormat(locale, options).format(n),
    };
  }, [lang, setLang, timeZone]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
