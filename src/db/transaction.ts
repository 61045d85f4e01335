// Steps that may run inside a use case's transaction or on their own.
import { sql } from 'kysely';
import type { Db } from './connection.ts';

/** `fn` in the open transaction `trx` under a savepoint: should it fail, the transaction is rolled
 *  back to where it was and stays usable, so the caller can take its way out (PostgreSQL refuses
 *  every further statement of a transaction whose statement failed). Nests: PostgreSQL rolls back
 *  to and releases the latest savepoint of the name. */
export async function underSavepoint<T>(trx: Db, fn: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT joldanym_step`.execute(trx);
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    await sql`ROLLBACK TO SAVEPOINT joldanym_step`.execute(trx);
    await sql`RELEASE SAVEPOINT joldanym_step`.execute(trx);
    throw e;
  }
  await sql`RELEASE SAVEPOINT joldanym_step`.execute(trx);
  return result;
}

/** `fn` in a transaction: the one `db` is already, or a new one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Settings a statement may be run under (withSettings), from the code only. */
type Setting = 'work_mem' | 'enable_sort';

/** `fn` under PostgreSQL settings of its own — SET LOCAL in a transaction (the open one or a new
 *  one), back to their defaults after it — for statements the planner or the executor must be told
 *  something about (src/queues/store.ts, a search by words). */
export function withSettings<T>(db: Db, settings: Partial<Record<Setting, string>>, fn: (trx: Db) => Promise<T>): Promise<T> {
  const names = Object.keys(settings) as Setting[];
  return inTransaction(db, async (trx) => {
    for (const name of names) await sql.raw(`SET LOCAL ${name} = '${settings[name]}'`).execute(trx);
    const result = await fn(trx);
    for (const name of names) await sql.raw(`SET LOCAL ${name} = DEFAULT`).execute(trx);
    return result;
  });
}
