// Where the time of one registration goes, statement by statement: runs each statement of the
// registration path many times on one connection and reports the PostgreSQL backend's CPU and this
// process's CPU per execution. Needs a database with data, e.g. one kept by
// `npm run bench -- --keep`:
//
//   npx tsx bench/statements.ts postgres://postgres@127.0.0.1:5432/joldanym_bench_… [--n 500]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openServerDatabase } from '../src/db/connection.ts';
import { createContext } from '../src/app.ts';
import { configFromEnv } from '../src/config.ts';
import { authenticate } from '../src/access/auth.ts';
import type { Actor } from '../src/access/actor.ts';
import type { Role } from '../src/domain/vocabulary.ts';
import * as store from '../src/intake/store.ts';
import * as appeals from '../src/appeals/store.ts';
import { presentAppeal } from '../src/intake/present.ts';
import { appealCard } from '../src/intake/read.ts';
import { registerAppeal, checkDuplicates } from '../src/intake/register.ts';
import { BodyGenerator } from './bodies.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { n: { type: 'string', default: '500' } } });
const url = positionals[0];
if (!url) {
  console.error('usage: bench/statements.ts DATABASE_URL [--n N]');
  process.exit(2);
}
const N = Number(values.n);

const database = await openServerDatabase(url, 1);
const { db } = database;
const ctx = await createContext(database, { ...configFromEnv({}), databaseUrl: url });
const backend = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;
const backendTicks = () => {
  const stat = readFileSync(`/proc/${backend}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
};

const user = await db.selectFrom('users').selectAll().where('login', '=', 'registrar').executeTakeFirstOrThrow();
const scope = (await db.selectFrom('sessions').select('scope_organization_id').where('user_id', '=', user.id).executeTakeFirst())?.scope_organization_id ?? user.organization_id;
const actor: Actor = {
  id: user.id,
  login: user.login,
  fullName: user.full_name,
  position: user.position,
  organizationId: user.organization_id,
  scopeOrganizationId: scope,
  roles: user.roles as Role[],
};
const someAppeal = await db.selectFrom('appeals').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
const bodies = new BodyGenerator(7);
const withIin = () => {
  for (;;) {
    const b = bodies.next();
    if (b.applicant?.kind === 'individual') return b;
  }
};

async function measure(name: string, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await run(i); // warm up
  const t0 = backendTicks();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < N; i++) await run(i);
  const wall = (performance.now() - w0) / N;
  const c = process.cpuUsage(c0);
  const pgMs = ((backendTicks() - t0) * 10) / N;
  const nodeMs = (c.user + c.system) / 1000 / N;
  console.log(`${name.padEnd(44)} wall ${wall.toFixed(3)} ms   PostgreSQL ${pgMs.toFixed(3)} ms   node ${nodeMs.toFixed(3)} ms`);
}

const K = 16;
await measure('SELECT 1', () => sql`SELECT 1`.execute(db));
await measure('authenticate (uncached: a fresh token hash)', (i) => authenticate(ctx, `no-such-token-${i}`));
await measure('registration context (reference cache cleared)', () => {
  store.forgetReferenceData(db);
  return store.registrationContext(db, actor, actor.organizationId, undefined, [
    { directory: 'language', code: 'kk' },
    { directory: 'issueCategory', code: 'land' },
    { directory: 'nationality', code: 'kazakh' },
    { directory: 'socialStatus', code: 'employed' },
  ]);
});
await measure('registration context (from the cache)', () => store.registrationContext(db, actor, actor.organizationId, undefined, [{ directory: 'language', code: 'kk' }]));
await measure('duplicate check on demand', () => checkDuplicates(ctx, actor, withIin()));
await measure('appealInScope', () => appeals.appealInScope(db, actor, someAppeal.id));
await measure('appealCard + presentAppeal (GET /appeals/:id)', async () => presentAppeal(await appealCard(ctx, actor, someAppeal.id), 'ru'));
await measure('registerAppeal, one at a time', () => registerAppeal(ctx, actor, bodies.next()));
await measure(`registerAppeal, ${K} at once (per registration)`, async (i) => {
  if (i % K === 0) await Promise.all(Array.from({ length: K }, () => registerAppeal(ctx, actor, bodies.next())));
});
await measure('registerAppeal + read-back as the route does', async () => {
  const id = await registerAppeal(ctx, actor, bodies.next());
  return presentAppeal(await appealCard(ctx, actor, id), 'ru');
});
await database.close();
