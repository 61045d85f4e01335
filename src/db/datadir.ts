// The embedded database's data directory belongs to one process at a time (docs/operations.md).
//
// PGlite has no lock of its own: two processes on one JOLDANYM_DATA_DIR both start and corrupt it
// (duplicate registration numbers, failing indexes). The opener creates DATADIR_LOCK_FILE in the
// directory with O_EXCL ('wx') and its PID; a second opener finds it and is refused, naming the
// directory and the PID. A lock whose PID no longer runs is left by an unclean stop: it is taken
// over with a warning, and the directory's integrity is checked before anything uses it
// (checkDataDirIntegrity). A clean close removes the lock; a refused integrity check leaves it, so
// every later start checks again.
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export const DATADIR_LOCK_FILE = 'joldanym.lock';

/** The data directory is held by another process (or by this one, opened a second time). */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
    detail?: string,
  ) {
    super(
      pid === null
        ? `The data directory ${dataDir} is locked (${join(dataDir, DATADIR_LOCK_FILE)}${detail ? `: ${detail}` : ''}). If no Joldanym process uses it, remove the lock file and start again.`
        : `The data directory ${dataDir} is in use by another Joldanym process (PID ${pid}${detail ? `, ${detail}` : ''}): one process at a time may open an embedded database. Stop that process first; if it is not a Joldanym process, remove ${join(dataDir, DATADIR_LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** The data directory failed its integrity check after an unclean stop. */
export class DataDirIntegrityError extends Error {
  constructor(
    readonly dataDir: string,
    readonly problems: string[],
  ) {
    super(
      `The data directory ${dataDir} was not closed cleanly and failed its integrity check, so Joldanym will not open it: ${problems.join('; ')}. ` +
        'Restore the directory from a backup (docs/operations.md); the lock file stays, so every start checks again.',
    );
    this.name = 'DataDirIntegrityError';
  }
}

export interface DataDirLock {
  /** The lock was left by a process that no longer runs (an unclean stop) and was taken over. */
  takenOver: { pid: number } | null;
  /** Removes the lock file if it is still this process's. */
  release(): void;
  /** Writes the lock file again as this process's: a data directory loaded from a backup
   *  (src/db/backup.ts) brings the lock file of the process that made the backup. */
  reclaim(): void;
}

interface Holder {
  pid: number;
  host: string;
}

function parse(text: string): Holder | null {
  const [pid, host = ''] = text.split('\n');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, host: host.trim() } : null;
}

/** Lock files this process holds: a lock naming this process's PID that is not among them was
 *  left by an earlier process that had the same PID (a container restarted: PID 1 again). */
const held = new Set<string>();

/** The holder runs: a process of this PID runs and (where /proc tells) started before the lock
 *  was written, so it is not another process that got the PID after the holder ended. */
function holderRuns(pid: number, lockWrittenMs: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it runs, under another user
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStartMs(pid);
  return started === undefined || started <= lockWrittenMs + 1_000;
}

/** When the process started (Linux /proc), or undefined where that cannot be read. */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // USER_HZ is 100 on Linux
    return Number.isFinite(startTicks) && bootSeconds > 0 ? bootSeconds * 1000 + startTicks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock of dataDir (which exists) or throws DataDirLockedError. */
export function lockDataDir(dataDir: string, warn: (message: string) => void = (m) => console.warn(m)): DataDirLock {
  const path = join(dataDir, DATADIR_LOCK_FILE);
  const mine = `${process.pid}\n${hostname()}\n`;
  let takenOver: { pid: number } | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      held.add(path);
      return {
        takenOver,
        release() {
          if (!held.delete(path)) return;
          try {
            if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
          } catch {
            // already gone
          }
        },
        reclaim() {
          if (held.has(path)) writeFileSync(path, mine);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let text: string;
    let writtenMs: number;
    try {
      text = readFileSync(path, 'utf8');
      writtenMs = statSync(path).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw e;
    }
    const holder = parse(text);
    if (!holder) throw new DataDirLockedError(dataDir, null, 'the lock file names no process');
    if (holder.host !== hostname()) throw new DataDirLockedError(dataDir, holder.pid, `on the host ${holder.host || 'unknown'}`);
    if (holder.pid === process.pid ? held.has(path) : holderRuns(holder.pid, writtenMs)) throw new DataDirLockedError(dataDir, holder.pid);
    // Stale: take it over. The rename is atomic, so of two processes taking over at once one
    // renames the stale lock; should the other rename a fresh lock instead, it puts it back.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = readFileSync(aside, 'utf8');
    if (moved !== text) {
      try {
        linkSync(aside, path);
      } catch {
        // the lock is someone's again either way
      }
      unlinkSync(aside);
      throw new DataDirLockedError(dataDir, parse(moved)?.pid ?? null);
    }
    unlinkSync(aside);
    warn(`The data directory ${dataDir} was not closed cleanly: its lock names PID ${holder.pid}, which no longer runs. Taking the lock over; checking the directory's integrity before opening it.`);
    takenOver = { pid: holder.pid };
  }
  throw new DataDirLockedError(dataDir, null, 'the lock changed hands while it was taken');
}

/** The integrity check after an unclean stop, on the database before migrations run; cheap
 *  enough for a start: the numbers of ТЖ-1 cards are unique (per year, and per organization as
 *  the unique index says, read from the table itself, not through the index), the year counters
 *  are not behind the highest number given, and the B-tree indexes of the numbered tables agree
 *  with their rows (amcheck bt_index_check with heapallindexed, when `amcheck` is loaded).
 *  Returns the problems found, empty when none. */
export async function checkDataDirIntegrity(pglite: PGlite, options: { amcheck: boolean }): Promise<string[]> {
  const exists = await pglite.query<{ appeals: string | null; counters: string | null }>(`SELECT to_regclass('public.appeals')::text AS appeals, to_regclass('public.appeal_counters')::text AS counters`);
  if (!exists.rows[0]?.appeals || !exists.rows[0]?.counters) return []; // not migrated yet: nothing stored to check
  const problems: string[] = [];
  await pglite.transaction(async (tx) => {
    // read the tables themselves: an index may be the damaged part
    await tx.exec('SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off; SET LOCAL enable_bitmapscan = off');
    const repeatedSequence = await tx.query<{ year: number; n: number }>(
      'SELECT registration_year AS year, count(*)::int AS n FROM (SELECT registration_year, sequence_number FROM appeals GROUP BY 1, 2 HAVING count(*) > 1) d GROUP BY 1 ORDER BY 1',
    );
    for (const r of repeatedSequence.rows) problems.push(`${r.n} sequence number(s) of ${r.year} given to more than one appeal`);
    const repeatedNumber = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM appeals GROUP BY registration_number, organization_id HAVING count(*) > 1) d');
    if ((repeatedNumber.rows[0]?.n ?? 0) > 0) problems.push(`${repeatedNumber.rows[0]!.n} registration number(s) repeated in one organization`);
    // a year numbered from leased blocks (0021) counts its numbers, not the highest one: not compared
    const leased = (await tx.query<{ t: string | null }>(`SELECT to_regclass('public.number_blocks')::text AS t`)).rows[0]?.t ? 'AND NOT EXISTS (SELECT 1 FROM number_blocks b WHERE b.year = a.registration_year)' : '';
    const behind = await tx.query<{ year: number; max: number; last: number | null }>(
      `SELECT a.registration_year AS year, max(a.sequence_number)::int AS max, c.last_value::int AS last
         FROM appeals a LEFT JOIN appeal_counters c ON c.year = a.registration_year
        GROUP BY a.registration_year, c.last_value HAVING max(a.sequence_number) > coalesce(c.last_value, 0) ${leased} ORDER BY 1`,
    );
    for (const r of behind.rows) problems.push(`the counter of ${r.year} is at ${r.last ?? 'none'} but appeals are numbered up to ${r.max}`);
  });
  if (options.amcheck) {
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
    try {
      const indexes = await pglite.query<{ name: string }>(
        `SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
          WHERE am.amname = 'btree' AND i.indrelid IN ('public.appeals'::regclass, 'public.appeal_counters'::regclass) ORDER BY 1`,
      );
      for (const { name } of indexes.rows) {
        try {
          await pglite.query('SELECT bt_index_check($1::regclass, true)', [name]);
        } catch (e) {
          problems.push(`the index ${name} does not agree with its table (${e instanceof Error ? e.message : String(e)})`);
        }
      }
    } finally {
      // the check leaves nothing behind in the schema
      await pglite.exec('DROP EXTENSION IF EXISTS amcheck');
    }
  }
  return problems;
}
