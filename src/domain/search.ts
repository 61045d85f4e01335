// Search folding (issue 10, item 10): a Kazakh letter typed on a Russian keyboard is its Russian
// neighbour (ә→а, ө→о, ұ/ү→у, қ→к, ғ→г, ң→н, і→и, һ→х), and case never matters. Names and texts are
// compared folded on both sides: here for what the user typed, and in SQL by fold_search() (migration
// 0017), which is made from the same table. Upper case is in the table rather than left to lower(),
// which in the C locale folds ASCII only.

const UPPER = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const LOWER = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** Each Kazakh letter (both cases) and its Russian neighbour, lower case. */
const KAZAKH: ReadonlyArray<readonly [string, string]> = [
  ['Әә', 'а'],
  ['Өө', 'о'],
  ['Ұұ', 'у'],
  ['Үү', 'у'],
  ['Ққ', 'к'],
  ['Ғғ', 'г'],
  ['Ңң', 'н'],
  ['Іі', 'и'],
  ['Һһ', 'х'],
];

/** The characters fold_search() replaces and what with, for translate(): same length, one to one. */
export const FOLD_FROM = UPPER + KAZAKH.map(([k]) => k).join('') + 'ё';
export const FOLD_TO = LOWER.replace('ё', 'е') + KAZAKH.map(([, r]) => r + r).join('') + 'е';

/** After lower case, the letters of the table that are not yet their Russian neighbour. */
const LOWER_MAP = new Map([...FOLD_FROM].map((c, i): [string, string] => [c.toLowerCase(), FOLD_TO[i]!]).filter(([c, r]) => c !== r));
const LOWER_RE = new RegExp(`[${[...LOWER_MAP.keys()].join('')}]`, 'g');

/** The text as it is compared: Kazakh letters as their Russian neighbours, ё as е, lower case.
 *  (Two passes of the engine's own over the text, not one step of script a letter: registration
 *  folds every appeal's texts.) */
export function foldSearch(s: string): string {
  return s.toLowerCase().replace(LOWER_RE, (c) => LOWER_MAP.get(c)!);
}

/** An appeal's words as its word search reads them (appeals.search_text, migration 0032): the
 *  summary, the text and the applicant's name, folded. Written with the texts, by registration,
 *  by a split's new card and by the appeal core when a change sets any of the three. */
export function searchTextOf(a: { summary: string; text: string; applicant_name: string | null }): string {
  return foldSearch(`${a.summary} ${a.text} ${a.applicant_name ?? ''}`);
}

/** The fields searchTextOf reads: a change that sets one of them writes the words again. */
export const SEARCHED_FIELDS = ['summary', 'text', 'applicant_name'] as const;
