// The one way a search compares names and texts in SQL (issue 10, item 10): the column folded by
// fold_search() (migration 0017), the words the user typed folded by foldSearch (src/domain/search.ts).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { foldSearch } from '../domain/search.ts';

/** `%word%` for LIKE, folded, with LIKE's own characters escaped. */
export function foldedPattern(s: string): string {
  return `%${foldSearch(s).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether the text (an SQL expression) contains what the user typed, folded. */
export function foldedContains(text: RawBuilder<unknown>, typed: string): RawBuilder<SqlBool> {
  return containsFolded(sql`fold_search(${text})`, typed);
}

/** Whether text already folded (an appeal's search_text, migration 0030: no fold_search() a row) contains what the user typed. */
export function containsFolded(folded: RawBuilder<unknown>, typed: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${folded} LIKE ${foldedPattern(typed)}`;
}

/** Whether two names are the same, folded (the column against a folded value). */
export function foldedEquals(column: RawBuilder<unknown>, folded: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`fold_search(${column}) = ${folded}`;
}
