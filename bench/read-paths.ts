// The read paths people use all day, over HTTP, on a country's data (issue 15 item 2, issue 12's
// control paths): run bench/country.ts first, then
//
//   npm run bench:read-paths                                 # joldanym_country, 16 users, 10 s a path
//   npm run bench:read-paths -- --db joldanym_country_small --duration 5 --paths 'queue|card'
//
// Starts the working tree's server on that database (not in demo mode), signs in real generated
// users with the server's own auth (all have the password `bench`): the executor with the most open
// appeals (40 of them given to him by the generator, with his own share), the head of the district
// akimat with the most appeals in Akmola oblast, the controller of the oblast (Akmola's control
// department: the akimat's subtree, about a fifth of the country's organizations) and the
// country's statistician (the statistics authority). Each path runs alone for --duration seconds at
// --connections concurrent users (one request in flight each), beside a registration load of
// --rate appeals a second (a district registrar, bench/bodies.ts bodies), and prints p50/p95/p99
// with the aim beside it, and who used the CPU. Requests vary: cards of 200 appeals of the user's
// territory, several search words. Open statistics is a public path limited to 120 requests a
// minute per address: it runs at 1.9 requests a second. Any answer but 200 is an error.
//
// After each path the statements it left running are cancelled, so they do not weigh on the next.
// Flags: --db NAME (joldanym_country), --pg URL, --duration S (10), --connections N (16),
// --rate N (100), --paths REGEX (all), --server-env K=V,… (e.g. PGOPTIONS for auto_explain).
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import autocannon, { type Client } from 'autocannon';
import { BodyGenerator } from './bodies.ts';
import { cpuShares, ms, percentile, sampleCpu, startServer } from './harness.ts';
import { pickCountryUsers, registrationLoad, signInCountryUsers, waitForStartWork } from './country-users.ts';

const { values: flags } = parseArgs({
  options: {
    db: { type: 'string', default: 'joldanym_country' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    rate: { type: 'string', default: '100' },
    paths: { type: 'string' },
    'server-env': { type: 'string' },
  },
});
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const RATE = Number(flags.rate);
const url = new URL(flags.pg!);
url.pathname = `/${flags.db}`;

const db = new pg.Client({ connectionString: url.toString() });
await db.connect();
const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows[0] as T;
const list = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

// ---- who
const who = await pickCountryUsers(db);
const { akimat, executor, district } = who;
const scopeCount = async (root: number) =>
  (await one<{ orgs: number; appeals: number }>(
    `SELECT (SELECT count(*) FROM organization_closure WHERE ancestor_id = $1)::integer AS orgs,
            (SELECT count(*) FROM appeals WHERE organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = $1))::integer AS appeals`,
    [root],
  ))!;
const sample = async (root: number) =>
  (await list<{ id: string }>(`SELECT id FROM appeals WHERE organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = $1) ORDER BY md5(id::text) LIMIT 200`, [root])).map((r) => r.id);
const iinOf = async (root: number) =>
  (
    await one<{ iin: string }>(
      `SELECT c.iin FROM applicant_cards c JOIN appeals a ON a.id = c.appeal_id WHERE c.iin IS NOT NULL AND a.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = $1) LIMIT 1`,
      [root],
    )
  )?.iin;
const numberOf = async (root: number) =>
  (await one<{ n: string }>(`SELECT registration_number AS n FROM appeals WHERE organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = $1) ORDER BY md5(id::text) LIMIT 1`, [root]))!.n;
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
const from90 = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
const yearStart = `${year}-01-01`;

const executorCards = await sample(executor.organization_id);
const headCards = await sample(district.id);
const controllerCards = await sample(akimat.id);
const headIin = await iinOf(district.id);
const headNumber = await numberOf(district.id);
const scopes = { executor: await scopeCount(executor.organization_id), head: await scopeCount(district.id), controller: await scopeCount(akimat.id) };
const dbSize = (await one<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`))!.s;
const totalAppeals = (await one<{ n: number }>(`SELECT count(*)::integer AS n FROM appeals`))!.n;

// ---- the server and the users
const serverEnv = Object.fromEntries(
  (flags['server-env'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const server = await startServer({ ...serverEnv, DATABASE_URL: url.toString(), JOLDANYM_DEMO: 'false' });
// The server's start work runs on the same cores for minutes at this size: the paths are measured
// after it, not beside it.
console.log(`the server's start work done after ${await waitForStartWork(db)} s`);
const users = await signInCountryUsers(server.base, who);
type Who = keyof typeof users | 'public';

interface Path {
  name: string;
  who: Who;
  aim: number | null;
  /** The request of the k-th call. */
  request: (k: number) => { method?: string; path: string; body?: string };
  /** Requests a second over all connections (rate-limited public paths). */
  rate?: number;
}

const pick = <T>(xs: T[], k: number) => xs[k % xs.length]!;
const words = ['горячего водоснабжения', 'жер учаскесін', 'асфальт', 'детском саду', 'көше жарығын', 'свалке мусора', 'поликлинике', 'автобус'];
const bodies = new BodyGenerator(11);
const Q = 50;
const CARD = 50;
const SEARCH = 100;
const CONTROL = 200;
const paths: Path[] = [
  // the executor
  { name: 'executor: in execution, mine, first page', who: 'executor', aim: Q, request: () => ({ path: `/api/v1/queues/inExecution?executor=${executor.id}` }) },
  { name: 'executor: queue counts', who: 'executor', aim: Q, request: () => ({ path: '/api/v1/queues' }) },
  { name: 'executor: all, first page', who: 'executor', aim: Q, request: () => ({ path: '/api/v1/queues/all' }) },
  { name: 'executor: all, deep page (offset 2000)', who: 'executor', aim: Q, request: () => ({ path: '/api/v1/queues/all?offset=2000' }) },
  { name: 'executor: the appeal card', who: 'executor', aim: CARD, request: (k) => ({ path: `/api/v1/appeals/${pick(executorCards, k)}` }) },
  { name: 'executor: the card’s timeline (events)', who: 'executor', aim: CARD, request: (k) => ({ path: `/api/v1/appeals/${pick(executorCards, k)}/events` }) },
  // the head of a district akimat
  { name: 'district head: awaiting routing', who: 'head', aim: Q, request: () => ({ path: '/api/v1/queues/awaitingRouting' }) },
  { name: 'district head: to approve', who: 'head', aim: Q, request: () => ({ path: '/api/v1/queues/toApprove' }) },
  { name: 'district head: overdue', who: 'head', aim: Q, request: () => ({ path: '/api/v1/queues/overdue' }) },
  { name: 'district head: all, first page', who: 'head', aim: Q, request: () => ({ path: '/api/v1/queues/all' }) },
  { name: 'district head: all, deep page (offset 5000)', who: 'head', aim: Q, request: () => ({ path: '/api/v1/queues/all?offset=5000' }) },
  { name: 'district head: filter (complaints, 90 days, paper)', who: 'head', aim: Q, request: () => ({ path: `/api/v1/queues/all?documentType=complaint&form=paper&dateFrom=${from90}` }) },
  { name: 'district head: queue counts', who: 'head', aim: Q, request: () => ({ path: '/api/v1/queues' }) },
  { name: 'district head: the appeal card', who: 'head', aim: CARD, request: (k) => ({ path: `/api/v1/appeals/${pick(headCards, k)}` }) },
  { name: 'district head: search words', who: 'head', aim: SEARCH, request: (k) => ({ path: `/api/v1/queues/all?q=${encodeURIComponent(pick(words, k))}` }) },
  { name: 'district head: search IIN', who: 'head', aim: SEARCH, request: () => ({ path: `/api/v1/queues/all?q=${headIin ?? '000000000000'}` }) },
  { name: 'district head: search registration number', who: 'head', aim: SEARCH, request: () => ({ path: `/api/v1/queues/all?q=${encodeURIComponent(headNumber)}` }) },
  { name: 'district head: overview', who: 'head', aim: null, request: () => ({ path: '/api/v1/overview' }) },
  { name: 'registrar: duplicate check', who: 'registrar', aim: 20, request: () => ({ method: 'POST', path: '/api/v1/appeals/duplicate-check', body: JSON.stringify(bodies.next()) }) },
  // the controller of the oblast
  { name: 'oblast controller: overdue', who: 'controller', aim: Q, request: () => ({ path: '/api/v1/queues/overdue' }) },
  { name: 'oblast controller: all, first page', who: 'controller', aim: Q, request: () => ({ path: '/api/v1/queues/all' }) },
  { name: 'oblast controller: the appeal card', who: 'controller', aim: CARD, request: (k) => ({ path: `/api/v1/appeals/${pick(controllerCards, k)}` }) },
  { name: 'oblast controller: search words', who: 'controller', aim: SEARCH, request: (k) => ({ path: `/api/v1/queues/all?q=${encodeURIComponent(pick(words, k))}` }) },
  { name: 'oblast controller: overview', who: 'controller', aim: null, request: () => ({ path: '/api/v1/overview' }) },
  { name: 'oblast controller: violations register, year', who: 'controller', aim: CONTROL, request: () => ({ path: `/api/v1/control/violations?organization=${akimat.id}&from=${yearStart}&to=${today}` }) },
  { name: 'oblast controller: content by category, 90 days', who: 'controller', aim: CONTROL, request: () => ({ path: `/api/v1/control/content?organization=${akimat.id}&from=${from90}&to=${today}&groupBy=category` }) },
  {
    name: 'oblast controller: content by territory, 90 days',
    who: 'controller',
    aim: CONTROL,
    request: () => ({ path: `/api/v1/control/content?organization=${akimat.id}&from=${from90}&to=${today}&groupBy=territory` }),
  },
  { name: 'oblast controller: indicators', who: 'controller', aim: null, request: () => ({ path: `/api/v1/indicators?year=${year}&month=${month}` }) },
  // the country's statistician
  { name: 'statistician: 1-ТӨ of the country', who: 'statistician', aim: null, request: () => ({ path: `/api/v1/reports/form1?year=${year}&month=${month}` }) },
  { name: 'statistician: indicators', who: 'statistician', aim: null, request: () => ({ path: `/api/v1/indicators?year=${year}&month=${month}` }) },
  { name: 'public: open statistics (1.9 req/s, rate-limited)', who: 'public', aim: null, rate: 1.9, request: () => ({ path: `/api/v1/public/statistics?year=${year}` }) },
];
const chosen = flags.paths ? paths.filter((p) => new RegExp(flags.paths!, 'i').test(p.name)) : paths;

// ---- one path at a time, beside the registrations
interface Row {
  path: Path;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  sample: string;
  other: number;
  registrations: number;
}
const rows: Row[] = [];
const headers = (who: Who) => ({ 'accept-language': 'ru', 'content-type': 'application/json', ...(who === 'public' ? {} : { authorization: `Bearer ${users[who]}` }) });

console.log(`# read paths on ${flags.db}: ${totalAppeals} appeals, ${dbSize}; ${CONNECTIONS} users, ${DURATION} s a path, beside ${RATE} registrations/s`);
console.log(
  `users: executor ${executor.login} (${executor.open} open appeals; organization ${scopes.executor.orgs} org., ${scopes.executor.appeals} appeals), ` +
    `district head h${district.id} (${scopes.head.orgs} organizations, ${scopes.head.appeals} appeals), oblast controller (${scopes.controller.orgs} organizations, ${scopes.controller.appeals} appeals), statistician`,
);
for (const path of chosen) {
  const latencies: number[] = [];
  let errors = 0;
  let sample = '';
  let k = 0;
  const background = RATE > 0 ? registrationLoad(server.base, users.registrar, { rate: RATE, duration: DURATION, bodies }) : undefined;
  const cpu0 = sampleCpu(server.child.pid!, flags.db!);
  const run = autocannon({
    url: server.base,
    connections: path.rate ? 1 : CONNECTIONS,
    ...(path.rate ? { overallRate: path.rate } : {}),
    duration: DURATION,
    timeout: 30,
    requests: [
      {
        setupRequest: () => {
          const r = path.request(k++);
          return { method: r.method ?? 'GET', path: r.path, headers: headers(path.who), ...(r.body ? { body: r.body } : {}) };
        },
        onResponse: (status, body) => {
          if (status !== 200 && !sample) sample = `${status} ${body.slice(0, 200)}`;
        },
      },
    ],
    setupClient: (client: Client) => {
      client.on('response', (status: number, _bytes: number, duration: number) => {
        latencies.push(duration);
        if (status !== 200) errors++;
      });
    },
  });
  const [result, registrations] = await Promise.all([run, background]);
  const cpu1 = sampleCpu(server.child.pid!, flags.db!);
  // statements of this path still running would weigh on the next one: the path is over, cancel them
  await db.query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = $1', ['active']);
  const sorted = Float64Array.from(latencies).sort();
  const shares = cpuShares(cpu0, cpu1);
  rows.push({
    path,
    n: latencies.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: errors + result.errors + result.timeouts,
    sample,
    other: shares.other,
    registrations: (registrations?.registered ?? 0) / DURATION,
  });
  const r = rows.at(-1)!;
  console.error(`${path.name}: ${r.n} requests, p95 ${ms(r.p95)}${r.errors ? `, ${r.errors} errors (${r.sample})` : ''}; registrations ${r.registrations.toFixed(0)}/s; other work ${shares.other} %`);
}
await server.stop();

console.log('');
console.log('| path | requests | p50 | p95 | p99 | aim (p95) | errors | registrations/s | other work |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const verdict = r.path.aim === null ? '–' : `${r.path.aim} ms ${r.p95 <= r.path.aim ? 'met' : '**missed**'}`;
  console.log(`| ${r.path.name} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${verdict} | ${r.errors} | ${r.registrations.toFixed(0)} | ${r.other} % |`);
}
for (const r of rows.filter((x) => x.sample)) console.log(`  ${r.path.name}: ${r.sample}`);
console.log('');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; ${(await one<{ v: string }>('SELECT version() AS v'))!.v.split(' on ')[0]}; other work: share of one core used by processes other than the server, this database's PostgreSQL and the benchmark`,
);
await db.end();
if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
