// The desk's files (issue 10 item 11): the scan of a paper appeal and its documents, each uploaded
// as soon as it is chosen (its progress shown, a refused type told at once) and taken by the
// registration that follows (attachmentIds).
import { useState } from 'react';
import { CloseButton, Fieldset, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { uploadFile } from '../../components/upload.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../../src/domain/attachments.ts';

interface Staged {
  key: number;
  name: string;
  progress: number;
  id?: string;
  error?: string;
}

let next = 0;

export function useStagedFiles() {
  const { t } = useI18n();
  const [files, setFiles] = useState<Staged[]>([]);
  const update = (key: number, change: Partial<Staged>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const add = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      const key = ++next;
      setFiles((fs) => [...fs, { key, name: file.name, progress: 0 }]);
      uploadFile('/api/v1/attachments', file, (progress) => update(key, { progress })).then(
        (u) => update(key, { id: u.id, name: u.name, progress: 1 }),
        (e: unknown) => update(key, { error: t('files.failed', { name: file.name, message: e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t('errorGeneric') }) }),
      );
    }
  };
  return {
    files,
    add,
    remove: (key: number) => setFiles((fs) => fs.filter((f) => f.key !== key)),
    clear: () => setFiles([]),
    /** the files uploaded, for attachmentIds */
    ids: files.flatMap((f) => (f.id ? [f.id] : [])),
    uploading: files.some((f) => !f.id && !f.error),
  };
}

export function DeskFiles({ staged }: { staged: ReturnType<typeof useStagedFiles> }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md">
      <Fieldset legend={t('files.desk')} variant="unstyled">
        <Stack gap="xs">
          <label htmlFor="desk-files" style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }}>
            {t('files.choose')}
          </label>
          <input
            id="desk-files"
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.odt,.xlsx"
            aria-describedby="desk-files-hint"
            data-testid="desk-files"
            onChange={(ev) => {
              staged.add(ev.currentTarget.files);
              ev.currentTarget.value = '';
            }}
          />
          <Text id="desk-files-hint" size="xs" c="gray.8">
            {t('files.hint', { mb: DEFAULT_ATTACHMENT_LIMITS.staff.maxBytes / 1024 / 1024 })}
          </Text>
          {staged.files.map((f) => (
            <Group key={f.key} gap="xs" wrap="nowrap" data-testid="desk-file" data-uploaded={f.id ? 'true' : 'false'}>
              <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} c={f.error ? 'red.8' : undefined} role={f.error ? 'alert' : undefined}>
                {f.error ?? f.name}
              </Text>
              {!f.error && <Progress value={f.progress * 100} w={120} aria-label={f.id ? t('files.uploaded', { name: f.name }) : t('files.uploading', { name: f.name })} />}
              <CloseButton size="sm" aria-label={t('files.remove', { name: f.name })} onClick={() => staged.remove(f.key)} />
            </Group>
          ))}
        </Stack>
      </Fieldset>
    </Paper>
  );
}
