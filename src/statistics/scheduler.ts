// The accounting work the server does by itself, hourly and at start (every step idempotent):
// carry cards still in review into a new year, form the 1-ТӨ reports that are due (rules p.32),
// and push the daily exports to the statistics authority when a URL is configured (p.29).
import type { Context } from '../context.ts';
import { formDueReports } from './report.ts';
import { deliverPushes, queueDuePushes } from '../exports/push.ts';
import { runControlHourly } from '../control/daily.ts';
import { ensureNumbers } from '../exports/numbers.ts';

export interface SchedulerTask {
  name: string;
  run(ctx: Context): Promise<unknown>;
}

export const ACCOUNTING_TASKS: SchedulerTask[] = [
  { name: 'form1 formation', run: (ctx) => formDueReports(ctx) },
  // the next block of registration numbers from the statistics authority, before one runs out
  { name: 'registration number blocks', run: (ctx) => ensureNumbers(ctx) },
  { name: 'daily export push', run: async (ctx) => (await queueDuePushes(ctx), deliverPushes(ctx)) },
  // the control department's detectors (what time alone breaks; at night everything) and
  // instruction reminders (src/control/daily.ts)
  { name: 'control detectors and reminders', run: (ctx) => runControlHourly(ctx) },
];

/** Starts the hourly run; returns the function that stops it. */
export function startAccountingScheduler(ctx: Context, onError: (e: unknown, task: string) => void, everyMs = 3_600_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const task of ACCOUNTING_TASKS) {
        try {
          await task.run(ctx);
        } catch (e) {
          onError(e, task.name);
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
