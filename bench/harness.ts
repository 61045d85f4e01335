// What bench/read-paths.ts and bench/embedded.ts share: the working tree's server as a separate
// process, signing in, percentiles, and who used the CPU (from /proc, as bench/registration.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  base: string;
  child: ChildProcess;
  /** Milliseconds from the spawn to the first answer of /health. */
  startMs: number;
  stop(): Promise<void>;
}

/** How the server is run: its sources through tsx, or as `npm start` runs it (package.json): the
 *  bundle dist/cli.js, built by scripts/build-server.mjs before, with its node flags. */
export const serveArgs = (bundle = false) => (bundle ? ['--liftoff-only', 'dist/cli.js', 'serve'] : ['--import', 'tsx', 'src/cli.ts', 'serve']);

/** `node --import tsx src/cli.ts serve` of the working tree (or `node dist/cli.js serve` with
 *  options.bundle), waiting for /health. */
export async function startServer(env: Record<string, string | undefined>, options: { quiet?: boolean; bundle?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, serveArgs(options.bundle), {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!options.quiet) {
    child.stdout!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
  } else {
    child.stdout!.resume();
    child.stderr!.resume();
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - spawnedAt > 180_000) {
      await stop();
      throw new Error('the server did not answer /health within 180 s');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { base, child, startMs: performance.now() - spawnedAt, stop };
}

export async function signIn(base: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);

export function cpuTicks(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** PostgreSQL's processes that work for this benchmark: the backends of its database and the
 *  server's own background processes (WAL writer, checkpointer, …); backends of other databases
 *  are other work on the machine. */
export function postgresTicks(database: string): number {
  let sum = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const clientBackend = /\(\d+\)|\[local\]/.test(cmdline);
      if (cmdline.includes(` ${database} `) || !clientBackend) sum += cpuTicks(pid);
    } catch {
      // gone
    }
  }
  return sum;
}

/** Busy ticks of the whole machine, all cores (/proc/stat). */
export function machineTicks(): number {
  const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = f.map(Number);
  return n.reduce((a, b) => a + b, 0) - (n[3] ?? 0) - (n[4] ?? 0);
}

export interface CpuSample {
  at: number;
  server: number;
  postgres: number;
  bench: number;
  machine: number;
}

export function sampleCpu(serverPid: number, database: string): CpuSample {
  const u = process.cpuUsage();
  return { at: performance.now(), server: cpuTicks(serverPid), postgres: postgresTicks(database), bench: ((u.user + u.system) / 1e6) * TICKS_PER_SECOND, machine: machineTicks() };
}

/** Shares of one core: the server, PostgreSQL, this process, and all other work on the machine. */
export function cpuShares(a: CpuSample, b: CpuSample): { server: number; postgres: number; bench: number; other: number } {
  const wall = (b.at - a.at) / 1000;
  const share = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / wall) * 100);
  const ours = b.server - a.server + (b.postgres - a.postgres) + (b.bench - a.bench);
  return { server: share(b.server - a.server), postgres: share(b.postgres - a.postgres), bench: share(b.bench - a.bench), other: share(Math.max(0, b.machine - a.machine - ours)) };
}

/** The CPU ticks of a PostgreSQL server: its postmaster and every process under it (backends,
 *  WAL sender or receiver, startup/replay, checkpointer, …) — the live ones from their own
 *  /proc/PID/stat, the ones that ended from the postmaster's cutime + cstime (it waits for them). */
export function clusterTicks(postmasterPid: number): number {
  let sum = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pid) === postmasterPid) sum += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      else if (Number(fields[1]) === postmasterPid) sum += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return sum;
}
