import type { Db } from '../db/connection.ts';

/** The demo users (demo mode only seeds them): login and roles, in the order they were made. */
export async function demoUsers(db: Db): Promise<{ login: string; roles: string[] }[]> {
  return db.selectFrom('users').select(['login', 'roles']).where('demo', '=', true).where('active', '=', true).orderBy('created_at').orderBy('login').execute();
}
