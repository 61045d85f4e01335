// The card's own small dialogs: confirming a one-step action, and returning a draft for rework.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';

/** A one-step action besides the decisions (recording the applicant's fix, cancelling a move-out):
 *  what it does said first, then confirmed. */
export function ConfirmAction({ title, text, run, onClose, onDone }: { title: string; text: string; run(): Promise<unknown>; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
      setBusy(false);
    }
  };
  return (
    <Dialog onClose={onClose} title={title} centered>
      <Stack data-testid="confirm-action">
        <Text size="sm">{text}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={confirm} loading={busy} data-testid="confirm-submit" data-autofocus>
            {t('actions.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** Returning an executor's draft for rework: the head or the control department says what to fix;
 *  its author may take it back without a remark. */
export function ReturnDraft({ appealId, draftId, own, onClose, onDone }: { appealId: string; draftId: string; own: boolean; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [remark, setRemark] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/appeals/{id}/drafts/{draftId}/return', { params: { path: { id: appealId, draftId } }, body: remark.trim() ? { remark: remark.trim() } : {} }));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
      setBusy(false);
    }
  };
  return (
    <Dialog onClose={onClose} title={own ? t('draft.takeBack') : t('draft.return')} centered>
      <form onSubmit={submit} noValidate data-testid="return-draft-form">
        <Stack>
          <Textarea label={t('draft.remark')} required={!own} autosize minRows={3} value={remark} onChange={(e) => setRemark(e.currentTarget.value)} data-autofocus />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!own && !remark.trim()} data-testid="return-draft-submit">
              {own ? t('draft.takeBack') : t('draft.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
