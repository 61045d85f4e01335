// Issue 15: the read paths of a country-sized territory (docs/performance.md, "Country scale").
// - appeals_content replaces appeals_organization_date (the same key) and carries what content
//   analysis and the map count, so an oblast's period is read from the index alone, not from
//   every appeal's row (CD-18, CD-19).
// - appeals_newest is the "all" queue's order: the newest first of a large territory stops after
//   one page instead of sorting every appeal of the territory.
// - appeals_ended serves the overview's reviews ended in a period by organization.
// - correction_petitions_appeal: the detectors run for the appeals of every change (EA-06).
// - violations_newest: the register of an oblast, newest first, stops after its page (EA-06).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX appeals_content ON appeals (organization_id, registration_date)
      INCLUDE (id, issue_category, origin_appeal_id, due_date, review_ended_on);
    DROP INDEX appeals_organization_date;
    CREATE INDEX appeals_newest ON appeals (registration_date DESC, registration_number DESC, id);
    CREATE INDEX appeals_ended ON appeals (organization_id, review_ended_on) INCLUDE (due_date, status)
      WHERE review_ended_on IS NOT NULL;
    CREATE INDEX correction_petitions_appeal ON correction_petitions (appeal_id);
    CREATE INDEX violations_newest ON violations (detected_at DESC, kind);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX violations_newest;
    DROP INDEX correction_petitions_appeal;
    DROP INDEX appeals_ended;
    DROP INDEX appeals_newest;
    CREATE INDEX appeals_organization_date ON appeals (organization_id, registration_date);
    DROP INDEX appeals_content;
  `.execute(db);
}
