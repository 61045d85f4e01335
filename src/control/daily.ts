// The control department's work the server does by itself (hourly and at start, idempotent): the
// violation detectors (EA-06) and the reminders of instructions due (CD-29).
// - Hourly (and at start) the detectors look only for what time alone breaks — open appeals,
//   obligations, petitions and instructions past their term, officials' finished months — from
//   open rows, which their indexes serve: what a change breaks its own detection has found
//   (src/appeals/change.ts).
// - Nightly (EA-06), the first tick from 02:00 to 06:00 local time (ctx.config.timeZone) of a day
//   whose run is not recorded runs every detector over every row, so that what was written around
//   the door (an import, a migration) is found within a day. The day is recorded in the settings
//   table (key detectorsNightlyRun) before the run, so another server process on the database or a
//   restart does not run it again that night, and released if the run fails, so the next tick retries.
// - A controller's "run now" (POST /control/daily) runs every detector over every row.
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { localDateTime, type IsoDate } from '../domain/calendar.ts';
import { detect } from './detectors.ts';
import { sendInstructionReminders } from '../instructions/reminders.ts';

/** The local hours in which the nightly run starts: [from, until). */
export const NIGHTLY_RUN = { from: '02:00', until: '06:00' } as const;
const NIGHTLY_KEY = 'detectorsNightlyRun';

export interface ControlRun {
  /** Which detectors ran: every one over every row, or only what time alone breaks. */
  over: 'everything' | 'time';
  violations: number;
  reminders: number;
}

/** The detectors (`over`) and the instruction reminders, now. */
export async function runControlDaily(ctx: Context, over: ControlRun['over']): Promise<ControlRun> {
  const found = await detect(ctx.db, { today: today(ctx), timeZone: ctx.config.timeZone, now: ctx.clock.now(), over });
  const reminders = await sendInstructionReminders(ctx);
  return { over, violations: Object.values(found).reduce((a, b) => a + (b ?? 0), 0), reminders };
}

/** The scheduler's tick: what time alone breaks, or at night, once a day, everything. */
export async function runControlHourly(ctx: Context): Promise<ControlRun> {
  const local = localDateTime(ctx.clock.now(), ctx.config.timeZone);
  const night = local.time >= NIGHTLY_RUN.from && local.time < NIGHTLY_RUN.until && (await claimNight(ctx.db, local.date));
  if (!night) return runControlDaily(ctx, 'time');
  try {
    return await runControlDaily(ctx, 'everything');
  } catch (e) {
    await sql`DELETE FROM settings WHERE key = ${NIGHTLY_KEY} AND value #>> '{}' = ${local.date}`.execute(ctx.db);
    throw e;
  }
}

/** Records `day`'s nightly run; false when it is recorded already (done, or running elsewhere). */
async function claimNight(db: Db, day: IsoDate): Promise<boolean> {
  const { rows } = await sql`
    INSERT INTO settings (key, value) VALUES (${NIGHTLY_KEY}, to_jsonb(${day}::text))
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE settings.value #>> '{}' < ${day}
    RETURNING key`.execute(db);
  return rows.length > 0;
}
