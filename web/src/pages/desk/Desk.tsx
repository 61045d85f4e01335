// The registrar's desk: one keyboard-first form for every document type, form, channel and kind of
// applicant (ТЖ-1 and АИ-1), checked as it is typed (IIN/BIN check digits with the server's own
// rules, src/domain/identifiers.ts), the IIN/BIN looked up in the registry, duplicates shown while
// typing; on save the talon opens ready to print. A collective appeal gathers individuals and legal
// entities; the special-law sub-kinds that change the term come from the server (GET /terms);
// the receipt time typed is the organization's local time.
// The parts are in this folder: form.ts (the state, the body sent, the checks), ApplicantFields,
// CollectiveFields, ComplaintFields, lookup.ts (the registry), Duplicates, Files (the scan) and Talon.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Grid, Group, Kbd, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap, type FieldProblem } from '../../api/client.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { referenceQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useDirectory } from '../../api/directories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { useLeaveWarning } from '../../components/leave.ts';
import { deskDefaults, emptyForm, toBody, validate, withEmpty, withMember, type DeskForm, type Entity, type Kind, type Person, type Registered } from './form.ts';
import { EntityFields, PersonFields, type ApplicantProps } from './ApplicantFields.tsx';
import { CollectiveFields } from './CollectiveFields.tsx';
import { ComplaintFields } from './ComplaintFields.tsx';
import { useRegistryLookup } from './lookup.ts';
import { DuplicatePanel, useDuplicates } from './Duplicates.tsx';
import { TalonModal } from './Talon.tsx';
import { DeskFiles, useStagedFiles } from './Files.tsx';

export default function Desk() {
  const { t, timeZone, lang } = useI18n();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const navigate = useNavigate();
  const initial = useMemo(() => ({ ...emptyForm(), ...deskDefaults(user?.roles) }), [user?.roles]);
  const [f, setF] = useState<DeskForm>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  // The Idempotency-Key of the submission under way: a new one for each submission, the same when
  // the same body is sent again after no answer or a failure (a lost answer registers nothing twice).
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const documentTypes = useDirectory('documentType');
  const forms = useDirectory('form');
  const channels = useDirectory('channel');
  const languages = useDirectory('language');
  const categories = useDirectory('issueCategory');
  const sexes = useDirectory('sex');
  const citizenships = useDirectory('citizenship');
  const nationalities = useDirectory('nationality');
  const statuses = useDirectory('socialStatus');
  const businessCategories = useDirectory('businessCategory');
  const addresseeCategories = useDirectory('addresseeCategory');
  const termRules = useQuery(referenceQueries.terms(undefined, lang));
  const staged = useStagedFiles();

  useEffect(() => {
    document.title = `${t('desk.title')} — ${t('appName')}`;
  }, [t]);
  useEffect(() => {
    firstField.current?.focus();
  }, []);
  // typed but not registered: leaving asks (what again() keeps of the last appeal is no loss)
  const typed = (x: DeskForm) => JSON.stringify({ ...x, documentType: '', form: '', channel: '', language: '' });
  useLeaveWarning(registered === null && typed(f) !== typed(initial), t('desk.leave'));

  const { errors, now: showNow } = useMemo(() => validate(f, t), [f, t]);
  const errorOf = (path: string) => {
    const server = serverErrors.find((s) => s.path === path)?.message;
    if (server) return server;
    return submitted || touched.has(path) || showNow.has(path) ? errors[path] : undefined;
  };
  const touch = (path: string) => () => setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
  const set = <K extends keyof DeskForm>(k: K, v: DeskForm[K]) => {
    setF((x) => {
      const next = { ...x, [k]: v };
      // a complaint is usually filed with the body complained about: this organization by default
      if (k === 'documentType' && v === 'complaint' && !x.complainedOrganizationId && !x.complainedOrganizationName && user?.organization?.id) {
        next.complainedOrganizationId = String(user.organization.id);
      }
      if (k === 'documentType') next.subKind = ''; // the sub-kinds are the document type's own
      return next;
    });
    setServerErrors((s) => s.filter((e) => !e.path.startsWith(`/${String(k)}`)));
  };
  // The applicant (index null) or a member of a collective appeal.
  const setPerson = (index: number | null, k: keyof Person, v: string) => {
    setF((x) => (index === null ? { ...x, person: { ...x.person, [k]: v } } : withMember(x, index, (m) => ({ ...m, person: { ...m.person, [k]: v } }))));
    setServerErrors([]);
  };
  const setEntity = (index: number | null, k: keyof Entity, v: string) => {
    setF((x) => (index === null ? { ...x, entity: { ...x.entity, [k]: v } } : withMember(x, index, (m) => ({ ...m, entity: { ...m.entity, [k]: v } }))));
    setServerErrors([]);
  };

  const { lookupNote, onIin, onBin, clearLookups } = useRegistryLookup(setF, setPerson, setEntity);
  const dups = useDuplicates(f, timeZone);

  const submit = async () => {
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(errors).length > 0) {
      setFormError(t('desk.fixErrors'));
      const first = Object.keys(errors)[0]!;
      document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      return;
    }
    if (staged.uploading) {
      setFormError(t('files.waiting'));
      return;
    }
    setBusy(true);
    try {
      const body = { ...toBody(f, timeZone), ...(staged.ids.length > 0 ? { attachmentIds: staged.ids } : {}) };
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
      const r = await unwrap(api.POST('/api/v1/appeals', { body, params: { header: { 'idempotency-key': attempt.current.key } } }));
      attempt.current = null;
      void changed.registered(queryClient);
      setRegistered(r);
    } catch (err) {
      if (err instanceof ApiError) {
        setServerErrors(err.fields);
        setFormError(err.message);
        const first = err.fields[0]?.path;
        if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      } else setFormError(t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setRegistered(null);
    staged.clear();
    setF((x) => ({ ...emptyForm(), documentType: x.documentType, form: x.form, channel: x.channel, language: x.language }));
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors([]);
    clearLookups();
    setTimeout(() => firstField.current?.focus(), 50);
  };

  // The document type's general term first, then its special-law sub-kinds, each with its term.
  const termText = (term: { unit: string; count: number }) => t(`term.${term.unit}` as MessageKey, { n: term.count });
  // a sign-up for personal reception is registered through the reception's own route (PR-06)
  const subKinds = (termRules.data?.items ?? []).filter((r) => r.documentType === f.documentType && r.subKind !== 'receptionSignUp').map((r) => ({ value: r.subKind ?? '', label: `${r.label} — ${termText(r.term)}` }));
  if (subKinds.length === 0) subKinds.push({ value: '', label: '—' });

  const field = (path: string) => ({ 'data-path': path, onBlur: touch(path), error: errorOf(path) });
  const applicant: ApplicantProps = {
    field,
    lookupNote,
    onIin,
    onBin,
    setPerson,
    setEntity,
    lists: { sexes: sexes.options, citizenships: citizenships.options, nationalities: nationalities.options, statuses: statuses.options, businessCategories: businessCategories.options },
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void submit();
          }}
          onKeyDown={(ev) => {
            if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
              ev.preventDefault();
              void submit();
            }
          }}
          aria-labelledby="desk-title"
        >
          <Stack gap="md">
            <Group justify="space-between" align="baseline">
              <Title order={1} id="desk-title" size="h2">
                {t('desk.title')}
              </Title>
              <Text size="sm" c="gray.8">
                <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> — {t('desk.register')}
              </Text>
            </Group>
            <Paper withBorder p="md">
              <Fieldset legend={t('desk.appeal')} variant="unstyled">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                  <NativeSelect
                    ref={firstField}
                    id="documentType"
                    label={t('documentType')}
                    value={f.documentType}
                    onChange={(ev) => set('documentType', ev.currentTarget.value)}
                    data={documentTypes.options.length ? documentTypes.options : [{ value: f.documentType, label: '…' }]}
                    {...field('/documentType')}
                  />
                  <NativeSelect
                    id="form"
                    label={t('form')}
                    value={f.form}
                    onChange={(ev) => set('form', ev.currentTarget.value)}
                    data={forms.options.length ? forms.options : [{ value: f.form, label: '…' }]}
                    {...field('/form')}
                  />
                  <NativeSelect
                    id="channel"
                    label={t('channel')}
                    value={f.channel}
                    onChange={(ev) => set('channel', ev.currentTarget.value)}
                    data={channels.options.length ? channels.options : [{ value: f.channel, label: '…' }]}
                    {...field('/channel')}
                  />
                  <NativeSelect
                    id="language"
                    label={t('appealLanguage')}
                    value={f.language}
                    onChange={(ev) => set('language', ev.currentTarget.value)}
                    data={languages.options.length ? languages.options : [{ value: f.language, label: '…' }]}
                    {...field('/language')}
                  />
                  <NativeSelect
                    id="issueCategory"
                    label={t('issueCategory')}
                    value={f.issueCategory}
                    onChange={(ev) => set('issueCategory', ev.currentTarget.value)}
                    data={withEmpty(categories.options)}
                    {...field('/issueCategory')}
                  />
                  <TextInput
                    id="receivedAt"
                    label={t('receivedAt')}
                    description={t('receivedAtHint', { zone: timeZone })}
                    type="datetime-local"
                    value={f.receivedAt}
                    onChange={(ev) => set('receivedAt', ev.currentTarget.value)}
                    {...field('/receivedAt')}
                  />
                  <NativeSelect id="subKind" label={t('subKind')} value={f.subKind} onChange={(ev) => set('subKind', ev.currentTarget.value)} data={subKinds} disabled={subKinds.length < 2} {...field('/subKind')} />
                  <NativeSelect
                    id="addresseeCategory"
                    label={t('addresseeCategory')}
                    value={f.addresseeCategory}
                    onChange={(ev) => set('addresseeCategory', ev.currentTarget.value)}
                    data={withEmpty(addresseeCategories.options)}
                    {...field('/addresseeCategory')}
                  />
                </SimpleGrid>
              </Fieldset>
            </Paper>

            <Paper withBorder p="md">
              <Fieldset legend={t('desk.applicant')} variant="unstyled">
                <Stack gap="sm">
                  <SegmentedControl
                    aria-label={t('applicantKind')}
                    value={f.kind}
                    onChange={(v) => set('kind', v as Kind)}
                    data={(['individual', 'legalEntity', 'anonymous', 'collective'] as const).map((k) => ({ value: k, label: t(`applicantKind.${k}`) }))}
                    fullWidth
                  />
                  {f.kind === 'individual' && <PersonFields person={f.person} index={null} {...applicant} />}
                  {f.kind === 'legalEntity' && <EntityFields entity={f.entity} index={null} {...applicant} />}
                  {f.kind === 'anonymous' && <Checkbox id="securityInfo" label={t('securityInfo')} checked={f.securityInfo} onChange={(ev) => set('securityInfo', ev.currentTarget.checked)} />}
                  {f.kind === 'collective' && <CollectiveFields form={f} setF={setF} set={set} applicant={applicant} />}
                </Stack>
              </Fieldset>
            </Paper>

            {f.documentType === 'complaint' && <ComplaintFields form={f} set={set} field={field} />}

            <Paper withBorder p="md">
              <Fieldset legend={t('desk.content')} variant="unstyled">
                <Stack gap="sm">
                  <TextInput id="summary" label={t('summary')} required value={f.summary} onChange={(ev) => set('summary', ev.currentTarget.value)} maxLength={1000} {...field('/summary')} />
                  <Textarea id="text" label={t('text')} value={f.text} onChange={(ev) => set('text', ev.currentTarget.value)} autosize minRows={4} maxRows={12} {...field('/text')} />
                  {f.form === 'oral' && (
                    <Textarea id="protocolText" label={t('protocolText')} required value={f.protocolText} onChange={(ev) => set('protocolText', ev.currentTarget.value)} autosize minRows={3} {...field('/protocolText')} />
                  )}
                </Stack>
              </Fieldset>
            </Paper>
            <DeskFiles staged={staged} />
            {formError && (
              <Alert color="red" role="alert" data-testid="desk-error">
                {formError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={busy} data-testid="register">
                {t('desk.register')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <DuplicatePanel state={dups.state} items={dups.items} />
      </Grid.Col>
      <TalonModal registered={registered} onAgain={again} onOpen={() => registered && navigate(`/appeals/${registered.id}`)} key={registered?.id ?? 'none'} />
    </Grid>
  );
}
