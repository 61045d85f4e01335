// The violation detectors at country scale (EA-06, issue 12): what a change pays for running them
// for its appeal in the door's transaction, what the hourly run (what time alone breaks, from open
// rows) and the nightly run over everything cost, on the generated country (bench/country.ts).
// Each run is rolled back: the database is left as it was.
//
//   npm run bench:detectors                       # on joldanym_country
//   npm run bench:detectors -- --db NAME --samples 200 [--skip-nightly]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openServerDatabase } from '../src/db/connection.ts';
import { detect } from '../src/control/detectors.ts';
import { ms, percentile } from './harness.ts';

const { values: flags } = parseArgs({
  options: {
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'joldanym_country' },
    samples: { type: 'string', default: '200' },
    today: { type: 'string' },
    'skip-nightly': { type: 'boolean', default: false },
  },
});
const url = new URL(flags.pg!);
url.pathname = `/${flags.db}`;
const database = await openServerDatabase(url.toString(), 2);
const db = database.db;
const today = flags.today ?? new Date().toISOString().slice(0, 10);
const p = { today, timeZone: 'Asia/Almaty', now: new Date() };

/** Runs `fn` in a transaction that is rolled back; returns its milliseconds and result. */
async function timed<T>(fn: (trx: typeof db) => Promise<T>): Promise<{ ms: number; result: T }> {
  let out: { ms: number; result: T } | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      const t0 = performance.now();
      const result = await fn(trx);
      out = { ms: performance.now() - t0, result };
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return out!;
}

// appeals changed lately (a change's appeal is most often one under review)
const ids = (await sql<{ id: string }>`SELECT id FROM appeals WHERE review_ended_on IS NULL ORDER BY hashtext(id::text) LIMIT ${Number(flags.samples)}`.execute(db)).rows.map((r) => r.id);
const perChange = new Float64Array(ids.length);
for (const [i, id] of ids.entries()) perChange[i] = (await timed((trx) => detect(trx, { ...p, appealIds: [id] }))).ms;
perChange.sort();
const hourly = await timed((trx) => detect(trx, { ...p, over: 'time' }));
const nightly = flags['skip-nightly'] ? null : await timed((trx) => detect(trx, { ...p, over: 'everything' }));
const count = (r: Partial<Record<string, number>>) => Object.values(r).reduce<number>((a, b) => a + (b ?? 0), 0);

console.log(`\nThe detectors on ${flags.db}, today ${today}\n`);
console.log('| what | p50 | p95 | p99 | aim |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| one change's appeal, in the door's transaction (${ids.length} appeals) | ${ms(percentile(perChange, 50))} | ${ms(percentile(perChange, 95))} | ${ms(percentile(perChange, 99))} | – |`);
console.log(`| the hourly run: what time alone breaks (${count(hourly.result)} new, rolled back) | ${ms(hourly.ms)} | | | – |`);
if (nightly) console.log(`| the nightly run over everything (${count(nightly.result)} new, rolled back) | ${ms(nightly.ms)} | | | – |`);
await database.close();
