import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  Calendar,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_HOURS,
  dayOfWeek,
  daysBetween,
  deadlineInstant,
  deriveStatutoryExceptions,
  localDateTime,
  plusDays,
  plusMonths,
  registrationDate,
  zonedInstant,
  type DayException,
} from './calendar.ts';
import { KURBAN_AIT, SHIPPED_DAY_EXCEPTIONS, SHIPPED_YEARS } from './calendar-data.ts';

const cal = Calendar.shipped();
const TZ = DEFAULT_TIME_ZONE;
const HOURS = DEFAULT_WORKING_HOURS;

// docs/legal-basis.md#shipped-years, verbatim.
const NON_WORKING_WEEKDAYS: Record<number, string[]> = {
  2024: ['01-01', '01-02', '03-08', '03-21', '03-22', '03-25', '05-01', '05-07', '05-08', '05-09', '07-08', '08-30', '10-25', '12-16'],
  2025: ['01-01', '01-02', '01-03', '01-07', '03-10', '03-21', '03-24', '03-25', '05-01', '05-07', '05-09', '06-06', '07-07', '09-01', '10-27', '12-16'],
  2026: ['01-01', '01-02', '01-07', '03-09', '03-23', '03-24', '03-25', '05-01', '05-07', '05-11', '05-27', '07-06', '10-26', '12-16'],
};
const WORKING_WEEKEND_DAYS = ['2024-05-04', '2025-01-05'];

function allDays(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = plusDays(d, 1)) out.push(d);
  return out;
}

test('date arithmetic is pure UTC arithmetic', () => {
  assert.equal(plusDays('2024-02-28', 1), '2024-02-29');
  assert.equal(plusDays('2024-02-29', 1), '2024-03-01');
  assert.equal(plusDays('2025-12-31', 1), '2026-01-01');
  assert.equal(plusDays('2026-01-01', -1), '2025-12-31');
  assert.equal(plusMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(plusMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(plusMonths('2026-12-15', 2), '2027-02-15');
  assert.equal(daysBetween('2026-01-01', '2026-12-31'), 364);
  assert.equal(dayOfWeek('2022-05-26'), 4); // Thursday
  assert.equal(dayOfWeek('2026-03-21'), 6); // Saturday
  assert.throws(() => plusDays('2026-02-30', 1), RangeError);
  assert.throws(() => plusDays('2026-2-3', 1), RangeError);
  assert.throws(() => cal.isWorkingDay('not a date'), RangeError);
});

test('every shipped non-working weekday of 2024–2026 is non-working, and nothing else on a weekday', () => {
  for (const year of [2024, 2025, 2026]) {
    const expected = new Set(NON_WORKING_WEEKDAYS[year]!.map((md) => `${year}-${md}`));
    for (const d of expected) {
      assert.notEqual(dayOfWeek(d), 0, `${d} is a weekday`);
      assert.notEqual(dayOfWeek(d), 6, `${d} is a weekday`);
      assert.equal(cal.isWorkingDay(d), false, `${d} is a day off`);
      const info = cal.dayInfo(d);
      assert.equal(info.working, false);
      assert.equal(info.provisional, false);
      assert.ok(info.note && info.note.length > 0, `${d} has a note`);
    }
    for (const d of allDays(year)) {
      const w = dayOfWeek(d);
      const weekend = w === 0 || w === 6;
      const expectedWorking = weekend ? WORKING_WEEKEND_DAYS.includes(d) : !expected.has(d);
      assert.equal(cal.isWorkingDay(d), expectedWorking, d);
    }
    assert.equal(cal.isProvisional(year), false);
  }
  assert.deepEqual([...SHIPPED_YEARS], [2024, 2025, 2026]);
});

test('working weekend days: Saturday 2024-05-04 and Sunday 2025-01-05', () => {
  assert.equal(dayOfWeek('2024-05-04'), 6);
  assert.equal(dayOfWeek('2025-01-05'), 0);
  assert.equal(cal.isWorkingDay('2024-05-04'), true);
  assert.equal(cal.isWorkingDay('2025-01-05'), true);
  assert.match(cal.dayInfo('2025-01-05').note ?? '', /3 Jan/);
  assert.match(cal.dayInfo('2024-05-04').note ?? '', /8 May/);
});

test('ordinary weekends are non-working and ordinary weekdays working', () => {
  for (const d of ['2026-03-14', '2026-03-15', '2026-06-20', '2026-06-21', '2025-01-04', '2024-05-05']) {
    assert.equal(cal.isWorkingDay(d), false, d);
    const info = cal.dayInfo(d);
    assert.deepEqual(info, { date: d, working: false, provisional: false });
  }
  assert.deepEqual(cal.dayInfo('2026-03-16'), { date: '2026-03-16', working: true, provisional: false });
});

test('holiday moves of 2026: 8 Mar → 9 Mar, 9 May → 11 May, 25 Oct → 26 Oct; Nauryz 21–22 → 24–25', () => {
  assert.equal(cal.isWorkingDay('2026-03-09'), false);
  assert.match(cal.dayInfo('2026-03-09').note ?? '', /moved from Sun 8 Mar/);
  assert.equal(cal.isWorkingDay('2026-05-11'), false);
  assert.match(cal.dayInfo('2026-05-11').note ?? '', /moved from Sat 9 May/);
  assert.equal(cal.isWorkingDay('2026-10-26'), false);
  assert.match(cal.dayInfo('2026-10-26').note ?? '', /moved from Sun 25 Oct/);
  for (const d of ['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']) assert.equal(cal.isWorkingDay(d), false, d);
  assert.equal(cal.isWorkingDay('2026-03-26'), true);
  // May 8 2026 (Friday) is an ordinary working day.
  assert.equal(cal.isWorkingDay('2026-05-08'), true);
});

test('2026-08-31 is shipped as a working day with a note on the dispute', () => {
  const info = cal.dayInfo('2026-08-31');
  assert.equal(info.working, true);
  assert.equal(info.provisional, false);
  assert.match(info.note ?? '', /DISPUTED/);
  assert.match(info.note ?? '', /labour ministry/);
  assert.equal(cal.isWorkingDay('2026-08-31'), true);
  // An administrator can flip it.
  const edited = new Calendar(SHIPPED_DAY_EXCEPTIONS.map((e) => (e.date === '2026-08-31' ? { ...e, working: false, note: 'Constitution Day, moved (admin)' } : e)));
  assert.equal(edited.isWorkingDay('2026-08-31'), false);
});

test('2027 is derived from the statute and provisional: 15 Mar off, 30 Aug not a holiday', () => {
  assert.equal(cal.isProvisional(2027), true);
  assert.equal(cal.dayInfo('2027-03-15').working, false);
  assert.equal(cal.dayInfo('2027-03-15').provisional, true);
  assert.match(cal.dayInfo('2027-03-15').note ?? '', /Constitution Day/);
  assert.equal(dayOfWeek('2027-08-30'), 1);
  assert.equal(cal.isWorkingDay('2027-08-30'), true);
  assert.equal(cal.dayInfo('2027-08-30').provisional, true);
  assert.equal(cal.dayInfo('2027-08-30').note, undefined);
  // Other 2027 derivations: Nauryz Sun 21 Mar → Wed 24 Mar; 1–2 Jan Fri/Sat → Mon 4 Jan; Kurban Ait Sun 16 May not moved.
  const off2027 = deriveStatutoryExceptions(2027).map((e) => e.date);
  assert.deepEqual(off2027, [
    '2027-01-01',
    '2027-01-04',
    '2027-01-07',
    '2027-03-08',
    '2027-03-15',
    '2027-03-22',
    '2027-03-23',
    '2027-03-24',
    '2027-05-03',
    '2027-05-07',
    '2027-05-10',
    '2027-07-06',
    '2027-10-25',
    '2027-12-16',
  ]);
  assert.ok(deriveStatutoryExceptions(2027).every((e) => e.provisional === true && e.working === false));
  assert.equal(cal.isWorkingDay('2027-05-17'), true); // Kurban Ait on Sunday 16 May is not moved
});

test('derivation of 2027 May holidays: Sat 1 May and Sun 9 May move to the next free weekdays', () => {
  // 1 May (Sat) → Mon 3 May; 7 May (Fri) stays; 9 May (Sun) → Mon 10 May.
  assert.equal(dayOfWeek('2027-05-01'), 6);
  assert.equal(dayOfWeek('2027-05-09'), 0);
  assert.equal(cal.isWorkingDay('2027-05-03'), false);
  assert.equal(cal.isWorkingDay('2027-05-07'), false);
  assert.equal(cal.isWorkingDay('2027-05-10'), false);
});

test('the statutory derivation reproduces the shipped 2026 list exactly', () => {
  const shipped2026 = SHIPPED_DAY_EXCEPTIONS.filter((e) => e.date.startsWith('2026-') && !e.working).map((e) => e.date);
  const derived2026 = deriveStatutoryExceptions(2026).map((e) => e.date);
  assert.deepEqual(derived2026, shipped2026);
  // And a calendar without explicit 2026 data agrees with the shipped one on every day of 2026.
  const derivedOnly = new Calendar([]);
  assert.equal(derivedOnly.isProvisional(2026), true);
  for (const d of allDays(2026)) assert.equal(derivedOnly.isWorkingDay(d), cal.isWorkingDay(d), d);
});

test('the derivation reproduces 2024 and 2025 except the Government transfers', () => {
  const transfers = new Set(['2024-05-08', '2025-01-03']);
  for (const year of [2024, 2025]) {
    const shipped = SHIPPED_DAY_EXCEPTIONS.filter((e) => e.date.startsWith(`${year}-`) && !e.working && !transfers.has(e.date)).map((e) => e.date);
    assert.deepEqual(
      deriveStatutoryExceptions(year).map((e) => e.date),
      shipped,
      String(year),
    );
  }
});

test('Kurban Ait table: known dates and expected ones', () => {
  const byYear = new Map(KURBAN_AIT.map((k) => [k.year, k]));
  assert.equal(byYear.get(2024)?.date, '2024-06-16');
  assert.equal(byYear.get(2025)?.date, '2025-06-06');
  assert.equal(byYear.get(2026)?.date, '2026-05-27');
  assert.equal(byYear.get(2027)?.date, '2027-05-16');
  assert.equal(byYear.get(2027)?.status, 'expected');
  for (let y = 2024; y <= 2030; y++) assert.ok(byYear.has(y), String(y));
  // 2028: an expected Kurban Ait on a weekday is derived as a provisional day off.
  const k2028 = byYear.get(2028)!.date;
  assert.equal(cal.isWorkingDay(k2028), false);
  assert.match(cal.dayInfo(k2028).note ?? '', /Kurban Ait.*expected/);
});

test('yearDays lists every day with its info; provisional flag per year', () => {
  const y2026 = cal.yearDays(2026);
  assert.equal(y2026.length, 365);
  assert.equal(y2026[0]?.date, '2026-01-01');
  assert.equal(y2026[364]?.date, '2026-12-31');
  assert.equal(y2026.filter((d) => d.working).length, 365 - 104 - 14);
  assert.ok(y2026.every((d) => !d.provisional));
  const y2028 = cal.yearDays(2028);
  assert.equal(y2028.length, 366);
  assert.ok(y2028.every((d) => d.provisional));
});

test('the calendar rejects invalid and duplicate dates; a confirmed year is its explicit data alone', () => {
  assert.throws(() => new Calendar([{ date: '2026-13-01', working: false, note: '' }]), RangeError);
  assert.throws(
    () =>
      new Calendar([
        { date: '2026-01-05', working: false, note: 'a' },
        { date: '2026-01-05', working: true, note: 'b' },
      ]),
    RangeError,
  );
  const custom: DayException[] = [{ date: '2027-01-06', working: false, note: 'by order', provisional: true }];
  const c = new Calendar(custom, [2027]);
  assert.equal(c.isProvisional(2027), false);
  assert.equal(c.isWorkingDay('2027-01-06'), false);
  assert.equal(c.dayInfo('2027-01-06').provisional, true);
  assert.equal(c.isWorkingDay('2027-01-07'), true); // confirmed year: no derivation
  assert.equal(c.isWorkingDay('2028-01-07'), false); // other years still derived (Fri 7 Jan 2028)
  assert.deepEqual(c.exceptionsForYear(2027), [{ date: '2027-01-06', working: false, note: 'by order', provisional: true }]);
});

test('explicit days of a provisional year override or add to the derived ones; the year stays provisional until confirmed', () => {
  const derived = deriveStatutoryExceptions(2027);
  // an administrator settles one day (a Government transfer) and corrects another (Kurban Ait moved)
  const edits: DayException[] = [
    { date: '2027-01-08', working: false, note: 'day off by Government order' },
    { date: '2027-03-08', working: true, note: 'working day (correction)' },
  ];
  const c = new Calendar([...SHIPPED_DAY_EXCEPTIONS, ...edits], SHIPPED_YEARS);
  assert.equal(c.isProvisional(2027), true);
  assert.equal(c.isWorkingDay('2027-01-08'), false); // added
  assert.equal(c.isWorkingDay('2027-03-08'), true); // overridden
  for (const d of derived.map((e) => e.date).filter((d) => d !== '2027-03-08')) assert.equal(c.isWorkingDay(d), false, `${d} stays a day off`);
  assert.equal(c.dayInfo('2027-01-08').provisional, false); // settled by the explicit entry
  assert.equal(c.dayInfo('2027-01-04').provisional, true); // still derived
  assert.equal(c.dayInfo('2027-06-01').provisional, true); // an ordinary day of a provisional year
  const inForce = c.exceptionsForYear(2027);
  assert.equal(inForce.length, derived.length + 1);
  assert.deepEqual(
    inForce.find((e) => e.date === '2027-03-08'),
    edits[1],
  );

  // Confirming stores the days in force as explicit entries, without the provisional remark …
  const confirmation = c.confirmationOf(2027);
  assert.deepEqual(
    confirmation.map((e) => [e.date, e.working]),
    inForce.map((e) => [e.date, e.working]),
  );
  assert.ok(confirmation.every((e) => !('provisional' in e) && !e.note.includes('provisional')));
  assert.match(confirmation.find((e) => e.date === '2027-03-15')!.note, /^Constitution Day/);
  // … and the confirmed year has the same days, no longer provisional.
  const stored = [...SHIPPED_DAY_EXCEPTIONS, ...confirmation];
  const confirmed = new Calendar(stored, [...SHIPPED_YEARS, 2027]);
  assert.equal(confirmed.isProvisional(2027), false);
  for (const d of allDays(2027)) {
    assert.equal(confirmed.isWorkingDay(d), c.isWorkingDay(d), d);
    assert.equal(confirmed.dayInfo(d).provisional, false, d);
  }
  assert.deepEqual(confirmed.confirmedYears(), [2024, 2025, 2026, 2027]);
});

test('next working day, on-or-next, previous', () => {
  assert.equal(cal.onOrNextWorkingDay('2026-03-20'), '2026-03-20');
  assert.equal(cal.onOrNextWorkingDay('2026-03-21'), '2026-03-26');
  assert.equal(cal.nextWorkingDay('2026-03-20'), '2026-03-26');
  assert.equal(cal.nextWorkingDay('2026-03-26'), '2026-03-27');
  assert.equal(cal.nextWorkingDay('2025-01-03'), '2025-01-05'); // working Sunday
  assert.equal(cal.nextWorkingDay('2025-12-31'), '2026-01-05');
  assert.equal(cal.previousWorkingDay('2026-03-26'), '2026-03-20');
  assert.equal(cal.subtractWorkingDays('2026-03-27', 3), '2026-03-19');
});

test('the worked example of docs/legal-basis.md#counting-working-days: registered Thu 2022-05-26, 15 WD → Wed 2022-06-15; Civil Code count → Thu 2022-06-16', () => {
  assert.equal(cal.addWorkingDays('2022-05-26', 15), '2022-06-15');
  assert.equal(cal.addWorkingDays('2022-05-26', 15, 'registrationDayIsDayOne'), '2022-06-15');
  assert.equal(cal.addWorkingDays('2022-05-26', 15, 'civilCode'), '2022-06-16');
  assert.equal(cal.addWorkingDays('2022-05-26', 1), '2022-05-26');
  assert.equal(cal.addWorkingDays('2022-05-26', 1, 'civilCode'), '2022-05-27');
  assert.throws(() => cal.addWorkingDays('2022-05-26', 0), RangeError);
  assert.throws(() => cal.addWorkingDays('2022-05-26', 1.5), RangeError);
});

test('working-day terms spanning Nauryz and the May holidays of 2026', () => {
  // Registered Thu 19 Mar 2026: 19, 20, 26, 27, 30, 31 Mar, 1, 2, 3, 6, 7, 8, 9, 10, 13 Apr.
  assert.equal(cal.addWorkingDays('2026-03-19', 15), '2026-04-13');
  assert.equal(cal.addWorkingDays('2026-03-19', 15, 'civilCode'), '2026-04-14');
  assert.equal(cal.addWorkingDays('2026-03-19', 3), '2026-03-26');
  // Registered Wed 29 Apr 2026: 29, 30 Apr, 4, 5, 6, 8, 12, 13, 14, 15, 18, 19, 20, 21, 22 May
  // (1 May, 7 May, 11 May off; 27 May Kurban Ait is later).
  assert.equal(cal.addWorkingDays('2026-04-29', 15), '2026-05-22');
  // 20 WD from 2026-05-13: 13–15, 18–22, 25, 26, 28, 29 May, 1–5, 8, 9, 10 Jun → 10 Jun (27 May off).
  assert.equal(cal.addWorkingDays('2026-05-13', 20), '2026-06-10');
});

test('calendar-day terms start the next day and end on a working day', () => {
  assert.equal(cal.addCalendarDays('2026-03-02', 30), '2026-04-01');
  // 2026-02-19 + 30 = Sat 21 Mar → Nauryz → Thu 26 Mar.
  assert.equal(cal.addCalendarDays('2026-02-19', 30), '2026-03-26');
  assert.equal(cal.addCalendarDays('2026-03-20', 0), '2026-03-20');
});

test('month terms: the 31st → last day of a shorter month; end on a non-working day moves', () => {
  assert.equal(cal.addMonths('2025-12-31', 2), '2026-03-02'); // 28 Feb 2026 is a Saturday → Mon 2 Mar
  assert.equal(cal.addMonths('2026-01-30', 1), '2026-03-02'); // 28 Feb (Sat) → Mon 2 Mar
  assert.equal(cal.addMonths('2026-08-31', 1), '2026-09-30'); // Wed 30 Sep
  assert.equal(cal.addMonths('2026-03-31', 2), '2026-06-01'); // 31 May is a Sunday → Mon 1 Jun
  assert.equal(cal.addMonths('2026-10-31', 1), '2026-11-30'); // Mon 30 Nov
  assert.equal(cal.addMonths('2024-12-31', 2), '2025-02-28'); // Fri 28 Feb
  assert.equal(cal.addMonths('2026-01-07', 2), '2026-03-10'); // 7 Mar Sat, 8 Sun, 9 Mon off → Tue 10 Mar
});

test('workingDaysBetween counts (a, b]', () => {
  assert.equal(cal.workingDaysBetween('2026-03-19', '2026-03-19'), 0);
  assert.equal(cal.workingDaysBetween('2026-03-19', '2026-03-20'), 1);
  assert.equal(cal.workingDaysBetween('2026-03-19', '2026-03-26'), 2);
  assert.equal(cal.workingDaysBetween('2026-03-26', '2026-03-19'), -2);
  assert.equal(cal.workingDaysBetween('2025-12-31', '2026-12-31'), 365 - 104 - 14);
  // Consistency with addWorkingDays (civil count): due − start = n working days.
  for (const start of ['2026-03-19', '2026-04-29', '2026-12-24', '2025-01-02']) {
    for (const n of [1, 3, 15, 20]) {
      assert.equal(cal.workingDaysBetween(start, cal.addWorkingDays(start, n, 'civilCode')), n, `${start} +${n}`);
    }
  }
});

// --- time zones and registration ---------------------------------------------------------------

test("localDateTime keeps a zone's offset by the hour and reads an hour with a transition field by field", () => {
  const transitions: [string, string][] = [
    ['Asia/Almaty', '2024-02-29T16:00:00Z'],
    ['Europe/Berlin', '2026-03-29T00:00:00Z'],
    ['Europe/Berlin', '2026-10-25T00:00:00Z'],
    ['America/St_Johns', '2026-03-08T04:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T13:00:00Z'],
  ];
  for (const [zone, from] of transitions) {
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    for (let t = Date.parse(from); t < Date.parse(from) + 4 * 3_600_000; t += 7 * 60_000 + 1_000) {
      const p = Object.fromEntries(local.formatToParts(t).map((x) => [x.type, x.value]));
      const expected = { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}` };
      assert.deepEqual(localDateTime(new Date(t), zone), expected, `${zone} ${new Date(t).toISOString()}`);
    }
  }
});

test('localDateTime in Asia/Almaty: UTC+5 from 2024-03-01, UTC+6 before', () => {
  assert.deepEqual(localDateTime(new Date('2026-03-20T04:00:00Z'), TZ), { date: '2026-03-20', time: '09:00:00' });
  assert.deepEqual(localDateTime(new Date('2026-03-20T19:30:00Z'), TZ), { date: '2026-03-21', time: '00:30:00' });
  assert.deepEqual(localDateTime(new Date('2023-06-01T12:00:00Z'), TZ), { date: '2023-06-01', time: '18:00:00' });
  assert.deepEqual(localDateTime(new Date('2024-02-29T17:59:59Z'), TZ), { date: '2024-02-29', time: '23:59:59' });
  assert.deepEqual(localDateTime(new Date('2024-02-29T18:00:00Z'), TZ), { date: '2024-02-29', time: '23:00:00' });
  assert.deepEqual(localDateTime(new Date('2026-01-01T00:00:00Z'), 'UTC'), { date: '2026-01-01', time: '00:00:00' });
  assert.deepEqual(localDateTime(new Date('2026-03-20T23:00:00Z'), 'Asia/Almaty'), { date: '2026-03-21', time: '04:00:00' });
});

test('registration: during working hours → the same day', () => {
  // Fri 2026-03-20 12:00 local = 07:00Z
  assert.equal(registrationDate(new Date('2026-03-20T07:00:00Z'), TZ, HOURS, cal), '2026-03-20');
  // given with a +05:00 offset
  assert.equal(registrationDate(new Date('2026-03-20T12:00:00+05:00'), TZ, HOURS, cal), '2026-03-20');
});

test('registration: just before the end of the working day → the same day; at 18:30 and later → next working day', () => {
  // 18:29:59 local Thu 2026-05-14 = 13:29:59Z
  assert.equal(registrationDate(new Date('2026-05-14T13:29:59Z'), TZ, HOURS, cal), '2026-05-14');
  assert.equal(registrationDate(new Date('2026-05-14T13:29:59.999Z'), TZ, HOURS, cal), '2026-05-14');
  assert.equal(registrationDate(new Date('2026-05-14T13:30:00Z'), TZ, HOURS, cal), '2026-05-15');
  assert.equal(registrationDate(new Date('2026-05-14T18:30:00+05:00'), TZ, HOURS, cal), '2026-05-15');
  assert.equal(registrationDate(new Date('2026-05-14T22:00:00+05:00'), TZ, HOURS, cal), '2026-05-15');
  // Friday evening → Monday
  assert.equal(registrationDate(new Date('2026-05-15T19:00:00+05:00'), TZ, HOURS, cal), '2026-05-18');
  // After hours on Wed 6 May 2026 → 7 May is a holiday → Fri 8 May
  assert.equal(registrationDate(new Date('2026-05-06T18:45:00+05:00'), TZ, HOURS, cal), '2026-05-08');
});

test('registration: before 09:00 on a working day → that day', () => {
  assert.equal(registrationDate(new Date('2026-05-14T06:00:00+05:00'), TZ, HOURS, cal), '2026-05-14');
  assert.equal(registrationDate(new Date('2026-05-13T19:00:00Z'), TZ, HOURS, cal), '2026-05-14'); // 00:00 local
  assert.equal(registrationDate(new Date('2026-05-14T03:59:59Z'), TZ, HOURS, cal), '2026-05-14'); // 08:59:59 local
});

test('registration: on a weekend or holiday → next working day', () => {
  assert.equal(registrationDate(new Date('2026-05-16T11:00:00+05:00'), TZ, HOURS, cal), '2026-05-18'); // Saturday
  assert.equal(registrationDate(new Date('2026-05-17T10:00:00Z'), TZ, HOURS, cal), '2026-05-18'); // Sunday
  assert.equal(registrationDate(new Date('2026-03-23T10:00:00+05:00'), TZ, HOURS, cal), '2026-03-26'); // Nauryz
  assert.equal(registrationDate(new Date('2026-01-01T10:00:00+05:00'), TZ, HOURS, cal), '2026-01-05'); // New Year
  assert.equal(registrationDate(new Date('2025-01-05T10:00:00+05:00'), TZ, HOURS, cal), '2025-01-05'); // working Sunday
});

test('registration: the UTC date differs from the local date', () => {
  // Fri 2026-03-20 21:00Z = Sat 02:00 local → Nauryz weekend → Thu 26 Mar.
  assert.equal(registrationDate(new Date('2026-03-20T21:00:00Z'), TZ, HOURS, cal), '2026-03-26');
  // Sun 2026-05-17 20:00Z = Mon 01:00 local → Monday.
  assert.equal(registrationDate(new Date('2026-05-17T20:00:00Z'), TZ, HOURS, cal), '2026-05-18');
  // Given in Moscow time (+03:00): Thu 16:00 MSK = 18:00 Almaty → same day; 16:30 MSK = 18:30 → next.
  assert.equal(registrationDate(new Date('2026-05-14T16:00:00+03:00'), TZ, HOURS, cal), '2026-05-14');
  assert.equal(registrationDate(new Date('2026-05-14T16:30:00+03:00'), TZ, HOURS, cal), '2026-05-15');
  // Given in New York time: Thu 2026-05-14 09:00 EDT (-04:00) = 18:00 Almaty → same day.
  assert.equal(registrationDate(new Date('2026-05-14T09:00:00-04:00'), TZ, HOURS, cal), '2026-05-14');
});

test('registration before 2024-03-01: Asia/Almaty was UTC+6', () => {
  // Thu 2022-05-26 12:15Z = 18:15 (+6) → same day; 12:30Z = 18:30 → Fri 27.
  assert.equal(registrationDate(new Date('2022-05-26T12:15:00Z'), TZ, HOURS, cal), '2022-05-26');
  assert.equal(registrationDate(new Date('2022-05-26T12:30:00Z'), TZ, HOURS, cal), '2022-05-27');
  // The same UTC instants in 2026 (+5): 17:15 and 17:30 → both the same day.
  assert.equal(registrationDate(new Date('2026-05-14T12:30:00Z'), TZ, HOURS, cal), '2026-05-14');
  // Thu 2024-02-29 18:00Z: 23:00 local (+5 already) → after hours → Fri 1 Mar.
  assert.equal(registrationDate(new Date('2024-02-29T18:00:00Z'), TZ, HOURS, cal), '2024-03-01');
});

test('registration with an organization’s own hours and another time zone', () => {
  const hours = { start: '08:00', end: '17:00' };
  assert.equal(registrationDate(new Date('2026-05-14T16:59:00+05:00'), TZ, hours, cal), '2026-05-14');
  assert.equal(registrationDate(new Date('2026-05-14T17:00:00+05:00'), TZ, hours, cal), '2026-05-15');
  assert.equal(registrationDate(new Date('2026-05-14T12:00:00Z'), 'UTC', hours, cal), '2026-05-14');
  assert.throws(() => registrationDate(new Date(), TZ, { start: '18:00', end: '09:00' }, cal), RangeError);
  assert.throws(() => registrationDate(new Date(), TZ, { start: '9', end: '18:00' }, cal), RangeError);
  assert.throws(() => registrationDate(new Date('nope'), TZ, HOURS, cal), RangeError);
});

test('deadline instant: 23:59:59 local on the due date', () => {
  assert.equal(deadlineInstant('2026-04-13', TZ).toISOString(), '2026-04-13T18:59:59.000Z');
  assert.equal(deadlineInstant('2022-06-15', TZ).toISOString(), '2022-06-15T17:59:59.000Z'); // +6 then
  assert.equal(deadlineInstant('2026-04-13', 'UTC').toISOString(), '2026-04-13T23:59:59.000Z');
  assert.deepEqual(localDateTime(deadlineInstant('2026-04-13', TZ), TZ), { date: '2026-04-13', time: '23:59:59' });
  // DST zone: 2026-03-29 is the EU switch day.
  assert.equal(deadlineInstant('2026-03-29', 'Europe/Berlin').toISOString(), '2026-03-29T21:59:59.000Z');
  assert.equal(zonedInstant('2026-05-14', '18:30', TZ).toISOString(), '2026-05-14T13:30:00.000Z');
});
