// Reference data an administrator edits (src/reference/admin.ts): the years of the calendar an
// administrator has confirmed, and organizations that name no time zone of their own (they use the
// configured one, JOLDANYM_TIME_ZONE). Plain SQL that PostgreSQL 15 and PGlite both accept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- A confirmed year's days are its calendar_days entries alone; any other year is derived from the
-- statute and provisional, its calendar_days entries over the derived days (src/domain/calendar.ts).
-- The shipped years are confirmed by the reference seed (src/db/reference.ts).
CREATE TABLE calendar_years (
  year integer PRIMARY KEY,
  confirmed_at timestamptz NOT NULL,
  -- null: shipped with the system
  confirmed_by uuid REFERENCES users(id)
);

-- NULL: the organization names no time zone and uses the configured one. Every organization had
-- the old default, none of them by choice.
ALTER TABLE organizations ALTER COLUMN time_zone DROP DEFAULT, ALTER COLUMN time_zone DROP NOT NULL;
UPDATE organizations SET time_zone = NULL WHERE time_zone = 'Asia/Almaty';
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DROP TABLE calendar_years;
UPDATE organizations SET time_zone = 'Asia/Almaty' WHERE time_zone IS NULL;
ALTER TABLE organizations ALTER COLUMN time_zone SET DEFAULT 'Asia/Almaty', ALTER COLUMN time_zone SET NOT NULL;
`,
    )
    .execute(db);
}
