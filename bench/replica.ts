// The read replica's effect on the primary under the mixed load (issue 15 item 4, docs/operations.md
// "Read replica"):
//
//   npm run bench:replica                                  # 200,000 appeals, 10 s a run
//   npm run bench:replica -- --duration 20 --connections 8 --rate 50 --rounds 3
//
// Makes its own primary and hot standby (test/replica-cluster.ts: the machine's server allows no
// replication), generates a small country on the primary with bench/country.ts (the standby
// follows by streaming), then runs the same mixed load in turns: first the registrations alone,
// then --rounds pairs of the load with every read on the primary (A) and with DATABASE_REPLICA_URL
// pointing at the standby (B), A/B/A/B so that a drift of the machine shows. The load: --rate
// registrations a second by a district registrar (bench/bodies.ts bodies, as bench/read-paths.ts)
// beside --connections users reading the paths that take reader(ctx, actor) — the queues' counts of
// the executor, the district head and the oblast controller, the heads' overview, indicators and
// 1-ТӨ of the controller and the statistician, the open statistics at 1.9 requests a second (it is
// rate-limited). The server is started anew for each run, and measured after its start work.
//
// Per run: registrations a second and their p99, the reads' p50/p95, errors (any answer but
// 200/201), and who used the CPU — the primary's processes and the standby's (each the
// postmaster's process tree), the server, this process, and all other work on the machine. The
// aim: no errors, and the primary's CPU per registration does not rise under the read load when
// the reads go to the replica. Figures only, nothing is asserted. Both clusters are removed at
// the end, also on failure or Ctrl-C.
//
// Flags: --duration S (10), --connections N (4), --rate N (50), --rounds N (2), --appeals N
// (200000), --organizations N (5000), --users N (30000).
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import autocannon, { type Client } from 'autocannon';
import { BodyGenerator } from './bodies.ts';
import { clusterTicks, cpuTicks, machineTicks, ms, percentile, root, startServer, TICKS_PER_SECOND } from './harness.ts';
import { pickCountryUsers, registrationLoad, signInCountryUsers, waitForStartWork } from './country-users.ts';
import { startPrimary } from '../test/replica-cluster.ts';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    rate: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    appeals: { type: 'string', default: '200000' },
    organizations: { type: 'string', default: '5000' },
    users: { type: 'string', default: '30000' },
  },
});
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const RATE = Number(flags.rate);
const ROUNDS = Number(flags.rounds);
const DB = 'joldanym_country';
const t0 = performance.now();
const log = (s: string) => console.error(`${s} — ${((performance.now() - t0) / 1000).toFixed(0)} s`);

// ---- the clusters, removed however the process ends
// The country's working set in memory on both servers, as on a server sized for it.
const cluster = await startPrimary({ conf: "shared_buffers = '512MB'" });
let generator: ChildProcess | undefined;
process.once('exit', () => {
  generator?.kill('SIGKILL');
  cluster.close();
});
// On a signal the clusters are stopped without blocking the event loop: tsx (npm run) relays the
// signal and kills this process unless it answers within 30 ms. `on`, not `once`: Ctrl-C comes
// from the terminal and from tsx, and a second signal with no listener would end the process.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    generator?.kill('SIGKILL');
    void cluster.closeAsync().finally(() => process.exit(130));
  });
}
const dbUrl = (base: string) => base.replace(/\/postgres$/, `/${DB}`);
/** A client of one of the clusters; its connection ends when the cluster is stopped, also on a
 *  signal while it is in use: that is no error of the benchmark. */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}
const primaryUrl = dbUrl(cluster.primaryUrl);
const standbyUrl = dbUrl(cluster.standbyUrl);

try {
  await cluster.makeStandby();
  log(`primary and standby in ${cluster.dir}`);
  await generateCountry();
  log('the country generated on the primary');
  await untilReplayed();
  log('the standby has replayed it');
  await measure();
} catch (e) {
  // after a signal the clusters are going away under the runs: their errors are no news
  if (!stopping) throw e;
} finally {
  if (!stopping) cluster.close();
}

async function generateCountry(): Promise<void> {
  const args = ['--import', 'tsx', 'bench/country.ts', '--pg', cluster.primaryUrl, '--db', DB, '--appeals', flags.appeals!, '--organizations', flags.organizations!, '--users', flags.users!];
  // its log and its table on stderr: stdout is this benchmark's table
  generator = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  const code = await new Promise<number | null>((ok) => generator!.once('exit', ok));
  if (code !== 0) throw new Error(`bench/country.ts exited with ${code}`);
}

/** Waits until the standby has replayed everything the primary had written when asked. */
async function untilReplayed(): Promise<void> {
  const [primary, standby] = await Promise.all([connect(primaryUrl), connect(standbyUrl)]);
  try {
    const target = (await primary.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0].lsn;
    for (;;) {
      const behind = (await standby.query(`SELECT pg_wal_lsn_diff($1, pg_last_wal_replay_lsn())::bigint AS b`, [target])).rows[0].b;
      if (Number(behind) <= 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await Promise.all([primary.end(), standby.end()]);
  }
}

type Mode = 'registrations alone' | 'reads on the primary' | 'reads on the replica';
interface Run {
  mode: Mode;
  registrations: number;
  registrationP99: number;
  reads: number;
  readP50: number;
  readP95: number;
  errors: number;
  errorSample: string;
  cpu: { primary: number; standby: number; server: number; bench: number; other: number };
  /** Milliseconds of the primary's CPU per registration. */
  primaryMsPerRegistration: number;
  /** Transactions committed on each server during the run (pg_stat_database). */
  xacts: { primary: number; standby: number };
  /** The most the standby was behind (pg_stat_replication.replay_lag), sampled each second. */
  maxReplayLagMs: number;
  perPath: Map<string, number[]>;
}

async function measure(): Promise<void> {
  const [primary, standby] = await Promise.all([connect(primaryUrl), connect(standbyUrl)]);
  const who = await pickCountryUsers(primary);
  const totalAppeals = (await primary.query(`SELECT count(*)::integer AS n FROM appeals`)).rows[0].n as number;
  const dbSize = (await primary.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0].s as string;
  const version = ((await primary.query('SELECT version() AS v')).rows[0].v as string).split(' on ')[0]!;
  const bodies = new BodyGenerator(17);
  const today = new Date().toISOString().slice(0, 10);
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const xacts = async (c: pg.Client) => Number((await c.query(`SELECT sum(xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database`)).rows[0].n);
  type Who = 'executor' | 'head' | 'controller' | 'statistician';
  const reads: { name: string; who: Who; path: string }[] = [
    { name: 'executor: queue counts', who: 'executor', path: '/api/v1/queues' },
    { name: 'district head: queue counts', who: 'head', path: '/api/v1/queues' },
    { name: 'oblast controller: queue counts', who: 'controller', path: '/api/v1/queues' },
    { name: 'district head: overview', who: 'head', path: '/api/v1/overview' },
    { name: 'oblast controller: overview', who: 'controller', path: '/api/v1/overview' },
    { name: 'oblast controller: indicators', who: 'controller', path: `/api/v1/indicators?year=${year}&month=${month}` },
    { name: 'oblast controller: 1-ТӨ', who: 'controller', path: `/api/v1/reports/form1?year=${year}&month=${month}` },
    { name: 'statistician: indicators', who: 'statistician', path: `/api/v1/indicators?year=${year}&month=${month}` },
    { name: 'statistician: 1-ТӨ of the country', who: 'statistician', path: `/api/v1/reports/form1?year=${year}&month=${month}` },
  ];
  const PUBLIC = 'public: open statistics (1.9 req/s)';

  const modes: Mode[] = ['registrations alone'];
  for (let i = 0; i < ROUNDS; i++) modes.push('reads on the primary', 'reads on the replica');
  const runs: Run[] = [];
  for (const mode of modes) {
    const server = await startServer({ DATABASE_URL: primaryUrl, JOLDANYM_DEMO: 'false', ...(mode === 'reads on the replica' ? { DATABASE_REPLICA_URL: standbyUrl } : {}) }, { quiet: true });
    const startWork = await waitForStartWork(primary);
    const tokens = await signInCountryUsers(server.base, who);
    const headers = (w: Who | 'public') => ({ 'accept-language': 'ru', ...(w === 'public' ? {} : { authorization: `Bearer ${tokens[w]}` }) });

    const perPath = new Map<string, number[]>([...reads.map((r) => [r.name, []] as [string, number[]]), [PUBLIC, []]]);
    let errors = 0;
    let errorSample = '';
    let k = 0;
    /** The path of the answer being recorded: onResponse runs just before the client's 'response' event. */
    let answered = '';
    const onResponse = (name: string) => (status: number, body: string) => {
      answered = name;
      if (status !== 200) {
        errors++;
        errorSample ||= `${name}: ${status} ${body.slice(0, 200)}`;
      }
    };
    const setupClient = (client: Client) => client.on('response', (_s: number, _b: number, duration: number) => perPath.get(answered)?.push(duration));
    const readLoad = () =>
      Promise.all([
        autocannon({
          url: server.base,
          connections: CONNECTIONS,
          duration: DURATION,
          timeout: 30,
          requests: [
            {
              setupRequest: (_req, context) => {
                const r = reads[k++ % reads.length]!;
                context.name = r.name;
                return { method: 'GET', path: r.path, headers: headers(r.who) };
              },
              onResponse: (status, body, context) => onResponse(String(context.name))(status, body),
            },
          ],
          setupClient,
        }),
        autocannon({
          url: server.base,
          connections: 1,
          overallRate: 1.9,
          duration: DURATION,
          timeout: 30,
          requests: [{ method: 'GET', path: `/api/v1/public/statistics?year=${year}`, headers: headers('public'), onResponse: onResponse(PUBLIC) }],
          setupClient,
        }),
      ]);

    let maxLag = 0;
    const lagTimer = setInterval(() => {
      primary
        .query(`SELECT coalesce(max(extract(epoch FROM replay_lag) * 1000), 0)::float8 AS ms FROM pg_stat_replication`)
        .then((r) => (maxLag = Math.max(maxLag, r.rows[0].ms)))
        .catch(() => {});
    }, 1000);
    const x0 = { primary: await xacts(primary), standby: await xacts(standby) };
    const cpu = () => {
      const u = process.cpuUsage();
      return {
        at: performance.now(),
        primary: clusterTicks(cluster.postmasterPid('primary')),
        standby: clusterTicks(cluster.postmasterPid('standby')),
        server: cpuTicks(server.child.pid!),
        bench: ((u.user + u.system) / 1e6) * TICKS_PER_SECOND,
        machine: machineTicks(),
      };
    };
    const c0 = cpu();
    const [registration, readResults] = await Promise.all([registrationLoad(server.base, tokens.registrar, { rate: RATE, duration: DURATION, bodies }), mode === 'registrations alone' ? undefined : readLoad()]);
    const c1 = cpu();
    clearInterval(lagTimer);
    const x1 = { primary: await xacts(primary), standby: await xacts(standby) };
    await server.stop();

    const wall = (c1.at - c0.at) / 1000;
    const share = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / wall) * 100);
    const d = { primary: c1.primary - c0.primary, standby: c1.standby - c0.standby, server: c1.server - c0.server, bench: c1.bench - c0.bench };
    const ours = d.primary + d.standby + d.server + d.bench;
    const all = Float64Array.from([...perPath.values()].flat()).sort();
    const regs = Float64Array.from(registration.latencies).sort();
    if (readResults) for (const r of readResults) errors += r.errors + r.timeouts;
    const run: Run = {
      mode,
      registrations: registration.registered / DURATION,
      registrationP99: percentile(regs, 99),
      reads: all.length / DURATION,
      readP50: percentile(all, 50),
      readP95: percentile(all, 95),
      errors: errors + registration.errors,
      errorSample,
      cpu: { primary: share(d.primary), standby: share(d.standby), server: share(d.server), bench: share(d.bench), other: share(Math.max(0, c1.machine - c0.machine - ours)) },
      primaryMsPerRegistration: registration.registered ? ((d.primary / TICKS_PER_SECOND) * 1000) / registration.registered : NaN,
      xacts: { primary: x1.primary - x0.primary, standby: x1.standby - x0.standby },
      maxReplayLagMs: maxLag,
      perPath,
    };
    runs.push(run);
    log(
      `${mode}: start work ${startWork} s; ${run.registrations.toFixed(0)} registrations/s, ${run.reads.toFixed(0)} reads/s (p95 ${ms(run.readP95)}), ${run.errors} errors; ` +
        `CPU primary ${run.cpu.primary} %, standby ${run.cpu.standby} %, server ${run.cpu.server} %, other ${run.cpu.other} %`,
    );
  }
  await Promise.all([primary.end(), standby.end()]);
  report(runs, { totalAppeals, dbSize, version });
}

function report(runs: Run[], about: { totalAppeals: number; dbSize: string; version: string }): void {
  const label = (r: Run, i: number) => (r.mode === 'registrations alone' ? 'registrations alone' : `${r.mode === 'reads on the primary' ? 'A' : 'B'}${Math.ceil(i / 2)}: ${r.mode}`);
  const row = (figure: string, value: (r: Run) => string, aim: string) => console.log(`| ${figure} | ${runs.map(value).join(' | ')} | ${aim} |`);
  const alone = runs[0]!;
  console.log('');
  console.log(`# the read replica under the mixed load: ${about.totalAppeals} appeals (${about.dbSize}); ${RATE} registrations/s aimed, ${CONNECTIONS} reading users, ${DURATION} s a run`);
  console.log('');
  console.log(`| figure | ${runs.map(label).join(' | ')} | aim / expectation |`);
  console.log(`|---|${runs.map(() => '---:|').join('')}---|`);
  row('registrations/s', (r) => r.registrations.toFixed(0), `${RATE} (the rate aimed at) in every run`);
  row('registration p99', (r) => ms(r.registrationP99), 'B no higher than A');
  row('reads/s', (r) => (r.mode === 'registrations alone' ? '–' : r.reads.toFixed(0)), 'B no lower than A');
  row('reads p50 / p95', (r) => (r.mode === 'registrations alone' ? '–' : `${ms(r.readP50)} / ${ms(r.readP95)}`), 'B no higher than A');
  row('errors', (r) => String(r.errors), '0');
  row('CPU: primary', (r) => `${r.cpu.primary} %`, 'B below A: the reads left it');
  row('CPU: standby', (r) => `${r.cpu.standby} %`, 'A: replay only; B: replay and the reads');
  row('CPU: server', (r) => `${r.cpu.server} %`, '–');
  row('CPU: this benchmark', (r) => `${r.cpu.bench} %`, '–');
  row('CPU: other work', (r) => `${r.cpu.other} %`, 'near 0, else the runs share the cores with it');
  row(
    'primary CPU per registration',
    (r) => (Number.isNaN(r.primaryMsPerRegistration) ? '–' : `${r.primaryMsPerRegistration.toFixed(1)} ms`),
    `B about as the registrations alone (${alone.primaryMsPerRegistration.toFixed(1)} ms), A above`,
  );
  row('transactions on the primary / standby', (r) => `${r.xacts.primary} / ${r.xacts.standby}`, 'B: the reads’ on the standby');
  row('most replay lag', (r) => ms(r.maxReplayLagMs), 'under the 5,000 ms bound, else reads fall back to the primary');
  console.log('');
  console.log('CPU: share of one core (the machine has 2 cores: 200 % is all of it). The reads, p50 / p95 by path, A and B runs together:');
  console.log('');
  console.log('| path | reads on the primary (A) | reads on the replica (B) |');
  console.log('|---|---:|---:|');
  const of = (mode: Mode, name: string) => {
    const xs = Float64Array.from(runs.filter((r) => r.mode === mode).flatMap((r) => r.perPath.get(name) ?? [])).sort();
    return `${xs.length}: ${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`;
  };
  for (const name of runs[1]?.perPath.keys() ?? []) console.log(`| ${name} | ${of('reads on the primary', name)} | ${of('reads on the replica', name)} |`);
  for (const r of runs.filter((x) => x.errorSample)) console.log(`  ${r.mode}: ${r.errorSample}`);
  console.log('');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; ${about.version}, primary and standby on the same machine (shared_buffers 512 MB each, fsync off); ` +
      `other work: the machine's busy time less the primary's, the standby's, the server's and this process's`,
  );
  if (runs.some((r) => r.errors > 0)) process.exitCode = 1;
}
