// Checks of a body by the control department: on-site checks of how instructions on complex mass
// issues are executed (CD-32: date, place, participants, findings, linked instructions, follow-up)
// and checks of record-keeping on appeals (CD-37). Planned first, then held with the findings.
import { randomUUID } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { StringEnum } from '../http/typebox.ts';
import { below } from './store.ts';

export const checkBody = Type.Object(
  {
    kind: StringEnum(['onSite', 'recordKeeping'] as const),
    organizationId: Type.Integer({ minimum: 1 }),
    plannedOn: Type.String({ format: 'date' }),
    place: Type.String({ minLength: 1, maxLength: 1000 }),
    participants: Type.String({ minLength: 1, maxLength: 4000 }),
    instructionIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export const findingsBody = Type.Object({ findings: Type.String({ minLength: 1, maxLength: 20000 }), followUp: Type.Optional(Type.String({ maxLength: 20000 })) }, { additionalProperties: false });

function controllerOnly(actor: Actor): void {
  if (!hasRole(actor, 'controller')) throw forbidden();
}

export async function planCheck(ctx: Context, actor: Actor, input: Static<typeof checkBody>) {
  controllerOnly(actor);
  if (!(await canActFor(ctx.db, actor, input.organizationId))) throw invalid([{ path: '/organizationId', code: 'instruction.executorOutOfScope' }]);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('control_checks')
      .values({
        id,
        kind: input.kind,
        organization_id: input.organizationId,
        planned_on: input.plannedOn,
        place: input.place,
        participants: input.participants,
        instruction_ids: JSON.stringify(input.instructionIds ?? []),
        findings: null,
        follow_up: null,
        held_on: null,
        created_by_name: actor.fullName,
        created_at: now,
      })
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: input.organizationId, actor, at: now, kind: 'controlCheckPlanned', changes: { checkId: id, kind: input.kind, plannedOn: input.plannedOn } });
  });
  return { id };
}

/** The findings of a held check (once), with its follow-up. */
export async function recordFindings(ctx: Context, actor: Actor, id: string, input: Static<typeof findingsBody>) {
  controllerOnly(actor);
  const check = await ctx.db.selectFrom('control_checks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!check) throw notFound();
  if (!(await canActFor(ctx.db, actor, check.organization_id))) throw forbidden();
  if (check.held_on !== null) throw new AppError(409, 'check.heldAlready');
  const now = ctx.clock.now();
  const heldOn = todayOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('control_checks')
      .set({ findings: input.findings, follow_up: input.followUp ?? null, held_on: heldOn })
      .where('id', '=', id)
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: check.organization_id, actor, at: now, kind: 'controlCheckHeld', changes: { checkId: id, heldOn } });
  });
  return { id, heldOn };
}

export async function checksBelow(ctx: Context, actor: Actor) {
  controllerOnly(actor);
  return ctx.db
    .selectFrom('control_checks as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.kind', 'c.organization_id', 'o.name_kk', 'o.name_ru', 'o.name_en', 'o.code', 'c.planned_on', 'c.place', 'c.participants', 'c.instruction_ids', 'c.findings', 'c.follow_up', 'c.held_on'])
    .where(below(actor.scopeOrganizationId, 'c.organization_id'))
    .orderBy('c.planned_on', 'desc')
    .limit(500)
    .execute();
}
