// Territory and subordination (rules p.26): a user acts for their organization and those below it.
// Always a SQL predicate over the closure table, never a loop over rows.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from './actor.ts';
import type { Db } from '../db/connection.ts';
import { scopeRoot } from '../domain/scope.ts';

/** `column IN (my organization and every organization below it)`; true for an administrator. */
export function inScope(actor: Actor, column: Expression<number> | string): RawBuilder<SqlBool> {
  if (actor.roles.includes('admin')) return sql<SqlBool>`true`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${actor.scopeOrganizationId})`;
}

export async function canActFor(db: Db, actor: Actor, organizationId: number): Promise<boolean> {
  if (actor.roles.includes('admin')) return true;
  const row = await db.selectFrom('organization_closure').select('depth').where('ancestor_id', '=', actor.scopeOrganizationId).where('descendant_id', '=', organizationId).executeTakeFirst();
  return row !== undefined;
}

/** Where a user's organization sits: its ancestors nearest first, for the scope rule. */
export async function scopeOrganizationOf(db: Db, organizationId: number): Promise<number> {
  const ancestors = await db
    .selectFrom('organization_closure as c')
    .innerJoin('organizations as o', 'o.id', 'c.ancestor_id')
    .select(['o.id', 'o.kind'])
    .where('c.descendant_id', '=', organizationId)
    .orderBy('c.depth')
    .execute();
  return scopeRoot(ancestors);
}
