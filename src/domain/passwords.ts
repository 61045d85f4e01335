// What a new password must be (users change their own): long enough, not the login, not the old one.
// Pure; the hashing and the sign-in throttling are the access module's (src/access/auth.ts).
import type { FieldError } from './registration.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export function checkNewPassword(input: { login: string; currentPassword: string; newPassword: string }): FieldError[] {
  const { login, currentPassword, newPassword } = input;
  const errors: FieldError[] = [];
  if ([...newPassword].length < PASSWORD_MIN_LENGTH) {
    errors.push({ path: '/newPassword', code: 'password.tooShort', params: { limit: PASSWORD_MIN_LENGTH } });
  } else if (newPassword === currentPassword) {
    errors.push({ path: '/newPassword', code: 'password.unchanged' });
  } else if (newPassword.trim().toLowerCase() === login.trim().toLowerCase()) {
    errors.push({ path: '/newPassword', code: 'password.isLogin' });
  }
  return errors;
}
