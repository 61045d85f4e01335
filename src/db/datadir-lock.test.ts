// One process at a time on an embedded data directory (src/db/datadir.ts, docs/operations.md):
// a second opener is refused naming the directory and the holder's PID (the CLI exits non-zero), a
// lock left by a process that no longer runs is taken over with a warning and the directory checked,
// a damaged directory is refused, a clean close removes the lock.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openEmbeddedDatabase } from './connection.ts';
import { DATADIR_LOCK_FILE, DataDirIntegrityError, DataDirLockedError } from './datadir.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let base: string;
let dir: string;
const lockFile = () => join(dir, DATADIR_LOCK_FILE);

/** The PID of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  assert.equal(child.status, 0);
  return child.pid!;
}

before(() => {
  base = mkdtempSync(join(tmpdir(), 'joldanym-lock-'));
  dir = join(base, 'data');
});
after(() => rmSync(base, { recursive: true, force: true }));

describe('the lock on the embedded data directory', () => {
  test('a second open of the same directory is refused, naming it and the PID; a clean close removes the lock', async () => {
    const first = await openEmbeddedDatabase(dir);
    try {
      assert.equal(readFileSync(lockFile(), 'utf8').split('\n')[0], String(process.pid));
      await assert.rejects(openEmbeddedDatabase(dir), (e: unknown) => {
        assert.ok(e instanceof DataDirLockedError);
        assert.ok(e.message.includes(dir), e.message);
        assert.ok(e.message.includes(`PID ${process.pid}`), e.message);
        return true;
      });
      // the refused opener did not take the lock away from the holder
      assert.equal((await sql<{ one: number }>`SELECT 1 AS one`.execute(first.db)).rows[0]!.one, 1);
      assert.ok(existsSync(lockFile()));
    } finally {
      await first.close();
    }
    assert.equal(existsSync(lockFile()), false, 'removed on clean close');
    const again = await openEmbeddedDatabase(dir);
    await again.close();
    assert.equal(existsSync(lockFile()), false);
  });

  test('`cli migrate` on a locked directory exits non-zero with the message', async () => {
    const holder = await openEmbeddedDatabase(dir);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, JOLDANYM_DATA_DIR: dir };
      delete env.DATABASE_URL;
      const result = await new Promise<{ code: number | null; stderr: string }>((ok) => {
        const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], { cwd: ROOT, env, timeout: 40_000 }, (_e, _out, stderr) => ok({ code: child.exitCode, stderr }));
      });
      assert.notEqual(result.code, 0);
      assert.notEqual(result.code, null, 'exited, not killed by the timeout');
      assert.match(result.stderr, /joldanym migrate: The data directory .* is in use by another Joldanym process/);
      assert.ok(result.stderr.includes(dir), result.stderr);
      assert.ok(result.stderr.includes(`PID ${process.pid}`), result.stderr);
    } finally {
      await holder.close();
    }
  });

  test('a stale lock (its PID no longer runs) is taken over with a warning', async () => {
    const pid = deadPid();
    writeFileSync(lockFile(), `${pid}\n${hostname()}\n`);
    const warnings: string[] = [];
    const database = await openEmbeddedDatabase(dir, undefined, { warn: (m) => warnings.push(m) });
    try {
      assert.equal(warnings.length, 1);
      assert.ok(warnings[0]!.includes(`PID ${pid}`) && warnings[0]!.includes(dir), warnings[0]);
      assert.equal(readFileSync(lockFile(), 'utf8').split('\n')[0], String(process.pid), 'the lock is this process’s now');
    } finally {
      await database.close();
    }
    assert.equal(existsSync(lockFile()), false);
  });

  test("a lock naming this process's PID that it does not hold is stale (a restarted container has PID 1 again)", async () => {
    writeFileSync(lockFile(), `${process.pid}\n${hostname()}\n`);
    const warnings: string[] = [];
    const database = await openEmbeddedDatabase(dir, undefined, { warn: (m) => warnings.push(m) });
    await database.close();
    assert.equal(warnings.length, 1, 'taken over');
    assert.equal(existsSync(lockFile()), false);
  });

  test('a lock of another host is not taken over', async () => {
    writeFileSync(lockFile(), `${deadPid()}\nsome-other-host\n`);
    await assert.rejects(openEmbeddedDatabase(dir), /in use by another Joldanym process \(PID \d+, on the host some-other-host\)/);
    rmSync(lockFile());
  });

  test('after an unclean stop a damaged directory is refused; a sound one opens', async () => {
    // The tables the check reads, as far as it reads them (the full migrations take long here).
    const setup = await openEmbeddedDatabase(dir);
    await sql`CREATE TABLE appeal_counters (year integer PRIMARY KEY, last_value bigint NOT NULL)`.execute(setup.db);
    await sql`CREATE TABLE appeals (id serial PRIMARY KEY, organization_id integer NOT NULL, registration_number text NOT NULL, registration_year integer NOT NULL, sequence_number bigint NOT NULL)`.execute(setup.db);
    await sql`INSERT INTO appeal_counters VALUES (2026, 2)`.execute(setup.db);
    await sql`INSERT INTO appeals (organization_id, registration_number, registration_year, sequence_number) VALUES (1, 'ЖТ-2026-00000001', 2026, 1), (1, 'ЖТ-2026-00000002', 2026, 2)`.execute(setup.db);
    await setup.close();

    writeFileSync(lockFile(), `${deadPid()}\n${hostname()}\n`);
    const sound = await openEmbeddedDatabase(dir, undefined, { warn: () => {} });
    // what two processes on one directory did: a number given twice, the counter behind
    await sql`INSERT INTO appeals (organization_id, registration_number, registration_year, sequence_number) VALUES (1, 'ЖТ-2026-00000002', 2026, 2), (1, 'ЖТ-2026-00000003', 2026, 3)`.execute(sound.db);
    await sound.close();

    writeFileSync(lockFile(), `${deadPid()}\n${hostname()}\n`);
    await assert.rejects(openEmbeddedDatabase(dir, undefined, { warn: () => {} }), (e: unknown) => {
      assert.ok(e instanceof DataDirIntegrityError);
      assert.ok(e.message.includes(dir), e.message);
      assert.ok(e.message.includes('1 sequence number(s) of 2026 given to more than one appeal'), e.message);
      assert.ok(e.message.includes('1 registration number(s) repeated in one organization'), e.message);
      assert.ok(e.message.includes('the counter of 2026 is at 2 but appeals are numbered up to 3'), e.message);
      return true;
    });
    assert.ok(existsSync(lockFile()), 'the lock stays, so the next start checks again');
  });
});
