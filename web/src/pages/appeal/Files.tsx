// The appeal's files (issue 10 item 11): the scan taken at the desk, the applicant's files from
// the portal, documents to decisions and letters; each downloaded as a file (never shown inline),
// and a document added here by those who work on the appeal, its upload's progress shown.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { appealQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { uploadFile } from '../../components/upload.ts';
import { Section } from './parts.tsx';

const PURPOSES: Record<string, MessageKey> = { scan: 'files.scan', filing: 'files.fromApplicant', fix: 'files.fromApplicant' };

/** What a document added here documents: the appeal, or one of its decisions or letters. */
export interface FileTarget {
  value: string;
  label: string;
}

export function Files({ appealId: id, targets }: { appealId: string; targets: FileTarget[] }) {
  const { t, dateTime } = useI18n();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const files = useQuery(appealQueries.attachments(id));
  const [progress, setProgress] = useState<number | null>(null);
  const [uploading, setUploading] = useState('');
  const [target, setTarget] = useState('');
  const add = (file: File | undefined) => {
    if (!file) return;
    setProgress(0);
    setUploading(file.name);
    const [kind, of] = target.split(':');
    const query = of ? `?${kind === 'letter' ? 'letterId' : 'decisionId'}=${of}` : '';
    uploadFile(`/api/v1/appeals/${id}/attachments${query}`, file, setProgress)
      .then(
        () => {
          notify(t('files.added'), 'green');
          void changed.appeal(queryClient, id);
        },
        (e: unknown) => notify(t('files.failed', { name: file.name, message: e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t('errorGeneric') }), 'red'),
      )
      .finally(() => setProgress(null));
  };
  const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
  return (
    <Section title={t('files.title')} testid="files">
      {!files.data && <Skeleton h={40} />}
      {(files.data?.items ?? []).length === 0 && files.data && (
        <Text size="sm" c="gray.8">
          {t('files.none')}
        </Text>
      )}
      <Stack gap={6}>
        {files.data?.items?.map((f) => (
          <div key={f.id} data-testid="file" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Anchor size="sm" href={`/api/v1/appeals/${id}/attachments/${f.id}`} download={f.name} data-testid="file-download">
              {f.name}
            </Anchor>
            <Group gap={6}>
              <Text size="xs" c="gray.8">
                {size(f.size)} · {f.createdAt ? dateTime(f.createdAt) : ''}
              </Text>
              {f.purpose && PURPOSES[f.purpose] && (
                <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {t(PURPOSES[f.purpose]!)}
                </Badge>
              )}
              {(f.decisionId || f.letterId) && (
                <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {t(f.letterId ? 'files.ofLetter' : 'files.ofDecision')}
                </Badge>
              )}
            </Group>
          </div>
        ))}
      </Stack>
      {hasRole('registrar', 'operator', 'reception', 'executor', 'head') && (
        <Stack gap={4} mt="xs">
          {targets.length > 0 && <NativeSelect size="xs" label={t('files.to')} value={target} onChange={(e) => setTarget(e.currentTarget.value)} data={[{ value: '', label: t('files.toAppeal') }, ...targets]} />}
          <Button component="label" size="compact-sm" variant="default" loading={progress !== null} data-testid="file-add">
            {t('files.add')}
            <input type="file" hidden accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.odt,.xlsx" onChange={(ev) => add(ev.currentTarget.files?.[0])} />
          </Button>
          {progress !== null && <Progress value={progress * 100} aria-label={t('files.uploading', { name: uploading })} />}
        </Stack>
      )}
    </Section>
  );
}
