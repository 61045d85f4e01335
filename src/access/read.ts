// What the access routes show: the signed-in user with their organization, the users in scope.
import type { Context } from '../context.ts';
import type { Actor } from './actor.ts';
import { notFound } from '../errors.ts';
import { organizationOfUser, usersInScope } from './store.ts';

/** The signed-in user with the organization they work for. */
export async function signedInUser(ctx: Context, actor: Actor) {
  const organization = await organizationOfUser(ctx.db, actor.organizationId);
  if (!organization) throw notFound();
  return { actor, organization };
}

/** A page of the active users of the actor's organizations (demo users in demo mode only). */
export async function findUsers(ctx: Context, actor: Actor, query: { role?: string; organization?: number; limit: number; offset: number }) {
  return usersInScope(ctx.db, actor, { ...query, demo: ctx.config.demo });
}
