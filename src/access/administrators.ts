// The first administrator of a fresh installation (no demo users outside demo mode, and nobody yet
// to approve an access request): created from the command line (`cli create-admin`), at the root of
// the organization tree, with the administrator role only. Every later user comes through the
// administrator or an access request.
import type { Db } from '../db/connection.ts';
import { checkNewPassword } from '../domain/passwords.ts';
import { appendEvent } from '../audit/log.ts';
import { hashPassword } from './auth.ts';
import { insertUser, loginTaken, rootOrganization } from './store.ts';

export class AdministratorError extends Error {}

export interface AdministratorInput {
  login: string;
  fullName: string;
  password: string;
  email: string | null;
}

/** Creates an administrator; refuses a login in use, a weak password, an empty name. */
export async function createAdministrator(db: Db, input: AdministratorInput, at: Date): Promise<{ id: string; organizationId: number }> {
  const login = input.login.trim();
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(login)) throw new AdministratorError('the login is 2–64 letters, digits, dots, dashes or underscores');
  if (!input.fullName.trim()) throw new AdministratorError('the full name is required');
  const weak = checkNewPassword({ login, currentPassword: '', newPassword: input.password });
  if (weak.length > 0) throw new AdministratorError(`the password is not accepted (${weak.map((e) => e.code).join(', ')}): at least 8 characters, not the login`);
  return db.transaction().execute(async (trx) => {
    if (await loginTaken(trx, login)) throw new AdministratorError(`the login ${login} is taken`);
    const organizationId = await rootOrganization(trx);
    const id = await insertUser(trx, {
      login,
      password_hash: await hashPassword(input.password),
      full_name: input.fullName.trim(),
      position: 'Әкімші',
      organization_id: organizationId,
      roles: ['admin'],
      email: input.email,
      phone: null,
    });
    await appendEvent(trx, { appealId: null, organizationId, actor: null, at, kind: 'administratorCreated', changes: { userId: id, login, by: 'cli create-admin' } });
    return { id, organizationId };
  });
}
