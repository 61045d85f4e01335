// The shipped production calendar of Kazakhstan, as data (docs/legal-basis.md#non-working-days).
//
// Law: Law of the Republic of Kazakhstan "On Holidays in the Republic of Kazakhstan"
// (13 December 2001 No. 267-II) — the list of public holidays; Labour Code of the Republic of
// Kazakhstan (23 November 2015 No. 414-V) Arts. 84–85 — days off and holidays: a holiday that
// falls on a day off moves the day off to the next working day, except 7 January (Orthodox
// Christmas) and the first day of Kurban Ait; the Government (now the labour ministry) may move
// days off by order, turning a weekend day into a working day.
//
// Two kinds of data live here:
// 1. SHIPPED_DAY_EXCEPTIONS: for the known years (SHIPPED_YEARS, confirmed) the explicit list of
//    non-working weekdays and of working weekend days. This is what the Calendar uses for those
//    years; it is loaded into the database, where an administrator edits it.
// 2. The statute (STATUTORY_HOLIDAYS, KURBAN_AIT) from which `Calendar` derives the days off of
//    any year not confirmed, provisional until an administrator confirms it; explicit entries of
//    such a year override or add to the derived days.
//
// Saturdays and Sundays are days off unless listed here as working; every other day is a working
// day unless listed here as non-working. Holidays that fall on a weekend and are not moved
// (7 January, Kurban Ait) need no entry.

export interface CalendarDataEntry {
  date: string; // 'YYYY-MM-DD'
  working: boolean;
  note: string;
}

const LAW = 'Law on Holidays; Labour Code Arts. 84–85';

// 2024: from secondary sources (docs/legal-basis.md#shipped-years).
const Y2024: CalendarDataEntry[] = [
  { date: '2024-01-01', working: false, note: `New Year (${LAW})` },
  { date: '2024-01-02', working: false, note: `New Year (${LAW})` },
  { date: '2024-03-08', working: false, note: `International Women's Day (${LAW})` },
  { date: '2024-03-21', working: false, note: `Nauryz meiramy (${LAW})` },
  { date: '2024-03-22', working: false, note: `Nauryz meiramy (${LAW})` },
  { date: '2024-03-25', working: false, note: `Nauryz meiramy (${LAW}; moved from Sat 23 Mar)` },
  { date: '2024-05-01', working: false, note: `Kazakhstan People's Unity Day (${LAW})` },
  { date: '2024-05-04', working: true, note: 'working Saturday by Government order, in exchange for Wed 8 May' },
  { date: '2024-05-07', working: false, note: `Defender of the Fatherland Day (${LAW})` },
  { date: '2024-05-08', working: false, note: 'day off by Government order, moved from Sat 4 May' },
  { date: '2024-05-09', working: false, note: `Victory Day (${LAW})` },
  { date: '2024-07-08', working: false, note: `Capital Day (${LAW}; moved from Sat 6 Jul)` },
  { date: '2024-08-30', working: false, note: `Constitution Day (${LAW})` },
  { date: '2024-10-25', working: false, note: `Republic Day (${LAW})` },
  { date: '2024-12-16', working: false, note: `Independence Day (${LAW})` },
];
// Not listed (on a weekend, not moved): Sun 7 Jan (Orthodox Christmas), Sun 16 Jun (Kurban Ait).

const Y2025: CalendarDataEntry[] = [
  { date: '2025-01-01', working: false, note: `New Year (${LAW})` },
  { date: '2025-01-02', working: false, note: `New Year (${LAW})` },
  { date: '2025-01-03', working: false, note: 'day off by Government order, moved from Sun 5 Jan' },
  { date: '2025-01-05', working: true, note: 'working Sunday by Government order, in exchange for Fri 3 Jan' },
  { date: '2025-01-07', working: false, note: `Orthodox Christmas (${LAW})` },
  { date: '2025-03-10', working: false, note: `International Women's Day (${LAW}; moved from Sat 8 Mar)` },
  { date: '2025-03-21', working: false, note: `Nauryz meiramy (${LAW})` },
  { date: '2025-03-24', working: false, note: `Nauryz meiramy (${LAW}; moved from Sat 22 Mar)` },
  { date: '2025-03-25', working: false, note: `Nauryz meiramy (${LAW}; moved from Sun 23 Mar)` },
  { date: '2025-05-01', working: false, note: `Kazakhstan People's Unity Day (${LAW})` },
  { date: '2025-05-07', working: false, note: `Defender of the Fatherland Day (${LAW})` },
  { date: '2025-05-09', working: false, note: `Victory Day (${LAW})` },
  { date: '2025-06-06', working: false, note: `Kurban Ait, first day (${LAW}; not moved)` },
  { date: '2025-07-07', working: false, note: `Capital Day (${LAW}; moved from Sun 6 Jul)` },
  { date: '2025-09-01', working: false, note: `Constitution Day (${LAW}; moved from Sat 30 Aug)` },
  { date: '2025-10-27', working: false, note: `Republic Day (${LAW}; moved from Sat 25 Oct)` },
  { date: '2025-12-16', working: false, note: `Independence Day (${LAW})` },
];

const Y2026: CalendarDataEntry[] = [
  { date: '2026-01-01', working: false, note: `New Year (${LAW})` },
  { date: '2026-01-02', working: false, note: `New Year (${LAW})` },
  { date: '2026-01-07', working: false, note: `Orthodox Christmas (${LAW})` },
  { date: '2026-03-09', working: false, note: `International Women's Day (${LAW}; moved from Sun 8 Mar)` },
  { date: '2026-03-23', working: false, note: `Nauryz meiramy (${LAW})` },
  { date: '2026-03-24', working: false, note: `Nauryz meiramy (${LAW}; moved from Sat 21 Mar)` },
  { date: '2026-03-25', working: false, note: `Nauryz meiramy (${LAW}; moved from Sun 22 Mar)` },
  { date: '2026-05-01', working: false, note: `Kazakhstan People's Unity Day (${LAW})` },
  { date: '2026-05-07', working: false, note: `Defender of the Fatherland Day (${LAW})` },
  { date: '2026-05-11', working: false, note: `Victory Day (${LAW}; moved from Sat 9 May)` },
  { date: '2026-05-27', working: false, note: `Kurban Ait, first day (${LAW}; not moved)` },
  { date: '2026-07-06', working: false, note: `Capital Day (${LAW})` },
  {
    date: '2026-08-31',
    working: true,
    note:
      'DISPUTED, shipped as a working day: Constitution Day (30 Aug, a Sunday) is a holiday only until 2025; ' +
      'the e-gov calendar of January 2026 listed Mon 31 Aug as a day off, but the labour ministry said in ' +
      'March 2026 that 30 August is no longer a holiday. An administrator can change this entry.',
  },
  { date: '2026-10-26', working: false, note: `Republic Day (${LAW}; moved from Sun 25 Oct)` },
  { date: '2026-12-16', working: false, note: `Independence Day (${LAW})` },
];

/** The explicit calendar shipped for the known years, in date order. */
export const SHIPPED_DAY_EXCEPTIONS: readonly CalendarDataEntry[] = [...Y2024, ...Y2025, ...Y2026];

/** The years that have an explicit shipped calendar: confirmed (not derived). */
export const SHIPPED_YEARS: readonly number[] = [2024, 2025, 2026];

// ---------------------------------------------------------------------------------------------
// The statute, for deriving later years.

export interface StatutoryHoliday {
  month: number; // 1–12
  day: number;
  name: string;
  /** false: a holiday on a weekend does not move the day off (7 January, Kurban Ait). */
  movable: boolean;
  /** First year in which this is a holiday (inclusive); absent = since before 2024. */
  fromYear?: number;
  /** Last year in which this is a holiday (inclusive); absent = still in force. */
  untilYear?: number;
  basis: string;
}

/**
 * The fixed-date public holidays (Law on Holidays, as in force from 2024). The derivation for years
 * before 2024 uses the same list and is only approximate (the list changed in 2022), which is why
 * every derived year is marked provisional.
 */
export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = [
  { month: 1, day: 1, name: 'New Year', movable: true, basis: LAW },
  { month: 1, day: 2, name: 'New Year', movable: true, basis: LAW },
  { month: 1, day: 7, name: 'Orthodox Christmas', movable: false, basis: `${LAW}; not moved when on a weekend` },
  { month: 3, day: 8, name: "International Women's Day", movable: true, basis: LAW },
  {
    month: 3,
    day: 15,
    name: 'Constitution Day',
    movable: true,
    fromYear: 2027,
    basis: `${LAW}; Constitution Day on 15 March from 2027 (2026 Constitution) — verify the amending law`,
  },
  { month: 3, day: 21, name: 'Nauryz meiramy', movable: true, basis: LAW },
  { month: 3, day: 22, name: 'Nauryz meiramy', movable: true, basis: LAW },
  { month: 3, day: 23, name: 'Nauryz meiramy', movable: true, basis: LAW },
  { month: 5, day: 1, name: "Kazakhstan People's Unity Day", movable: true, basis: LAW },
  { month: 5, day: 7, name: 'Defender of the Fatherland Day', movable: true, basis: LAW },
  { month: 5, day: 9, name: 'Victory Day', movable: true, basis: LAW },
  { month: 7, day: 6, name: 'Capital Day', movable: true, basis: LAW },
  {
    month: 8,
    day: 30,
    name: 'Constitution Day',
    movable: true,
    untilYear: 2025,
    basis: `${LAW}; a holiday until 2025 (docs/legal-basis.md#non-working-days)`,
  },
  { month: 10, day: 25, name: 'Republic Day', movable: true, basis: LAW },
  { month: 12, day: 16, name: 'Independence Day', movable: true, basis: LAW },
];

export interface KurbanAitDate {
  year: number;
  /** The first day of Kurban Ait (the public holiday; not moved when on a weekend). */
  date: string;
  /** 'announced': confirmed for that year; 'expected': astronomical estimate, to be confirmed. */
  status: 'announced' | 'expected';
}

/**
 * The first day of Kurban Ait (a lunar date, announced yearly by the Spiritual Administration of
 * Muslims of Kazakhstan and fixed by the Government). The later years are estimates and may be off
 * by a day: an administrator must confirm them.
 */
export const KURBAN_AIT: readonly KurbanAitDate[] = [
  { year: 2024, date: '2024-06-16', status: 'announced' },
  { year: 2025, date: '2025-06-06', status: 'announced' },
  { year: 2026, date: '2026-05-27', status: 'announced' },
  { year: 2027, date: '2027-05-16', status: 'expected' },
  { year: 2028, date: '2028-05-05', status: 'expected' },
  { year: 2029, date: '2029-04-24', status: 'expected' },
  { year: 2030, date: '2030-04-13', status: 'expected' },
];

export const KURBAN_AIT_BASIS = `${LAW}; the first day of Kurban Ait, not moved when on a weekend`;
