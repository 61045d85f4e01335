// Registration and talon numbers (rules.md §1.2 p.5–p.8).
import { LETTER_INDEX, type ApplicantKind } from './vocabulary.ts';
import type { IsoDate } from './calendar.ts';

const SEQUENCE_DIGITS = 8;

/** `ЖТ-2026-00000042`, or `ЖТ-2026-00000042/1` for the first split part (p.11). */
export function registrationNumber(kind: ApplicantKind, year: number, sequence: number, part?: number): string {
  const base = `${LETTER_INDEX[kind]}-${year}-${pad(sequence)}`;
  return part === undefined ? base : `${base}/${part}`;
}

/** YYMMDD of the registration date, then the same 8-digit sequence number (p.8). */
export function talonNumber(registrationDate: IsoDate, sequence: number): string {
  const [y, m, d] = registrationDate.split('-');
  return `${y!.slice(2)}${m}${d}${pad(sequence)}`;
}

function pad(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new RangeError(`sequence number out of range: ${sequence}`);
  }
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}

export const REGISTRATION_NUMBER_PATTERN = /^(ЖТ|ЗТ|АН|ҰЖ)-(\d{4})-(\d{8})(?:\/(\d+))?$/;
export const TALON_NUMBER_PATTERN = /^\d{6}\d{8}$/;
