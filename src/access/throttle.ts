// Sign-in throttling (issue 16, item 7), in place of a hard lock that anyone could set off: failed
// sign-ins are counted per login name — whether or not such a user exists, so no answer tells who
// does — and per client address. A key with fewer failures than its allowance is free; from then on
// every attempt is refused, without the password being checked, until a delay has passed since the
// last failure: 1 s after the allowance is used up, doubling with each further failure, at most
// 15 minutes. A correct password after the delay signs in and frees the login; an address is freed
// only by time (a day without failures), so no account of one's own resets it. Keys are SHA-256
// hashes: neither a mistyped login (often a password) nor an address is stored as such.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** Failures of one login name before its attempts wait. */
export const LOGIN_FREE_FAILURES = 5;
/** Failures from one address before its attempts wait (an office may sign in behind one address). */
export const ADDRESS_FREE_FAILURES = 30;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** A key without a failure for this long starts over (a new throttling episode). */
export const FORGET_AFTER_MS = 24 * 3_600_000;

export type ThrottleKind = 'login' | 'address' | 'appealNumber';

export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('hex')}`;
}

/** The wait after the given number of failures: none within the allowance, then 1 s, 2 s, 4 s, … up to 15 minutes. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - free, 30));
}

/** Milliseconds until the keys may try again (0: now). */
export async function throttleWait(db: Db, keys: readonly string[], now: Date): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['not_before', 'last_failure_at'])
    .where('key', 'in', [...keys])
    .execute();
  let wait = 0;
  for (const r of rows) {
    if (r.last_failure_at.getTime() <= now.getTime() - FORGET_AFTER_MS || !r.not_before) continue;
    wait = Math.max(wait, r.not_before.getTime() - now.getTime());
  }
  return wait;
}

/** Counts a failure of a key (atomically: concurrent failures each count); returns the failures of
 *  its episode so far, this one included, and the wait it now has. */
export async function recordFailure(db: Db, key: string, free: number, now: Date): Promise<{ failures: number; waitMs: number }> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, last_failure_at: now, not_before: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`CASE WHEN sign_in_throttle.last_failure_at <= ${forgetBefore} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const waitMs = delayAfter(row.failures, free);
  const notBefore = waitMs > 0 ? new Date(now.getTime() + waitMs) : null;
  await db.updateTable('sign_in_throttle').set({ not_before: notBefore }).where('key', '=', key).execute();
  // keys whose episodes ended long ago go (the index on last_failure_at makes this cheap)
  await db.deleteFrom('sign_in_throttle').where('last_failure_at', '<=', forgetBefore).execute();
  return { failures: row.failures, waitMs };
}

/** Ends the throttling episode of a key (a successful sign-in of that login). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
