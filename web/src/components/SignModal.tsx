// Signing a letter with the user's key: the PDF previewed first; a PKCS#12 file and its password
// (in demo mode the user's demo key can be fetched instead). The server signs with it (CMS,
// detached) and checks the certificate is the signer's own.
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { api, ApiError, fetchBytes, toBase64, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

export interface LetterRef {
  id: string;
  number: string;
}

export function SignModal({ appealId, letter, onClose, onSigned }: { appealId: string; letter: LetterRef; onClose(): void; onSigned(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [demoKey, setDemoKey] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const useDemo = async () => {
    setError(null);
    try {
      setDemoKey(toBase64(await fetchBytes('/api/v1/me/demo-key.p12')));
      setFile(null);
      setPassword('demo');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
    }
  };

  const sign = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const pkcs12 = file ? toBase64(await file.arrayBuffer()) : demoKey;
      if (!pkcs12) throw new ApiError(422, 'letter.signatureRequired', t('sign.keyFile'));
      await unwrap(
        api.POST('/api/v1/appeals/{id}/letters/{letterId}/sign', {
          params: { path: { id: appealId, letterId: letter.id } },
          body: { pkcs12, password },
        }),
      );
      onSigned();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened onClose={onClose} title={t('sign.title', { number: letter.number })} size="xl" centered>
      <form onSubmit={sign} noValidate data-testid="sign-form">
        <Stack>
          <iframe src={`/api/v1/appeals/${appealId}/letters/${letter.id}.pdf`} title={`${t('letters.preview')}: ${letter.number}`} className="pdf-frame" style={{ height: '55vh' }} data-testid="letter-preview" />
          <Group align="flex-end" grow>
            <FileInput label={t('sign.keyFile')} accept=".p12,.pfx,application/x-pkcs12" value={file} onChange={(f) => { setFile(f); setDemoKey(null); }} clearable />
            <PasswordInput label={t('sign.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
          </Group>
          <Group justify="space-between">
            {user?.demoMode ? (
              <Button variant="default" onClick={useDemo} data-testid="use-demo-key">{t('sign.useDemoKey')}</Button>
            ) : (
              <Text size="xs" c="gray.8">{t('sign.ncalayer')}</Text>
            )}
            {demoKey && <Text size="sm" c="#1d6b34" aria-live="polite">✓ {t('sign.demoKeyLoaded')}</Text>}
          </Group>
          {error && <Alert color="red" role="alert" data-testid="sign-error">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('cancel')}</Button>
            <Button type="submit" loading={busy} disabled={!file && !demoKey} data-testid="sign-submit">{t('sign.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
