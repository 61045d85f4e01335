// Reads that may be a moment old — reports, statistics, exports, the queues' counts, open data —
// from a streaming replica (DATABASE_REPLICA_URL), so that they do not load the primary. The one
// seam is reader(ctx, actor): the handle such a read takes instead of ctx.db (docs/operations.md
// "Read replica").
//
// Read-your-writes by position, not by a time window: a check (at most once a second, on demand)
// notes the app's clock, then reads the primary's WAL position and the replica's replayed
// position. Once the replica has replayed a position read after instant S, every transaction
// committed before S is on it ("caught up to S"). A user's change is noted when its response is
// sent, after its commit; their reads go to the replica only once it is caught up past that
// instant. This is exact however long the replay takes, costs no statement per write, and compares
// only this process's monotonic clock — never the database servers' clocks. (A fixed window would
// be wrong whenever the replica lags beyond it, and needlessly long when it does not.)
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { isDatabaseUnavailable, serverPool, type Database, type Db } from './connection.ts';
import type { DB } from './schema.ts';

export interface ReplicaSettings {
  url: string;
  /** Reads go to the primary while the replica is further behind than this (ms). */
  maxLagMs: number;
  /** How long one check of the replica's position is used (ms); tests check on every read. */
  checkIntervalMs?: number;
}

export interface ReadReplica {
  /** The handle for a read by this user (none: an anonymous read): the replica's while it is up,
   *  at most maxLagMs behind and has replayed the user's last change; else the primary's. */
  readerFor(userId?: string): Promise<Db>;
  /** The user's change is committed: their reads stay on the primary until the replica has it. */
  noteWrite(userId: string): void;
  /** For monitoring and tests: whether reads may go to the replica, and how far behind it was at
   *  the last check. */
  state(): Promise<{ usable: boolean; lagMs: number | null }>;
  close(): Promise<void>;
}

/** The handle a read-only use case takes: the replica's (when one is configured and fresh enough
 *  for this user) or the primary's. */
export function reader(ctx: { db: Db; replica?: ReadReplica }, actor?: { id: string }): Promise<Db> {
  return ctx.replica ? ctx.replica.readerFor(actor?.id) : Promise.resolve(ctx.db);
}

export const CHECK_INTERVAL_MS = 1_000;
/** A check the replica does not answer within this counts as the replica down. */
export const CHECK_TIMEOUT_MS = 500;
/** A replica read waits at most this for a connection before it goes to the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 1_000;

/** The primary with a replica beside it: primary.replica is set, and close() closes both. */
export function withReadReplica(primary: Database, settings: ReplicaSettings): Database {
  const replica = openReadReplica(primary, settings);
  return {
    ...primary,
    replica,
    close: async () => {
      await replica.close();
      await primary.close();
    },
  };
}

function openReadReplica(primary: Database, settings: ReplicaSettings): ReadReplica {
  const interval = settings.checkIntervalMs ?? CHECK_INTERVAL_MS;
  const pool = serverPool(settings.url, { size: 16, connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS });
  if (!primary.pool) throw new Error('a read replica needs the primary on a PostgreSQL server');
  /** Primary WAL positions read after these instants (oldest first), not yet replayed. */
  let samples: { at: number; lsn: bigint }[] = [];
  /** Every transaction committed before this instant is on the replica; undefined: unknown. */
  let caughtUpTo: number | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | undefined;
  const writes = new Map<string, number>();

  const down = () => {
    caughtUpTo = undefined;
    samples = [];
    checkedAt = performance.now();
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: fallingBack(pool, primary.pool, down) }) });

  async function check(): Promise<void> {
    const at = performance.now();
    const [p, r] = await Promise.allSettled([withTimeout(sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(primary.db), CHECK_TIMEOUT_MS), withTimeout(replayed(pool), CHECK_TIMEOUT_MS)]);
    // the replica down, not answering, or promoted (a server out of recovery no longer follows this primary)
    if (r.status === 'rejected' || r.value === null) return down();
    checkedAt = at;
    // the primary too busy to answer: the replica is where it was known to be, so falls behind
    if (p.status === 'rejected') return;
    samples.push({ at, lsn: lsnOf(p.value.rows[0]!.lsn) });
    let i = samples.length - 1;
    while (i >= 0 && samples[i]!.lsn > r.value) i--;
    if (i >= 0) caughtUpTo = Math.max(caughtUpTo ?? Number.NEGATIVE_INFINITY, samples[i]!.at);
    // a sample older than the bound could only show the replica too far behind
    samples = samples.slice(i + 1).filter((s) => s.at >= at - settings.maxLagMs);
    for (const [user, wrote] of writes) if (caughtUpTo !== undefined && wrote < caughtUpTo) writes.delete(user);
  }

  async function fresh(): Promise<void> {
    if (performance.now() - checkedAt < interval) return;
    checking ??= check().finally(() => {
      checking = undefined;
    });
    await checking;
  }

  const lag = () => (caughtUpTo === undefined ? null : checkedAt - caughtUpTo);

  return {
    async readerFor(userId) {
      await fresh();
      const behind = lag();
      if (behind === null || behind > settings.maxLagMs) return primary.db;
      const wrote = userId === undefined ? undefined : writes.get(userId);
      return wrote !== undefined && wrote >= caughtUpTo! ? primary.db : db;
    },
    noteWrite(userId) {
      writes.set(userId, performance.now());
    },
    async state() {
      await fresh();
      const behind = lag();
      return { usable: behind !== null && behind <= settings.maxLagMs, lagMs: behind };
    },
    async close() {
      await checking;
      await db.destroy();
      await pool.closed();
    },
  };
}

/** The replica's replayed WAL position; null when it is not in recovery. */
async function replayed(pool: PostgresPool): Promise<bigint | null> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ standby: boolean; lsn: string | null }>('SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn', []);
    return rows[0]?.standby && rows[0].lsn ? lsnOf(rows[0].lsn) : null;
  } finally {
    client.release();
  }
}

/** 'X/Y' (hex) → a number that orders as the WAL does. */
function lsnOf(text: string): bigint {
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A hot standby cancels a statement that conflicts with the replay of the primary's changes. */
const RECOVERY_CONFLICT = '40001';

/** The replica's connections; a connection that cannot be had is one of the primary's instead,
 *  and a statement outside a transaction that fails because the replica went away (or cancelled
 *  it for the replay) runs again on the primary. Either marks the replica down until its next
 *  check. Inside a transaction a statement is not retried alone: its error is the read's. */
function fallingBack(replica: PostgresPool, primary: PostgresPool, down: () => void): PostgresPool {
  return {
    async connect() {
      let client: PostgresPoolClient;
      try {
        client = await replica.connect();
      } catch {
        down();
        return primary.connect();
      }
      let inTransaction = false;
      const query = async <R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
        const statement = /^\s*(\w+)/.exec(sqlText)?.[1]?.toLowerCase();
        if (statement === 'begin' || statement === 'start') inTransaction = true;
        try {
          return await client.query<R>(sqlText, parameters);
        } catch (e) {
          const unavailable = isDatabaseUnavailable(e);
          if (inTransaction || !(unavailable || (e as { code?: unknown }).code === RECOVERY_CONFLICT)) throw e;
          if (unavailable) down();
          const other = await primary.connect();
          try {
            return await other.query<R>(sqlText, parameters);
          } finally {
            other.release();
          }
        } finally {
          if (statement === 'commit' || statement === 'rollback') inTransaction = false;
        }
      };
      return { query, release: () => client.release() } as PostgresPoolClient;
    },
    end: () => replica.end(),
  };
}
