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
