// The form of one decision (card ТЖ-2), built from the catalogue's field specs the server sends
// with the allowed decisions (src/domain/decisions.ts): only that decision's fields, required ones
// marked, the vocabularies as choices, `onlyIf` and `exactlyOneOf` honoured.
import { useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { api, ApiError, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppealPicker, OrganizationPicker } from './pickers.tsx';
import type { paths } from '../api/schema';
import type { FieldSpec as DomainFieldSpec } from '../../../src/domain/decisions.ts';
import { Dialog } from './Dialog.tsx';

type Allowed = paths['/api/v1/appeals/{id}/decisions/allowed']['get']['responses']['200']['content']['application/json'];
export type AllowedDecision = Allowed['items'][number];
type Vocabularies = Allowed['vocabularies'];
/** The catalogue's field spec, as src/domain/decisions.ts declares it (the server sends these). */
export type FieldSpec = DomainFieldSpec;
type Values = Record<string, unknown>;

function initialValues(fields: readonly FieldSpec[]): Values {
  const v: Values = {};
  for (const f of fields) {
    if (f.type === 'boolean') v[f.name] = f.required ? false : undefined;
    else if (f.type === 'codes') v[f.name] = [];
    else if (f.type === 'list') v[f.name] = Array.from({ length: Math.max(1, f.minItems ?? 1) }, () => initialValues(f.fields ?? []));
    else if (f.type === 'object') v[f.name] = initialValues(f.fields ?? []);
    else v[f.name] = '';
  }
  return v;
}

function visible(f: FieldSpec, values: Values): boolean {
  if (!f.onlyIf?.field) return true;
  const other = values[f.onlyIf.field];
  if (f.onlyIf.present) return Array.isArray(other) ? other.length > 0 : other !== undefined && other !== '';
  if (f.onlyIf.equals !== undefined) return other === f.onlyIf.equals;
  return true;
}

/** The card's data: empty values left out, hidden fields left out. */
function bodyOf(fields: readonly FieldSpec[], values: Values, chosen?: string, exactlyOneOf?: readonly string[]): Values {
  const out: Values = {};
  for (const f of fields) {
    if (!visible(f, values)) continue;
    if (exactlyOneOf?.includes(f.name) && f.name !== chosen) continue;
    const v = values[f.name];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && f.type === 'codes' && !f.required)) continue;
    if (f.type === 'organizationId') out[f.name] = v ? Number(v) : undefined;
    else if (f.type === 'object') out[f.name] = bodyOf(f.fields ?? [], v as Values);
    else if (f.type === 'list') out[f.name] = (v as Values[]).map((x) => bodyOf(f.fields ?? [], x));
    else out[f.name] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** Required fields left empty, by path. */
function missing(fields: readonly FieldSpec[], values: Values, base: string, chosen?: string, exactlyOneOf?: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (!visible(f, values) || (exactlyOneOf?.includes(f.name) && f.name !== chosen)) continue;
    const v = values[f.name];
    const path = `${base}/${f.name}`;
    const isChosen = exactlyOneOf?.includes(f.name);
    if ((f.required || isChosen) && f.type !== 'boolean' && f.type !== 'object' && f.type !== 'list') {
      if (v === undefined || v === '' || v === null || (Array.isArray(v) && v.length < Math.max(1, f.minItems ?? 0))) out.push(path);
    }
    if (f.type === 'object') out.push(...missing(f.fields ?? [], v as Values, path));
    if (f.type === 'list') (v as Values[]).forEach((x, i) => out.push(...missing(f.fields ?? [], x, `${path}/${i}`)));
  }
  return out;
}

/** A draft of this decision that came back for rework: the editor starts from its data (issue 10, item 5). */
export interface ReturnedDraft {
  data: Values;
  remark: string | null;
  resolvedBy: string | null;
}

/** The form's values from a returned draft's data: only this decision's fields, the rest as new. */
function valuesFrom(fields: readonly FieldSpec[], data: Values): Values {
  const v = initialValues(fields);
  for (const f of fields) if (data[f.name] !== undefined && data[f.name] !== null) v[f.name] = data[f.name];
  return v;
}

export function DecisionModal({
  appealId,
  decision,
  vocabularies,
  returned,
  onClose,
  onSaved,
}: {
  appealId: string;
  decision: AllowedDecision;
  vocabularies: Vocabularies;
  returned?: ReturnedDraft;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, lang } = useI18n();
  const fields = decision.fields as unknown as FieldSpec[];
  const [values, setValues] = useState<Values>(() => (returned ? valuesFrom(fields, returned.data) : initialValues(fields)));
  const [chosen, setChosen] = useState<string | undefined>(decision.exactlyOneOf?.[0]);
  const [error, setError] = useState<ApiError | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const empty = missing(fields, values, '', chosen, decision.exactlyOneOf);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (empty.length > 0) {
      document.querySelector<HTMLElement>(`[data-field="${empty[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { code: decision.code, ...bodyOf(fields, values, chosen, decision.exactlyOneOf) };
      await unwrap(api.POST('/api/v1/appeals/{id}/decisions', { params: { path: { id: appealId } }, body: body as never }));
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };

  const errorAt = (path: string) => error?.fields.find((f) => f.path === path)?.message ?? (tried && empty.includes(path) ? t('required') : undefined);

  const renderField = (f: FieldSpec, vals: Values, setVal: (name: string, v: unknown) => void, base: string): React.ReactNode => {
    if (!visible(f, vals)) return null;
    const path = `${base}/${f.name}`;
    const label = f.label[lang];
    const common = { label, required: f.required, error: errorAt(path), 'data-field': path, id: `f${path.replace(/\W/g, '-')}` };
    const v = vals[f.name];
    switch (f.type) {
      case 'string':
        return <TextInput key={f.name} {...common} value={String(v ?? '')} onChange={(e) => setVal(f.name, e.currentTarget.value)} maxLength={500} />;
      case 'text':
        return <Textarea key={f.name} {...common} value={String(v ?? '')} onChange={(e) => setVal(f.name, e.currentTarget.value)} autosize minRows={3} maxRows={12} />;
      case 'date':
        return <TextInput key={f.name} {...common} type="date" value={String(v ?? '')} onChange={(e) => setVal(f.name, e.currentTarget.value)} />;
      case 'dateTime':
        return <TextInput key={f.name} {...common} type="datetime-local" value={String(v ?? '')} onChange={(e) => setVal(f.name, e.currentTarget.value)} />;
      case 'boolean':
        return <Checkbox key={f.name} id={common.id} data-field={path} label={label} checked={v === true} onChange={(e) => setVal(f.name, e.currentTarget.checked)} />;
      case 'organizationId':
        return <OrganizationPicker key={f.name} {...common} value={v ? String(v) : null} onChange={(x) => setVal(f.name, x ?? '')} />;
      case 'appealId':
        return <AppealPicker key={f.name} {...common} exclude={appealId} value={v ? String(v) : null} onChange={(x) => setVal(f.name, x ?? '')} />;
      case 'code': {
        const items = f.vocabulary ? vocabularies[f.vocabulary] : [];
        return (
          <NativeSelect
            key={f.name}
            {...common}
            value={String(v ?? '')}
            onChange={(e) => setVal(f.name, e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...items.map((i) => ({ value: i.code, label: i.label }))]}
          />
        );
      }
      case 'codes': {
        const items = f.vocabulary ? vocabularies[f.vocabulary] : [];
        return (
          <Checkbox.Group key={f.name} label={label} required={f.required} error={errorAt(path)} value={(v as string[]) ?? []} onChange={(x) => setVal(f.name, x)}>
            <Stack gap={6} mt="xs" data-field={path} tabIndex={-1}>
              {items.map((i) => (
                <Checkbox key={i.code} value={i.code} label={i.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      }
      case 'object': {
        const obj = (v as Values) ?? {};
        return (
          <Fieldset key={f.name} legend={label}>
            <Stack gap="sm">{(f.fields ?? []).map((sub) => renderField(sub, obj, (n, x) => setVal(f.name, { ...obj, [n]: x }), path))}</Stack>
          </Fieldset>
        );
      }
      case 'list': {
        const list = (v as Values[]) ?? [];
        return (
          <Fieldset key={f.name} legend={label}>
            <Stack gap="sm">
              {list.map((item, i) => (
                <Fieldset key={i} legend={t('decision.itemN', { n: i + 1 })} variant="filled">
                  <Stack gap="sm">
                    {(f.fields ?? []).map((sub) =>
                      renderField(
                        sub,
                        item,
                        (n, x) =>
                          setVal(
                            f.name,
                            list.map((it, j) => (j === i ? { ...it, [n]: x } : it)),
                          ),
                        `${path}/${i}`,
                      ),
                    )}
                    {list.length > (f.minItems ?? 1) && (
                      <Group justify="flex-end">
                        <Button
                          variant="subtle"
                          color="red.9"
                          size="xs"
                          onClick={() =>
                            setVal(
                              f.name,
                              list.filter((_, j) => j !== i),
                            )
                          }
                        >
                          {t('decision.removeItem')} ({t('decision.itemN', { n: i + 1 })})
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Fieldset>
              ))}
              <Button variant="default" size="xs" onClick={() => setVal(f.name, [...list, initialValues(f.fields ?? [])])}>
                + {t('decision.addItem')}
              </Button>
            </Stack>
          </Fieldset>
        );
      }
      default:
        return null;
    }
  };

  const setTop = (name: string, v: unknown) => setValues((x) => ({ ...x, [name]: v }));
  const oneOf = decision.exactlyOneOf;
  return (
    <Dialog onClose={onClose} title={`${decision.code} — ${decision.label}`} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="decision-form">
        <Stack gap="sm">
          <Text size="xs" c="gray.8">
            {t('decision.basis', { basis: decision.basis })}
          </Text>
          {returned && (
            <Alert color="yellow" c="dark" data-testid="decision-returned">
              {t('draft.returnedPrefilled', { remark: returned.remark ?? '—', name: returned.resolvedBy ?? '' })}
            </Alert>
          )}
          {decision.caveatMessage && (
            <Alert color="yellow" c="dark">
              {decision.caveatMessage}
            </Alert>
          )}
          {decision.approval && (
            <Text size="sm" data-testid="decision-approval-hint">
              {t('decision.approvalHint')}
            </Text>
          )}
          {oneOf && oneOf.length > 1 && (
            <SegmentedControl aria-label={t('decision.mode')} value={chosen} onChange={setChosen} data={oneOf.map((name) => ({ value: name, label: fields.find((f) => f.name === name)?.label[lang] ?? name }))} />
          )}
          {fields.map((f) => (oneOf?.includes(f.name) && f.name !== chosen ? null : renderField(f, values, setTop, '')))}
          {error && (
            <Alert color="red" role="alert" data-testid="decision-error">
              {error.message}
              {error.fields.length > 0 && (
                <ul>
                  {error.fields.map((x) => (
                    <li key={x.path}>{x.message}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="decision-submit">
              {decision.approval ? t('decision.submitForApproval') : t('decision.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
