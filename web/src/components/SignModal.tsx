// Signing a document with the user's key: the document previewed first (its PDF); a PKCS#12 file
// and its password (in demo mode the user's demo key can be fetched instead). The server signs
// with it (CMS, detached) and checks the certificate is the signer's own. Letters and formed 1-ТӨ
// reports are signed this way.
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { api, ApiError, fetchBytes, toBase64, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

export interface LetterRef {
  id: string;
  number: string;
}

export interface SignDocument {
  title: string;
  /** The PDF shown before signing. */
  previewUrl: string;
  previewTitle: string;
  previewTestId?: string;
  /** Sends the key to the server, which signs. */
  sign(key: { pkcs12: string; password: string }): Promise<unknown>;
}

export function SignDocumentModal({ document: doc, onClose, onSigned }: { document: SignDocument; onClose(): void; onSigned(): void }) {
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
      await doc.sign({ pkcs12, password });
      onSigned();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened onClose={onClose} title={doc.title} size="xl" centered>
      <form onSubmit={sign} noValidate data-testid="sign-form">
        <Stack>
          <iframe src={doc.previewUrl} title={doc.previewTitle} className="pdf-frame" style={{ height: '55vh' }} data-testid={doc.previewTestId ?? 'sign-preview'} />
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

/** A cover letter of an appeal. */
export function SignModal({ appealId, letter, onClose, onSigned }: { appealId: string; letter: LetterRef; onClose(): void; onSigned(): void }) {
  const { t } = useI18n();
  return (
    <SignDocumentModal
      document={{
        title: t('sign.title', { number: letter.number }),
        previewUrl: `/api/v1/appeals/${appealId}/letters/${letter.id}.pdf`,
        previewTitle: `${t('letters.preview')}: ${letter.number}`,
        previewTestId: 'letter-preview',
        sign: (body) => unwrap(api.POST('/api/v1/appeals/{id}/letters/{letterId}/sign', { params: { path: { id: appealId, letterId: letter.id } }, body })),
      }}
      onClose={onClose}
      onSigned={onSigned}
    />
  );
}
