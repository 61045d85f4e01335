// How dates and times are written, one rule for every screen (web/src, web/portal), server text
// and printed document (issue 10 item 8): Kazakh and Russian dd.MM.yyyy (and HH:mm, 24-hour),
// English "4 Dec 2026" (and ", 14:05"). Times are the office's local time, Asia/Almaty by default
// (UTC+5 since 1 March 2024); a bare date 'YYYY-MM-DD' is a calendar day and is not shifted.
// Pure: Intl only converts an instant to a time zone's wall clock; the words are ours, not ICU's.

import type { Language } from './vocabulary.ts';

export const LOCAL_TIME_ZONE = 'Asia/Almaty';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const clocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: Date, timeZone: string) {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, f);
  }
  const part = (type: string) => f.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

const day = (y: string, m: string, d: string, lang: Language) => (lang === 'en' ? `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}` : `${d}.${m}.${y}`);

function instant(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A calendar day ('YYYY-MM-DD') or the local day of an instant; text that is neither is returned as is. */
export function formatDate(value: string | Date, lang: Language, timeZone: string = LOCAL_TIME_ZONE): string {
  if (typeof value === 'string') {
    const m = ISO_DAY.exec(value);
    if (m) return day(m[1]!, m[2]!, m[3]!, lang);
  }
  const d = instant(value);
  if (!d) return String(value);
  const w = wallClock(d, timeZone);
  return day(w.year, w.month, w.day, lang);
}

/** An instant as the local date and time; text that is not an instant is returned as is. */
export function formatDateTime(value: string | Date, lang: Language, timeZone: string = LOCAL_TIME_ZONE): string {
  const d = typeof value === 'string' && ISO_DAY.test(value) ? null : instant(value);
  if (!d) return typeof value === 'string' ? formatDate(value, lang, timeZone) : String(value);
  const w = wallClock(d, timeZone);
  return `${day(w.year, w.month, w.day, lang)}${lang === 'en' ? ',' : ''} ${w.hour}:${w.minute}`;
}
