// EA-06: the hourly detectors read only what time alone can break (src/control/detectors.ts, the
// time forms), from open rows past their term; these partial indexes hold exactly those rows.
// - obligations_open_kind: a kind's open obligations by due date (obligations_open leads with the
//   organization, so a kind's past their term were read from every open obligation's row).
// - correction_petitions_pending_due: the pending petitions by review date.
// (Open appeals past their due date: appeals_open_due, 0002; instructions under control: instructions_due, 0013.)
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX obligations_open_kind ON obligations (kind, due_date) WHERE met_on IS NULL;
    CREATE INDEX correction_petitions_pending_due ON correction_petitions (review_due) WHERE status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX correction_petitions_pending_due;
    DROP INDEX obligations_open_kind;
  `.execute(db);
}
