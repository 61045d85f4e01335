// The yearly 1-ТӨ of a country, from the aggregates: how long the report takes when stat_cells holds
// a year of 4.4 million appeals and 7 million decisions in 50,000 organizations.
//
//   npx tsx bench/form1.ts [--pg postgres://postgres@127.0.0.1:5432/postgres] [--appeals 4400000]
//                          [--organizations 50000] [--seed 1] [--no-card-cells] [--keep]
//
// How the aggregates are made: not by registering 4.4 million appeals through the API (the
// registration benchmark measures that path), but through the same pure rules in bulk — a
// deterministic generator makes each card (an appeal at one organization with its decisions:
// document type, form, channel, applicant, dates, final decision, extensions, hearings,
// attachments, moves out, deemed refusals, late answers), src/domain/form1.ts computes its cells
// exactly as the hook does on every change, and the cells are summed per organization and written to
// stat_cells (and each card's list to card_cells) in large batches. The organization tree is
// generated under the 67 report rows (oblast and city akimats with their departments, districts and
// rural okrugs; territorial units of central bodies; …), with the closure table. The database is a
// fresh one on the server, dropped afterwards unless --keep.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { openServerDatabase } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/app.ts';
import { cardCells, type Form1Card, type Form1Decision } from '../src/domain/form1.ts';
import type { DecisionCode } from '../src/domain/decisions.ts';
import { plusDays } from '../src/domain/calendar.ts';
import { FORM1_TABLES } from '../src/statistics/form1-layout.ts';
import { computeForm1, statisticsScopes } from '../src/statistics/report.ts';
import { INSTANCE_SCOPE } from '../src/statistics/scope.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);
const PG = opt('pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const APPEALS = Number(opt('appeals', '4400000'));
const ORGANIZATIONS = Number(opt('organizations', '50000'));
const SEED = Number(opt('seed', '1'));
const YEAR = 2025;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
const r = rng(SEED);
const pick = <T>(items: readonly (readonly [T, number])[]): T => {
  let x = r();
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1]![0];
};

const log = (s: string) => console.log(s);
const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// The database and the organizations

const name = `joldanym_bench_form1_${Date.now()}_${process.pid}`;
const admin = new pg.Client({ connectionString: PG });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(PG);
url.pathname = `/${name}`;
const database = await openServerDatabase(url.toString(), 4);
const db = database.db;
let dropped = false;
const drop = async () => {
  if (dropped) return;
  dropped = true;
  await database.close();
  if (flag('keep')) return log(`kept: ${url}`);
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
};
process.once('SIGINT', () => void drop().then(() => process.exit(130)));

try {
  await prepareDatabase(database);
  const rows = await db.selectFrom('organizations').select(['id', 'code', 'kind', 'kato', 'report_row', 'parent_id']).orderBy('id').execute();
  const reportRows = rows.filter((o) => o.report_row !== null && o.parent_id === null);
  let nextId = Math.max(...rows.map((o) => o.id)) + 1;
  const orgs: { id: number; parent: number; kind: string; kato: string | null; weight: number }[] = [];
  const ancestors = new Map<number, number[]>(rows.map((o) => [o.id, []]));
  for (const o of rows) if (o.parent_id !== null) ancestors.set(o.id, [...(ancestors.get(o.parent_id) ?? []), o.parent_id]);
  const add = (parent: number, kind: string, kato: string | null, weight: number) => {
    const id = nextId++;
    orgs.push({ id, parent, kind, kato, weight });
    ancestors.set(id, [...(ancestors.get(parent) ?? []), parent]);
    return id;
  };
  // Local executive bodies (20 rows) hold most organizations; central bodies their territorial units.
  const leb = reportRows.filter((o) => o.kind === 'localExecutiveBodies');
  const others = reportRows.filter((o) => o.kind !== 'localExecutiveBodies');
  const perLeb = Math.floor((ORGANIZATIONS * 0.8) / leb.length);
  const perOther = Math.floor((ORGANIZATIONS * 0.2) / others.length);
  for (const row of leb) {
    const kato = row.kato ?? null;
    const akimat = add(row.id, 'akimat', kato, 40);
    let left = perLeb - 1;
    for (let i = 0; i < 18 && left > 0; i++, left--) add(akimat, 'department', kato, 6);
    const districts = 17;
    for (let d = 0; d < districts && left > 0; d++) {
      const district = add(akimat, 'districtAkimat', kato, 12);
      left--;
      const under = Math.floor(left / (districts - d));
      for (let i = 0; i < under && left > 0; i++, left--) add(district, i % 4 === 0 ? 'ruralAkimat' : 'stateEnterprise', kato, i % 4 === 0 ? 0.6 : 0.15);
    }
  }
  for (const row of others) {
    for (let i = 0; i < perOther; i++) add(row.id, i === 0 ? 'stateBody' : 'department', i < 20 && leb[i] ? leb[i]!.kato : null, i === 0 ? 30 : 1);
  }
  const insertOrgs = async (batch: typeof orgs) =>
    sql`
      INSERT INTO organizations (id, code, parent_id, name_kk, name_ru, name_en, kind, kato, report_row)
      SELECT x.id, 'B' || x.id, x.parent, 'Ұйым ' || x.id, 'Организация ' || x.id, 'Organization ' || x.id, x.kind, x.kato, NULL
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(id integer, parent integer, kind text, kato text)`.execute(db);
  for (let i = 0; i < orgs.length; i += 10_000) await insertOrgs(orgs.slice(i, i + 10_000));
  const closure = orgs.flatMap((o) => {
    const up = ancestors.get(o.id)!;
    return [{ a: o.id, d: o.id, depth: 0 }, ...up.map((a, i) => ({ a, d: o.id, depth: up.length - i }))];
  });
  for (let i = 0; i < closure.length; i += 50_000) {
    await sql`INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
      SELECT x.a, x.d, x.depth FROM jsonb_to_recordset(${JSON.stringify(closure.slice(i, i + 50_000))}::jsonb) AS x(a integer, d integer, depth integer)`.execute(db);
  }
  await sql`SELECT setval(pg_get_serial_sequence('organizations', 'id'), (SELECT max(id) FROM organizations))`.execute(db);
  const total = rows.length + orgs.length;
  log(`organizations: ${total} (${closure.length + rows.length} closure rows) — ${since()}`);

  // ---------------------------------------------------------------------------------------------
  // The cards, organization by organization: cells summed per organization, written in batches.

  const weightSum = orgs.reduce((s, o) => s + o.weight, 0);
  const TYPES = [
    ['application', 0.45],
    ['complaint', 0.08],
    ['report', 0.15],
    ['inquiry', 0.12],
    ['feedback', 0.05],
    ['proposal', 0.15],
  ] as const;
  const FORMS_W = [
    ['paper', 0.35],
    ['electronic', 0.55],
    ['oral', 0.08],
    ['video', 0.02],
  ] as const;
  const CHANNELS_W = {
    paper: [
      ['post', 0.5],
      ['inPerson', 0.4],
      ['complaintBox', 0.1],
    ],
    electronic: [
      ['egovPortal', 0.5],
      ['publicPortal', 0.35],
      ['email', 0.15],
    ],
    oral: [
      ['personalReception', 0.6],
      ['contactCentre', 0.4],
    ],
    video: [['publicPortal', 1]],
  } as const;
  const KINDS = [
    ['individual', 0.78],
    ['legalEntity', 0.1],
    ['anonymous', 0.05],
    ['collective', 0.07],
  ] as const;
  const FINALS: Record<string, [DecisionCode, number][]> = {
    application: [
      ['4.15', 0.7],
      ['4.13', 0.08],
      ['4.3', 0.04],
      ['4.6', 0.05],
      ['4.4', 0.13],
    ],
    complaint: [
      ['4.24', 0.3],
      ['4.18', 0.08],
      ['4.19', 0.05],
      ['4.20', 0.07],
      ['4.21', 0.3],
      ['4.22', 0.08],
      ['4.23', 0.07],
      ['4.15', 0.05],
    ],
    simplified: [
      ['4.25', 0.7],
      ['4.26', 0.15],
      ['4.13', 0.05],
      ['4.4', 0.1],
    ],
  };
  const start = Date.UTC(YEAR - 1, 11, 1); // cards from December of the previous year: carried over
  const span = Date.UTC(YEAR, 11, 31) - start;
  const dateOf = (ms: number) => {
    const d = new Date(ms);
    const w = d.getUTCDay();
    if (w === 0) d.setUTCDate(d.getUTCDate() + 1);
    if (w === 6) d.setUTCDate(d.getUTCDate() + 2);
    return d.toISOString().slice(0, 10);
  };

  let cardsMade = 0;
  let decisionsMade = 0;
  let statRows = 0;
  let cardCellRows = 0;
  let pendingStat: unknown[] = [];
  let pendingCards: unknown[] = [];
  let generateMs = 0;
  let writeMs = 0;
  const flushStat = async () => {
    if (!pendingStat.length) return;
    const w = performance.now();
    await sql`INSERT INTO stat_cells (organization_id, year, month, table_id, column_key, n)
      SELECT x.o, x.y, x.m, x.t, x.c, x.n FROM jsonb_to_recordset(${JSON.stringify(pendingStat)}::jsonb)
      AS x(o integer, y integer, m integer, t text, c text, n integer)`.execute(db);
    statRows += pendingStat.length;
    pendingStat = [];
    writeMs += performance.now() - w;
  };
  const flushCards = async () => {
    if (!pendingCards.length) return;
    const w = performance.now();
    await sql`INSERT INTO card_cells (appeal_id, organization_id, year, cells)
      SELECT x.a, x.o, x.y, x.c FROM jsonb_to_recordset(${JSON.stringify(pendingCards)}::jsonb) AS x(a uuid, o integer, y integer, c jsonb)`.execute(db);
    cardCellRows += pendingCards.length;
    pendingCards = [];
    writeMs += performance.now() - w;
  };
  const withCardCells = !flag('no-card-cells');
  let remaining = APPEALS;
  for (const [i, org] of orgs.entries()) {
    const n = i === orgs.length - 1 ? remaining : Math.min(remaining, Math.round((APPEALS * org.weight) / weightSum));
    remaining -= n;
    const g = performance.now();
    const sums = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const type = pick(TYPES);
      const form =
        type === 'complaint'
          ? pick([
              ['paper', 0.4],
              ['electronic', 0.6],
            ] as const)
          : pick(FORMS_W);
      const reg = dateOf(start + r() * span);
      const due = plusDays(reg, type === 'complaint' ? 28 : 21);
      const decisions: Form1Decision[] = [];
      const excluded = r();
      let endedOn: string | null = null;
      let finalDecision: DecisionCode | null = null;
      if (excluded < 0.01) {
        decisions.push({ code: '4.5', date: plusDays(reg, 1) });
        endedOn = plusDays(reg, 1);
        finalDecision = '4.5';
      } else if (excluded < 0.02) {
        decisions.push({ code: '4.1', date: reg });
        endedOn = reg;
        finalDecision = '4.1';
      } else {
        if (r() < 0.12) decisions.push({ code: '4.2', date: plusDays(reg, 2) });
        if (type !== 'complaint' && r() < 0.1) decisions.push({ code: '4.14', date: plusDays(reg, 10) });
        if (r() < 0.08) decisions.push({ code: '4.16', date: plusDays(reg, 3) });
        if ((type === 'application' || type === 'complaint') && r() < 0.25) {
          decisions.push({ code: '4.7', date: plusDays(reg, 5) });
          decisions.push({ code: '4.11', date: plusDays(reg, 9) });
        }
        if (r() < 0.04) decisions.push({ code: '4.4', date: plusDays(reg, 2), split: true });
        if (r() < 0.93) {
          const list = FINALS[type === 'application' ? 'application' : type === 'complaint' ? 'complaint' : 'simplified']!;
          finalDecision = pick(list);
          endedOn = plusDays(reg, 1 + Math.floor(r() * (r() < 0.05 ? 40 : 20)));
          decisions.push({ code: finalDecision, date: endedOn, ...(finalDecision === '4.15' ? { favourable: r() < 0.7 } : {}) });
        }
      }
      decisionsMade += decisions.length;
      const card: Form1Card = {
        id: '',
        organizationId: org.id,
        documentType: type,
        form,
        channel: pick(CHANNELS_W[form]),
        applicantKind: type === 'complaint' ? 'individual' : pick(KINDS),
        language: r() < 0.62 ? 'kk' : r() < 0.97 ? 'ru' : 'en',
        fromReception: false,
        duplicateCandidate: r() < 0.06,
        forwardedIn: r() < 0.12,
        registrationDate: reg,
        dueDate: due,
        endedOn,
        finalDecision,
        decisions,
        answerSentOn: endedOn && finalDecision !== '4.1' && finalDecision !== '4.5' ? plusDays(endedOn, Math.floor(r() * 3)) : null,
        deemedRefusal: endedOn === null ? r() < 0.5 : endedOn > due && r() < 0.3,
        deleted: false,
      };
      const cells = cardCells(card, FORM1_TABLES, YEAR);
      for (const [year, list] of cells) {
        for (const key of list) sums.set(`${year}/${key}`, (sums.get(`${year}/${key}`) ?? 0) + 1);
        if (withCardCells) pendingCards.push({ a: randomUUID(), o: org.id, y: year, c: list });
      }
      cardsMade++;
    }
    for (const [key, count] of sums) {
      const [y, t, c, m] = key.split('/');
      pendingStat.push({ o: org.id, y: Number(y), m: Number(m), t, c, n: count });
    }
    generateMs += performance.now() - g;
    if (pendingStat.length >= 40_000) await flushStat();
    if (pendingCards.length >= 20_000) await flushCards();
    if (i % 5000 === 0) log(`  ${i}/${orgs.length} organizations, ${cardsMade} cards — ${since()}`);
  }
  await flushStat();
  await flushCards();
  // The subtree sums, as the hook keeps them (src/statistics/cards.ts: applyDeltas), in one statement here.
  const w = performance.now();
  await sql`INSERT INTO stat_subtree_cells (organization_id, year, month, table_id, column_key, n)
    SELECT c.ancestor_id, s.year, s.month, s.table_id, s.column_key, sum(s.n)
    FROM stat_cells s JOIN organization_closure c ON c.descendant_id = s.organization_id
    GROUP BY 1, 2, 3, 4, 5`.execute(db);
  writeMs += performance.now() - w;
  await sql`VACUUM ANALYZE stat_subtree_cells`.execute(db);
  await sql`VACUUM ANALYZE stat_cells`.execute(db);
  await sql`VACUUM ANALYZE organization_closure`.execute(db);
  await sql`VACUUM ANALYZE organizations`.execute(db);
  if (withCardCells) await sql`VACUUM ANALYZE card_cells`.execute(db);
  const size = await sql<{ stat: string; subtree: string; subtree_rows: number; cards: string }>`
    SELECT pg_size_pretty(pg_total_relation_size('stat_cells')) AS stat, pg_size_pretty(pg_total_relation_size('stat_subtree_cells')) AS subtree,
           (SELECT count(*) FROM stat_subtree_cells) AS subtree_rows, pg_size_pretty(pg_total_relation_size('card_cells')) AS cards`.execute(db);
  const z = size.rows[0]!;
  log(`cards: ${cardsMade} (decisions ${decisionsMade}); stat_cells ${statRows} rows (${z.stat}), stat_subtree_cells ${z.subtree_rows} rows (${z.subtree}), card_cells ${cardCellRows} rows (${z.cards})`);
  log(`generated through the rules in ${(generateMs / 1000).toFixed(1)} s, written in ${(writeMs / 1000).toFixed(1)} s — ${since()}`);

  // ---------------------------------------------------------------------------------------------
  // The reports

  const time = async (label: string, f: () => Promise<unknown>, runs = 7) => {
    const ms: number[] = [];
    let result: unknown;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      result = await f();
      ms.push(performance.now() - s);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    log(`| ${label} | ${ms[0]!.toFixed(0)} ms | ${sorted[Math.floor(runs / 2)]!.toFixed(0)} ms | ${sorted[runs - 1]!.toFixed(0)} ms |`);
    return result as Awaited<ReturnType<typeof computeForm1>>;
  };
  log('');
  log(`| report (${YEAR}) | first | median | max |`);
  log('|---|---:|---:|---:|');
  const year = await time('December: the yearly report, every report row, the whole country', () => computeForm1(db, YEAR, 12, INSTANCE_SCOPE));
  await time('June: cumulative January–June, every report row', () => computeForm1(db, YEAR, 6, INSTANCE_SCOPE));
  const akmola = rows.find((o) => o.code === 'AKM-OBL')!;
  await time('December: one oblast (row 50), its organizations as rows', () => computeForm1(db, YEAR, 12, { counted: { all: true }, rows: { kind: 'subtree', organizationId: akmola.id } }));
  const territory = (await statisticsScopes(db)).find((s) => !('all' in s.counted))!;
  await time("December: a territorial department's report (KATO territory), every report row", () => computeForm1(db, YEAR, 12, territory));
  // For comparison: the same yearly sums with the subtrees joined at query time (no subtree sums).
  await time(
    'December: every report row, subtrees joined at query time over stat_cells (not used)',
    () =>
      sql`SELECT o.id, s.table_id, s.column_key, sum(s.n) FROM organizations o
        JOIN organization_closure c ON c.ancestor_id = o.id JOIN stat_cells s ON s.organization_id = c.descendant_id AND s.year = ${YEAR}
        WHERE o.report_row IS NOT NULL AND (s.month = 12 OR s.column_key NOT IN ('carriedOver', 'inReviewAtEnd', 'overdueAtEnd'))
        GROUP BY 1, 2, 3`.execute(db),
    3,
  );
  const totalRow = year.sections[0]!.tables[0]!.rows[0]!;
  log('');
  log(`check: row 1, registered in ${YEAR} = ${totalRow.cells[0]} of ${cardsMade} cards (the rest: December ${YEAR - 1}, attached, moved out)`);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB; ${(await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]!.v.split(' on ')[0]}`);
} finally {
  await drop();
}
