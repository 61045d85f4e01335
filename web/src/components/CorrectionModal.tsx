// A petition to correct an appeal's accounting card (rules p.27–p.28): fields to change with their
// new values, or a card to delete; the reason and the supporting documents. Who decides follows
// from the fields (the due date, the answer's date and the extension card: the statistics
// authority; the rest: the organization) — shown here, decided by the server.
import { useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { api, ApiError, toBase64, unwrap, type paths } from '../api/client.ts';
import { useQuery } from '@tanstack/react-query';
import { appealQueries, referenceQueries } from '../api/queries.ts';
import { useDirectory, type DirectoryName } from '../api/directories.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';

export type Field = paths['/api/v1/corrections/fields']['get']['responses']['200']['content']['application/json']['items'][number];

/** The directory a coded field's codes are labelled from: its own, or — a ТЖ-1 enum such as the form
 *  or the channel — the directory of its name; a decision's vocabulary shows its codes. */
const directoryOf = (field: Field) => (field.directory ?? (field.card === 'tzh1' ? field.name : undefined)) as DirectoryName | undefined;

/** A coded field's choices, labelled from its directory. */
function CodeSelect({ field, id, label, value, onChange, error }: { field: Field; id: string; label: string; value: unknown; onChange(v: unknown): void; error?: string }) {
  const directory = useDirectory(directoryOf(field));
  const options = field.values ? field.values.map((v) => ({ value: v, label: directory.label(v) })) : directory.options;
  return <NativeSelect id={id} label={label} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} data={[{ value: '', label: '—' }, ...options]} error={error} required />;
}

/** A field's value as the card shows it. */
export function FieldValue({ field, value }: { field: Field; value: unknown }) {
  const { t, date, dateTime } = useI18n();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (field.type === 'enum' || field.type === 'directory') return <CodeLabel field={field} code={String(value)} />;
  if (field.type === 'date') return <>{date(String(value))}</>;
  if (field.type === 'dateTime') return <>{dateTime(String(value))}</>;
  if (field.type === 'boolean') return <>{value ? t('yes') : t('no')}</>;
  return <>{String(value)}</>;
}

function CodeLabel({ field, code }: { field: Field; code: string }) {
  const directory = useDirectory(directoryOf(field));
  return <>{directory.label(code)}</>;
}

/** The input for a field's new value, by its type. */
function ValueInput({ field, value, onChange, error }: { field: Field; value: unknown; onChange(v: unknown): void; error?: string }) {
  const { t } = useI18n();
  const label = t('acc.corrections.newValue', { field: field.label });
  const id = `corr-${field.name}`;
  switch (field.type) {
    case 'date':
      return <TextInput id={id} label={label} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} error={error} required />;
    case 'dateTime':
      return <TextInput id={id} label={label} type="datetime-local" value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} error={error} required />;
    case 'boolean':
      return <Checkbox id={id} label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} error={error} />;
    case 'enum':
    case 'directory':
      return <CodeSelect field={field} id={id} label={label} value={value} onChange={onChange} error={error} />;
    default:
      return <Textarea id={id} label={label} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={2} error={error} required />;
  }
}

export function CorrectionModal({ appealId, current, onClose, onFiled }: { appealId: string; current: Record<string, unknown>; onClose(): void; onFiled(): void }) {
  const { t, lang } = useI18n();
  const fields = useQuery(referenceQueries.correctionFields(lang));
  const decisions = useQuery(appealQueries.decisions(appealId, lang));
  const [action, setAction] = useState<'change' | 'delete'>('change');
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [record, setRecord] = useState<string>('tzh1');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // The card the petition is about: ТЖ-1 (the appeal), one of its АИ-1 cards, one of its ТЖ-2 cards.
  const applicants = (current.applicants ?? []) as { id: string; kind: string; lastName?: string | null; firstName?: string | null; legalName?: string | null }[];
  const decisionCards = (decisions.data?.items ?? []).filter((d) => !d.cancelledAt && !d.deleted);
  const [kind, recordId] = (record === 'tzh1' ? ['tzh1', appealId] : record.split(':')) as ['tzh1' | 'ai1' | 'tzh2', string];
  const applicant = applicants.find((c) => c.id === recordId);
  const recordCode = decisionCards.find((d) => d.id === recordId)?.code;
  const catalogue = (fields.data?.items ?? []).filter(
    (f) => f.card === kind && (kind !== 'ai1' || (f.applicantKinds ?? []).includes(applicant?.kind ?? '')) && (kind !== 'tzh2' || (f.decisions ?? []).includes(recordCode ?? '')),
  );
  const chosen = catalogue.filter((f) => f.name in values);
  const byAuthority = chosen.some((f) => f.authorityOnly) || recordCode === '4.14' || (action === 'delete' && kind === 'tzh1');
  /** The value the card holds now, where the appeal's and the decision's answers keep it. */
  const now = (f: Field): unknown => {
    const key = f.name.slice(f.name.indexOf('.') + 1);
    if (kind === 'ai1') {
      const card = applicant as (Record<string, unknown> & { address?: Record<string, unknown> }) | undefined;
      return /^address[A-Z]/.test(key) ? card?.address?.[key[7]!.toLowerCase() + key.slice(8)] : card?.[key];
    }
    if (kind === 'tzh2') {
      const data = decisionCards.find((d) => d.id === recordId)?.data as Record<string, unknown> | undefined;
      return data?.[key === 'extensionReason' ? 'reason' : key];
    }
    const complained = current.complained as Record<string, unknown> | null | undefined;
    const inComplained: Record<string, string> = { complainedOrganizationName: 'organizationName', complainedOfficial: 'official', complainedAct: 'act' };
    return key in inComplained ? complained?.[inComplained[key]!] : current[f.name];
  };
  const chooseRecord = (v: string) => {
    setRecord(v);
    setValues({});
  };
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path)?.message;

  const toggle = (name: string, on: boolean) => {
    const next = { ...values };
    if (on) next[name] = catalogue.find((f) => f.name === name)?.type === 'boolean' ? false : '';
    else delete next[name];
    setValues(next);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const changes = Object.fromEntries(
        chosen.map((f) => {
          const v = values[f.name];
          return [f.name, f.type === 'dateTime' && typeof v === 'string' && v ? new Date(v).toISOString() : v];
        }),
      );
      const attachments = await Promise.all(files.map(async (f) => ({ name: f.name, mediaType: f.type || 'application/octet-stream', content: toBase64(await f.arrayBuffer()) })));
      await unwrap(
        api.POST('/api/v1/corrections', {
          body: {
            appealId,
            action,
            ...(chosen.length ? { changes } : {}),
            ...(action === 'delete' || kind !== 'tzh1' ? { record: { kind, id: recordId } } : {}),
            reason,
            attachments,
          },
        }),
      );
      onFiled();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };

  const shown = new Set(['/changes', '/reason', '/attachments', '/record/id', ...chosen.map((f) => `/changes/${f.name}`)]);
  const otherErrors = error?.fields.filter((f) => !shown.has(f.path) && !f.path.startsWith('/attachments/')) ?? [];

  return (
    <Dialog onClose={onClose} title={t('acc.corrections.fileTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="correction-form">
        <Stack>
          <SegmentedControl
            value={action}
            onChange={(v) => {
              setAction(v as 'change' | 'delete');
              if (v === 'delete' && record.startsWith('ai1:')) chooseRecord('tzh1');
            }}
            data={[
              { value: 'change', label: t('acc.corrections.change') },
              { value: 'delete', label: t('acc.corrections.delete') },
            ]}
            aria-label={t('acc.corrections.action')}
          />
          <NativeSelect
            label={t('acc.corrections.record')}
            value={record}
            onChange={(e) => chooseRecord(e.currentTarget.value)}
            data={[
              { value: 'tzh1', label: t('acc.corrections.wholeCard') },
              // an АИ-1 card is changed, never deleted on its own (p.27: with its ТЖ-1)
              ...(action === 'change' ? applicants.map((c, i) => ({ value: `ai1:${c.id}`, label: `АИ-1 ${i + 1} · ${c.legalName ?? [c.lastName, c.firstName].filter(Boolean).join(' ')}` })) : []),
              ...decisionCards.map((d) => ({ value: `tzh2:${d.id}`, label: `ТЖ-2 ${d.code} · ${d.label ?? ''}` })),
            ]}
            error={fieldError('/record/id')}
          />
          {fields.error && (
            <Alert color="red" role="alert">
              {fields.error.message}
            </Alert>
          )}
          <fieldset className="plain-fieldset">
            <legend>{action === 'change' ? t('acc.corrections.fields') : t('acc.corrections.fieldsOptional')}</legend>
            <Stack gap={6}>
              {catalogue.map((f) => (
                <Checkbox
                  key={f.name}
                  label={`${f.label}${f.authorityOnly ? ` (${t('acc.corrections.authorityOnly')})` : ''}`}
                  description={
                    <>
                      {t('acc.corrections.now')}: <FieldValue field={f} value={now(f)} />
                    </>
                  }
                  checked={f.name in values}
                  onChange={(e) => toggle(f.name, e.currentTarget.checked)}
                  data-testid={`correct-${f.name}`}
                />
              ))}
            </Stack>
          </fieldset>
          {chosen.map((f) => (
            <ValueInput key={f.name} field={f} value={values[f.name]} onChange={(v) => setValues({ ...values, [f.name]: v })} error={fieldError(`/changes/${f.name}`)} />
          ))}
          {fieldError('/changes') && (
            <Text c="red.9" size="sm">
              {fieldError('/changes')}
            </Text>
          )}
          <Textarea id="corr-reason" label={t('acc.corrections.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required error={fieldError('/reason')} />
          <FileInput
            label={t('acc.corrections.documents')}
            description={t('acc.corrections.documentsHint')}
            multiple
            clearable
            clearButtonProps={{ 'aria-label': t('acc.corrections.clearDocuments') }}
            value={files}
            onChange={setFiles}
            required
            error={fieldError('/attachments') ?? error?.fields.find((f) => f.path.startsWith('/attachments/'))?.message}
            data-testid="correction-documents"
          />
          <Text size="sm" data-testid="correction-decider">
            {byAuthority ? t('acc.corrections.decidedByAuthority') : t('acc.corrections.decidedByOrganization')}
          </Text>
          {error && (error.fields.length === 0 || otherErrors.length > 0) && (
            <Alert color="red" role="alert">
              {otherErrors.length ? otherErrors.map((f) => f.message).join('; ') : error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!reason.trim() || files.length === 0 || (action === 'change' && chosen.length === 0)} data-testid="correction-submit">
              {t('acc.corrections.file')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
