// Registration and talon numbers (docs/legal-basis.md#registration-and-talon-numbers): the one
// owner of their shape. A registration number is the letter index of the applicant kind, the year
// and the sequence of the year in SEQUENCE_DIGITS digits; a talon number is the registration date
// as YYMMDD and the same digits; a split part adds `/n`. The statement that stores a registration
// (src/intake/store.ts) takes the sequence and joins it to the prefixes made here.
import { LETTER_INDEX, type ApplicantKind } from './vocabulary.ts';
import type { IsoDate } from './calendar.ts';

/** Digits of the yearly sequence in both numbers. */
export const SEQUENCE_DIGITS = 8;
/** The first sequence number that no longer fits. */
export const SEQUENCE_LIMIT = 10 ** SEQUENCE_DIGITS;

/** `ЖТ-2026-`: the registration number before its sequence digits. */
export function registrationNumberPrefix(kind: ApplicantKind, year: number): string {
  return `${LETTER_INDEX[kind]}-${year}-`;
}

/** `260414`: the talon number before its sequence digits (YYMMDD of the registration date, p.8). */
export function talonNumberPrefix(registrationDate: IsoDate): string {
  const [y, m, d] = registrationDate.split('-');
  return `${y!.slice(2)}${m}${d}`;
}

/** `ЖТ-2026-00000042`, or `ЖТ-2026-00000042/1` for the first split part (p.11). */
export function registrationNumber(kind: ApplicantKind, year: number, sequence: number, part?: number): string {
  const base = registrationNumberPrefix(kind, year) + sequenceDigits(sequence);
  return part === undefined ? base : partNumber(base, part);
}

/** The number of a split part of an appeal (p.11): `…/n`. */
export function partNumber(registrationNumber: string, part: number): string {
  return `${registrationNumber}/${part}`;
}

/** YYMMDD of the registration date, then the same 8-digit sequence number (p.8). */
export function talonNumber(registrationDate: IsoDate, sequence: number): string {
  return talonNumberPrefix(registrationDate) + sequenceDigits(sequence);
}

export function sequenceDigits(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= SEQUENCE_LIMIT) {
    throw new RangeError(`sequence number out of range: ${sequence}`);
  }
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}

export const REGISTRATION_NUMBER_PATTERN = new RegExp(`^(ЖТ|ЗТ|АН|ҰЖ)-(\\d{4})-(\\d{${SEQUENCE_DIGITS}})(?:/(\\d+))?$`);
export const TALON_NUMBER_PATTERN = new RegExp(`^\\d{6}\\d{${SEQUENCE_DIGITS}}$`);

// Numbers across instances (docs/scaling.md "Regional instances"): the statistics authority's
// instance leases each registered instance blocks of the year's sequence; an instance numbers
// gaplessly inside its blocks and asks for the next block while LEASE_RENEW_AT of the last one is
// still left, so that it never waits for the authority while registering.

/** The numbers a block holds unless the authority configures another size. */
export const DEFAULT_BLOCK_SIZE = 100_000;
/** The next block is asked for when fewer numbers than this share of the last block are left. */
export const LEASE_RENEW_AT = 0.2;

export interface NumberBlock {
  firstValue: number;
  size: number;
}

/** The year and sequence of a registration number (a split part's too), or null if it is none. */
export function sequenceOf(registrationNumber: string): { year: number; sequence: number } | null {
  const m = REGISTRATION_NUMBER_PATTERN.exec(registrationNumber);
  return m ? { year: Number(m[2]), sequence: Number(m[3]) } : null;
}

/** Whether one of the blocks holds the sequence number. */
export function inBlocks(blocks: readonly NumberBlock[], sequence: number): boolean {
  return blocks.some((b) => sequence >= b.firstValue && sequence < b.firstValue + b.size);
}

/** Whether an instance with `left` numbers of the year, whose last block held `lastSize`, asks
 *  for the next block now. */
export function needsNextBlock(left: number, lastSize: number | null): boolean {
  return lastSize === null || left < lastSize * LEASE_RENEW_AT;
}

/** The block the authority leases next in a year: after every block leased and every number it
 *  knows to be given (its own, or imported before it leased); null when the year's numbers run out. */
export function nextBlock(leasedEnd: number, highestKnown: number, size: number): NumberBlock | null {
  const firstValue = Math.max(leasedEnd, highestKnown + 1, 1);
  const fitting = Math.min(size, SEQUENCE_LIMIT - firstValue);
  return fitting > 0 ? { firstValue, size: fitting } : null;
}
