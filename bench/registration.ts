// Registration over HTTP against a PostgreSQL server (docs/performance.md).
//
//   npm run bench                                   # 32 connections, 20 s
//   npm run bench -- --duration 5 --connections 8   # a quick run
//   npm run bench -- --profile                      # and a CPU profile of the server process
//
// The server is the working tree's src/cli.ts. bench/profile-summary.ts reads a profile;
// bench/statements.ts times the statements of registration one by one on a kept database. After
// the run, pgbench's TPC-B on the same server at the same clients and duration is the reference.
//
// Creates a fresh database on the server, starts the real server as a separate process
// (src/cli.ts serve, demo mode for the demo users), signs in as `registrar`, runs autocannon in
// this process against POST /api/v1/appeals with varied bodies (bench/bodies.ts), prints the
// result, checks in SQL that every 201 is one stored appeal and that the numbers are gapless, and
// always stops the server and drops the database at the end.
//
// Flags (or environment): --duration S (BENCH_DURATION, 20), --connections N (BENCH_CONNECTIONS,
// 32), --pg URL of the server (BENCH_PG_URL, postgres://postgres@127.0.0.1:5432/postgres),
// --seed N (1), --profile (server --cpu-prof into --profile-dir, default a temp folder),
// --keep (keep the database), --server-env K=V,... (extra server environment).
//
// When the time is up, connections stop sending registrations and ask GET /health instead until
// autocannon ends a moment later, so registrations in flight are answered, not cut off: the count
// of 201 answers must then equal the count of new appeals exactly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import autocannon, { type Client } from 'autocannon';
import { BodyGenerator } from './bodies.ts';
import { searchTextOf } from '../src/domain/search.ts';
import { freePort, machineTicks, ms, percentile, sampleCpu, TICKS_PER_SECOND, type CpuSample } from './harness.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    pg: { type: 'string' },
    seed: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'server-env': { type: 'string' },
  },
});
const env = process.env;
const DURATION = Number(flags.duration ?? env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(flags.connections ?? env.BENCH_CONNECTIONS ?? 32);
const PG_URL = flags.pg ?? env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SEED = Number(flags.seed ?? 1);
/** How long connections ask /health after the time is up, so registrations in flight finish. */
const DRAIN_SECONDS = 3;
if (!(DURATION > 0) || !(CONNECTIONS > 0 && Number.isInteger(CONNECTIONS))) {
  console.error('usage: bench/registration.ts [--duration S] [--connections N] [--pg URL] [--seed N] [--profile] [--profile-dir DIR] [--keep] [--server-env K=V,…]');
  process.exit(2);
}

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

let server: ChildProcess | undefined;
let dbName: string | undefined;
let cleaning: Promise<void> | undefined;
/** Registrations a second, once measured. */
let throughput: number | undefined;

async function stopServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopServer().catch((e) => console.error('stopping the server:', e));
    if (dbName && !flags.keep) {
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => console.error(`dropping ${dbName}:`, e));
    } else if (dbName) {
      console.log(`database kept: ${dbName}`);
    }
  })();
  return cleaning;
}

// Ctrl-C reaches this process twice when it runs under the tsx command (the group, then tsx's
// relay): the first one cleans up, the others wait for it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (cleaning) return;
    console.error(`\n${signal}: stopping the server and dropping the database`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Last resort if something exits the process without the cleanup: do not leave the server running.
process.once('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});

async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  dbName = `joldanym_bench_${stamp}_${process.pid}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${dbName}`;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profileDir = flags.profile ? resolve(flags['profile-dir'] ?? mkdtempSync(join(tmpdir(), 'joldanym-profile-'))) : undefined;
  const extraEnv = Object.fromEntries(
    (flags['server-env'] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  // `node --import tsx src/cli.ts serve` is what `tsx src/cli.ts serve` runs, without the tsx
  // wrapper process: the pid is the server's own, for the CPU accounting and the signals.
  server = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...env, ...extraEnv, DATABASE_URL: dbUrl.toString(), JOLDANYM_DEMO: 'true', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
  server.stderr!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
  const serverPid = server.pid!;

  // Wait for /health (migrations, reference and demo data first).
  const startedAt = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - startedAt > 120_000) throw new Error('the server did not answer /health within 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'registrar', password: 'demo' }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };

  const db = new pg.Client({ connectionString: dbUrl.toString() });
  // dropping the database (WITH FORCE) ends this connection, maybe while a check waits on it
  db.on('error', () => {});
  await db.connect();
  try {
    const before = Number((await db.query('SELECT count(*) AS n FROM appeals')).rows[0].n);

    // Other work on the machine skews the numbers: say so before and after.
    const idle0 = machineTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const busyBefore = machineTicks() - idle0;
    if (busyBefore > 15) console.log(`note: the machine was busy before the run (${busyBefore} % of one core)`);

    // ---- the run
    const bodies = new BodyGenerator(SEED);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const errorSamples = new Map<number, string>();
    let created = 0;
    let lastAnswerAt = 0;
    let timeouts = 0;
    let connErrors = 0;
    let draining = false;
    const clients: { inFlight: boolean; client: Client }[] = [];

    const registration = {
      method: 'POST',
      path: '/api/v1/appeals',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'ru' },
    };
    const drain = { method: 'GET', path: '/health', headers: {} };

    const started = performance.now();
    const cpuStart = sampleCpu(serverPid, dbName!);
    let cpuEnd: CpuSample | undefined;
    const drainTimer = setTimeout(() => {
      draining = true;
    }, DURATION * 1000);

    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION + DRAIN_SECONDS,
      pipelining: 1,
      timeout: 30,
      requests: [
        {
          ...registration,
          setupRequest: () => (draining ? { ...drain, headers: {} } : { ...registration, headers: { ...registration.headers }, body: JSON.stringify(bodies.next()) }),
          onResponse: (status, body) => {
            if (status !== 201 && status !== 200 && errorSamples.size < 5 && !errorSamples.has(status)) errorSamples.set(status, body.slice(0, 500));
          },
        },
      ],
      // One request in flight per connection: 'request' fires just before the next one is built.
      setupClient: (client) => {
        const state = { inFlight: false, client };
        clients.push(state);
        // The first request of a connection is built before this runs: always a registration.
        state.inFlight = true;
        client.on('request', () => {
          state.inFlight = !draining;
        });
        client.on('response', (status: number, _bytes: number, duration: number) => {
          if (!state.inFlight) return;
          state.inFlight = false;
          latencies.push(duration);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) created++;
          lastAnswerAt = performance.now();
          if (draining && !cpuEnd && clients.every((c) => !c.inFlight)) cpuEnd = sampleCpu(serverPid, dbName!);
        });
        client.on('timeout', () => {
          if (state.inFlight) timeouts++;
        });
        client.on('connError', () => connErrors++);
      },
    });
    const result = await instance;
    clearTimeout(drainTimer);
    cpuEnd ??= sampleCpu(serverPid, dbName!);
    const unanswered = clients.filter((c) => c.inFlight).length;

    // ---- the numbers
    const answered = latencies.length;
    const seconds = (lastAnswerAt - started) / 1000;
    throughput = answered / seconds;
    const sorted = Float64Array.from(latencies).sort();
    const non201 = answered - created;
    const errors = non201 + timeouts + unanswered + connErrors;
    const wall = (cpuEnd.at - cpuStart.at) / 1000;
    const share = (ticks: number) => `${Math.round((ticks / TICKS_PER_SECOND / wall) * 100)} %`;

    console.log('');
    console.log(`## registration over HTTP: ${CONNECTIONS} connections, ${DURATION} s (${cpus().length} cores)`);
    console.log('');
    console.log('| requests | throughput | p50 | p90 | p99 | max | errors |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${answered} | ${(answered / seconds).toFixed(0)} req/s | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 90))} | ` +
        `${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1] ?? NaN)} | ${errors} |`,
    );
    console.log('');
    console.log(
      `answers: ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(', ') || 'none'}` +
        (timeouts ? `; timeouts ${timeouts}` : '') +
        (unanswered ? `; unanswered at the end ${unanswered}` : '') +
        (connErrors ? `; connection errors ${connErrors}` : '') +
        (result.errors ? `; autocannon errors ${result.errors}` : ''),
    );
    for (const [status, body] of errorSamples) console.log(`  ${status}: ${body}`);
    const ours = cpuEnd.server - cpuStart.server + (cpuEnd.postgres - cpuStart.postgres) + (cpuEnd.bench - cpuStart.bench);
    const other = Math.max(0, cpuEnd.machine - cpuStart.machine - ours);
    console.log(
      `CPU during the run (100 % = one core; ${cpus().length} cores): server ${share(cpuEnd.server - cpuStart.server)}, ` +
        `PostgreSQL ${share(cpuEnd.postgres - cpuStart.postgres)}, autocannon ${share(cpuEnd.bench - cpuStart.bench)}, ` +
        `other work on the machine ${share(other)}${other / TICKS_PER_SECOND / wall > 0.1 ? ' — not a quiet machine: the numbers are low' : ''}`,
    );

    // ---- the checks, in SQL
    const after = Number((await db.query('SELECT count(*) AS n FROM appeals')).rows[0].n);
    const years = (
      await db.query<{ year: number; n: string; distinct_n: string; min: string; max: string; counter: string | null }>(`
        SELECT a.registration_year AS year, count(*) AS n, count(DISTINCT a.sequence_number) AS distinct_n,
               min(a.sequence_number) AS min, max(a.sequence_number) AS max,
               (SELECT last_value FROM appeal_counters c WHERE c.year = a.registration_year) AS counter
        FROM appeals a GROUP BY a.registration_year ORDER BY 1`)
    ).rows;
    const events = Number((await db.query(`SELECT count(*) AS n FROM events WHERE kind = 'registered'`)).rows[0].n);
    const cards = Number((await db.query(`SELECT count(DISTINCT appeal_id) AS n FROM applicant_cards`)).rows[0].n);
    const duplicates = Number((await db.query(`SELECT count(*) AS n FROM appeals WHERE duplicate_candidate`)).rows[0].n);

    const checks: [string, boolean][] = [
      [`new appeals ${after - before} = 201 answers ${created}`, after - before === created],
      ...years.map((y): [string, boolean] => [
        `${y.year}: ${y.n} appeals, numbers 1…${y.max} without gaps or repeats, counter at ${y.counter}`,
        Number(y.min) === 1 && Number(y.max) === Number(y.n) && Number(y.distinct_n) === Number(y.n) && Number(y.counter) === Number(y.max),
      ]),
      [`one 'registered' event per appeal (${events} for ${after})`, events === after],
    ];
    console.log(`stored: ${after} appeals (${before} demo), ${cards} with applicant cards, ${duplicates} flagged as duplicate candidates`);
    for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
    if (checks.some(([, ok]) => !ok) || errors > 0) process.exitCode = 1;
  } finally {
    await db.end();
  }

  await stopServer();
  if (profileDir) console.log(`server CPU profile: ${profileDir} (npx tsx bench/profile-summary.ts ${profileDir})`);
  await pgbenchReference(throughput);
}

/**
 * The machine's speed drifts between days and with other work, so the same run measures a
 * reference right after: pgbench's built-in TPC-B (scale 10) on the same server, at the same client
 * count and duration, in a database of its own. The ratio of registrations to TPC-B transactions
 * is what compares across runs; a throughput alone does not.
 */
async function pgbenchReference(registrations: number | undefined): Promise<void> {
  const name = `${dbName}_pgbench`;
  const benchUrl = new URL(PG_URL);
  benchUrl.pathname = `/${dbName}`;
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((ok) => {
      const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', () => ok({ code: -1, out }));
      child.on('exit', (code) => ok({ code, out }));
    });
  await adminQuery(`CREATE DATABASE ${name}`);
  try {
    const init = await run(['-i', '-q', '-s', '10', url.href]);
    if (init.code !== 0) {
      console.log(`reference: pgbench not run (${init.code === -1 ? 'pgbench is not installed' : init.out.trim().split('\n').at(-1)})`);
      return;
    }
    const clients = ['-c', String(CONNECTIONS), '-j', String(Math.min(CONNECTIONS, cpus().length)), '-T', String(DURATION)];
    const bench = await run([...clients, url.href]);
    const tps = Number(/tps = ([0-9.]+)/.exec(bench.out)?.[1]);
    // The same writes as one registration, as one statement (the shape of store.insertRegistrations
    // for a batch of one), on the benchmark's own database before it is dropped.
    const script = join(mkdtempSync(join(tmpdir(), 'joldanym-pgbench-')), 'registration.sql');
    writeFileSync(script, REGISTRATION_WRITES);
    const organization = await firstValue(benchUrl.href, `SELECT organization_id FROM users WHERE login = 'registrar'`);
    const writes = await run([...clients, '-n', '-f', script, '-D', `org=${organization}`, benchUrl.href]);
    const writesTps = Number(/tps = ([0-9.]+)/.exec(writes.out)?.[1]);
    const writesLatency = /latency average = ([0-9.]+ ms)/.exec(writes.out)?.[1];
    if (!Number.isFinite(writesTps)) console.log(`pgbench script of a registration's writes failed: ${writes.out.trim().split('\n').slice(-3).join(' / ')}`);
    const ratio = (a: number | undefined, b: number) => (a !== undefined && Number.isFinite(b) ? (a / b).toFixed(3) : '–');
    console.log('');
    console.log(`## reference: pgbench on the same server, ${CONNECTIONS} clients, ${DURATION} s`);
    console.log('');
    console.log('| what | figure | registrations over HTTP per … | aim |');
    console.log('|---|---:|---:|---:|');
    console.log(`| TPC-B (scale 10) | ${Number.isFinite(tps) ? `${tps.toFixed(0)} tps` : '–'} | ${ratio(registrations, tps)} | ≥ 0.5 |`);
    console.log(
      `| a registration's writes, one statement (pgbench script) | ${Number.isFinite(writesTps) ? `${writesTps.toFixed(0)} tps${writesLatency ? `, ${writesLatency} average` : ''}` : '–'} | ${ratio(registrations, writesTps)} | |`,
    );
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) => console.error(`dropping ${name}:`, e));
  }
}

async function firstValue(url: string, text: string): Promise<unknown> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Object.values((await c.query(text)).rows[0] ?? {})[0];
  } finally {
    await c.end();
  }
}

/** pgbench script: the rows one registration writes (src/intake/store.ts, src/statistics/cards.ts)
 *  — the year's counter, the appeal, its applicant card, the event, the outbox message, card_cells,
 *  six 1-ТӨ cells of the organization and of each organization above it, two journal records — in
 *  one statement, one implicit transaction, as the server does. Year 2099 keeps it off the run's numbers. */
const SUMMARY = 'Көп пәтерлі үйдің шатырын жөндеу туралы';
const TEXT = 'Мәселені қарап, нәтижесі туралы хабарлауыңызды сұраймын. '.repeat(9);
const APPLICANT = 'Жұмабеков Ерлан Серікұлы';
const REGISTRATION_WRITES = `
WITH n AS (
  INSERT INTO appeal_counters AS c (year, last_value) VALUES (2099, 1)
  ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + 1 RETURNING last_value),
a AS (
  INSERT INTO appeals (id, organization_id, registration_number, letter_index, registration_year, sequence_number, talon_number, received_at,
    registration_date, due_date, document_type, procedure, form, channel, language, issue_category, summary, text, applicant_kind, applicant_name,
    status, registrar_name, registrar_position, created_at, updated_at, search_text)
  SELECT gen_random_uuid(), :org, 'ЖТ-2099-' || lpad(n.last_value::text, 8, '0'), 'ЖТ', 2099, n.last_value, '99120400' || lpad(n.last_value::text, 8, '0'), now(),
    current_date, current_date + 21, 'application', 'administrative', 'electronic', 'egovPortal', 'kk', 'housing', '${SUMMARY}',
    '${TEXT}', 'individual', '${APPLICANT}', 'registered', 'Тіркеуші', 'Маман', now(), now(),
    '${searchTextOf({ summary: SUMMARY, text: TEXT, applicant_name: APPLICANT })}'
  FROM n RETURNING id),
card AS (
  INSERT INTO applicant_cards (id, appeal_id, organization_id, position, kind, citizenship, iin, last_name, first_name, middle_name, phone_mobile, email)
  SELECT gen_random_uuid(), a.id, :org, 1, 'individual', 'KZ', '780315345211', 'Жұмабеков', 'Ерлан', 'Серікұлы', '+77010000101', 'e@example.kz' FROM a),
ev AS (
  INSERT INTO events (appeal_id, organization_id, actor_name, at, kind, changes)
  SELECT a.id, :org, 'Тіркеуші', now(), 'registered', '{"term": {"unit": "workingDays", "count": 15}, "duplicateCandidates": []}'::jsonb FROM a),
ob AS (
  INSERT INTO outbox (organization_id, appeal_id, kind, channel, recipient, language, subject, body, next_attempt_at, created_at)
  SELECT :org, a.id, 'registered', 'email', 'e@example.kz', 'kk', 'Өтініш тіркелді', repeat('Өтінішіңіз тіркелді. ', 12), now(), now() FROM a),
cc AS (
  INSERT INTO card_cells (appeal_id, organization_id, year, cells)
  SELECT a.id, :org, 2099, '["s1/received/12", "s1/type.application/12", "s1/form.electronic/12", "s1/channel.egovPortal/12", "s1/language.kk/12", "s1/applicant.individual/12"]'::jsonb FROM a),
cells AS (SELECT * FROM (VALUES ('received'), ('type.application'), ('form.electronic'), ('channel.egovPortal'), ('language.kk'), ('applicant.individual')) v(column_key)),
sc AS (
  INSERT INTO stat_cells AS s (organization_id, year, month, table_id, column_key, n)
  SELECT :org, 2099, 12, 's1', column_key, 1 FROM cells
  ON CONFLICT (year, organization_id, table_id, column_key, month) DO UPDATE SET n = s.n + EXCLUDED.n),
ss AS (
  INSERT INTO stat_subtree_cells AS s (organization_id, year, month, table_id, column_key, n)
  SELECT oc.ancestor_id, 2099, 12, 's1', cells.column_key, 1 FROM organization_closure oc, cells WHERE oc.descendant_id = :org
  ON CONFLICT (year, organization_id, table_id, column_key, month) DO UPDATE SET n = s.n + EXCLUDED.n)
INSERT INTO export_journal (day, organization_id, appeal_id, kind, record_id, record, at)
SELECT current_date, :org, a.id, k, a.id, '{"id": "x", "status": "registered"}'::jsonb, now() FROM a, (VALUES ('tzh1'), ('ai1')) v(k);
`;

try {
  await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
