// Issue 15, item 6: the door to sharding by organization stays open. Every table that grows with
// appeals (src/db/scaling.ts: the rule and its data) carries the organization key in the live
// schema, or is a justified exception that docs/scaling.md names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { freshDatabase, type FreshDatabase } from '../../test/support.ts';
import { prepareDatabase } from '../app.ts';
import { GROWING_WITHOUT_APPEAL_ID, ORGANIZATION_KEY, ORGANIZATION_KEY_EXCEPTIONS } from './scaling.ts';

let fresh: FreshDatabase;
let columns: Map<string, Set<string>>;

before(async () => {
  fresh = await freshDatabase();
  await prepareDatabase(fresh.database);
  const rows = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  `.execute(fresh.database.db);
  columns = new Map();
  for (const r of rows.rows) {
    if (!columns.has(r.table_name)) columns.set(r.table_name, new Set());
    columns.get(r.table_name)!.add(r.column_name);
  }
});
after(async () => {
  await fresh.database.close();
  await fresh.drop();
});

/** The rule: an appeal_id column, or named as growing without one. */
const growing = () => [...columns.keys()].filter((t) => columns.get(t)!.has('appeal_id') || (GROWING_WITHOUT_APPEAL_ID as readonly string[]).includes(t)).sort();

test('every table that grows with appeals carries the organization key, or is a named exception', () => {
  const tables = growing();
  for (const t of ['appeals', 'applicant_cards', 'events', 'obligations', 'decisions', 'letters', 'correspondence', 'outbox', 'duplicate_candidates', 'export_journal', 'card_cells']) {
    assert.ok(tables.includes(t), `${t} grows with appeals`);
  }
  const missing = tables.filter((t) => !columns.get(t)!.has(ORGANIZATION_KEY) && !(t in ORGANIZATION_KEY_EXCEPTIONS));
  assert.deepEqual(missing, [], `without ${ORGANIZATION_KEY}: add it (filled by the statement that inserts the rows) or justify the exception`);
});

test('the exceptions are real: growing tables that lack the key, each named in docs/scaling.md', async () => {
  const tables = growing();
  const docs = await readFile(new URL('../../docs/scaling.md', import.meta.url), 'utf8');
  for (const t of Object.keys(ORGANIZATION_KEY_EXCEPTIONS)) {
    assert.ok(columns.has(t), `${t} exists`);
    assert.ok(tables.includes(t), `${t} grows with appeals`);
    assert.ok(!columns.get(t)!.has(ORGANIZATION_KEY), `${t} has the key now: no longer an exception`);
    assert.ok(docs.includes(`\`${t}\``), `docs/scaling.md names the exception ${t}`);
  }
});

test('the organization key is of one type (integer) in every growing table', async () => {
  const keys = await sql<{ table_name: string; data_type: string }>`
    SELECT table_name, data_type FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = ${ORGANIZATION_KEY} AND table_name = ANY(${growing()}::text[])
  `.execute(fresh.database.db);
  assert.ok(keys.rows.length > 20);
  assert.deepEqual(
    keys.rows.filter((r) => r.data_type !== 'integer').map((r) => r.table_name),
    [],
    'one type of key, so that co-located joins need no cast',
  );
});
