// Reads from a streaming replica (issue 15 item 4, docs/operations.md "Read replica"): the test
// makes its own primary and hot standby with the machine's PostgreSQL binaries (initdb,
// pg_basebackup -R) on free ports in a temporary directory — the machine's server allows no
// replication connections — and removes both at the end (test/replica-cluster.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { configFromEnv } from '../config.ts';
import type { Context } from '../context.ts';
import { createContext, prepareDatabase } from '../app.ts';
import { buildServer } from '../http/server.ts';
import { DEMO_USERS } from './demo.ts';
import { hashPassword } from '../access/auth.ts';
import type { Role } from '../domain/vocabulary.ts';
import { openServerDatabase, type Database, type Db } from './connection.ts';
import { reader, withReadReplica } from './replica.ts';
import { DEFAULT_NOW, type Api } from '../../test/support.ts';
import { havePgBinaries, PG_BIN, startPrimary, type ReplicaCluster } from '../../test/replica-cluster.ts';

const skip = !process.env.DATABASE_URL
  ? 'a streaming replica needs PostgreSQL servers (a DATABASE_URL run); the embedded database has none, so every read is on the primary'
  : !havePgBinaries() && !process.env.CI
    ? `no PostgreSQL binaries in ${PG_BIN}`
    : false;

/** Polls until check() holds (each try is a check of the replica, not a timer), giving up after a
 *  minute: a bound for a stuck replica, not a timing that the test asserts. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) if (await check()) return;
  throw new Error(`${what}: not within a minute`);
}

let cluster: ReplicaCluster;
let database: Database;
let strict: Database;
let ctx: Context;
let server: FastifyInstance;
let url: string;

before(async () => {
  if (skip) return;
  cluster = await startPrimary();
  const { primaryUrl, standbyUrl } = cluster;

  // The app: reports read from the replica while it is at most a minute behind; a check of its
  // position on every read, so that what the test does is seen at once. The standby is made while
  // the primary is migrated: it replays what it missed once it runs.
  database = withReadReplica(await openServerDatabase(primaryUrl, 4), { url: standbyUrl, maxLagMs: 60_000, checkIntervalMs: 0 });
  const makeStandby = cluster.makeStandby();
  await prepareDatabase(database);
  ctx = await createContext(database, { ...configFromEnv({}), now: new Date(DEFAULT_NOW), loginRateLimit: 1000 });
  await addUsers(ctx.db, ['registrar', 'head', 'unithead', 'executor', 'statistician']);
  await makeStandby;
  server = await buildServer(ctx);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // The same primary and replica with no lag allowed at all.
  strict = withReadReplica(await openServerDatabase(primaryUrl, 2), { url: standbyUrl, maxLagMs: 0, checkIntervalMs: 0 });
});

after(async () => {
  if (skip) return;
  try {
    await server?.close();
    await strict?.close();
    await database?.close();
  } finally {
    cluster?.close();
  }
});

/** Demo users (password "demo") as the demo seed makes them, without its signing keys. */
async function addUsers(db: Db, logins: string[]): Promise<void> {
  const orgs = new Map((await db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const hash = await hashPassword('demo');
  const users = DEMO_USERS.filter((u) => logins.includes(u.login));
  await db
    .insertInto('users')
    .values(
      users.map((u) => ({ login: u.login, password_hash: hash, full_name: u.fullName, position: u.position, organization_id: orgs.get(u.organization)!, roles: u.roles ?? [u.login as Role], email: null, phone: null })),
    )
    .execute();
}

async function as(login: string): Promise<Api & { id: string }> {
  const call =
    (token?: string): Api =>
    async (method, path, body) => {
      const res = await fetch(url + path, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'en' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const raw = Buffer.from(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, raw, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw.toString()) : raw };
    };
  const login_ = await call()('POST', '/api/v1/auth/login', { login, password: 'demo' });
  assert.equal(login_.status, 200);
  const api = call(login_.body.token);
  return Object.assign(api, { id: (await api('GET', '/api/v1/me')).body.id as string });
}

const inRecovery = async (db: Db) => (await sql<{ r: boolean }>`SELECT pg_is_in_recovery() AS r`.execute(db)).rows[0]!.r;
test('reports read from the replica; a user reads their own change on the primary; a lagging or stopped replica leaves every read on the primary', { skip }, async () => {
  // a handle straight on the standby, to pause and resume its replay
  const direct = await openServerDatabase(cluster.standbyUrl, 1);
  try {
    const registrar = await as('registrar');
    const head = await as('head');
    const unithead = await as('unithead');
    const executor = await as('executor');
    const counts = async (api: Api) => {
      const res = await api('GET', '/api/v1/queues');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.counts as Record<string, number>;
    };
    const appeal = await registrar('POST', '/api/v1/appeals', {
      documentType: 'application',
      form: 'paper',
      channel: 'post',
      language: 'kk',
      summary: 'Су құбыры туралы',
      text: 'Ауылдағы су құбырын жөндеуді сұраймын.',
      applicant: { kind: 'individual', iin: '780315345211', lastName: 'Жұмабеков', firstName: 'Ерлан' },
    });
    assert.equal(appeal.status, 201, JSON.stringify(appeal.body));

    // Once the replica has replayed the registration, the heads' counts and the reports come from it.
    await until('the replica replays the registration', async () => (await ctx.replica!.state()).lagMs === 0);
    assert.equal(await inRecovery(await reader(ctx, head)), true);
    assert.equal(await inRecovery(await reader(ctx)), true);
    assert.equal((await counts(head)).awaitingRouting, 1);
    assert.equal((await counts(unithead)).awaitingRouting, 1);
    const statistician = await as('statistician');
    assert.equal((await statistician('GET', '/api/v1/reports/form1?year=2026&month=3')).status, 200);
    assert.equal((await statistician('GET', '/api/v1/indicators?year=2026&month=3')).status, 200);
    assert.equal((await head('GET', '/api/v1/overview')).status, 200);

    // The replica stops replaying. The head routes the appeal: their own counts show it at once
    // (from the primary); another head's still come from the replica, as it was.
    await sql`SELECT pg_wal_replay_pause()`.execute(direct.db);
    const assigned = await head('POST', `/api/v1/appeals/${appeal.body.id}/assignments`, { executorId: executor.id });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    assert.equal(await inRecovery(await reader(ctx, head)), false);
    assert.deepEqual([(await counts(head)).awaitingRouting, (await counts(head)).inExecution], [0, 1]);
    assert.equal(await inRecovery(await reader(ctx, unithead)), true);
    assert.deepEqual([(await counts(unithead)).awaitingRouting, (await counts(unithead)).inExecution], [1, 0]);

    // Where no lag is allowed, the paused replica is behind: every read is on the primary.
    const strictCtx = { ...ctx, db: strict.db, replica: strict.replica };
    assert.equal(await inRecovery(await reader(strictCtx, unithead)), false);
    assert.deepEqual((await strict.replica!.state()).usable, false);

    // Replay again: once the replica has the assignment, the head's reads go back to it.
    await sql`SELECT pg_wal_replay_resume()`.execute(direct.db);
    await until('the replica replays the assignment', async () => (await ctx.replica!.state()).lagMs === 0);
    assert.equal(await inRecovery(await reader(ctx, head)), true);
    assert.deepEqual([(await counts(unithead)).awaitingRouting, (await counts(unithead)).inExecution], [0, 1]);

    // The replica stops. A handle taken before runs its statement on the primary; every read
    // after goes to the primary and answers.
    const held = await reader(ctx, unithead);
    await direct.close();
    await cluster.stopStandby('fast');
    assert.equal(await inRecovery(held), false);
    assert.equal(await inRecovery(await reader(ctx, unithead)), false);
    assert.deepEqual([(await counts(unithead)).awaitingRouting, (await counts(unithead)).inExecution], [0, 1]);
    assert.equal((await statistician('GET', '/api/v1/reports/form1?year=2026&month=3')).status, 200);
    assert.equal((await fetch(`${url}/api/v1/public/statistics?year=2026`)).status, 200);
    assert.deepEqual(await ctx.replica!.state(), { usable: false, lagMs: null });
  } finally {
    await direct.close().catch(() => {});
  }
});

test('a replica only beside a server primary, its bound in milliseconds; without one every read is on the primary', async () => {
  assert.throws(() => configFromEnv({ DATABASE_REPLICA_URL: 'postgres://replica/db' }), /needs DATABASE_URL/);
  assert.throws(() => configFromEnv({ DATABASE_URL: 'postgres://primary/db', DATABASE_REPLICA_URL: 'postgres://replica/db', DATABASE_REPLICA_MAX_LAG_MS: 'soon' }), /not a number/);
  assert.deepEqual(configFromEnv({ DATABASE_URL: 'postgres://primary/db', DATABASE_REPLICA_URL: 'postgres://replica/db' }).replica, { url: 'postgres://replica/db', maxLagMs: 5000 });
  assert.equal(configFromEnv({ DATABASE_URL: 'postgres://primary/db' }).replica, undefined);
  // the embedded default: no replica, the seam hands out the primary's own handle
  const primary = {} as Db;
  assert.equal(await reader({ db: primary }, { id: 'someone' }), primary);
  assert.equal(await reader({ db: primary }), primary);
});
