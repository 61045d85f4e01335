// The working-day calendar and the date arithmetic of legal terms (docs/legal-basis.md#counting-working-days, #non-working-days). Pure: no I/O,
// no dependence on the machine's time zone (dates are 'YYYY-MM-DD' strings, computed in UTC).
//
// Counting rules:
// - Working week Monday–Friday, minus the non-working weekdays, plus the working weekend days of
//   the calendar (Law on Holidays; Labour Code Arts. 84–85).
// - Registration (APPC Art. 64 p.3): the day of receipt; after the end of the working day or on a
//   non-working day, the next working day.
// - A term of N working days: by default the registration date is day 1 (the practice of the
//   national system); optionally the Civil Code count (Art. 173: from the next day).
// - Calendar-day and month terms start the next day (Civil Code Art. 173); a month term ends on the
//   same day number or the month's last day (Art. 174); an end on a non-working day moves to the
//   next working day (Art. 175).

import { KURBAN_AIT, KURBAN_AIT_BASIS, SHIPPED_DAY_EXCEPTIONS, SHIPPED_YEARS, STATUTORY_HOLIDAYS } from './calendar-data.ts';

export type IsoDate = string; // 'YYYY-MM-DD'

export interface DayException {
  date: IsoDate;
  working: boolean;
  note: string;
  provisional?: boolean;
}

export interface WorkingHours {
  start: string; // 'HH:MM'
  end: string; // 'HH:MM'
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  note?: string;
  /** true when the day's status is derived from the statute and not yet confirmed. */
  provisional: boolean;
}

export type CountMode = 'registrationDayIsDayOne' | 'civilCode';

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({ start: '09:00', end: '18:30' });
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// ---------------------------------------------------------------------------------------------
// Pure date arithmetic on IsoDate strings (UTC internally).

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: IsoDate): { y: number; m: number; day: number } {
  const match = typeof d === 'string' ? ISO_DATE_RE.exec(d) : null;
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${String(d)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const day = Number(match[3]);
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) {
    throw new RangeError(`not a valid date: ${d}`);
  }
  return { y, m, day };
}

/** Throws RangeError unless d is a valid 'YYYY-MM-DD' date; returns it. */
export function assertIsoDate(d: IsoDate): IsoDate {
  parts(d);
  return d;
}

export function isIsoDate(d: unknown): d is IsoDate {
  try {
    parts(d as string);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
function toDayNumber(d: IsoDate): number {
  const { y, m, day } = parts(d);
  return Date.UTC(y, m - 1, day) / DAY_MS;
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function yearOf(d: IsoDate): number {
  return parts(d).y;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return new Date(toDayNumber(d) * DAY_MS).getUTCDay();
}

export function isWeekend(d: IsoDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

/** d plus n calendar days (n may be negative); no working-day rule. */
export function plusDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** The same day number n months later, or that month's last day (no working-day rule). */
export function plusMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  const { y, m, day } = parts(d);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return ymd(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** Calendar days from a to b (b − a), negative when b is before a. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 'Sat 21 Mar' */
function shortDate(d: IsoDate): string {
  const { m, day } = parts(d);
  return `${WEEKDAY_SHORT[dayOfWeek(d)]} ${day} ${MONTH_SHORT[m - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Deriving a year's days off from the statute (docs/legal-basis.md#later-years).

const DERIVED_NOTE_SUFFIX = ' — derived from the statute, provisional until confirmed';

/**
 * The exceptions (non-working weekdays) of a year derived from the statute: the fixed holidays in
 * force that year and the first day of Kurban Ait (when its date is in the table). A holiday on a
 * weekday is a day off; a movable holiday on a weekend moves the day off to the next weekday that
 * is not already a day off, in date order; 7 January and Kurban Ait are not moved. Government
 * transfers of days off cannot be derived. Every entry is marked provisional (a year stays so until
 * an administrator confirms it: Calendar).
 */
export function deriveStatutoryExceptions(year: number): DayException[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`bad year: ${year}`);
  const holidays: { date: IsoDate; name: string; movable: boolean; basis: string }[] = [];
  for (const h of STATUTORY_HOLIDAYS) {
    if (h.fromYear !== undefined && year < h.fromYear) continue;
    if (h.untilYear !== undefined && year > h.untilYear) continue;
    holidays.push({ date: ymd(year, h.month, h.day), name: h.name, movable: h.movable, basis: 'Law on Holidays; Labour Code Arts. 84–85' });
  }
  const kurban = KURBAN_AIT.find((k) => k.year === year);
  if (kurban) {
    const status = kurban.status === 'expected' ? '; expected date, lunar, to be confirmed' : '';
    holidays.push({ date: kurban.date, name: `Kurban Ait, first day${status}`, movable: false, basis: KURBAN_AIT_BASIS });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const off = new Map<IsoDate, string>();
  const add = (date: IsoDate, note: string) => {
    const prev = off.get(date);
    off.set(date, prev ? `${prev}; ${note}` : note);
  };
  for (const h of holidays) {
    if (!isWeekend(h.date)) add(h.date, `${h.name} (${h.basis})`);
  }
  for (const h of holidays) {
    if (!isWeekend(h.date) || !h.movable) continue;
    let d = plusDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = plusDays(d, 1);
    add(d, `${h.name} (${h.basis}; moved from ${shortDate(h.date)})`);
  }
  return [...off.entries()]
    .filter(([date]) => yearOf(date) === year)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, note]) => ({ date, working: false, note: note + DERIVED_NOTE_SUFFIX, provisional: true }));
}

// ---------------------------------------------------------------------------------------------
// The calendar.

/** How many answers of nextWorkingDay a calendar keeps: ten years of days. */
const NEXT_KEPT = 3_660;

export class Calendar {
  private readonly explicit = new Map<IsoDate, DayException>();
  private readonly confirmed: ReadonlySet<number>;
  private readonly derived = new Map<number, Map<IsoDate, DayException>>();
  private readonly next = new Map<IsoDate, IsoDate>();

  /**
   * exceptions: the explicit non-working weekdays and working weekend days (entries that repeat the
   * default, e.g. a weekday marked working, are allowed and keep their note).
   * confirmedYears: the years an administrator has confirmed (docs/legal-basis.md#later-years): their days are the
   * explicit entries alone. Any other year is provisional: the days off derived from the statute,
   * each overridden or added to by the explicit entries of its date, so confirming one day does
   * not lose the others. Throws RangeError on an invalid date or a date listed twice.
   */
  constructor(exceptions: readonly DayException[], confirmedYears: Iterable<number> = []) {
    for (const e of exceptions) {
      assertIsoDate(e.date);
      if (this.explicit.has(e.date)) throw new RangeError(`date listed twice in the calendar: ${e.date}`);
      const copy: DayException = { date: e.date, working: Boolean(e.working), note: e.note ?? '' };
      if (e.provisional) copy.provisional = true;
      this.explicit.set(e.date, copy);
    }
    this.confirmed = new Set(confirmedYears);
  }

  /** The calendar shipped with the system (calendar-data.ts): its years are confirmed. */
  static shipped(): Calendar {
    return new Calendar(SHIPPED_DAY_EXCEPTIONS, SHIPPED_YEARS);
  }

  /** The explicit exceptions this calendar was built from, in date order. */
  explicitExceptions(): DayException[] {
    return [...this.explicit.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map((e) => ({ ...e }));
  }

  /** The exceptions in force for a year, in date order: a confirmed year's explicit ones; for a
   *  provisional year the derived ones with the explicit ones of that year over them. */
  exceptionsForYear(year: number): DayException[] {
    const explicit = this.explicitExceptions().filter((e) => yearOf(e.date) === year);
    if (this.confirmed.has(year)) return explicit;
    const merged = new Map([...this.derivedYear(year).values()].map((e) => [e.date, { ...e }]));
    for (const e of explicit) merged.set(e.date, e);
    return [...merged.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** The entries that confirming a provisional year stores as explicit: its exceptions in force,
   *  the derived ones without the remark that they are provisional. */
  confirmationOf(year: number): DayException[] {
    return this.exceptionsForYear(year).map((e) => ({ date: e.date, working: e.working, note: e.note.replace(DERIVED_NOTE_SUFFIX, '') }));
  }

  /** true until an administrator confirms the year (the shipped years are confirmed). */
  isProvisional(year: number): boolean {
    return !this.confirmed.has(year);
  }

  /** The years confirmed, in order. */
  confirmedYears(): number[] {
    return [...this.confirmed].sort((a, b) => a - b);
  }

  private derivedYear(year: number): Map<IsoDate, DayException> {
    let m = this.derived.get(year);
    if (!m) {
      m = new Map(deriveStatutoryExceptions(year).map((e) => [e.date, e]));
      this.derived.set(year, m);
    }
    return m;
  }

  private exceptionFor(d: IsoDate): DayException | undefined {
    const e = this.explicit.get(d);
    if (e) return e;
    const year = yearOf(d);
    return this.confirmed.has(year) ? undefined : this.derivedYear(year).get(d);
  }

  /** provisional: the day's status may still change — a day of a provisional year that no
   *  explicit entry settles, or an explicit entry itself marked provisional. */
  dayInfo(d: IsoDate): DayInfo {
    assertIsoDate(d);
    const e = this.exceptionFor(d);
    const settled = !this.isProvisional(yearOf(d)) || this.explicit.has(d);
    if (e) return { date: d, working: e.working, note: e.note, provisional: !settled || Boolean(e.provisional) };
    return { date: d, working: !isWeekend(d), provisional: !settled };
  }

  isWorkingDay(d: IsoDate): boolean {
    const e = this.exceptionFor(assertIsoDate(d));
    return e ? e.working : !isWeekend(d);
  }

  /** d itself when it is a working day, else the next working day. */
  onOrNextWorkingDay(d: IsoDate): IsoDate {
    let x = assertIsoDate(d);
    while (!this.isWorkingDay(x)) x = plusDays(x, 1);
    return x;
  }

  /** The first working day strictly after d; kept per d, since a term of n working days asks n
   *  times and every registration counts one (the calendar does not change once made). */
  nextWorkingDay(d: IsoDate): IsoDate {
    let next = this.next.get(d);
    if (next === undefined) {
      next = this.onOrNextWorkingDay(plusDays(d, 1));
      if (this.next.size >= NEXT_KEPT) this.next.clear();
      this.next.set(d, next);
    }
    return next;
  }

  /** The last working day strictly before d. */
  previousWorkingDay(d: IsoDate): IsoDate {
    let x = plusDays(d, -1);
    while (!this.isWorkingDay(x)) x = plusDays(x, -1);
    return x;
  }

  /**
   * The due date of a term of n working days from start.
   * - 'registrationDayIsDayOne' (default): start is day 1 (if start is not a working day, the next
   *   working day is day 1); the due date is the n-th working day.
   * - 'civilCode' (Civil Code Art. 173): counting starts the next day; the due date is the n-th
   *   working day after start.
   * n must be an integer ≥ 1.
   */
  addWorkingDays(start: IsoDate, n: number, count: CountMode = 'registrationDayIsDayOne'): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a working-day term must be an integer ≥ 1: ${n}`);
    let d = count === 'civilCode' ? this.nextWorkingDay(start) : this.onOrNextWorkingDay(start);
    for (let i = 1; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /** The n-th working day strictly before d (n ≥ 1), e.g. the latest date to notify "≥ 3 WD before". */
  subtractWorkingDays(d: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a working-day count must be an integer ≥ 1: ${n}`);
    let x = assertIsoDate(d);
    for (let i = 0; i < n; i++) x = this.previousWorkingDay(x);
    return x;
  }

  /** start + n calendar days (counting from the next day, Art. 173); a non-working end moves to the next working day (Art. 175). */
  addCalendarDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`a calendar-day term must be an integer ≥ 0: ${n}`);
    return this.onOrNextWorkingDay(plusDays(start, n));
  }

  /** The same day number n months later, or that month's last day (Art. 174); then the next-working-day rule (Art. 175). */
  addMonths(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`a month term must be an integer ≥ 0: ${n}`);
    return this.onOrNextWorkingDay(plusMonths(start, n));
  }

  /** The number of working days in (a, b]; negative (−count in (b, a]) when b is before a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    assertIsoDate(a);
    assertIsoDate(b);
    if (b < a) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = plusDays(a, 1); d <= b; d = plusDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** Every day of the year with its status, for printing the calendar. */
  yearDays(year: number): DayInfo[] {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`bad year: ${year}`);
    const out: DayInfo[] = [];
    const last = ymd(year, 12, 31);
    for (let d = ymd(year, 1, 1); d <= last; d = plusDays(d, 1)) out.push(this.dayInfo(d));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Instants, time zones, registration.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date and time of an instant in a time zone (IANA name). */
export function localDateTime(instant: Date, timeZone: string): { date: IsoDate; time: string } {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  const t = instant.getTime();
  const offset = hourOffset(Math.floor(t / HOUR_MS), timeZone);
  if (offset === undefined) return localFields(t, timeZone);
  const iso = new Date(t + offset).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

const HOUR_MS = 3_600_000;
/** `${time zone} ${UTC hour}` → the zone's offset through that hour, when one: asking the
 *  formatter costs some 10 µs, and registration asks three times an appeal. */
const offsets = new Map<string, number | null>();
/** How many hours of offsets are kept: some forty days of one zone. */
const OFFSETS_KEPT = 1_000;

function hourOffset(hour: number, timeZone: string): number | undefined {
  const key = `${timeZone} ${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR_MS, timeZone);
    // a change of offset within the hour (a transition): that hour is read field by field
    offset = start === offsetAt((hour + 1) * HOUR_MS - 1000, timeZone) ? start : null;
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset ?? undefined;
}

function offsetAt(t: number, timeZone: string): number {
  const { date, time } = localFields(t, timeZone);
  return Date.parse(`${date}T${time}Z`) - Math.floor(t / 1000) * 1000;
}

function localFields(t: number, timeZone: string): { date: IsoDate; time: string } {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(t)) p[part.type] = part.value;
  const hour = p.hour === '24' ? '00' : p.hour;
  return {
    date: `${(p.year ?? '').padStart(4, '0')}-${p.month}-${p.day}`,
    time: `${hour}:${p.minute}:${p.second}`,
  };
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

function timeParts(t: string): [number, number, number] {
  const m = TIME_RE.exec(t);
  if (!m) throw new RangeError(`not a time (HH:MM or HH:MM:SS): ${t}`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/** Throws RangeError unless hours are 'HH:MM' with start before end. */
export function assertWorkingHours(hours: WorkingHours): WorkingHours {
  const [sh, sm] = timeParts(hours.start);
  const [eh, em] = timeParts(hours.end);
  if (sh * 60 + sm >= eh * 60 + em) throw new RangeError(`working hours must start before they end: ${hours.start}–${hours.end}`);
  return hours;
}

/** The instant of a local date and time ('HH:MM' or 'HH:MM:SS') in a time zone. */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const { y, m, day } = parts(date);
  const [hh, mm, ss] = timeParts(time);
  const target = Date.UTC(y, m - 1, day, hh, mm, ss);
  let guess = target;
  for (let i = 0; i < 4; i++) {
    const local = localDateTime(new Date(guess), timeZone);
    const lp = parts(local.date);
    const [lh, lm, ls] = timeParts(local.time);
    const diff = Date.UTC(lp.y, lp.m - 1, lp.day, lh, lm, ls) - target;
    if (diff === 0) break;
    guess -= diff;
  }
  return new Date(guess);
}

/**
 * The registration date of an appeal received at an instant (APPC Art. 64 p.3): the local receipt
 * date when it is a working day and the local time is before the end of working hours (a receipt
 * before the start of the working day is registered that day); otherwise the next working day.
 */
export function registrationDate(receivedAt: Date, timeZone: string, hours: WorkingHours, cal: Calendar): IsoDate {
  assertWorkingHours(hours);
  const local = localDateTime(receivedAt, timeZone);
  const [eh, em] = timeParts(hours.end);
  const end = `${String(eh).padStart(2, '0')}:${String(em).padStart(2, '0')}:00`;
  if (cal.isWorkingDay(local.date) && local.time < end) return local.date;
  return cal.nextWorkingDay(local.date);
}

/** The deadline instant of a due date: 23:59:59 local time on that date. */
export function deadlineInstant(due: IsoDate, timeZone: string): Date {
  return zonedInstant(due, '23:59:59', timeZone);
}
