// The control department's work the server does by itself (hourly, idempotent): the detectors over
// every organization (EA-06: "nightly", and more often does no harm: a violation is stored once)
// and the reminders of instructions due (CD-29).
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import { detect } from './detectors.ts';
import { sendInstructionReminders } from '../instructions/reminders.ts';

export async function runControlDaily(ctx: Context): Promise<{ violations: number; reminders: number }> {
  const found = await detect(ctx.db, { today: today(ctx), timeZone: ctx.config.timeZone, now: ctx.clock.now() });
  const reminders = await sendInstructionReminders(ctx);
  return { violations: Object.values(found).reduce((a, b) => a + (b ?? 0), 0), reminders };
}
