// What the reference routes show from the database: organizations, directories, and an entry
// after the administrator changed it (admin.ts).
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import type { DirectoryName } from '../domain/reference.ts';
import { directoryEntries, directoryEntryRow, organizationRow, organizations, type OrganizationFilter } from './store.ts';

/** GET /organizations: a page of the organizations the filter names, and how many there are. */
export async function findOrganizations(ctx: Context, actor: Actor, filter: OrganizationFilter) {
  return organizations(ctx.db, actor, filter);
}

/** A directory's entries: the active ones, or all. */
export async function directory(ctx: Context, name: DirectoryName, includeInactive: boolean) {
  return directoryEntries(ctx.db, name, includeInactive);
}

/** An organization, as the administrator left it. */
export async function organization(ctx: Context, id: number) {
  return organizationRow(ctx.db, id);
}

/** A directory entry, as the administrator left it. */
export async function directoryEntry(ctx: Context, name: DirectoryName, code: string) {
  return directoryEntryRow(ctx.db, name, code);
}
