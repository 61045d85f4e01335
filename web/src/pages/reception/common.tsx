// What the reception forms share: a submit that keeps the server's error (its field messages under
// the fields, the rest in an alert) and marks the reception's data stale when it succeeds.
import { useState } from 'react';
import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { receptionChanged } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function useSubmit() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      await receptionChanged(qc);
      return result;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /** The message of a field's error ('/place', '/instruction/dueDate'…). */
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path)?.message;
  return { run, busy, error, fieldError };
}

/** The error of a form, with its fields' messages (the fields show theirs too). */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid="form-error">
      {[error.message, ...error.fields.map((f) => f.message)].join('. ')}
    </Alert>
  );
}
