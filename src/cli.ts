// joldanym CLI: serve | migrate | seed | create-admin LOGIN NAME | calendar YEAR | backup FILE | restore FILE | after-restore | numbers …
import { configFromEnv } from './config.ts';
import { openApp, prepareDatabase, createContext } from './app.ts';
import { openDatabase, isDatabaseUnavailable } from './db/connection.ts';
import { seedDemo } from './db/demo.ts';
import { DataDirIntegrityError, DataDirLockedError } from './db/datadir.ts';
import { buildServer } from './http/server.ts';
import { startAmiClient } from './cti/ami.ts';
import { handleCtiEvent } from './cti/service.ts';
import { Calendar } from './domain/calendar.ts';
import { loadLaw, reloadLaw } from './reference/law.ts';
import { startWorker } from './notifications/worker.ts';
import { recordDeemedRefusals } from './review/terms.ts';
import { startAccountingScheduler } from './statistics/scheduler.ts';
import { sweepTermNotices } from './inbox/sweep.ts';
import { transportsFromConfig } from './notifications/transports.ts';
import { AdministratorError, createAdministrator } from './access/administrators.ts';
import { numbersCommand, NumbersCommandError } from './exports/numbers-cli.ts';
import { AppError } from './errors.ts';
import { afterRestore, backupDataDir, BackupError, DEFAULT_RESTORE_SKIP, restoreDataDir, type AfterRestore } from './db/backup.ts';

const [command = 'serve', ...args] = process.argv.slice(2);
/** How soon a server sees reference edits made through another server process. */
const LAW_RELOAD_MS = 60_000;
const config = configFromEnv();

async function main(): Promise<void> {
  switch (command) {
    case 'serve': {
      const { ctx, database } = await openApp(config);
      const app = await buildServer(ctx, { logger: { level: config.logLevel } });
      // A lost database connection fails the work that used it (503, src/http/server.ts), never
      // the process: should such a failure escape unawaited, it is logged and the server goes on.
      // Any other unhandled rejection still ends the process, as by default.
      process.on('unhandledRejection', (reason) => {
        if (isDatabaseUnavailable(reason)) return app.log.warn({ err: reason }, 'database unavailable (unawaited)');
        app.log.fatal({ err: reason }, 'unhandled rejection');
        process.exit(1);
      });
      let stopWorker = async () => {};
      const stop = async () => {
        await stopWorker();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await app.listen({ port: config.port, host: config.host });
      const stopNotifications = startWorker(
        ctx,
        transportsFromConfig(config, (line) => app.log.info(line)),
        10_000,
        {
          host: new URL(config.publicUrl).hostname,
          onError: (e) => app.log.error(e, 'notifications worker'),
        },
      );
      // A missed decision term is a deemed refusal from the next day on; checked hourly (idempotent).
      // Staff notices of terms ending and overdue appeals ride the same sweep (idempotent: once a due date).
      // One after the other: run at once on a country's data, the two deadlocked, each holding an
      // appeal's row or a notice's key that the other's next statement waited for.
      // and an hour's sweep not yet done when the next is due is not started twice
      let sweeping = false;
      const sweep = async () => {
        if (sweeping) return;
        sweeping = true;
        await recordDeemedRefusals(ctx).catch((e) => app.log.error(e, 'deemed refusals'));
        await sweepTermNotices(ctx).catch((e) => app.log.error(e, 'term notices'));
        sweeping = false;
      };
      const hourly = setInterval(sweep, 3_600_000);
      hourly.unref();
      void sweep();
      // An administrator's edit of the calendar or the terms is in force at once in the process
      // that made it (src/reference/admin.ts); other server processes on the database reload it.
      const lawReload = setInterval(() => reloadLaw(ctx).catch((e) => app.log.error(e, 'reference reload')), LAW_RELOAD_MS);
      lawReload.unref();
      // accounting (src/statistics/scheduler.ts): 1-ТӨ formation on the 10th, carry-over, export pushes
      const stopAccounting = startAccountingScheduler(ctx, (e, task) => app.log.error(e, task));
      // the contact centre's calls from Asterisk (src/cti/ami.ts), when configured
      const ami = config.cti.ami && startAmiClient(config.cti.ami, (e) => handleCtiEvent(ctx, e), app.log);
      ami?.ready.catch((e) => app.log.error(e, 'AMI'));
      stopWorker = async () => {
        ami?.close();
        clearInterval(hourly);
        clearInterval(lawReload);
        stopAccounting();
        await stopNotifications();
      };
      const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
      app.log.info(`Joldanym on http://${config.host}:${config.port} (${where}${config.demo ? ', demo mode' : ''}); API docs at /api/docs`);
      return;
    }
    case 'migrate': {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      await prepareDatabase(database);
      await database.close();
      console.log('database is at the latest schema, reference data loaded');
      return;
    }
    case 'seed': {
      // Demo users and data exist only in demo mode: a production database is never seeded by mistake.
      if (!config.demo) {
        console.error('seed: demo users and data exist only in demo mode; set JOLDANYM_DEMO=true to seed this database (the default on the embedded database only)');
        process.exit(2);
      }
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      await prepareDatabase(database);
      await seedDemo(await createContext(database, config), { history: config.demoHistory ?? true });
      await database.close();
      console.log('demo users and data are in place (password "demo")');
      return;
    }
    case 'create-admin': {
      // The first administrator of a fresh installation; the password from JOLDANYM_ADMIN_PASSWORD,
      // so that it is in no shell history or process list.
      const [login, fullName] = args.filter((a) => !a.startsWith('--'));
      const i = args.indexOf('--email');
      const password = process.env.JOLDANYM_ADMIN_PASSWORD;
      if (!login || !fullName || !password) {
        console.error('usage: JOLDANYM_ADMIN_PASSWORD=… joldanym create-admin LOGIN "FULL NAME" [--email ADDRESS]');
        process.exit(2);
      }
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await prepareDatabase(database);
        const email = i === -1 ? null : (args[i + 1] ?? null);
        await createAdministrator(database.db, { login, fullName, password, email }, config.now ?? new Date());
        console.log(`administrator ${login} created; sign in and add the users from the administration screens or the API`);
      } catch (e) {
        if (!(e instanceof AdministratorError)) throw e;
        console.error(`create-admin: ${e.message}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
      return;
    }
    case 'calendar': {
      const year = Number(args[0] ?? new Date().getFullYear());
      let calendar = Calendar.shipped();
      if (args.includes('--db')) {
        const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
        calendar = (await loadLaw(database.db)).calendar;
        await database.close();
      }
      printCalendar(calendar, year);
      return;
    }
    // Backup and restore (src/db/backup.ts, docs/operations.md): the embedded database here; a
    // PostgreSQL server with pg_dump / pg_restore, then `after-restore`.
    case 'backup':
    case 'restore': {
      const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--skip');
      if (!file) throw new BackupError(`usage: joldanym ${command} FILE${command === 'restore' ? ' [--skip N]' : ''}`);
      if (config.databaseUrl) {
        throw new BackupError(
          command === 'backup'
            ? 'backs up the embedded database only; DATABASE_URL names a PostgreSQL server: use pg_dump -Fc (docs/operations.md).'
            : 'restores the embedded database only; DATABASE_URL names a PostgreSQL server: use pg_restore, then `cli after-restore` (docs/operations.md).',
        );
      }
      if (command === 'backup') {
        const bytes = await backupDataDir(config.dataDir, file);
        console.log(`backup of ${config.dataDir} written to ${file} (${bytes} bytes)`);
        return;
      }
      const database = await restoreDataDir(config.dataDir, file);
      try {
        await prepareDatabase(database);
        printAfterRestore(await afterRestore(database.db, { now: config.now ?? new Date(), timeZone: config.timeZone, skip: skipOption() }));
      } finally {
        await database.close();
      }
      console.log(`${file} restored into ${config.dataDir}`);
      return;
    }
    case 'after-restore': {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await prepareDatabase(database);
        printAfterRestore(await afterRestore(database.db, { now: config.now ?? new Date(), timeZone: config.timeZone, skip: skipOption() }));
      } finally {
        await database.close();
      }
      return;
    }
    // Registration numbers leased across instances (src/exports/numbers-cli.ts, docs/scaling.md)
    case 'numbers': {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await prepareDatabase(database);
        for (const line of await numbersCommand(await createContext(database, config), args, `operator ${process.env.USER ?? ''}`.trim())) console.log(line);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        console.error(`joldanym numbers: ${e.code} ${JSON.stringify(e.params)}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
      return;
    }
    default:
      console.error('usage: joldanym serve | migrate | seed | create-admin LOGIN NAME [--email E] | calendar YEAR [--db] | backup FILE | restore FILE [--skip N] | after-restore [--skip N] | numbers …');
      process.exit(2);
  }
}

/** `--skip N`: the registration numbers a restored copy leaves out (DEFAULT_RESTORE_SKIP). */
function skipOption(): number {
  const i = args.indexOf('--skip');
  if (i === -1) return DEFAULT_RESTORE_SKIP;
  const n = Number(args[i + 1]);
  if (args[i + 1] === undefined || !Number.isSafeInteger(n) || n < 0) throw new BackupError(`--skip needs a whole number ≥ 0, not ${args[i + 1] ?? 'nothing'}`);
  return n;
}

function printAfterRestore(done: AfterRestore): void {
  console.log(`after restore: ${done.sessionsEnded} session(s) ended; ${done.messagesFailed} message(s) being delivered at backup time marked failed, not sent again`);
  for (const s of done.numbersSkipped) console.log(`after restore: registration numbers ${s.from}–${s.to} of ${s.year} skipped (restoreNumbersSkipped in the audit log); the next is ${s.to + 1}`);
}

function printCalendar(calendar: Calendar, year: number): void {
  const days = calendar.yearDays(year);
  console.log(`${year}${calendar.isProvisional(year) ? ' (provisional: derived from the statute, not yet confirmed)' : ''}`);
  console.log(`working days: ${days.filter((d) => d.working).length}`);
  for (let month = 1; month <= 12; month++) {
    const inMonth = days.filter((d) => Number(d.date.slice(5, 7)) === month);
    const line = inMonth
      .map((d) => {
        const weekend = [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay());
        const mark = d.working ? (weekend ? '+' : ' ') : weekend ? '.' : '*';
        return `${d.date.slice(8)}${mark}`;
      })
      .join(' ');
    console.log(`${String(month).padStart(2, '0')}: ${line}`);
  }
  console.log('legend: * holiday on a weekday, + working weekend day, . weekend');
  for (const d of days) {
    const weekend = [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    if (d.working === weekend) console.log(`${d.date} ${d.working ? 'working' : 'day off'}${d.note ? ` — ${d.note}` : ''}`);
  }
}

main().catch((e) => {
  // the data directory in use by another process, or damaged: the message says what to do
  console.error(e instanceof DataDirLockedError || e instanceof DataDirIntegrityError || e instanceof BackupError || e instanceof NumbersCommandError ? `joldanym ${command}: ${e.message}` : e);
  process.exit(1);
});
