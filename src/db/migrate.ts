import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection.ts';
import * as m0001 from './migrations/0001_intake.ts';
import * as m0002 from './migrations/0002_review.ts';
import * as m0003 from './migrations/0003_notifications.ts';
import * as m0004 from './migrations/0004_statistics.ts';
import * as m0005 from './migrations/0005_web.ts';
import * as m0006 from './migrations/0006_certificates.ts';
import * as m0007 from './migrations/0007_approval.ts';
import * as m0008 from './migrations/0008_reference.ts';
import * as m0009 from './migrations/0009_accounting_trust.ts';
import * as m0010 from './migrations/0010_sign_in_throttle.ts';
import * as m0011 from './migrations/0011_idempotency.ts';
import * as m0012 from './migrations/0012_reception.ts';
import * as m0013 from './migrations/0013_control.ts';
import * as m0014 from './migrations/0014_contact_centre.ts';
import * as m0015 from './migrations/0015_portal.ts';
import * as m0016 from './migrations/0016_idempotent_requests.ts';
import * as m0017 from './migrations/0017_search_and_inbox.ts';
import * as m0018 from './migrations/0018_reception_instructions.ts';
import * as m0019 from './migrations/0019_outbox_kinds.ts';
import * as m0020 from './migrations/0020_open311_keys.ts';
import * as m0021 from './migrations/0021_number_blocks.ts';
import * as m0022 from './migrations/0022_attachments.ts';
import * as m0023 from './migrations/0023_control_department.ts';
import * as m0024 from './migrations/0024_portal_email_codes.ts';
import * as m0027 from './migrations/0027_schedule_signed_text.ts';
import * as m0028 from './migrations/0028_password_change_required.ts';
import * as m0029 from './migrations/0029_country_read_paths.ts';
import * as m0030 from './migrations/0030_search_text.ts';
import * as m0031 from './migrations/0031_detectors_open_rows.ts';
import * as m0032 from './migrations/0032_appeal_writes.ts';

// Listed here rather than read from disk, so the same code runs from source and from a bundle.
const MIGRATIONS: Record<string, Migration> = {
  '0001_intake': m0001,
  '0002_review': m0002,
  '0003_notifications': m0003,
  '0004_statistics': m0004,
  '0005_web': m0005,
  '0006_certificates': m0006,
  '0007_approval': m0007,
  '0008_reference': m0008,
  '0009_accounting_trust': m0009,
  '0010_sign_in_throttle': m0010,
  '0011_idempotency': m0011,
  '0012_reception': m0012,
  '0013_control': m0013,
  '0014_contact_centre': m0014,
  '0015_portal': m0015,
  '0016_idempotent_requests': m0016,
  '0017_search_and_inbox': m0017,
  '0018_reception_instructions': m0018,
  '0019_outbox_kinds': m0019,
  '0020_open311_keys': m0020,
  '0021_number_blocks': m0021,
  '0022_attachments': m0022,
  '0023_control_department': m0023,
  '0024_portal_email_codes': m0024,
  '0027_schedule_signed_text': m0027,
  '0028_password_change_required': m0028,
  '0029_country_read_paths': m0029,
  '0030_search_text': m0030,
  '0031_detectors_open_rows': m0031,
  '0032_appeal_writes': m0032,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Whether every migration is recorded as run: the usual case at a start, answered by one query
 *  instead of the Migrator's introspection of the catalog and its lock table (about 1.9 s of a
 *  start of the embedded database on the loaded machine, docs/performance.md). */
async function upToDate(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    const run = new Set(rows.map((r) => r.name));
    // a migration recorded but unknown (older code on a newer database) goes to the Migrator, which refuses it
    return Object.keys(MIGRATIONS).every((name) => run.has(name)) && rows.every((r) => r.name in MIGRATIONS);
  } catch {
    return false; // a new database: no migration table yet
  }
}

export async function migrate(db: Db): Promise<string[]> {
  if (await upToDate(db)) return [];
  // Migrations written side by side (0004 statistics, 0005 web) are independent of each other: a
  // database that has a later one may still receive an earlier one.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
