// Issue 15: the word search of a country (docs/performance-country.md). fold_search() costs about
// 40 µs a row (one translate() over ~90 letters), so a territory's appeals filtered by it took
// seconds and the planner still preferred that to the trigram index. The folded text is now kept
// in a generated column, written by PostgreSQL on every insert and update of the texts — no code
// path can leave it stale — and the trigram index is over the column; comparing a row costs a
// LIKE over stored text. Changing the folding table (src/domain/search.ts) needs a migration that
// re-creates fold_search(), this column and its index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE appeals ADD COLUMN search_text text
      GENERATED ALWAYS AS (fold_search(summary || ' ' || text || ' ' || coalesce(applicant_name, ''))) STORED NOT NULL;
    DROP INDEX appeals_search_folded_trgm;
    CREATE INDEX appeals_search_text_trgm ON appeals USING gin (search_text gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX appeals_search_text_trgm;
    ALTER TABLE appeals DROP COLUMN search_text;
    CREATE INDEX appeals_search_folded_trgm ON appeals
      USING gin (fold_search(summary || ' ' || text || ' ' || coalesce(applicant_name, '')) gin_trgm_ops);
  `.execute(db);
}
