// Errors a use case raises on purpose; the HTTP layer turns them into {error: {code, message, fields}}
// with messages in the caller's language (src/http/messages.ts).
import type { FieldError } from './domain/registration.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 411 | 413 | 422 | 423 | 429;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly fields: FieldError[] = [],
    /** A parameter in the three languages ({kk, ru, en}) reads in the answer's language. */
    readonly params: Record<string, string | number | Readonly<Record<'kk' | 'ru' | 'en', string>>> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'notFound');
export const forbidden = () => new AppError(403, 'forbidden');
export const invalid = (fields: FieldError[]) => new AppError(422, 'validation', fields);
