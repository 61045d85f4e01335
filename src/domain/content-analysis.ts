// Content analysis (CD-18, CD-19): the periods compared, and when a category in a territory is a
// systemic problem — rising well above its own baseline, or raised by many applicants in one place.
import { plusDays, daysBetween, type IsoDate } from './calendar.ts';

/** The same period a year before (29 February maps to 28 February). */
export function yearBefore(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4)) - 1;
  const md = d.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/** The rule, as data: a count at least `factor` times the baseline (the mean over the `windows`
 *  equal periods before) and at least `minCount`; or at least `manyApplicants` applicants. */
export const SYSTEMIC_RULE = { factor: 2, windows: 3, minCount: 5, manyApplicants: 10 } as const;

/** The `windows` periods of the same length before [from, to], nearest first. */
export function baselineWindows(from: IsoDate, to: IsoDate, windows: number = SYSTEMIC_RULE.windows): { from: IsoDate; to: IsoDate }[] {
  const length = daysBetween(from, to) + 1;
  return Array.from({ length: windows }, (_, i) => ({ from: plusDays(from, -length * (i + 1)), to: plusDays(to, -length * (i + 1)) }));
}

export type SystemicReason = 'rising' | 'manyApplicants';

/** Why a category in a territory is flagged, or null. */
export function systemicReason(count: number, baselineCounts: readonly number[], applicants: number): SystemicReason | null {
  const baseline = baselineCounts.length ? baselineCounts.reduce((a, b) => a + b, 0) / baselineCounts.length : 0;
  if (count >= SYSTEMIC_RULE.minCount && count >= SYSTEMIC_RULE.factor * baseline && count > baseline) return 'rising';
  if (applicants >= SYSTEMIC_RULE.manyApplicants) return 'manyApplicants';
  return null;
}

/** Words left out of the Kazakh frequency list (the 'simple' configuration has no stop words):
 *  conjunctions, postpositions, pronouns and particles of everyday letters. */
export const KAZAKH_STOP_WORDS = [
  'және',
  'мен',
  'бен',
  'пен',
  'үшін',
  'бұл',
  'осы',
  'сол',
  'да',
  'де',
  'та',
  'те',
  'ма',
  'ме',
  'ба',
  'бе',
  'па',
  'пе',
  'не',
  'біз',
  'сіз',
  'мен',
  'ол',
  'олар',
  'менің',
  'біздің',
  'сіздің',
  'деп',
  'бар',
  'емес',
  'тағы',
  'әлі',
  'қазір',
  'бойынша',
  'туралы',
  'арқылы',
  'дейін',
  'кейін',
  'немесе',
  'бірақ',
  'егер',
  'ғана',
  'өте',
  'сондай',
  'барлық',
] as const;

/** Configurations of PostgreSQL full-text search per language of the appeal: Russian stems; Kazakh
 *  has no shipped dictionary, so words are kept as written ('simple'). */
export const TEXT_SEARCH_CONFIG = { ru: 'russian', kk: 'simple' } as const;
