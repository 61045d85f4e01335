// Backup and restore (docs/operations.md, "Backup and restore").
//
// The embedded database: `cli backup FILE` writes PGlite's dump of the data directory (a tar.gz)
// while no other process has it open: the directory's lock (src/db/datadir.ts) is taken for the
// copy, so a running server makes the backup refuse (stop it first). `cli restore FILE` loads such
// a dump into an empty or new JOLDANYM_DATA_DIR. The PostgreSQL server: pg_dump -Fc / pg_restore.
//
// Either way a restored copy knows nothing of what the lost database did after the backup, so
// before it serves, afterRestore (`cli after-restore`, run by `cli restore` itself) ends every
// session, fails the messages that were being delivered when the backup was taken (whether they
// went out is unknown) instead of sending them again, and advances the registration counters by a
// margin, so that numbers handed out after the backup are not handed out a second time.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openEmbeddedDatabase, type Database, type Db } from './connection.ts';
import { DataDirLockedError } from './datadir.ts';
import { eventRow } from '../audit/log.ts';
import { localDateTime } from '../domain/calendar.ts';

/** The margin by which `after-restore` advances the registration counters unless `--skip` says
 *  otherwise: more numbers than the lost database may have handed out after the backup. */
export const DEFAULT_RESTORE_SKIP = 1000;

/** The error recorded for a message that was being delivered when the backup was taken. */
export const RESTORED_UNKNOWN_OUTCOME = 'restored from a backup taken while this message was being delivered: whether it was sent is unknown, so it is not sent again';

/** A backup or restore that cannot be done as asked; the message says why and what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Writes a consistent copy of the embedded data directory to `file` (gzip'd tar, PGlite's
 *  dumpDataDir), taking the directory's lock for the copy. Returns the size in bytes. */
export async function backupDataDir(dataDir: string, file: string): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no embedded database (no PG_VERSION): nothing to back up.`);
  if (!existsSync(dirname(resolve(file)))) throw new BackupError(`the folder of ${file} does not exist: create it first.`);
  let database: Database;
  try {
    database = await openEmbeddedDatabase(dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      throw new BackupError(
        `${e.message} A consistent copy cannot be taken while a server runs on the directory: stop the server (SIGTERM), run the backup, and start it again. To back up without stopping, run Joldanym on a PostgreSQL server and use pg_dump (docs/operations.md).`,
      );
    }
    throw e;
  }
  try {
    const dump = await database.dumpDataDir!();
    const bytes = Buffer.from(await dump.arrayBuffer());
    // never a half-written backup under the final name
    const partial = `${file}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return bytes.length;
  } finally {
    await database.close();
  }
}

/** Loads a backup made by backupDataDir into `dataDir`, which must not exist or be empty, and
 *  returns the database open on it (the caller migrates it and runs afterRestore). */
export async function restoreDataDir(dataDir: string, file: string): Promise<Database> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} is not empty: a backup is restored only into an empty or new directory (JOLDANYM_DATA_DIR). Move the old directory aside first.`);
  }
  const bytes = readFileSync(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const blob = new Blob([bytes], { type: gzip ? 'application/gzip' : 'application/x-tar' });
  try {
    return await openEmbeddedDatabase(dataDir, blob);
  } catch (e) {
    // the directory was empty: leave nothing half-loaded behind
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export interface AfterRestore {
  sessionsEnded: number;
  /** Messages that were being delivered at backup time, now failed rather than sent again. */
  messagesFailed: number;
  /** The registration numbers skipped per year: from the first skipped to the last; the next
   *  registration of the year gets `to + 1`. */
  numbersSkipped: { year: number; from: number; to: number }[];
}

/**
 * What a restored copy must do once before it serves (both databases): end every session, fail
 * (not send again) the outbox messages that were claimed by a worker when the backup was taken,
 * and advance the counter of the current year (in `timeZone`) and of the latest counted year by
 * `skip`, recording each skip in the audit log (`restoreNumbersSkipped`). One transaction.
 */
export async function afterRestore(db: Db, options: { now: Date; timeZone: string; skip: number }): Promise<AfterRestore> {
  const { now, skip } = options;
  if (!Number.isSafeInteger(skip) || skip < 0) throw new BackupError(`--skip must be a whole number ≥ 0, not ${skip}`);
  return db.transaction().execute(async (trx) => {
    const sessions = await trx.deleteFrom('sessions').executeTakeFirst();

    // Claimed at backup time: the worker was sending them; the lost database may have recorded
    // them sent. Their outcome is unknown, so they are failed as a lost attempt is recorded.
    const claimed = await trx.selectFrom('outbox').select(['id', 'attempts', 'claimed_at']).where('status', '=', 'pending').where('claimed_at', 'is not', null).execute();
    for (const m of claimed) {
      await trx.insertInto('deliveries').values({ outbox_id: m.id, attempt: m.attempts, at: m.claimed_at!, ok: false, error: RESTORED_UNKNOWN_OUTCOME, provider_response: null }).execute();
    }
    if (claimed.length > 0) {
      await trx
        .updateTable('outbox')
        .set({ status: 'failed', claimed_at: null, last_error: RESTORED_UNKNOWN_OUTCOME })
        .where(
          'id',
          'in',
          claimed.map((m) => m.id),
        )
        .execute();
    }

    const numbersSkipped: AfterRestore['numbersSkipped'] = [];
    if (skip > 0) {
      const current = Number(localDateTime(now, options.timeZone).date.slice(0, 4));
      const latest = await trx
        .selectFrom('appeal_counters')
        .select((e) => e.fn.max('year').as('year'))
        .executeTakeFirst();
      const years = [...new Set([current, ...(latest?.year ? [Number(latest.year)] : [])])].sort();
      const root = await trx.selectFrom('organizations').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
      for (const year of years) {
        const { last_value } = await sql<{ last_value: number }>`
          INSERT INTO appeal_counters AS c (year, last_value) VALUES (${year}, ${skip})
          ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + EXCLUDED.last_value
          RETURNING c.last_value`
          .execute(trx)
          .then((r) => r.rows[0]!);
        const skipped = { year, from: Number(last_value) - skip + 1, to: Number(last_value) };
        numbersSkipped.push(skipped);
        await trx
          .insertInto('events')
          .values(eventRow({ appealId: null, organizationId: root?.id ?? 0, actor: null, at: now, kind: 'restoreNumbersSkipped', changes: { ...skipped, skip } }))
          .execute();
      }
    }
    return { sessionsEnded: Number(sessions.numDeletedRows), messagesFailed: claimed.length, numbersSkipped };
  });
}
