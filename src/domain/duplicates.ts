// Duplicate check before registration (docs/legal-basis.md#duplicates): the same applicant, the same
// issue, the same text. Earlier appeals of the same applicant are found by identifier or by name
// and phone; the text decides whether one is a candidate.

import { foldSearch } from './search.ts';

export type DuplicateReason = 'sameIin' | 'sameBin' | 'sameNameAndPhone';

/** Trigram similarity (0..1) at or above which an earlier appeal of the same applicant is shown. */
export const DUPLICATE_MIN_SIMILARITY = 0.4;

export const DUPLICATE_MAX_CANDIDATES = 5;

/** The text compared: summary and body together, so a short copy of a long text still matches. */
export function comparableText(summary: string, text: string | undefined | null): string {
  return foldSearch(`${summary} ${text ?? ''}`)
    .replace(/\s+/g, ' ')
    .trim();
}

export function isDuplicateCandidate(similarity: number): boolean {
  return similarity >= DUPLICATE_MIN_SIMILARITY;
}
