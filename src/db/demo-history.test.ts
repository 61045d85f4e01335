// Issue 10 item 15: the demo history gives every screen something true to show — several
// executors; answered, overdue and extended appeals; receiving officials with sessions, approved
// schedules and sign-ups; instructions under control, one overdue; live knowledge cards and closed
// contacts — all through the use cases with the clock at each moment, so no event or notification
// of an appeal is older than its receipt. Seeding stays fast (npm start) and happens once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { configFromEnv } from '../config.ts';
import { createContext, prepareDatabase } from '../app.ts';
import type { Context } from '../context.ts';
import { freshDatabase, type FreshDatabase } from '../../test/support.ts';
import { seedDemo } from './demo.ts';
import { DEMO_HISTORY_USERS } from './demo-history.ts';

const NOW = '2026-03-18T10:00:00+05:00';
const TODAY = '2026-03-18';
let fresh: FreshDatabase;
let ctx: Context;

before(async () => {
  fresh = await freshDatabase();
  await prepareDatabase(fresh.database);
  ctx = await createContext(fresh.database, { ...configFromEnv({}), now: new Date(NOW), demo: true });
  const started = performance.now();
  await seedDemo(ctx, { history: true });
  // printed, never asserted: a timing depends on the machine (about 4 s on a quiet 2-core one)
  console.log(`demo seed with history: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
after(async () => {
  await fresh.database.close();
  await fresh.drop();
});

const count = async (table: string, where = sql`true`): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from ${sql.raw(table)} where ${where}`.execute(ctx.db)).rows[0]!.n);

test('issue 10 item 15: several executors; answered, overdue and extended appeals over the last months', async () => {
  assert.ok((await count('users', sql`'executor' = any(roles)`)) >= 3);
  for (const u of DEMO_HISTORY_USERS) assert.equal(await count('users', sql`login = ${u.login} and demo`), 1, u.login);
  const executorsWithAppeals = await count('users', sql`id in (select executor_id from assignments)`);
  assert.ok(executorsWithAppeals >= 3, `${executorsWithAppeals} executors have appeals`);
  assert.ok((await count('appeals', sql`status = 'completed'`)) >= 3);
  assert.ok((await count('appeals', sql`review_ended_on is null and due_date < ${TODAY}`)) >= 2, 'overdue');
  assert.ok((await count('decisions', sql`code = '4.14'`)) >= 2, 'extended');
  assert.ok((await count('appeals', sql`received_at < ${'2026-01-01'}`)) > 0, 'months of history');
});

test('issue 10 item 15: no event or notification of an appeal is older than its receipt', async () => {
  assert.equal(await count('events e', sql`exists (select 1 from appeals a where a.id = e.appeal_id and e.at < a.received_at)`), 0);
  assert.equal(await count('outbox o', sql`exists (select 1 from appeals a where a.id = o.appeal_id and o.created_at < a.received_at)`), 0);
  assert.ok((await count('outbox', sql`appeal_id is not null`)) > 0);
});

test('issue 10 item 15 (PR-15, PR-16, PR-05): receiving officials, sessions, approved schedules, sign-ups', async () => {
  assert.ok((await count('reception_officials')) >= 2);
  assert.ok((await count('reception_sessions', sql`starts_at < ${NOW}`)) > 0, 'sessions of last month');
  assert.ok((await count('reception_sessions', sql`starts_at > ${NOW}`)) > 0, 'sessions to come');
  assert.ok((await count('reception_schedules')) >= 2, 'approved months');
  assert.ok((await count('reception_sign_ups')) >= 2);
});

test('issue 10 item 15 (CD-22): instructions under control, one overdue', async () => {
  assert.ok((await count('instructions', sql`state = 'underControl'`)) >= 2);
  assert.ok((await count('instructions', sql`state = 'underControl' and due_date < ${TODAY}`)) >= 1);
});

test('issue 10 item 15 (CC-05, EA-05): live knowledge cards and closed contacts', async () => {
  assert.ok((await count('knowledge_cards', sql`protocol_on is not null`)) >= 2);
  assert.ok((await count('contacts', sql`closed_at is not null`)) >= 3);
});

test('issue 10 item 15: seeding again adds nothing', async () => {
  const before = await Promise.all(['appeals', 'users', 'reception_sessions', 'instructions', 'contacts'].map((t) => count(t)));
  await seedDemo(ctx, { history: true });
  assert.deepEqual(await Promise.all(['appeals', 'users', 'reception_sessions', 'instructions', 'contacts'].map((t) => count(t))), before);
});
