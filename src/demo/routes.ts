// Demo mode only: the sign-in screen lists every demo user with their roles (issue 10 item 15), from
// the users the seed made — so a demo user added later is listed without touching the screen.
// Public and rate-limited; logins and roles only (the password of them all is "demo"); 404 outside
// demo mode.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { typed } from '../http/typebox.ts';
import { notFound } from '../errors.ts';
import { demoUsers } from './store.ts';

const demoUsersReply = Type.Object({ items: Type.Array(Type.Object({ login: Type.String(), roles: Type.Array(Type.String()) })) });

export async function demoRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  typed(server).get(
    '/demo/users',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['access'], security: [], summary: 'Demo mode: the demo users to sign in as (password "demo") with their roles', response: { 200: demoUsersReply } },
    },
    async () => {
      if (!ctx.config.demo) throw notFound();
      return { items: await demoUsers(ctx.db) };
    },
  );
}
