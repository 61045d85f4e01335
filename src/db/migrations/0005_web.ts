// The web app's work queues: search by words of the summary, text and applicant name, and by any
// part of the registration number (src/queues/store.ts), through trigram indexes (pg_trgm, created
// by 0001) that ILIKE '%word%' uses. Plain SQL that PostgreSQL 15 and PGlite (18) both accept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE INDEX appeals_search_trgm ON appeals
  USING gin ((summary || ' ' || text || ' ' || coalesce(applicant_name, '')) gin_trgm_ops);
CREATE INDEX appeals_registration_number_trgm ON appeals USING gin (registration_number gin_trgm_ops);
-- the queues' status predicates within an organization
CREATE INDEX appeals_organization_status ON appeals (organization_id, status);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DROP INDEX IF EXISTS appeals_search_trgm;
DROP INDEX IF EXISTS appeals_registration_number_trgm;
DROP INDEX IF EXISTS appeals_organization_status;
`,
    )
    .execute(db);
}
