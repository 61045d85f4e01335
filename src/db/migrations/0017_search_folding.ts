// Search folding (issue 10, item 10): fold_search(text) is src/domain/search.ts foldSearch in SQL —
// Kazakh letters as their Russian neighbours, lower case — built from the same table. IMMUTABLE, so
// the queues' trigram index is over the folded text (it replaces 0005's index over the raw text).
// Changing the table in src/domain/search.ts needs a new migration that re-creates the function
// and the index (src/db/search.test.ts compares the function with foldSearch on every letter).
import { sql, type Kysely } from 'kysely';
import { FOLD_FROM, FOLD_TO } from '../../domain/search.ts';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE FUNCTION fold_search(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(translate(t, ${quote(FOLD_FROM)}, ${quote(FOLD_TO)})) $$;
DROP INDEX IF EXISTS appeals_search_trgm;
CREATE INDEX appeals_search_folded_trgm ON appeals
  USING gin (fold_search(summary || ' ' || text || ' ' || coalesce(applicant_name, '')) gin_trgm_ops);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DROP INDEX IF EXISTS appeals_search_folded_trgm;
CREATE INDEX appeals_search_trgm ON appeals
  USING gin ((summary || ' ' || text || ' ' || coalesce(applicant_name, '')) gin_trgm_ops);
DROP FUNCTION fold_search(text);
`,
    )
    .execute(db);
}
