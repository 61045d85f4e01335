// A country in the database (issue 15 item 1): what the system writes for N appeals over the two
// years up to today in ~50,000 organizations with 320,000 users, in a new database on the server.
//
//   npm run bench:country                                 # 5,000,000 appeals into joldanym_country
//   npm run bench:country -- --appeals 50000 --db joldanym_country_small [--seed 1] [--replace]
//   npm run bench:country -- --db joldanym_country --statistics-only   # resume after the appeals' tables
//
// The project's migrations and reference data first (prepareDatabase); then the organization tree
// under the shipped 67 report rows, extended (bench/country-shape.ts: Akmola oblast's akimat gets
// about a fifth of all organizations, the oblast controller's territory); the users (one argon2
// hash of the password `bench`, computed once, for all of them); and the appeals, made in SQL on the
// server from generate_series with hashint8extended(i, seed) as the dice, so the data is the same
// for the same seed: ТЖ-1 cards with gapless numbers per year, АИ-1 applicant cards (applicants come
// again), assignments, ТЖ-2 decision cards with the heads' drafts waiting, letters (a 2.4 kB PDF
// stand-in), the events of the audit log, obligations and the violations the detectors find. Then
// the 1-ТӨ rows exactly as production makes them: every card read through the export functions
// (export_tzh1/export_tzh2, as src/statistics/cards.ts loadLocalCards) and turned into its cells by
// the same code (cardOf, cellsOf), stored in card_cells and stat_cells, summed up the tree into
// stat_subtree_cells. Secondary indexes are dropped during the load and built after; ANALYZE last.
// Not generated: the outbox, the daily-export journal, staff notifications, reception and contact
// centre data (read paths of the benchmark do not read them).
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openServerDatabase } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/app.ts';
import { hashPassword } from '../src/access/auth.ts';
import { cardOf, cellsOf } from '../src/statistics/cards.ts';
import { countryTree, FOCUS_AKIMAT, FIRST_NAMES, LAST_NAMES, LETTER_PDF_BYTES, MIDDLE_NAMES, SENTENCES, TOPICS, type ShippedOrganization } from './country-shape.ts';
import { appealsSql, derivedSql, stagingSql } from './country-sql.ts';

const { values: flags } = parseArgs({
  options: {
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'joldanym_country' },
    appeals: { type: 'string', default: '5000000' },
    organizations: { type: 'string', default: '50000' },
    users: { type: 'string', default: '320000' },
    seed: { type: 'string', default: '1' },
    replace: { type: 'boolean', default: false },
    'statistics-only': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const N = Number(flags.appeals);
const ORGS = Number(flags.organizations);
const USERS = Number(flags.users);
const SEED = Number(flags.seed);
const DB_NAME = flags.db!;
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME) || !(N > 0) || !(ORGS > 100) || !(USERS > 0)) {
  console.error('usage: bench/country.ts [--appeals N] [--organizations N] [--users N] [--seed N] [--db NAME] [--pg URL] [--replace]');
  process.exit(2);
}
/** The password of every generated user (bench/read-paths.ts signs in with it). */
export const COUNTRY_PASSWORD = 'bench';

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (s: string) => {
  if (!flags.quiet) console.log(`${s} — ${since()}`);
};

const admin = new pg.Client({ connectionString: flags.pg });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount;
/** Resume a load that stopped after the appeals' tables: their missing indexes, then the 1-ТӨ rows. */
const resume = flags['statistics-only'];
if (resume ? !exists : exists && !flags.replace) {
  console.error(resume ? `database ${DB_NAME} does not exist` : `database ${DB_NAME} exists: drop it or pass --replace`);
  process.exit(2);
}
if (exists && !resume) await admin.query(`DROP DATABASE ${DB_NAME} WITH (FORCE)`);
if (!resume) await admin.query(`CREATE DATABASE ${DB_NAME}`);
await admin.end();
const url = new URL(flags.pg!);
url.pathname = `/${DB_NAME}`;

const database = await openServerDatabase(url.toString(), 2);
const db = database.db;
/** Two sessions of their own for the load: statements run two at a time on the two cores. */
const sessions = await Promise.all(
  [0, 1].map(async () => {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await c.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'; SET session_replication_role = replica`);
    return c;
  }),
);
const [one] = sessions as [pg.Client, pg.Client];
const inParallel = async (statements: string[]) => {
  const queue = [...statements];
  await Promise.all(
    sessions.map(async (c) => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) await c.query(s);
    }),
  );
};

const statTables = /ON public\.(card_cells|stat_cells|stat_subtree_cells) /;
/** The secondary indexes dropped for the load (kept in bench_gen.indexes) and not yet built again. */
const missingIndexes = async (ofStatistics: boolean) =>
  (await one.query<{ def: string }>(`SELECT def FROM bench_gen.indexes i WHERE NOT EXISTS (SELECT 1 FROM pg_indexes p WHERE p.schemaname = 'public' AND p.indexname = i.name)`)).rows
    .map((r) => r.def)
    .filter((def) => statTables.test(def) === ofStatistics);

try {
  if (!resume) await load();
  await inParallel(await missingIndexes(false));
  await inParallel(['ANALYZE appeals', 'ANALYZE decisions']);
  log('the indexes of the appeals built');
  await statistics();
} finally {
  await Promise.all(sessions.map((c) => c.end().catch(() => {})));
  await database.close();
}

async function load(): Promise<void> {
  await prepareDatabase(database);
  log('migrations and reference data');

  // ---- organizations
  const shipped = (await db.selectFrom('organizations').select(['id', 'code', 'kind', 'kato', 'report_row', 'parent_id']).orderBy('id').execute()) as ShippedOrganization[];
  const tree = countryTree(shipped, ORGS);
  for (let i = 0; i < tree.length; i += 10_000) {
    await sql`INSERT INTO organizations (id, code, parent_id, name_kk, name_ru, name_en, kind, kato)
      SELECT x.id, x.code, x.parent, 'Ұйым № ' || x.id, 'Организация № ' || x.id, 'Organization No. ' || x.id, x.kind, x.kato
      FROM jsonb_to_recordset(${JSON.stringify(tree.slice(i, i + 10_000))}::jsonb) AS x(id integer, code text, parent integer, kind text, kato text)`.execute(db);
  }
  await one.query(`
    INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
    WITH RECURSIVE up AS (
      SELECT o.id AS descendant_id, o.id AS ancestor_id, 0 AS depth FROM organizations o WHERE o.id > ${Math.max(...shipped.map((o) => o.id))}
      UNION ALL
      SELECT up.descendant_id, o.parent_id, up.depth + 1 FROM up JOIN organizations o ON o.id = up.ancestor_id WHERE o.parent_id IS NOT NULL)
    SELECT ancestor_id, descendant_id, depth FROM up`);
  await one.query(`SELECT setval(pg_get_serial_sequence('organizations', 'id'), (SELECT max(id) FROM organizations))`);
  log(`organizations: ${shipped.length + tree.length}`);

  // ---- users: a head and a registrar in every organization, executors by the size of its staff
  const hash = await hashPassword(COUNTRY_PASSWORD);
  const all = [...shipped.map((o) => ({ id: o.id, staff: o.report_row !== null ? 10 : 20, weight: 0 })), ...tree];
  const staffSum = all.reduce((s, o) => s + o.staff, 0);
  const executorsLeft = USERS - 2 * all.length;
  const orgRows = all.map((o) => ({ o: o.id, e: Math.max(1, Math.round((o.staff / staffSum) * executorsLeft)), w: o.weight }));
  await one.query(`CREATE SCHEMA bench_gen`);
  await one.query(`CREATE TABLE bench_gen.orgs AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(o integer, e integer, w float8)`, [JSON.stringify(orgRows)]);
  const names = (list: readonly (string | null)[]) => `ARRAY[${list.map((s) => (s === null ? 'NULL' : `'${s}'`)).join(',')}]::text[]`;
  await one.query(`
    CREATE FUNCTION bench_gen.person_name(p bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$
      SELECT (${names(LAST_NAMES)})[1 + p % ${LAST_NAMES.length}] || ' ' || (${names(FIRST_NAMES)})[1 + (p / ${LAST_NAMES.length}) % ${FIRST_NAMES.length}]
        || coalesce(' ' || (${names(MIDDLE_NAMES)})[1 + (p / 256) % ${MIDDLE_NAMES.length}], '') $$`);
  await one.query(
    `INSERT INTO users (id, login, password_hash, full_name, position, organization_id, roles, email)
     SELECT md5('u' || x.login)::uuid, x.login, $1, bench_gen.person_name(hashtext(x.login)::bigint & 1048575), x.position, x.o, x.roles, x.login || '@example.kz'
     FROM (
       SELECT 'h' || o AS login, o, 'Басшы' AS position, ARRAY['head'] AS roles FROM bench_gen.orgs
       UNION ALL SELECT 'r' || o, o, 'Тіркеуші маман', ARRAY['registrar'] FROM bench_gen.orgs
       UNION ALL SELECT 'e' || o || '-' || k, o, 'Бас маман', ARRAY['executor'] FROM bench_gen.orgs, generate_series(1, e) k
     ) x`,
    [hash],
  );
  const controlDept = shipped.find((o) => o.kind === 'controlDepartment' && o.code.startsWith('AKM'));
  const authority = shipped.find((o) => o.kind === 'statsAuthority');
  const special = [...(controlDept ? [{ login: 'bench.controller', o: controlDept.id, roles: ['controller'] }] : []), ...(authority ? [{ login: 'bench.statistician', o: authority.id, roles: ['statistician'] }] : [])];
  for (const u of special) {
    await one.query(
      `INSERT INTO users (id, login, password_hash, full_name, position, organization_id, roles) VALUES (md5('u' || $1)::uuid, $1, $2, bench_gen.person_name(hashtext($1)::bigint & 1048575), 'Бас маман', $3, $4)`,
      [u.login, hash, u.o, u.roles],
    );
  }
  const users = Number((await one.query('SELECT count(*) AS n FROM users')).rows[0].n);
  log(`users: ${users}`);

  // ---- the staging table of the appeals, then every table from it
  const today = new Date().toISOString().slice(0, 10);
  const secondary = (
    await one.query<{ name: string; def: string }>(`
      SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('appeals', 'applicant_cards', 'events', 'decisions', 'letters', 'assignments', 'obligations', 'violations', 'decision_drafts', 'card_cells', 'stat_cells', 'stat_subtree_cells')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
  ).rows;
  await one.query(`CREATE TABLE bench_gen.indexes (name text PRIMARY KEY, def text NOT NULL)`);
  for (const ix of secondary) {
    await one.query('INSERT INTO bench_gen.indexes (name, def) VALUES ($1, $2)', [ix.name, ix.def]);
    await one.query(`DROP INDEX ${ix.name}`);
  }
  const params = { n: N, seed: SEED, today, topics: TOPICS, sentences: SENTENCES, pdfBytes: LETTER_PDF_BYTES };
  await one.query(stagingSql(params));
  log('staging table of the appeals');
  const years = (await one.query<{ y: number; first: string }>(`SELECT y, min(i) AS first FROM bench_gen.a GROUP BY y ORDER BY y`)).rows;
  await inParallel(
    appealsSql(
      params,
      years.map((r) => ({ year: r.y, first: Number(r.first) })),
    ),
  );
  for (const r of years) {
    await one.query(`INSERT INTO appeal_counters (year, last_value) SELECT $1, count(*) FROM bench_gen.a WHERE y = $1 ON CONFLICT (year) DO UPDATE SET last_value = excluded.last_value`, [r.y]);
  }
  log(`appeals: ${N}`);
  await inParallel(derivedSql(params));
  log('applicant cards, assignments, decisions, drafts, letters, events, obligations, violations');
}

/** The 1-ТӨ rows: every card through the export functions and the rules of production (the card
 *  read goes by organization, decisions by appeal: the appeals' indexes are built first). */
async function statistics(): Promise<void> {
  // A server started on the database meanwhile writes cells of the cards it changes: start clean,
  // every row is made again from the cards. No server may run on the database during this step.
  await one.query('TRUNCATE card_cells, stat_cells, stat_subtree_cells');
  const at = new Date();
  const reader = new pg.Client({ connectionString: url.toString() });
  await reader.connect();
  await reader.query('BEGIN');
  await reader.query(`DECLARE cards NO SCROLL CURSOR FOR
    SELECT a.id, a.organization_id, export_tzh1(a) AS tzh1,
      (SELECT jsonb_agg(export_tzh2(d) ORDER BY d.decided_at, d.id) FROM decisions d WHERE d.appeal_id = a.id) AS tzh2
    FROM appeals a ORDER BY a.organization_id`);
  let cardRows: { a: string; o: number; y: number; c: string[] }[] = [];
  let statRows: { o: number; y: number; m: number; t: string; c: string; n: number }[] = [];
  let sums = new Map<string, number>();
  let org = -1;
  let cardCellCount = 0;
  let statCellCount = 0;
  const pending: Promise<unknown>[] = [];
  const flushSums = () => {
    for (const [key, n] of sums) {
      const [y, t, c, m] = key.split('/');
      statRows.push({ o: org, y: Number(y), m: Number(m), t: t!, c: c!, n });
    }
    sums = new Map();
  };
  const write = async (force: boolean) => {
    if (cardRows.length >= 20_000 || (force && cardRows.length)) {
      const rows = cardRows;
      cardRows = [];
      cardCellCount += rows.length;
      await one.query(`INSERT INTO card_cells (appeal_id, organization_id, year, cells) SELECT x.a, x.o, x.y, x.c FROM jsonb_to_recordset($1::jsonb) AS x(a uuid, o integer, y integer, c jsonb)`, [JSON.stringify(rows)]);
    }
    if (statRows.length >= 40_000 || (force && statRows.length)) {
      const rows = statRows;
      statRows = [];
      statCellCount += rows.length;
      await one.query(
        `INSERT INTO stat_cells (organization_id, year, month, table_id, column_key, n) SELECT x.o, x.y, x.m, x.t, x.c, x.n FROM jsonb_to_recordset($1::jsonb) AS x(o integer, y integer, m integer, t text, c text, n integer)`,
        [JSON.stringify(rows)],
      );
    }
  };
  let read = 0;
  for (;;) {
    const batch = await reader.query('FETCH 5000 FROM cards');
    if (batch.rows.length === 0) break;
    for (const r of batch.rows) {
      if (r.organization_id !== org) {
        if (org !== -1) flushSums();
        org = r.organization_id;
      }
      const cells = cellsOf(cardOf({ id: r.id, organizationId: r.organization_id, tzh1: r.tzh1, tzh2: r.tzh2 ?? [] }), at);
      for (const [year, list] of cells) {
        cardRows.push({ a: r.id, o: r.organization_id, y: year, c: list });
        for (const key of list) {
          const k = `${year}/${key}`;
          sums.set(k, (sums.get(k) ?? 0) + 1);
        }
      }
    }
    read += batch.rows.length;
    await Promise.all(pending.splice(0));
    pending.push(write(false));
    if (read % 500_000 < 5000) log(`  1-ТӨ cells of ${read} cards`);
  }
  if (org !== -1) flushSums();
  await Promise.all(pending.splice(0));
  await write(true);
  await reader.query('COMMIT');
  await reader.end();
  await one.query(`
    INSERT INTO stat_subtree_cells (organization_id, year, month, table_id, column_key, n)
    SELECT c.ancestor_id, s.year, s.month, s.table_id, s.column_key, sum(s.n)
    FROM stat_cells s JOIN organization_closure c ON c.descendant_id = s.organization_id
    GROUP BY 1, 2, 3, 4, 5`);
  log(`1-ТӨ: card_cells ${cardCellCount}, stat_cells ${statCellCount} rows, and the subtree sums`);

  // ---- indexes back, statistics
  await inParallel(await missingIndexes(true));
  log('the indexes of the statistics built');
  await one.query('DROP SCHEMA bench_gen CASCADE');
  await one.query('SET session_replication_role = origin');
  await inParallel(['VACUUM ANALYZE appeals', 'VACUUM ANALYZE events', 'VACUUM ANALYZE applicant_cards', 'VACUUM ANALYZE decisions', 'VACUUM ANALYZE letters', 'ANALYZE']);
  const size = (await one.query<{ s: string; bytes: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s, pg_database_size(current_database()) AS bytes`)).rows[0]!;
  const counts = (
    await one.query(`SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM appeals) AS appeals,
      (SELECT count(*) FROM applicant_cards) AS cards, (SELECT count(*) FROM decisions) AS decisions, (SELECT count(*) FROM letters) AS letters,
      (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM obligations) AS obligations, (SELECT count(*) FROM violations) AS violations,
      (SELECT count(*) FROM stat_subtree_cells) AS subtree_cells`)
  ).rows[0];
  const seconds = (performance.now() - t0) / 1000;
  console.log('');
  console.log(`## a country in ${DB_NAME}: ${N} appeals (seed ${SEED})`);
  console.log('');
  console.log('| rows | count |');
  console.log('|---|---:|');
  for (const [k, v] of Object.entries(counts)) console.log(`| ${k} | ${Number(v).toLocaleString('en')} |`);
  console.log(`| stat_cells | ${statCellCount.toLocaleString('en')} |`);
  console.log(`| card_cells | ${cardCellCount.toLocaleString('en')} |`);
  console.log('');
  console.log(`generated in ${seconds.toFixed(0)} s; database size ${size.s}`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB; ${(await one.query('SELECT version() AS v')).rows[0].v.split(' on ')[0]}; focus akimat ${FOCUS_AKIMAT}`,
  );
}
