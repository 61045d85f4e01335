// A lost database connection does not end the server (docs/operations.md). The real server runs
// as a separate process (src/cli.ts serve) on a fresh database of the PostgreSQL server named by
// DATABASE_URL; registrations and reads run concurrently while this test terminates the server's
// backends (pg_terminate_backend) several times, then takes the database away for a moment
// (ALLOW_CONNECTIONS false). Every request must be answered 201/200 or 503 database.unavailable
// within a bounded time, the process must stay alive and answer afterwards, every acknowledged
// appeal must be stored and the numbers gapless; the outbox worker must deliver again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SERVER_URL = process.env.DATABASE_URL;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** No request may take longer than this (no hang). */
const REQUEST_TIMEOUT_MS = 15_000;

/** What the tests read of an answer: an appeal's id, or the error. */
interface Body {
  id?: string;
  error?: { code: string; message: string };
}
interface Answer {
  status: number;
  body: Body | string;
}

function freePort(): Promise<number> {
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

/** Short polling until `check` is true or the deadline passes. */
async function until(what: string, deadlineMs: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a lost database connection', { skip: SERVER_URL ? false : 'needs the PostgreSQL server (DATABASE_URL): the embedded database has no connection to lose' }, () => {
  const name = `joldanym_f_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  let dbUrl: string;
  let server: ChildProcess;
  let output = '';
  let base: string;
  let token: string;

  const adminQuery = (text: string) => admin.query(text);

  before(async () => {
    admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(SERVER_URL!);
    url.pathname = `/${name}`;
    dbUrl = url.toString();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: dbUrl, JOLDANYM_DEMO: 'true', JOLDANYM_DEMO_HISTORY: 'off', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOLDANYM_NOW: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (output += d));
    server.stderr!.on('data', (d: Buffer) => (output += d));
    await until('the server answers /health', 60_000, async () => {
      if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}:\n${output}`);
      return fetch(`${base}/health`)
        .then((r) => r.ok)
        .catch(() => false);
    });
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'registrar', password: 'demo' }) });
    assert.equal(login.status, 200);
    token = ((await login.json()) as { token: string }).token;
  });

  after(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((ok) => server.once('exit', () => ok()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const call = async (method: string, path: string, body?: unknown): Promise<Answer & { body: Body }> => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as Body) : { error: { code: 'not JSON', message: text } } };
  };

  const appeal = (i: number) => ({
    documentType: 'application',
    form: 'paper',
    channel: 'post',
    language: 'kk',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    summary: `Үзіліс ${i}`,
    text: 'Дерекқормен байланыс үзілгенде тіркелген өтініш.',
    issueCategory: 'land',
    applicant: { kind: 'individual', lastName: 'Үзіліс', firstName: `N${i}`, phone: `+7 701 ${String(1_000_000 + i).slice(-7)}` },
  });

  const unavailable = (r: Answer) => r.status === 503 && typeof r.body === 'object' && r.body.error?.code === 'database.unavailable' && typeof r.body.error.message === 'string';

  test('terminated backends under load: 201/200 or 503, the process lives, acknowledged appeals are stored, numbers gapless', async () => {
    const results: ({ what: string } & Answer)[] = [];
    const registered: string[] = [];
    let stop = false;
    let n = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const i = n++;
        const kind = i % 3;
        let r: Answer;
        try {
          if (kind !== 2) r = await call('POST', '/api/v1/appeals', appeal(i));
          else if (registered.length > 0 && w % 2 === 0) r = await call('GET', `/api/v1/appeals/${registered[i % registered.length]}`);
          else r = await call('GET', '/api/v1/appeals?limit=5');
        } catch (e) {
          r = { status: 0, body: String(e) };
        }
        results.push({ what: kind !== 2 ? 'register' : 'read', ...r });
        if (r.status === 201 && typeof r.body === 'object' && r.body.id) registered.push(r.body.id);
      }
    };
    const load = Array.from({ length: 12 }, (_, w) => worker(w));

    // Terminate the backends each time the load has moved on, until three rounds hit a backend in
    // the middle of a statement (bounded: at most 30 rounds).
    let hitActive = 0;
    let terminated = 0;
    try {
      for (let round = 0; round < 30 && hitActive < 3; round++) {
        const seen = results.length;
        await until('the load moves on', 20_000, () => results.length >= seen + 15);
        const r = await adminQuery(`SELECT pid, state, pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
        terminated += r.rows.filter((x) => x.ok).length;
        if (r.rows.some((x) => x.ok && x.state === 'active')) hitActive++;
        assert.equal(server.exitCode, null, `the server exited:\n${output}`);
      }
      const seen = results.length;
      await until('the load goes on after the last fault', 20_000, () => results.length >= seen + 30);
    } finally {
      stop = true;
      await Promise.all(load);
    }
    assert.ok(hitActive >= 3, `backends terminated mid-statement: ${hitActive} (of ${terminated} terminated)`);

    assert.equal(server.exitCode, null, `the server exited:\n${output}`);
    assert.equal(server.signalCode, null);
    const count = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length;
    const summary = `${results.length} requests: ${count((r) => r.status === 201)} × 201, ${count((r) => r.status === 200)} × 200, ${count((r) => r.status === 503)} × 503; ${terminated} backends terminated`;
    const wrong = results.filter((r) => !(r.what === 'register' ? r.status === 201 : r.status === 200) && !unavailable(r));
    assert.deepEqual(wrong, [], summary);
    assert.ok(count((r) => r.status === 201) > 0, summary);
    console.log(summary);

    // The server answers afterwards, the pool reconnected.
    const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });
    const later = await call('POST', '/api/v1/appeals', appeal(100_000));
    assert.equal(later.status, 201, JSON.stringify(later.body));
    assert.equal((await call('GET', `/api/v1/appeals/${later.body.id}`)).status, 200);

    // Every acknowledged appeal is stored; the numbers of the year are 1..counter, each once.
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const ids = [...registered, later.body.id];
      const stored = await db.query('SELECT count(*)::int AS n FROM appeals WHERE id = ANY($1::uuid[])', [ids]);
      assert.equal(stored.rows[0].n, ids.length, 'every 201 is a stored appeal');
      const years = await db.query('SELECT year, last_value::int AS last FROM appeal_counters');
      for (const { year, last } of years.rows) {
        const seqs = await db.query('SELECT sequence_number::int AS s FROM appeals WHERE registration_year = $1 ORDER BY sequence_number', [year]);
        assert.deepEqual(
          seqs.rows.map((r) => r.s),
          Array.from({ length: last }, (_, i) => i + 1),
          `numbers of ${year} gapless and unique`,
        );
      }

      // The outbox worker carries on: the SMS of the appeal registered after the faults is sent.
      await until('the SMS of the later appeal is sent', 25_000, async () => {
        const m = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE appeal_id = $1 AND status = 'sent'`, [later.body.id]);
        return m.rows[0].n > 0;
      });
    } finally {
      await db.end();
    }
  });

  test('the database away: /health and requests answer 503, then the server recovers on its own', async () => {
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      assert.equal(health.status, 503);
      assert.deepEqual(await health.json(), { ok: false, database: 'unavailable' });
      const register = await call('POST', '/api/v1/appeals', appeal(200_000));
      assert.ok(unavailable(register), JSON.stringify(register));
      assert.match(register.body.error?.message ?? '', /database/i);
      const ru = await fetch(`${base}/api/v1/appeals?limit=1`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      assert.equal(ru.status, 503);
      assert.equal(((await ru.json()) as Body).error?.code, 'database.unavailable');
    } finally {
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    await until('/health is ok again', 10_000, async () => (await fetch(`${base}/health`)).status === 200);
    const again = await call('POST', '/api/v1/appeals', appeal(200_001));
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(server.exitCode, null, `the server exited:\n${output}`);
  });
});
