// Kazakhstan's individual and business identification numbers (ЖСН/ИИН, БСН/БИН): 12 digits,
// the 12th a check digit. Pure functions, no I/O.
//
// Check digit: the weighted sum of the first 11 digits with weights 1..11, mod 11; if that is 10,
// the sum is recomputed with weights 3,4,5,6,7,8,9,10,11,1,2, mod 11; if that is 10 again the
// number cannot be valid (such numbers are never issued).
//
// IIN: YYMMDD (birth date), 1 digit century-and-sex (1/2 1800s, 3/4 1900s, 5/6 2000s; odd male,
// even female), 4 digits serial, 1 check digit.
// BIN: YYMM (registration), 1 digit type (4 resident legal entity, 5 non-resident, 6 individual
// entrepreneur in joint form), 1 digit division (0 head organization, 1 branch, 2 representative
// office, 3 peasant farm in joint form), 5 digits serial, 1 check digit.

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const ELEVEN_DIGITS = /^\d{11}$/;
const TWELVE_DIGITS = /^\d{12}$/;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of an IIN/BIN; null when no check digit exists
 * (both weight sets give 10) or when `first11` is not exactly 11 ASCII digits.
 */
export function checkDigit(first11: string): number | null {
  if (!ELEVEN_DIGITS.test(first11)) return null;
  const digits = Array.from(first11, (c) => c.charCodeAt(0) - 48);
  const first = weightedMod11(digits, WEIGHTS_1);
  if (first !== 10) return first;
  const second = weightedMod11(digits, WEIGHTS_2);
  return second === 10 ? null : second;
}

/** True when `s` is 12 digits whose last digit is the check digit of the first 11. */
export function hasValidCheckDigit(s: string): boolean {
  if (!TWELVE_DIGITS.test(s)) return false;
  const expected = checkDigit(s.slice(0, 11));
  return expected !== null && expected === s.charCodeAt(11) - 48;
}

// ---------------------------------------------------------------------------------------------
// IIN

export type Sex = 'male' | 'female';

export type IinParseFailure = 'format' | 'checkDigit' | 'birthDate' | 'century';

export type ParsedIin = { ok: true; iin: string; birthDate: string; sex: Sex } | { ok: false; reason: IinParseFailure };

const CENTURY_BASE: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Proleptic Gregorian calendar, leap years included (setUTCFullYear, unlike Date.UTC, does not
  // map years 0..99 to 1900..1999).
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses an IIN. Surrounding whitespace is ignored; anything else that is not exactly 12 digits
 * is a format error. Checks, in order: format, check digit, century digit (7th), birth date (a real
 * calendar date). Does not compare the birth date with today.
 */
export function parseIin(s: string): ParsedIin {
  const iin = s.trim();
  if (!TWELVE_DIGITS.test(iin)) return { ok: false, reason: 'format' };
  if (!hasValidCheckDigit(iin)) return { ok: false, reason: 'checkDigit' };
  const centuryDigit = iin.charAt(6);
  const base = CENTURY_BASE[centuryDigit];
  if (base === undefined) return { ok: false, reason: 'century' };
  const year = base + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'birthDate' };
  const sex: Sex = Number(centuryDigit) % 2 === 1 ? 'male' : 'female';
  return { ok: true, iin, birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, sex };
}

/** The 7th IIN digit for a birth year and sex; null outside 1800..2099. */
export function centuryDigitFor(birthYear: number, sex: Sex): number | null {
  if (!Number.isInteger(birthYear) || birthYear < 1800 || birthYear > 2099) return null;
  const male = birthYear < 1900 ? 1 : birthYear < 2000 ? 3 : 5;
  return sex === 'male' ? male : male + 1;
}

/**
 * Builds a valid IIN from a birth date ('YYYY-MM-DD'), sex and a 4-digit serial (0..9999).
 * Returns null when the serial leads to a number that has no check digit (try the next serial).
 * Used to make demo data and test fixtures; real IINs are issued by the state.
 */
export function composeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !Number.isInteger(serial) || serial < 0 || serial > 9999) return null;
  const year = Number(m[1]);
  if (!isRealDate(year, Number(m[2]), Number(m[3]))) return null;
  const c = centuryDigitFor(year, sex);
  if (c === null) return null;
  const first11 = `${pad(year % 100, 2)}${m[2]}${m[3]}${c}${pad(serial, 4)}`;
  const check = checkDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

// ---------------------------------------------------------------------------------------------
// BIN

export type BinEntityType = 'residentLegalEntity' | 'nonResidentLegalEntity' | 'jointEntrepreneurship' | 'unknown';
export type BinDivision = 'headOrganization' | 'branch' | 'representativeOffice' | 'peasantFarm' | 'unknown';

export type BinParseFailure = 'format' | 'checkDigit';

export type ParsedBin =
  | {
      ok: true;
      bin: string;
      /** 'YYYY-MM' of state registration; null when digits 3–4 are not a month 01..12. */
      registeredYearMonth: string | null;
      entityType: BinEntityType;
      division: BinDivision;
    }
  | { ok: false; reason: BinParseFailure };

const ENTITY_TYPES: Record<string, BinEntityType> = {
  '4': 'residentLegalEntity',
  '5': 'nonResidentLegalEntity',
  '6': 'jointEntrepreneurship',
};
const DIVISIONS: Record<string, BinDivision> = {
  '0': 'headOrganization',
  '1': 'branch',
  '2': 'representativeOffice',
  '3': 'peasantFarm',
};

/**
 * Years 00..60 are read as 2000..2060, 61..99 as 1961..1999 (BINs were introduced in 2007, but
 * re-registered older entities carry their original registration year).
 */
export function binRegistrationYear(yy: number): number {
  return yy <= 60 ? 2000 + yy : 1900 + yy;
}

/**
 * Parses a BIN. Enforces 12 digits and the check digit only; the registration month, type and
 * division digits are decoded where they have a known meaning and otherwise reported as
 * null / 'unknown', because numbers in circulation do not always follow the published scheme.
 */
export function parseBin(s: string): ParsedBin {
  const bin = s.trim();
  if (!TWELVE_DIGITS.test(bin)) return { ok: false, reason: 'format' };
  if (!hasValidCheckDigit(bin)) return { ok: false, reason: 'checkDigit' };
  const year = binRegistrationYear(Number(bin.slice(0, 2)));
  const month = Number(bin.slice(2, 4));
  return {
    ok: true,
    bin,
    registeredYearMonth: month >= 1 && month <= 12 ? `${year}-${pad(month, 2)}` : null,
    entityType: ENTITY_TYPES[bin.charAt(4)] ?? 'unknown',
    division: DIVISIONS[bin.charAt(5)] ?? 'unknown',
  };
}

// ---------------------------------------------------------------------------------------------
// Age

function parseIsoDate(s: string, what: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`${what}: expected YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) throw new RangeError(`${what}: not a calendar date: ${s}`);
  return [y, mo, d];
}

/**
 * Full years between `birthDate` and `onDate` (both 'YYYY-MM-DD'). Someone born on 29 February
 * turns a year older on 1 March in common years. Negative when `onDate` is before the birth.
 * Throws RangeError on a malformed date.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parseIsoDate(birthDate, 'birthDate');
  const [oy, om, od] = parseIsoDate(onDate, 'onDate');
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

// ---------------------------------------------------------------------------------------------
// Masking (for logs)

/**
 * Masks an IIN/BIN for logs: the first 6 and the last 2 digits stay, `870412****12`. Surrounding
 * whitespace is dropped. A value that is not exactly 12 digits is passed through
 * maskIdentifiersInText, so any 12-digit run inside it is still masked.
 */
export function maskIin(s: string): string {
  const t = s.trim();
  if (TWELVE_DIGITS.test(t)) return `${t.slice(0, 6)}****${t.slice(10)}`;
  return maskIdentifiersInText(s);
}

const TWELVE_DIGIT_RUN = /(?<!\d)\d{12}(?!\d)/g;

/**
 * Masks every run of exactly 12 digits (not part of a longer run of digits) in `text`, whether
 * or not its check digit is valid: a mistyped IIN is still personal data.
 */
export function maskIdentifiersInText(text: string): string {
  return text.replace(TWELVE_DIGIT_RUN, (run) => `${run.slice(0, 6)}****${run.slice(10)}`);
}
