// One Kysely database over either a PostgreSQL server (pg) or embedded PostgreSQL (PGlite).
// Both return the same JS values: dates as 'YYYY-MM-DD' strings, int8 as numbers, timestamptz as
// Date, bytea as Buffer.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { checkDataDirIntegrity, DataDirIntegrityError, lockDataDir } from './datadir.ts';
import type { DB } from './schema.ts';
import type { ReadReplica } from './replica.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  close(): Promise<void>;
  /** Embedded only: a consistent copy of the data directory (gzip'd tar), taken between
   *  statements after a CHECKPOINT (src/db/backup.ts). */
  dumpDataDir?(): Promise<Blob>;
  /** Server only: the primary's connections, lent to replica reads that fall back (src/db/replica.ts). */
  pool?: PostgresPool;
  /** A streaming replica for reads that may be a moment old (src/db/replica.ts). */
  replica?: ReadReplica;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/** The database cannot be reached or the connection to it was lost (a PostgreSQL restart or
 *  failover, pg_terminate_backend, a network failure): the HTTP layer answers 503
 *  database.unavailable. Raised for a failure to get a connection; a connection lost during a
 *  statement is recognized by isDatabaseUnavailable. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** SQLSTATEs of a lost or refused connection: class 08 (connection exception), 57P01–57P05 (the
 *  server shut down, crashed, is starting, or ended the session), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-5]|53300)$/;
/** Node's socket errors. */
const UNAVAILABLE_SYSCALL = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/** pg's own messages for a connection that ended or could not be had. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/** The error (or one of its causes) is a lost or refused database connection, not a refusal of
 *  the statement: the statement did not run or was rolled back with its transaction (a commit
 *  whose answer was lost may have gone through). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSCALL.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

/** Whether the database answers `SELECT 1` within timeoutMs (GET /health). */
export async function databaseReachable(db: Db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const query = sql`SELECT 1`.execute(db).then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const HEALTH_TIMEOUT_MS = 2_000;
/** How long a request waits for a connection (to open one, or for a free one of the pool) before
 *  it is answered 503. */
export const CONNECT_TIMEOUT_MS = 10_000;

export async function openServerDatabase(url: string, poolSize = 16): Promise<Database> {
  const pool = serverPool(url, { size: poolSize, connectTimeoutMs: CONNECT_TIMEOUT_MS });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'server',
    pool,
    close: async () => {
      await db.destroy();
      await pool.closed();
    },
  };
}

/** A pool of connections to a PostgreSQL server, as Kysely takes it: a connection that cannot be
 *  had is DatabaseUnavailableError; closed() waits for the sockets after end(). */
export function serverPool(url: string, options: { size: number; connectTimeoutMs: number }): PostgresPool & { closed(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.size,
    // no JIT: compiling took ~200 ms of a 700 ms content analysis of an oblast at 5 million appeals
    // (docs/performance.md), more than it saves on a request's statements; the closure table's
    // estimates make the planner think territory queries costly enough to compile
    options: '-c jit=off',
    connectionTimeoutMillis: options.connectTimeoutMs,
    // a peer that vanished without closing the socket is found by TCP keepalive
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server ends (restart, failover, pg_terminate_backend, DROP DATABASE … FORCE)
  // emits 'error'. The pool listens only while the connection is idle (and then drops it); a
  // connection in use needs its own listener, or the 'error' ends the process. The statement in
  // progress fails with the error (503, src/http/server.ts) and its transaction is rolled back by
  // the server; on release the pool drops the broken connection and opens new ones on demand.
  pool.on('error', () => {});
  // pool.end() resolves before the sockets close; closed() waits for them.
  const open = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    client.on('error', () => {});
    namePrepared(client);
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    open.add(ended);
    void ended.then(() => open.delete(ended));
  });
  return {
    connect: () =>
      pool.connect().catch((e: unknown) => {
        throw new DatabaseUnavailableError(e);
      }),
    end: () => pool.end(),
    closed: async () => {
      await Promise.all(open);
    },
  };
}

/** A statement whose text begins with this line is prepared once a connection under a name made
 *  from its text, so PostgreSQL keeps its plan (the generic one after five runs) instead of
 *  planning it each time: for a hot statement whose plan does not depend on its values, and whose
 *  text takes few forms (each is kept by every connection for its life; registration's: at most 16).
 *  Registration's batch statement: planning took 1.7 ms of its ~12 (docs/performance.md,
 *  2026-12-06). The embedded database plans every statement as before. */
export const PREPARED = '-- prepared\n';

function namePrepared(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown) =>
    typeof config === 'string' && config.startsWith(PREPARED) ? query({ name: `p${createHash('sha1').update(config).digest('hex').slice(0, 20)}`, text: config, values }, undefined) : query(config, values);
}

/** PostgreSQL settings of the embedded database, over its postgresql.conf. initdb writes
 *  shared_buffers = 128MB there, and in PGlite the buffers are pages of its WebAssembly memory
 *  that, once touched, stay resident for the life of the process (that memory never shrinks):
 *  about 150 MB of the server's RSS (docs/performance.md "The embedded default"). The demo
 *  database is about 50 MB on disk and a small office's not many times that; pages not in the
 *  buffers are read from the data directory's files, which the operating system caches. */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB'];

/** dataDir undefined → in memory (tests). A data directory is locked for this process until
 *  close() (src/db/datadir.ts): a second opener is refused with DataDirLockedError; a lock left by
 *  an unclean stop is taken over with a warning, and then the directory must pass its integrity
 *  check (DataDirIntegrityError otherwise). */
export async function openEmbeddedDatabase(dataDir?: string, loadDataDir?: Blob, options: { warn?: (message: string) => void } = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock = dataDir ? lockDataDir(dataDir, options.warn) : undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      // amcheck only for the check after an unclean stop
      extensions: lock?.takenOver ? { pg_trgm, amcheck } : { pg_trgm },
      startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((setting) => ['-c', setting])],
      parsers: {
        [pgliteTypes.DATE]: (v: string) => v,
        [pgliteTypes.INT8]: (v: string) => Number(v),
        // pg gives bytea as Buffer; PGlite as Uint8Array
        [pgliteTypes.BYTEA]: (v: string) => Buffer.from(v.slice(2), 'hex'),
      },
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  // the copy loaded from a backup brought the lock file of the process that made it
  if (loadDataDir) lock?.reclaim();
  if (lock?.takenOver) {
    let problems: string[];
    try {
      problems = await checkDataDirIntegrity(pglite, { amcheck: true });
    } catch (e) {
      problems = [`the check could not run (${e instanceof Error ? e.message : String(e)})`];
    }
    if (problems.length > 0) {
      await pglite.close().catch(() => {});
      // the lock stays (its PID is this process's, gone when it exits): every start checks again
      throw new DataDirIntegrityError(dataDir!, problems);
    }
  }
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'embedded',
    dumpDataDir: async () => {
      // holding the one connection: no transaction of this process is open during the copy
      const client = await pool.connect();
      try {
        await pglite.exec('CHECKPOINT');
        return await pglite.dumpDataDir('gzip');
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}

export function openDatabase(env: { url?: string; dataDir: string }): Promise<Database> {
  return env.url ? openServerDatabase(env.url) : openEmbeddedDatabase(env.dataDir);
}

/** PGlite is one connection: a client holds it exclusively from connect() to release(), so
 *  transactions of concurrent requests never interleave. */
class PGlitePool implements PostgresPool {
  private queue: Array<() => void> = [];
  private busy = false;
  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.busy = true;
    const pglite = this.pglite;
    const release = () => {
      const next = this.queue.shift();
      if (next) next();
      else this.busy = false;
    };
    const client = {
      async query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const command = (/^\s*(\w+)/.exec(sqlText)?.[1] ?? 'SELECT').toUpperCase();
        // Like pg: without parameters the simple protocol runs, so several statements may be sent.
        const result = parameters.length === 0 ? ((await pglite.exec(sqlText)).at(-1) ?? { rows: [], affectedRows: 0 }) : await pglite.query<R>(sqlText, parameters as unknown[]);
        return {
          command: (command === 'WITH' ? 'SELECT' : command) as PostgresQueryResult<R>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows as R[],
        };
      },
      release,
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {}
}
