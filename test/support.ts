// A fresh database per test file — embedded (PGlite, in memory) by default, or a new database on
// the PostgreSQL server named by DATABASE_URL — with the schema, reference data and demo users,
// and the real HTTP server listening on a free port.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { configFromEnv } from '../src/config.ts';
import { openEmbeddedDatabase, openServerDatabase, type Database } from '../src/db/connection.ts';
import { prepareDatabase, createContext } from '../src/app.ts';
import { seedDemo } from '../src/db/demo.ts';
import { buildServer } from '../src/http/server.ts';
import type { Context } from '../src/context.ts';
import type { Role } from '../src/domain/vocabulary.ts';
import { hashPassword } from '../src/access/auth.ts';
import { registerCertificate } from '../src/access/certificates.ts';
import { createDemoCa, issueDemoCertificate, type DemoCa } from '../src/letters/demo-pki.ts';

export const DEFAULT_NOW = '2026-03-18T10:00:00+05:00';

export interface TestApp {
  ctx: Context;
  /** Moves the server clock (the tests' time never comes from the machine). */
  setNow(iso: string): void;
  /** Adds a user with password "demo" to the organization with this code. */
  createUser(login: string, organizationCode: string, roles: Role[], fullName?: string): Promise<string>;
  /** Gives a user a demo signing key (PKCS#12, password "demo") from a CA the test trusts. */
  issueDemoKey(userId: string): Promise<void>;
  database: Database;
  /** The test database on the PostgreSQL server (DATABASE_URL runs); undefined on the embedded one. */
  databaseUrl: string | undefined;
  server: FastifyInstance;
  url: string;
  /** Signs in a demo user; returns a function that calls the API as that user. */
  as(login: string): Promise<Api>;
  close(): Promise<void>;
}

export type Api = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: T; headers: Headers; raw: Buffer }>;

export interface FreshDatabase {
  database: Database;
  /** The new database on the PostgreSQL server (DATABASE_URL runs); undefined on the embedded one. */
  databaseUrl: string | undefined;
  /** Drops the server database (the caller closes `database` first); nothing on the embedded one. */
  drop(): Promise<void>;
}

/** An empty database, not yet migrated: a new one on the server named by DATABASE_URL, else an
 *  in-memory embedded one. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { database: await openEmbeddedDatabase(), databaseUrl: undefined, drop: async () => {} };
  const name = `joldanym_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const database = await openServerDatabase(databaseUrl, 8);
  const drop = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { database, databaseUrl, drop };
}

export async function testApp(options: { now?: string; demoAppeals?: boolean } = {}): Promise<TestApp> {
  // Tests sign in again whenever a jump of the clock expires the sessions: more than 20 a minute.
  const config = { ...configFromEnv({}), now: new Date(options.now ?? DEFAULT_NOW), demo: true, loginRateLimit: 1000 };
  const { database, databaseUrl, drop: dropDatabase } = await freshDatabase();
  await prepareDatabase(database);
  const ctx = await createContext(database, config);
  let now = config.now;
  let testCa: DemoCa | undefined;
  ctx.clock = { now: () => new Date(now.getTime()) };
  await seedDemo(ctx, { appeals: options.demoAppeals ?? false });
  const server = await buildServer(ctx);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const call =
    (token?: string): Api =>
    async (method, path, body, headers = {}) => {
      const res = await fetch(url + path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'accept-language': 'en',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const raw = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, raw, body: type.includes('json') ? JSON.parse(raw.toString()) : raw };
    };

  return {
    ctx,
    setNow(iso) {
      now = new Date(iso);
    },
    async createUser(login, organizationCode, roles, fullName = login) {
      const org = await ctx.db.selectFrom('organizations').select('id').where('code', '=', organizationCode).executeTakeFirstOrThrow();
      const row = await ctx.db
        .insertInto('users')
        .values({ login, password_hash: await hashPassword('demo'), full_name: fullName, position: roles.join(', '), organization_id: org.id, roles, email: null, phone: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async issueDemoKey(userId) {
      testCa ??= await createDemoCa('Joldanym Test CA', now);
      await ctx.db
        .insertInto('trusted_certificates')
        .values({ subject: 'CN=Joldanym Test CA', pem: testCa.certificatePem, added_at: now })
        .onConflict((c) => c.doNothing())
        .execute();
      const user = await ctx.db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirstOrThrow();
      const cert = await issueDemoCertificate(testCa, { commonName: user.full_name }, 'demo', now);
      await ctx.db
        .insertInto('demo_keys')
        .values({ user_id: userId, pkcs12: Buffer.from(cert.pkcs12) })
        .execute();
      await registerCertificate(ctx.db, userId, cert.certificatePem, null, now);
    },
    database,
    databaseUrl,
    server,
    url,
    async as(login) {
      const signIn = async () => {
        const res = await call()('POST', '/api/v1/auth/login', { login, password: 'demo' });
        if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${JSON.stringify(res.body)}`);
        return call(res.body.token);
      };
      let api = await signIn();
      // Tests move the clock by days; a session expired by such a jump is renewed.
      return async (method, path, body, headers) => {
        const res = await api(method, path, body, headers);
        if (res.status !== 401 || res.body?.error?.code !== 'unauthorized') return res;
        api = await signIn();
        return api(method, path, body, headers);
      };
    },
    async close() {
      await server.close();
      await database.close();
      await dropDatabase();
    },
  };
}

/** A table-by-table row count, to prove that a refused request changed nothing. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = ['appeals', 'applicant_cards', 'duplicate_candidates', 'events', 'appeal_counters'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await database.db
      .selectFrom(t)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
