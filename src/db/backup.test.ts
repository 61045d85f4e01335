// Backup and restore of the embedded database through the CLI (src/db/backup.ts,
// docs/operations.md "Backup and restore"): `cli backup FILE` copies a data directory that no
// process holds and refuses one a server holds; `cli restore FILE` loads the copy into a new
// directory, refuses a non-empty one, and runs the after-restore step: every session ended, the
// message being delivered at backup time failed instead of sent again, the year's counter advanced
// by --skip and the skip in the audit log. (On the PostgreSQL server pg_dump/pg_restore do the copy;
// the after-restore step is the same code.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../config.ts';
import { createContext, prepareDatabase } from '../app.ts';
import { openEmbeddedDatabase } from './connection.ts';
import { DATADIR_LOCK_FILE } from './datadir.ts';
import { seedDemo } from './demo.ts';
import { outboxRow } from '../notifications/outbox.ts';
import { RESTORED_UNKNOWN_OUTCOME } from './backup.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-03-18T10:00:00+05:00';
const YEAR = 2026;
const SKIP = 500;

function cli(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, JOLDANYM_DATA_DIR: dataDir, JOLDANYM_NOW: NOW };
  delete env.DATABASE_URL;
  return new Promise((ok) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env, timeout: 40_000 }, (_e, stdout, stderr) => ok({ code: child.exitCode, stdout, stderr }));
  });
}

describe('backup and restore of the embedded database', { skip: process.env.DATABASE_URL ? 'the embedded database only (DATABASE_URL is set): on a PostgreSQL server pg_dump/pg_restore make the copy' : false }, () => {
  let base: string;
  let source: string;
  let file: string;
  const before_ = { appeals: 0, counter: 0, claimedId: 0, waitingId: 0 };

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'joldanym-backup-'));
    source = join(base, 'data');
    file = join(base, 'joldanym.tar.gz');
    const database = await openEmbeddedDatabase(source);
    try {
      await prepareDatabase(database);
      const ctx = await createContext(database, { ...configFromEnv({}), now: new Date(NOW), demo: true });
      await seedDemo(ctx, { appeals: true });
      const db = database.db;
      const user = await db.selectFrom('users').select(['id', 'organization_id']).executeTakeFirstOrThrow();
      const now = new Date(NOW);
      await db
        .insertInto('sessions')
        .values({ token_hash: 'h'.repeat(64), user_id: user.id, scope_organization_id: user.organization_id, created_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
        .execute();
      const message = { organizationId: user.organization_id, appealId: null, kind: 'registered' as const, channel: 'email' as const, recipient: 'a@example.kz', language: 'kk', subject: 's', body: 'b' };
      // one message a worker was delivering when the backup was taken, one waiting for its turn
      const [claimed, waiting] = await db
        .insertInto('outbox')
        .values([{ ...outboxRow(message, now), attempts: 1, claimed_at: now, next_attempt_at: new Date(now.getTime() + 120_000) }, outboxRow(message, now)])
        .returning('id')
        .execute();
      before_.claimedId = claimed!.id;
      before_.waitingId = waiting!.id;
      before_.appeals = Number(
        (
          await db
            .selectFrom('appeals')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      before_.counter = (await db.selectFrom('appeal_counters').select('last_value').where('year', '=', YEAR).executeTakeFirstOrThrow()).last_value;
    } finally {
      await database.close();
    }
    assert.ok(before_.appeals >= 2, `demo appeals registered (${before_.appeals})`);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  test('`cli backup` copies the directory; `cli restore` loads it into a new one and runs the after-restore step', async () => {
    const backup = await cli(source, 'backup', file);
    assert.equal(backup.code, 0, backup.stderr);
    assert.ok(existsSync(file));
    assert.equal(existsSync(join(source, DATADIR_LOCK_FILE)), false, 'the backup released the lock');

    const target = join(base, 'restored');
    const restore = await cli(target, 'restore', file, '--skip', String(SKIP));
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, new RegExp(`registration numbers ${before_.counter + 1}–${before_.counter + SKIP} of ${YEAR} skipped`));
    // the copy brought the backup's lock file; the restore made it its own and removed it
    assert.equal(existsSync(join(target, DATADIR_LOCK_FILE)), false, 'no lock left behind');

    const restored = await openEmbeddedDatabase(target);
    try {
      const db = restored.db;
      const appeals = Number(
        (
          await db
            .selectFrom('appeals')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.equal(appeals, before_.appeals, 'the appeals are there');
      assert.equal((await db.selectFrom('sessions').selectAll().execute()).length, 0, 'every session ended');
      const counter = await db.selectFrom('appeal_counters').select('last_value').where('year', '=', YEAR).executeTakeFirstOrThrow();
      assert.equal(counter.last_value, before_.counter + SKIP, 'the counter advanced by the margin');
      const events = await db.selectFrom('events').select(['changes', 'actor_name']).where('kind', '=', 'restoreNumbersSkipped').execute();
      assert.equal(events.length, 1);
      assert.deepEqual(events[0]!.changes, { year: YEAR, from: before_.counter + 1, to: before_.counter + SKIP, skip: SKIP });
      assert.equal(events[0]!.actor_name, 'system');
      const claimed = await db.selectFrom('outbox').select(['status', 'claimed_at', 'last_error']).where('id', '=', before_.claimedId).executeTakeFirstOrThrow();
      assert.deepEqual(claimed, { status: 'failed', claimed_at: null, last_error: RESTORED_UNKNOWN_OUTCOME }, 'the message being delivered is not sent again');
      const lost = await db.selectFrom('deliveries').select(['ok', 'error']).where('outbox_id', '=', before_.claimedId).execute();
      assert.deepEqual(lost, [{ ok: false, error: RESTORED_UNKNOWN_OUTCOME }]);
      const waiting = await db.selectFrom('outbox').select('status').where('id', '=', before_.waitingId).executeTakeFirstOrThrow();
      assert.equal(waiting.status, 'pending', 'a message not yet taken is sent (with its stable Message-ID)');
    } finally {
      await restored.close();
    }
  });

  test('`cli restore` refuses a directory that is not empty', async () => {
    const occupied = join(base, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'something'), 'x');
    const result = await cli(occupied, 'restore', file);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /joldanym restore: .*occupied is not empty/);
  });

  test('`cli backup` of a directory a server holds is refused: stop the server first', async () => {
    const holder = await openEmbeddedDatabase(source);
    try {
      const result = await cli(source, 'backup', join(base, 'refused.tar.gz'));
      assert.notEqual(result.code, 0);
      assert.notEqual(result.code, null, 'exited, not killed by the timeout');
      assert.match(result.stderr, /joldanym backup: The data directory .* is in use by another Joldanym process/);
      assert.match(result.stderr, /stop the server/);
      assert.equal(existsSync(join(base, 'refused.tar.gz')), false);
    } finally {
      await holder.close();
    }
  });
});
