// A throw-away PostgreSQL primary and a hot standby of it, for src/db/replica.test.ts and
// bench/replica.ts (issue 15 item 4): the machine's own server at 127.0.0.1:5432 allows no
// replication connections, so both are made here with the machine's PostgreSQL binaries (initdb,
// pg_basebackup -R) on free ports in a temporary directory, and removed by close().
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const execFileAsync = promisify(execFile);
export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const havePgBinaries = () => existsSync(join(PG_BIN, 'pg_basebackup'));

/** A PostgreSQL program's command line, as the postgres user when run as root (the server refuses root). */
const asPostgres = (program: string, args: string[]): [string, string[]] => (process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]] : [join(PG_BIN, program), args]);

export async function pgRun(program: string, args: string[], cwd: string): Promise<void> {
  const [command, argv] = asPostgres(program, args);
  await execFileAsync(command, argv, { cwd });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ReplicaCluster {
  dir: string;
  primaryUrl: string;
  standbyUrl: string;
  primaryData: string;
  standbyData: string;
  /** pg_basebackup -R of the primary, then the standby started: it replays what it missed. */
  makeStandby(): Promise<void>;
  /** The postmaster's process id of the primary or the standby (its postmaster.pid). */
  postmasterPid(which: 'primary' | 'standby'): number;
  stopStandby(mode: 'fast' | 'immediate'): Promise<void>;
  /** Stops both servers at once (-m immediate) and removes the directory; synchronous, so that it
   *  can run from a process's 'exit' handler too. Safe to call twice. */
  close(): void;
  /** The same, letting the event loop run meanwhile (a signal's handler: tsx waits for the process
   *  to answer a relayed signal and kills it when it does not). */
  closeAsync(): Promise<void>;
}

/** Starts the primary (wal_level replica, a replication line in pg_hba.conf, fsync off: a cluster
 *  thrown away at the end); `conf` is appended to both servers' postgresql.conf. */
export async function startPrimary(options: { conf?: string } = {}): Promise<ReplicaCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'joldanym-replica-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  /** The servers started and not yet stopped by close(): an 'exit' during closeAsync() stops the rest. */
  const started: string[] = [];
  const stopArgs = (data: string) => asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  const stopped = (data: string) => started.splice(started.indexOf(data), 1);
  const close = () => {
    for (const data of [...started].reverse()) {
      try {
        execFileSync(...stopArgs(data), { cwd: dir, stdio: 'ignore' });
      } catch {
        // stopped already
      }
      stopped(data);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const closeAsync = async () => {
    for (const data of [...started].reverse()) {
      await execFileAsync(...stopArgs(data), { cwd: dir }).catch(() => {}); // stopped already
      stopped(data);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [primaryPort, standbyPort] = [await freePort(), await freePort()];
    const primaryData = join(dir, 'primary');
    const standbyData = join(dir, 'standby');
    await pgRun('initdb', ['-D', primaryData, '-U', 'postgres', '-A', 'trust', '--no-sync'], dir);
    // the replication settings are the defaults, said out loud
    appendFileSync(
      join(primaryData, 'postgresql.conf'),
      `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\n${options.conf ?? ''}\n`,
    );
    appendFileSync(join(primaryData, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    started.push(primaryData);
    await pgRun('pg_ctl', ['-D', primaryData, '-l', join(dir, 'primary.log'), '-w', 'start'], dir);
    return {
      dir,
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
      standbyUrl: `postgres://postgres@127.0.0.1:${standbyPort}/postgres`,
      primaryData,
      standbyData,
      async makeStandby() {
        await pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyData, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'], dir);
        appendFileSync(join(standbyData, 'postgresql.conf'), `\nport = ${standbyPort}\nhot_standby = on\n`);
        started.push(standbyData);
        await pgRun('pg_ctl', ['-D', standbyData, '-l', join(dir, 'standby.log'), '-w', 'start'], dir);
      },
      postmasterPid: (which) => Number(readFileSync(join(which === 'primary' ? primaryData : standbyData, 'postmaster.pid'), 'utf8').split('\n')[0]),
      stopStandby: (mode) => pgRun('pg_ctl', ['-D', standbyData, '-m', mode, 'stop'], dir),
      close,
      closeAsync,
    };
  } catch (e) {
    close();
    throw e;
  }
}
