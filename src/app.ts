// Opens the database, brings it to the latest schema and reference data, and assembles the context.
import type { Config } from './config.ts';
import { systemClock, fixedClock, type Context } from './context.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { withReadReplica } from './db/replica.ts';
import { seedReference } from './db/reference.ts';
import { seedDemo } from './db/demo.ts';
import { loadLaw } from './reference/law.ts';
import { localRegistry } from './intake/registry.ts';

export async function openApp(config: Config): Promise<{ database: Database; ctx: Context }> {
  const primary = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const database = config.replica ? withReadReplica(primary, config.replica) : primary;
  await prepareDatabase(database, config);
  const ctx = await createContext(database, config);
  if (config.demo) await seedDemo(ctx, { history: config.demoHistory ?? true });
  return { database, ctx };
}

export async function prepareDatabase(database: Database, _config?: Config): Promise<void> {
  await migrate(database.db);
  await seedReference(database.db);
}

export async function createContext(database: Database, config: Config): Promise<Context> {
  return {
    db: database.db,
    replica: database.replica,
    clock: config.now ? fixedClock(config.now) : systemClock,
    config,
    law: await loadLaw(database.db),
    registry: localRegistry(database.db),
  };
}
