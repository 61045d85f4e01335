// The language of the app (Kazakh by default), switchable at any time and remembered in this
// browser; dates, times and numbers formatted for it, in the time zone of the user's organization.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type MessageKey } from './messages.ts';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const STORAGE_KEY = 'joldanym.lang';
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

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
  /** 'YYYY-MM-DD' as a date of the locale. */
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
    const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
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
      date: (iso) => {
        if (!iso) return messages.none;
        const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
      },
      dateTime: (iso) => {
        if (!iso) return messages.none;
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
      },
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
