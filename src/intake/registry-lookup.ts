// Look-ups in the state databases of persons (IIN) and legal entities (BIN) — the АИ-1 fields of an
// applicant (src/intake/registry.ts). A registry card is personal data: name, birth date, address,
// contacts. Only the roles that register appeals may look one up (and an administrator), and every
// look-up is an audit event — who, whose identifier (masked as the logs mask it), why, and whether
// it was found — in the looker's organization. The routes limit how many a user makes a minute
// (config.registryLookupRateLimit).
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { appendEvent } from '../audit/log.ts';
import { maskIdentifiersInText, maskIin, parseBin, parseIin } from '../domain/identifiers.ts';
import type { IndividualInput, LegalEntityInput } from '../domain/registration.ts';
import { AppError, forbidden } from '../errors.ts';
import { REGISTERING_ROLES } from './register.ts';

/** Why a look-up is made, when the client does not say. */
export const DEFAULT_LOOKUP_PURPOSE = 'registration';

export const REGISTRY_LOOKUP_EVENT = 'registryLookup';

export function mayLookUpRegistry(actor: Actor): boolean {
  return hasRole(actor, ...REGISTERING_ROLES);
}

async function audit(ctx: Context, actor: Actor, registry: 'persons' | 'companies', identifier: string, purpose: string, found: boolean) {
  await appendEvent(ctx.db, {
    appealId: null,
    organizationId: actor.organizationId,
    actor,
    at: ctx.clock.now(),
    kind: REGISTRY_LOOKUP_EVENT,
    // the purpose is the client's text: an identifier typed into it is masked as well
    changes: { registry, identifier: maskIin(identifier), purpose: maskIdentifiersInText(purpose), found },
  });
}

export async function lookUpPerson(ctx: Context, actor: Actor, iin: string, purpose = DEFAULT_LOOKUP_PURPOSE): Promise<IndividualInput> {
  if (!mayLookUpRegistry(actor)) throw forbidden();
  const parsed = parseIin(iin);
  if (!parsed.ok) throw new AppError(422, 'validation', [{ path: '/iin', code: `iin.${parsed.reason}` }]);
  const person = await ctx.registry.person(parsed.iin);
  await audit(ctx, actor, 'persons', parsed.iin, purpose, person !== null);
  if (!person) throw new AppError(404, 'registry.personNotFound');
  return person;
}

export async function lookUpCompany(ctx: Context, actor: Actor, bin: string, purpose = DEFAULT_LOOKUP_PURPOSE): Promise<LegalEntityInput> {
  if (!mayLookUpRegistry(actor)) throw forbidden();
  const parsed = parseBin(bin);
  if (!parsed.ok) throw new AppError(422, 'validation', [{ path: '/bin', code: `bin.${parsed.reason}` }]);
  const company = await ctx.registry.company(parsed.bin);
  await audit(ctx, actor, 'companies', parsed.bin, purpose, company !== null);
  if (!company) throw new AppError(404, 'registry.companyNotFound');
  return company;
}
