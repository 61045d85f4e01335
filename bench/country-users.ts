// What bench/read-paths.ts and bench/replica.ts share on a country made by bench/country.ts: the
// users they sign in as, the wait for the server's start work, and the registration load beside
// the reads.
import type pg from 'pg';
import autocannon from 'autocannon';
import type { BodyGenerator } from './bodies.ts';
import { signIn } from './harness.ts';

/** The password of every generated user (bench/country.ts). */
const PASSWORD = 'bench';

export interface CountryUsers {
  /** Akmola oblast's akimat: the oblast controller's territory. */
  akimat: { id: number };
  /** The executor with the most open appeals. */
  executor: { id: string; login: string; organization_id: number; open: number };
  /** The district akimat of that oblast with the most appeals: its head and registrar. */
  district: { id: number; n: number };
}

export async function pickCountryUsers(db: pg.Client): Promise<CountryUsers> {
  const one = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows[0] as T;
  const akimat = await one<{ id: number }>(`SELECT id FROM organizations WHERE code = 'AKM-AKIMAT'`);
  const executor = await one<CountryUsers['executor']>(`
    SELECT u.id, u.login, u.organization_id, count(*)::integer AS open FROM appeals a JOIN users u ON u.id = a.executor_id
    WHERE a.review_ended_on IS NULL GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`);
  const district = await one<{ id: number; n: number }>(
    `SELECT o.id, (SELECT count(*) FROM appeals a WHERE a.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = o.id))::integer AS n
     FROM organizations o JOIN organization_closure c ON c.descendant_id = o.id AND c.ancestor_id = $1 WHERE o.kind = 'districtAkimat' ORDER BY n DESC LIMIT 1`,
    [akimat.id],
  );
  return { akimat, executor, district };
}

/** Bearer tokens of the executor, the district's head and registrar, the oblast controller and the
 *  country's statistician, signed in with the server's own auth. */
export async function signInCountryUsers(base: string, users: CountryUsers) {
  return {
    executor: await signIn(base, users.executor.login, PASSWORD),
    head: await signIn(base, `h${users.district.id}`, PASSWORD),
    controller: await signIn(base, 'bench.controller', PASSWORD),
    statistician: await signIn(base, 'bench.statistician', PASSWORD),
    registrar: await signIn(base, `r${users.district.id}`, PASSWORD),
  };
}

/** The server's start work — the hourly detectors over every table, the term sweeps — runs on the
 *  same cores for minutes at a country's size: waits until the database (db's) has had no statement
 *  running but db's own for 3 s in a row (at most 15 minutes); returns the seconds waited. */
export async function waitForStartWork(db: pg.Client): Promise<number> {
  const started = Date.now();
  for (let quiet = 0; quiet < 3 && Date.now() - started < 15 * 60_000; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const busy = (await db.query(`SELECT count(*)::integer AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`)).rows[0].n;
    quiet = busy === 0 ? quiet + 1 : 0;
  }
  return Math.round((Date.now() - started) / 1000);
}

/** Registrations at `rate` a second for `duration` seconds over 4 connections, as a district
 *  registrar (bench/bodies.ts bodies); resolves to how many were registered (201) and the
 *  latencies (ms) of all answers. */
export async function registrationLoad(base: string, token: string, options: { rate: number; duration: number; bodies: BodyGenerator }): Promise<{ registered: number; errors: number; latencies: number[] }> {
  let registered = 0;
  let errors = 0;
  const latencies: number[] = [];
  const result = await autocannon({
    url: base,
    connections: 4,
    overallRate: options.rate,
    duration: options.duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/appeals',
        headers: { 'accept-language': 'ru', 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(options.bodies.next()) }),
        onResponse: (status) => {
          if (status === 201) registered++;
          else errors++;
        },
      },
    ],
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, duration: number) => latencies.push(duration));
    },
  });
  return { registered, errors: errors + result.errors + result.timeouts, latencies };
}
