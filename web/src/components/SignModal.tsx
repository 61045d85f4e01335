// Signing a letter with the user's key, the PDF previewed first: through NCALayer when it runs on
// this computer (it makes the detached CMS over the letter's exact bytes with a key that never
// leaves the machine), or with a PKCS#12 file and its password (in demo mode the user's demo key
// can be fetched instead), with which the server signs. Either way the server verifies the
// signature and checks the certificate is the signer's own. The letter is first prepared for this
// signer (in their name; a draft's letter dated today: POST …/prepare), so the preview shows exactly
// the bytes that are signed. Signing a draft's letter approves the draft.
import { useEffect, useState } from 'react';
import { Alert, Button, Divider, FileInput, Group, Modal, PasswordInput, Skeleton, Stack, Text } from '@mantine/core';
import { api, ApiError, fetchBytes, toBase64, unwrap } from '../api/client.ts';
import { NcaLayer, NcaLayerError } from '../api/ncalayer.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

export interface LetterRef {
  id: string;
  number: string;
  /** A draft's letter: signing it approves the draft. */
  draft?: boolean;
}

export function SignModal({ appealId, letter, onClose, onSigned }: { appealId: string; letter: LetterRef; onClose(): void; onSigned(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [demoKey, setDemoKey] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ncaLayer, setNcaLayer] = useState<NcaLayer | 'looking' | 'absent' | null>(user?.ncaLayerUrl ? 'looking' : null);
  // the prepared letter's digest: the preview and the signed bytes are that version
  const [version, setVersion] = useState<string | null>(null);
  const pdfUrl = `/api/v1/appeals/${appealId}/letters/${letter.id}.pdf?v=${version ?? ''}`;

  useEffect(() => {
    let live = true;
    unwrap(api.POST('/api/v1/appeals/{id}/letters/{letterId}/prepare', { params: { path: { id: appealId, letterId: letter.id } } })).then(
      (r) => live && setVersion(r.sha256),
      (e) => live && setError(e instanceof ApiError ? e.message : t('errorGeneric')),
    );
    return () => {
      live = false;
    };
  }, [appealId, letter.id, t]);

  // NCALayer is offered when it answers on this computer.
  useEffect(() => {
    const url = user?.ncaLayerUrl;
    if (!url) return;
    let live = true;
    let layer: NcaLayer | undefined;
    NcaLayer.connect(url).then(
      (l) => {
        layer = l;
        if (live) setNcaLayer(l);
        else l.close();
      },
      () => live && setNcaLayer('absent'),
    );
    return () => {
      live = false;
      layer?.close();
    };
  }, [user?.ncaLayerUrl]);

  const send = async (body: { signature: string } | { pkcs12: string; password: string }) => {
    await unwrap(
      api.POST('/api/v1/appeals/{id}/letters/{letterId}/sign', {
        params: { path: { id: appealId, letterId: letter.id } },
        body,
      }),
    );
    onSigned();
  };

  const signWithNcaLayer = async (layer: NcaLayer) => {
    setBusy(true);
    setError(null);
    try {
      const pdf = toBase64(await fetchBytes(pdfUrl));
      await send({ signature: await layer.createCAdESFromBase64(pdf) });
    } catch (err) {
      if (err instanceof NcaLayerError) setError(err.cancelled ? t('sign.ncaLayerCancelled') : t('sign.ncaLayerFailed', { message: err.message }));
      else setError(err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

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
      await send({ pkcs12, password });
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
          {version ? (
            <iframe src={pdfUrl} title={`${t('letters.preview')}: ${letter.number}`} className="pdf-frame" style={{ height: '55vh' }} data-testid="letter-preview" />
          ) : (
            <Skeleton h="55vh" />
          )}
          {ncaLayer !== null && (
            <Stack gap={6} data-testid="ncalayer">
              {/* one height in every state: nothing moves when NCALayer answers */}
              <Group justify="space-between" wrap="wrap" mih={36}>
                {typeof ncaLayer === 'object' ? (
                  <>
                    <Text size="sm" c="gray.8">{t('sign.ncaLayerHint')}</Text>
                    <Button onClick={() => signWithNcaLayer(ncaLayer)} loading={busy} disabled={!version} data-testid="sign-ncalayer">{t('sign.withNcaLayer')}</Button>
                  </>
                ) : (
                  <Text size="sm" c="gray.8" aria-live="polite">{t(ncaLayer === 'looking' ? 'sign.ncaLayerLooking' : 'sign.ncaLayerAbsent')}</Text>
                )}
              </Group>
              <Divider label={t('sign.orKeyFile')} labelPosition="center" />
            </Stack>
          )}
          <Group align="flex-end" grow>
            <FileInput label={t('sign.keyFile')} accept=".p12,.pfx,application/x-pkcs12" value={file} onChange={(f) => { setFile(f); setDemoKey(null); }} clearable />
            <PasswordInput label={t('sign.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
          </Group>
          <Group justify="space-between">
            {user?.demoMode && <Button variant="default" onClick={useDemo} data-testid="use-demo-key">{t('sign.useDemoKey')}</Button>}
            {demoKey && <Text size="sm" c="#1d6b34" aria-live="polite">✓ {t('sign.demoKeyLoaded')}</Text>}
          </Group>
          {error && <Alert color="red" role="alert" data-testid="sign-error">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('cancel')}</Button>
            <Button type="submit" loading={busy} disabled={(!file && !demoKey) || !version} data-testid="sign-submit">
              {letter.draft ? t('draft.approveAndSign') : t('sign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
