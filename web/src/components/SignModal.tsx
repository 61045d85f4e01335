// Signing a document with the user's key, the document previewed first (its PDF): through NCALayer
// when it runs on this computer and the document's bytes are what is signed (it makes the detached
// CMS over those exact bytes with a key that never leaves the machine), or with a PKCS#12 file and
// its password (in demo mode the user's demo key can be fetched instead), with which the server
// signs. Either way the server verifies the signature and checks the certificate is the signer's
// own. Letters and formed 1-ТӨ reports are signed this way. A letter is first prepared for this
// signer (in their name; a draft's letter dated today: POST …/prepare), so the preview shows exactly
// the bytes that are signed; signing a draft's letter approves the draft.
import { useEffect, useState } from 'react';
import { Alert, Button, Divider, FileInput, Group, PasswordInput, Skeleton, Stack, Text } from '@mantine/core';
import { api, ApiError, fetchBytes, toBase64, unwrap } from '../api/client.ts';
import { NcaLayer, NcaLayerError } from '../api/ncalayer.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { Dialog } from './Dialog.tsx';

export interface LetterRef {
  id: string;
  number: string;
  /** A draft's letter: signing it approves the draft. */
  draft?: boolean;
}

export interface SignDocument {
  title: string;
  /** Makes the document ready for this signer before the preview; gives a version of its bytes. */
  prepare?(): Promise<string>;
  /** The PDF shown before signing. */
  previewUrl: string;
  previewTitle: string;
  previewTestId?: string;
  /** The preview's bytes are what a signature made on this computer (NCALayer) signs. */
  signsPreview?: boolean;
  submitLabel?: string;
  /** Sends the key (the server signs) or a detached CMS made by NCALayer. */
  sign(body: { pkcs12: string; password: string } | { signature: string }): Promise<unknown>;
}

export function SignDocumentModal({ document: doc, onClose, onSigned }: { document: SignDocument; onClose(): void; onSigned(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [demoKey, setDemoKey] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nca = doc.signsPreview ? user?.ncaLayerUrl : undefined;
  const [ncaLayer, setNcaLayer] = useState<NcaLayer | 'looking' | 'absent' | null>(nca ? 'looking' : null);
  // the version of the bytes prepared for this signer ('' when nothing is to prepare)
  const [version, setVersion] = useState<string | null>(doc.prepare ? null : '');
  const previewUrl = version ? `${doc.previewUrl}?v=${version}` : doc.previewUrl;

  useEffect(() => {
    if (!doc.prepare) return;
    let live = true;
    doc.prepare().then(
      (v) => live && setVersion(v),
      (e) => live && setError(e instanceof ApiError ? e.message : t('errorGeneric')),
    );
    return () => {
      live = false;
    };
    // prepared once per opened document (the wrapper makes a new object each render)
  }, [doc.previewUrl]);

  // NCALayer is offered when it answers on this computer.
  useEffect(() => {
    if (!nca) return;
    let live = true;
    let layer: NcaLayer | undefined;
    NcaLayer.connect(nca).then(
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
  }, [nca]);

  const send = async (body: { signature: string } | { pkcs12: string; password: string }) => {
    await doc.sign(body);
    onSigned();
  };

  const signWithNcaLayer = async (layer: NcaLayer) => {
    setBusy(true);
    setError(null);
    try {
      const bytes = toBase64(await fetchBytes(previewUrl));
      await send({ signature: await layer.createCAdESFromBase64(bytes) });
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
    <Dialog onClose={onClose} title={doc.title} size="xl" centered>
      <form onSubmit={sign} noValidate data-testid="sign-form">
        <Stack>
          {version !== null ? <iframe src={previewUrl} title={doc.previewTitle} className="pdf-frame" style={{ height: '55vh' }} data-testid={doc.previewTestId ?? 'sign-preview'} /> : !error && <Skeleton h="55vh" />}
          {ncaLayer !== null && (
            <Stack gap={6} data-testid="ncalayer">
              {/* one height in every state: nothing moves when NCALayer answers */}
              <Group justify="space-between" wrap="wrap" mih={36}>
                {typeof ncaLayer === 'object' ? (
                  <>
                    <Text size="sm" c="gray.8">
                      {t('sign.ncaLayerHint')}
                    </Text>
                    <Button onClick={() => signWithNcaLayer(ncaLayer)} loading={busy} disabled={version === null} data-testid="sign-ncalayer">
                      {t('sign.withNcaLayer')}
                    </Button>
                  </>
                ) : (
                  <Text size="sm" c="gray.8" aria-live="polite">
                    {t(ncaLayer === 'looking' ? 'sign.ncaLayerLooking' : 'sign.ncaLayerAbsent')}
                  </Text>
                )}
              </Group>
              <Divider label={t('sign.orKeyFile')} labelPosition="center" />
            </Stack>
          )}
          <Group align="flex-end" grow>
            <FileInput
              label={t('sign.keyFile')}
              accept=".p12,.pfx,application/x-pkcs12"
              value={file}
              onChange={(f) => {
                setFile(f);
                setDemoKey(null);
              }}
              clearable
            />
            <PasswordInput label={t('sign.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
          </Group>
          <Group justify="space-between">
            {user?.demoMode && (
              <Button variant="default" onClick={useDemo} data-testid="use-demo-key">
                {t('sign.useDemoKey')}
              </Button>
            )}
            {demoKey && (
              <Text size="sm" c="#1d6b34" aria-live="polite">
                ✓ {t('sign.demoKeyLoaded')}
              </Text>
            )}
          </Group>
          {error && (
            <Alert color="red" role="alert" data-testid="sign-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={(!file && !demoKey) || version === null} data-testid="sign-submit">
              {doc.submitLabel ?? t('sign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** A cover letter of an appeal, prepared for the signer first. */
export function SignModal({ appealId, letter, onClose, onSigned }: { appealId: string; letter: LetterRef; onClose(): void; onSigned(): void }) {
  const { t } = useI18n();
  const path = { id: appealId, letterId: letter.id };
  return (
    <SignDocumentModal
      document={{
        title: t('sign.title', { number: letter.number }),
        prepare: async () => (await unwrap(api.POST('/api/v1/appeals/{id}/letters/{letterId}/prepare', { params: { path } }))).sha256,
        previewUrl: `/api/v1/appeals/${appealId}/letters/${letter.id}.pdf`,
        previewTitle: `${t('letters.preview')}: ${letter.number}`,
        previewTestId: 'letter-preview',
        signsPreview: true,
        ...(letter.draft ? { submitLabel: t('draft.approveAndSign') } : {}),
        sign: (body) => unwrap(api.POST('/api/v1/appeals/{id}/letters/{letterId}/sign', { params: { path }, body })),
      }}
      onClose={onClose}
      onSigned={onSigned}
    />
  );
}
