// One Kysely database over either a PostgreSQL server (pg) or embedded PostgreSQL (PGlite).
// Both return the same JS values: dates as 'YYYY-MM-DD' strings, int8 as numbers, timestamptz as
// Date, bytea as Buffer.
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

export async function openServerDatabase(url: string, poolSize = 16): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server ends while idle (restart, DROP DATABASE … FORCE) is already dropped
  // from the pool; its 'error' must not crash the process.
  pool.on('error', () => {});
  // pool.end() resolves before the sockets close; close() waits for them.
  const ended: Promise<void>[] = [];
  pool.on('connect', (client) => ended.push(new Promise((resolve) => client.once('end', () => resolve()))));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'server',
    close: async () => {
      await db.destroy();
      await Promise.all(ended);
    },
  };
}

/** dataDir undefined → in memory (tests). */
export async function openEmbeddedDatabase(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers: {
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.INT8]: (v: string) => Number(v),
      // pg gives bytea as Buffer; PGlite as Uint8Array
      [pgliteTypes.BYTEA]: (v: string) => Buffer.from(v.slice(2), 'hex'),
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  return {
    db,
    kind: 'embedded',
    close: async () => {
      await db.destroy();
      await pglite.close();
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
