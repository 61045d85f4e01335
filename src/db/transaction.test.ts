// withSettings (src/db/transaction.ts): PostgreSQL settings for one step alone — a search by words
// reads under a larger work_mem, its walk with sorting priced out (src/queues/store.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../test/support.ts';
import type { Db } from './connection.ts';
import { withSettings } from './transaction.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const settings = async (db: Db) => (await sql<{ w: string; s: string }>`SELECT current_setting('work_mem') AS w, current_setting('enable_sort') AS s`.execute(db)).rows[0]!;

test('issue 15: withSettings holds its settings for its step alone, in a transaction of its own or the open one', async () => {
  const outside = await settings(t.ctx.db);
  assert.deepEqual(await withSettings(t.ctx.db, { work_mem: '32MB', enable_sort: 'off' }, settings), { w: '32MB', s: 'off' });
  assert.deepEqual(await settings(t.ctx.db), outside);
  await t.ctx.db.transaction().execute(async (trx) => {
    assert.deepEqual(await withSettings(trx, { work_mem: '32MB' }, settings), { w: '32MB', s: outside.s });
    assert.deepEqual(await settings(trx), outside, 'back within the open transaction');
  });
});
