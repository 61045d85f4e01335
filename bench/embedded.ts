// The embedded default stays light (issue 15 item 7): the server on its own embedded PostgreSQL
// (PGlite, no DATABASE_URL) with the demo data.
//
//   npm run bench:embedded                    # 3,600 requests of mixed paths
//   npm run bench:embedded -- --requests 600
//   npm run bench:embedded -- --sources       # the sources through tsx instead of the bundle
//
// The server runs as `npm start` runs it: the bundle dist/cli.js with plain node, built first
// (scripts/build-server.mjs).
// 1. Starts the server once on a new data directory (migrations, reference and demo data), stops it.
// 2. Starts it again on that existing data directory and times the spawn to the first answer of
//    /health (aim ≤ 3 s), and reads the CPU time the server process had used by then.
// 3. "An hour of use", compressed: --requests requests (default 3,600, one a second for an hour)
//    sent back to back by 4 users at once — one registration in six, the rest the queues, their
//    counts, appeal cards with their timelines, the overview, 1-ТӨ and the indicators — as the
//    demo users. It is a fixed number of requests in a minute or two, not an hour of wall time:
//    what it measures is the memory that much work leaves behind, not what an hour of timers and
//    idle time would.
// 4. The server's memory: the resident set (RSS) of its process and of every process below it
//    (aim ≤ 300 MB), and the peak (VmHWM) of the server process.
// 5. A second server on the same data directory must be refused at start.
// The data directory is a temporary one, removed at the end.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { BodyGenerator } from './bodies.ts';
import { cpuTicks, ms, percentile, root, serveArgs, signIn, startServer, TICKS_PER_SECOND } from './harness.ts';

const { values: flags } = parseArgs({
  options: { requests: { type: 'string', default: '3600' }, keep: { type: 'boolean', default: false }, sources: { type: 'boolean', default: false } },
});
const bundle = !flags.sources;
if (bundle) execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
const REQUESTS = Number(flags.requests);
const dataDir = mkdtempSync(join(tmpdir(), 'joldanym-embedded-'));
const env = { DATABASE_URL: undefined, JOLDANYM_DATA_DIR: dataDir, JOLDANYM_DEMO: 'true' };

/** kB of a /proc/PID/status field. */
function statusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and every process below it. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

try {
  // 1. the first start makes the data directory
  const first = await startServer(env, { quiet: true, bundle });
  await first.stop();
  console.log(`first start (new data directory: migrations, reference and demo data): ${ms(first.startMs)}`);

  // 2. the start on an existing data directory
  const server = await startServer(env, { quiet: true, bundle });
  const pid = server.child.pid!;
  // what the start cost in CPU (all the process's threads): on a machine shared with other work,
  // the wall time above is stretched by the waits for a core, this is not
  const startCpuMs = (cpuTicks(pid) / TICKS_PER_SECOND) * 1000;
  const rssAfterStart = processTree(pid).reduce((s, p) => s + statusKb(p, 'VmRSS'), 0);

  // 3. the compressed hour
  const tokens = {
    registrar: await signIn(server.base, 'registrar', 'demo'),
    executor: await signIn(server.base, 'executor', 'demo'),
    head: await signIn(server.base, 'head', 'demo'),
    statistician: await signIn(server.base, 'statistician', 'demo'),
  };
  const get = async (token: string, path: string) => {
    const res = await fetch(`${server.base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'kk' } });
    const body = await res.text();
    return { status: res.status, body };
  };
  const ids = JSON.parse((await get(tokens.head, '/queues/all?limit=50')).body).items.map((i: { id: string }) => i.id) as string[];
  const bodies = new BodyGenerator(3);
  const year = new Date().getUTCFullYear();
  const month = new Date().getUTCMonth() + 1;
  const mix: ((k: number) => Promise<number>)[] = [
    async () => {
      const res = await fetch(`${server.base}/api/v1/appeals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.registrar}`, 'content-type': 'application/json' },
        body: JSON.stringify(bodies.next()),
      });
      const created = (await res.json()) as { id?: string };
      if (created.id) ids.push(created.id);
      return res.status === 201 ? 200 : res.status;
    },
    async () => (await get(tokens.executor, '/queues/inExecution')).status,
    async () => (await get(tokens.head, '/queues')).status,
    async (k) => (await get(tokens.head, `/appeals/${ids[k % ids.length]}`)).status,
    async (k) => (await get(tokens.head, `/appeals/${ids[k % ids.length]}/events`)).status,
    async (k) => (k % 10 === 0 ? (await get(tokens.statistician, `/reports/form1?year=${year}&month=${month}`)).status : (await get(tokens.head, '/overview')).status),
  ];
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      for (let k = next++; k < REQUESTS; k = next++) {
        const t = performance.now();
        const status = await mix[k % mix.length]!(k);
        latencies.push(performance.now() - t);
        if (status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const tree = processTree(pid);
  const rss = tree.reduce((s, p) => s + statusKb(p, 'VmRSS'), 0);
  const peak = statusKb(pid, 'VmHWM');

  // 5. a second server on the same data directory
  const second = await new Promise<{ code: number | null; out: string }>((ok) => {
    const child = spawn(process.execPath, serveArgs(bundle), {
      cwd: root,
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, out });
    });
  });
  await server.stop();

  const sorted = Float64Array.from(latencies).sort();
  console.log('');
  console.log('| what | figure | aim |');
  console.log('|---|---:|---:|');
  console.log(`| start on an existing data directory (spawn to the first /health answer) | ${ms(server.startMs)} | ≤ 3 s |`);
  console.log(`| CPU time of the server process until then (all its threads) | ${ms(startCpuMs)} | |`);
  console.log(`| RSS after the start, all processes (${processTree(pid).length || 1}) | ${mb(rssAfterStart)} | |`);
  console.log(`| RSS after ${REQUESTS} requests, all processes (${tree.length}) | ${mb(rss)} | ≤ 300 MB |`);
  console.log(`| peak RSS of the server process (VmHWM) | ${mb(peak)} | |`);
  console.log(`| the requests: ${(REQUESTS / seconds).toFixed(0)} req/s, p50 / p95 / p99 | ${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(percentile(sorted, 99))} | |`);
  console.log(`| errors | ${errors} | 0 |`);
  console.log(`| a second server on the same data directory | ${second.code === 0 || second.code === null ? 'NOT refused' : `refused (exit ${second.code})`} | refused |`);
  if (second.code !== 0 && second.code !== null) console.log(`  ${second.out.trim().split('\n').at(-1)?.slice(0, 300)}`);
  console.log('');
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`server: node ${serveArgs(bundle).join(' ')}; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}; load average ${load.join(' ')}`);
  if (errors > 0 || second.code === 0) process.exitCode = 1;
} finally {
  if (!flags.keep) rmSync(dataDir, { recursive: true, force: true });
}
