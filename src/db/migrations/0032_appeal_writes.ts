// Issue 15, registration against pgbench (docs/performance.md, 2026-12-06), what PostgreSQL does
// for each new appeal:
// - The generated column of 0030 folded each new appeal's texts in SQL, a translate() over the ~50
//   letters of the folding table for every character: about 0.1 ms of PostgreSQL's ~1 ms a
//   registration for a text of 500 letters, growing with the text. The column is now written by the
//   code that writes the texts (src/domain/search.ts searchTextOf: registration, a split's new
//   card, the appeal core when a change sets one of them), folding in one pass. Dropping the
//   expression keeps every stored value; nothing is rewritten.
// - appeals_registration_number (0001) repeated the first column of the unique index on
//   (registration_number, organization_id), which answers the same look-ups: one index fewer to
//   write, ~15 µs an appeal.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE appeals ALTER COLUMN search_text DROP EXPRESSION;
    DROP INDEX appeals_registration_number;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX appeals_registration_number ON appeals (registration_number);
    ALTER TABLE appeals DROP COLUMN search_text;
    ALTER TABLE appeals ADD COLUMN search_text text
      GENERATED ALWAYS AS (fold_search(summary || ' ' || text || ' ' || coalesce(applicant_name, ''))) STORED NOT NULL;
    CREATE INDEX appeals_search_text_trgm ON appeals USING gin (search_text gin_trgm_ops);
  `.execute(db);
}
