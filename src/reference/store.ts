// The SQL of reference data that the routes show (the administrator's writes are in admin.ts).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { foldedContains } from '../db/search.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import type { DirectoryName } from '../domain/reference.ts';

export interface OrganizationFilter {
  id?: number;
  parent?: number;
  root?: boolean;
  code?: string;
  q?: string;
  mine?: boolean;
  limit: number;
  offset: number;
}

/** Organizations by id, parent, top level, code or text, or those the actor acts for; a page of
 *  them in report-row order, and how many there are. */
export async function organizations(db: Db, actor: Actor, f: OrganizationFilter) {
  const { id, parent, root, code, q: text, mine, limit, offset } = f;
  let q = db.selectFrom('organizations');
  if (id !== undefined) q = q.where('id', '=', id);
  if (mine) q = q.where(inScope(actor, 'id'));
  if (parent !== undefined) q = q.where('parent_id', '=', parent);
  if (root) q = q.where('parent_id', 'is', null);
  if (code) q = q.where('code', '=', code);
  if (text) {
    q = q.where(foldedContains(sql`name_kk || ' ' || name_ru || ' ' || name_en || ' ' || code`, text));
  }
  const [rows, count] = await Promise.all([q.selectAll().orderBy('report_row').orderBy('id').limit(limit).offset(offset).execute(), q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { rows, total: Number(count.n) };
}

/** A directory's entries in their order: the active ones, or all. */
export async function directoryEntries(db: Db, directory: DirectoryName, includeInactive: boolean) {
  let q = db.selectFrom('directory_entries').selectAll().where('directory', '=', directory);
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy('sort_order').execute();
}

/** An organization's row. */
export async function organizationRow(db: Db, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A directory entry's row. */
export async function directoryEntryRow(db: Db, directory: DirectoryName, code: string) {
  return db.selectFrom('directory_entries').selectAll().where('directory', '=', directory).where('code', '=', code).executeTakeFirstOrThrow();
}

/** What an organization reference (present.ts organizationRef) shows of an organization. */
/** Whether an organization has this id (an administrator may name any). */
export async function organizationExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function organizationRefOf(db: Db, id: number) {
  return db.selectFrom('organizations').select(['id', 'code', 'name_kk', 'name_ru', 'name_en']).where('id', '=', id).executeTakeFirstOrThrow();
}
