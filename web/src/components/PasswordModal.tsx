import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Alert } from '@mantine/core';
import { api, ApiError, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { notify } from './notify.ts';

const MIN = 8;

export function PasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = next.length > 0 && [...next].length < MIN;
  const mismatch = repeat.length > 0 && repeat !== next;
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path)?.message;
  const close = () => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setError(null);
    onClose();
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (tooShort || mismatch || !current || !next) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/me/password', { body: { currentPassword: current, newPassword: next } }));
      notify(t('password.changed'), 'green');
      close();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={opened} onClose={close} title={t('changePassword')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <PasswordInput label={t('password.current')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} required autoComplete="current-password" error={fieldError('/currentPassword')} data-autofocus />
          <PasswordInput
            label={t('password.new')}
            description={t('password.minLength', { n: MIN })}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={tooShort ? t('password.minLength', { n: MIN }) : fieldError('/newPassword')}
          />
          <PasswordInput label={t('password.repeat')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} required autoComplete="new-password" error={mismatch ? t('password.mismatch') : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
