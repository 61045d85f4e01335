// What every use case gets besides its transaction: the clock, the law in force, the adapters.
import type { Db } from './db/connection.ts';
import type { ReadReplica } from './db/replica.ts';
import type { Config } from './config.ts';
import type { Law } from './reference/law.ts';
import type { ApplicantRegistry } from './intake/registry.ts';
import { localDateTime, type IsoDate } from './domain/calendar.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

export interface Context {
  db: Db;
  /** Where reads that may be a moment old go: take them through reader(ctx, actor) (src/db/replica.ts). */
  replica?: ReadReplica;
  clock: Clock;
  config: Config;
  law: Law;
  registry: ApplicantRegistry;
}

/** Today's date where the system runs (Kazakhstan is one time zone): the date of decisions. */
export function today(ctx: Pick<Context, 'clock' | 'config'>): IsoDate {
  return localDateTime(ctx.clock.now(), ctx.config.timeZone).date;
}

/** An organization's time zone: its own, or else the configured one of organizations that name
 *  none (JOLDANYM_TIME_ZONE). */
export function timeZoneOf(ctx: Pick<Context, 'config'>, organization: { time_zone: string | null }): string {
  return organization.time_zone ?? ctx.config.timeZone;
}
