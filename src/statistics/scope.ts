// Whose cards a user's 1-ТӨ counts and which rows it shows (rules p.26: by territory and
// departmental subordination).
//
// - An administrator counts every organization of the instance.
// - A user of the statistics authority (role statistician): the committee (kind statsAuthority)
//   counts the whole country; a territorial department (statsDepartment) counts its territory —
//   every organization located in its oblast or city (the first two digits of the KATO code of the
//   organization or of an ancestor), whatever body it belongs to, so the territorial units of
//   central bodies are counted where they are — and the organizations below its own.
//   (src/domain/form1.ts: statisticsTerritory.)
// - A head or a control department: the organizations below their own (src/domain/scope.ts).
// Everyone else (registrar, executor, …) has no access to the report.
// Rows: the report rows 2–68 with the total in row 1, or any organization's own subtree on demand
// (its own cards, then each child with everything below it); cells only ever sum counted organizations.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { forbidden } from '../errors.ts';
import type { Db } from '../db/connection.ts';
import { statisticsTerritory } from '../domain/form1.ts';
import { actsForStatisticsAuthority } from '../domain/scope.ts';
import { canonicalJson } from './cards.ts';

export type CountedOrganizations = { all: true } | { subtrees: number[]; katoPrefixes: string[] };

export type ReportRows = { kind: 'reportRows' } | { kind: 'subtree'; organizationId: number };

export interface ReportScope {
  counted: CountedOrganizations;
  rows: ReportRows;
}

export const INSTANCE_SCOPE: ReportScope = { counted: { all: true }, rows: { kind: 'reportRows' } };

export function scopeKey(scope: ReportScope): string {
  return canonicalJson(scope);
}

const REPORT_ROLES = ['statistician', 'head', 'controller'] as const;

/** What the actor's reports count; 403 for roles without access to the statistics. */
export async function countedFor(db: Db, actor: Actor): Promise<CountedOrganizations> {
  if (actor.roles.includes('admin')) return { all: true };
  if (!actor.roles.some((r) => (REPORT_ROLES as readonly string[]).includes(r))) throw forbidden();
  const org = await db.selectFrom('organizations').select(['kind', 'kato']).where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
  if (actsForStatisticsAuthority(actor.roles, org.kind)) {
    const territory = statisticsTerritory(org);
    if (territory && 'all' in territory) return { all: true };
    return { subtrees: [actor.scopeOrganizationId], katoPrefixes: territory ? [territory.katoPrefix] : [] };
  }
  // a statistician outside the authority has no statistician's access (src/domain/scope.ts)
  if (!actor.roles.some((r) => r === 'head' || r === 'controller')) throw forbidden();
  return { subtrees: [actor.scopeOrganizationId], katoPrefixes: [] };
}

/** A statistician at the committee or one of its territorial departments (src/domain/scope.ts). */
async function isStatisticsAuthority(db: Db, actor: Actor): Promise<boolean> {
  if (!actor.roles.includes('statistician')) return false;
  const org = await db.selectFrom('organizations').select('kind').where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
  return actsForStatisticsAuthority(actor.roles, org.kind);
}

// Who acts as the statistics authority — decides its corrections (p.27), files its reports to an
// organization, confirms its side of a reconciliation (p.34), signs a formed 1-ТӨ, decides access
// requests (p.25), sees the petitions, outages and exports of the organizations it counts: a
// statistician of the authority (the role alone is not enough), and an administrator. The
// administrator already counts every organization of the instance, forms the reports and manages
// users and keys: the authority everywhere, so there is one answer; each act is audited under their
// name, and a signature still names its signer's certificate. Every such decision asks these two
// functions, never the role alone.

/** Whether the actor acts as the statistics authority. */
export async function actsAsAuthority(db: Db, actor: Actor): Promise<boolean> {
  return actor.roles.includes('admin') || (await isStatisticsAuthority(db, actor));
}

/** The organizations the actor counts as the statistics authority, or null: not the authority. */
export async function authorityScope(db: Db, actor: Actor): Promise<CountedOrganizations | null> {
  return (await actsAsAuthority(db, actor)) ? countedFor(db, actor) : null;
}

/** `column` is the id of a counted organization. */
export function countedPredicate(counted: CountedOrganizations, column: RawBuilder<unknown>): RawBuilder<SqlBool> {
  if ('all' in counted) return sql<SqlBool>`true`;
  const patterns = counted.katoPrefixes.map((p) => `${p}%`);
  return sql<SqlBool>`(${column} IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ANY(${counted.subtrees}::integer[]))
    OR ${column} IN (SELECT c.descendant_id FROM organization_closure c JOIN organizations o ON o.id = c.ancestor_id
                     WHERE o.kato LIKE ANY(${patterns}::text[])))`;
}

/** Whether any organization of the subtree of `organizationId` is counted. */
export async function countsAnyOf(db: Db, counted: CountedOrganizations, organizationId: number): Promise<boolean> {
  if ('all' in counted) return true;
  const r = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM organization_closure c WHERE c.ancestor_id = ${organizationId}::integer
                   AND ${countedPredicate(counted, sql.ref('c.descendant_id'))}) AS ok`.execute(db);
  return r.rows[0]?.ok === true;
}

/** The scope of a report the actor asks for. */
export async function reportScopeFor(db: Db, actor: Actor, organizationId?: number): Promise<ReportScope> {
  const counted = await countedFor(db, actor);
  if (organizationId !== undefined) {
    if (!(await countsAnyOf(db, counted, organizationId))) throw forbidden();
    return { counted, rows: { kind: 'subtree', organizationId } };
  }
  // The statistics authority sees the report rows; heads and control departments their own subtree.
  if ('all' in counted || (await actsAsAuthority(db, actor))) return { counted, rows: { kind: 'reportRows' } };
  return { counted, rows: { kind: 'subtree', organizationId: actor.scopeOrganizationId } };
}
