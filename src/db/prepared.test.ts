// A statement that begins with PREPARED (src/db/connection.ts) is prepared once a connection of the
// server pool, by a name made from its text, so PostgreSQL keeps its plan; any other statement is
// sent unnamed, planned each time as before (docs/performance.md, 2026-12-06: registration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PREPARED, serverPool } from './connection.ts';

const url = process.env.DATABASE_URL;

test('issue 15: a statement marked PREPARED is prepared by name on the server; others are not', { skip: !url && 'needs DATABASE_URL (the PostgreSQL server)' }, async () => {
  const pool = serverPool(url!, { size: 1, connectTimeoutMs: 5_000 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    for (const n of [1, 2, 3]) {
      const marked = await sql<{ n: number }>`${sql.raw(PREPARED)}SELECT ${n}::integer + 1 AS n`.execute(db);
      assert.equal(marked.rows[0]!.n, n + 1);
      await sql`SELECT ${n}::integer AS unmarked`.execute(db);
    }
    // one connection: the statements above ran on it, and this reads its own prepared statements
    const { rows } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.statement),
      [`${PREPARED}SELECT $1::integer + 1 AS n`],
    );
    assert.match(rows[0]!.name, /^p[0-9a-f]{20}$/);
  } finally {
    await db.destroy();
  }
});
