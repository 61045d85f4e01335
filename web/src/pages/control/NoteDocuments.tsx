// CD-18, CD-04: the reference note on systemic problems for the akim — composed for an addressee
// and the period, read as PDF, signed only by the department's head or the substitute of the day,
// then sent. The server refuses anyone else's signature and an unsigned sending.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { controlQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { notify } from '../../components/notify.ts';

export function NoteDocuments({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const docs = useQuery(controlQueries.documents());
  const [addressee, setAddressee] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await run();
      notify(done, 'green');
      await changed.controlled(qc);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    }
  };
  const compose = (e: React.FormEvent) => {
    e.preventDefault();
    void act(() => unwrap(api.POST('/api/v1/control/documents', { body: { kind: 'systemicNote', addressee, from, to } })), t('ctl.note.composed'));
  };
  const items = docs.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="note-title">
      <Title order={2} size="h4" id="note-title" mb="sm">
        {t('ctl.note.title')}
      </Title>
      <form onSubmit={compose} noValidate>
        <Group align="flex-end">
          <TextInput label={t('ctl.note.addressee')} value={addressee} onChange={(e) => setAddressee(e.currentTarget.value)} required style={{ flex: 1 }} data-testid="note-addressee" />
          <Button type="submit" disabled={!addressee.trim()} data-testid="note-compose">
            {t('ctl.note.compose')}
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error.message}
        </Alert>
      )}
      {items.length > 0 && (
        <Table mt="sm" data-testid="note-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.note.addressee')}</Table.Th>
              <Table.Th>{t('ctl.note.period')}</Table.Th>
              <Table.Th>{t('ctl.note.state')}</Table.Th>
              <Table.Th>{t('ctl.note.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id} data-testid="note-row">
                <Table.Td>
                  <Anchor href={`/api/v1/control/documents/${d.id}/pdf`} target="_blank" rel="noopener">
                    {d.addressee}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {d.from} — {d.to}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge variant="outline" color={d.sentAt ? 'green' : d.signedAt ? 'blue' : 'gray'}>
                      {t(d.sentAt ? 'ctl.note.sent' : d.signedAt ? 'ctl.note.signed' : 'ctl.note.draft')}
                    </Badge>
                    {d.signedBy && <span>{d.signedBy}</span>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {!d.signedAt && (
                      <Button size="xs" variant="default" onClick={() => act(() => unwrap(api.POST('/api/v1/control/documents/{id}/sign', { params: { path: { id: d.id } } })), t('ctl.note.signed'))}>
                        {t('ctl.note.sign')}
                      </Button>
                    )}
                    {d.signedAt && !d.sentAt && (
                      <Button size="xs" variant="default" onClick={() => act(() => unwrap(api.POST('/api/v1/control/documents/{id}/send', { params: { path: { id: d.id } } })), t('ctl.note.sent'))}>
                        {t('ctl.note.send')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
