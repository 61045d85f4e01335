// The appeal card: ТЖ-1, АИ-1 and ТЖ-2, the term with the working days left coloured by risk, the
// route, the timeline of every event, the letters with their signature status — and the actions
// this user may take now: exactly the decisions the domain allows (GET …/decisions/allowed).
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { api, ApiError, unwrap } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useDirectory } from '../api/directories.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { notify } from '../components/notify.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useSession } from '../session.tsx';
import { StatusBadge, TaskBadge, TermBadge, RISK_COLORS } from '../components/badges.tsx';
import { DecisionModal, type AllowedDecision, type FieldSpec } from '../components/DecisionModal.tsx';
import { SignModal, type LetterRef } from '../components/SignModal.tsx';
import { AssignModal } from '../components/AssignModal.tsx';
import { CorrectionModal } from '../components/CorrectionModal.tsx';
import { Dialog } from '../components/Dialog.tsx';

/** The kinds of events an appeal's timeline shows with a label of their own (every kind the server
 *  appends for an appeal: grep appendEvent); decision and letterSigned are labelled with their data. */
const EVENT_KINDS = [
  'registered',
  'received',
  'assigned',
  'reassigned',
  'appealFixed',
  'moveOutCancelled',
  'deemedRefusal',
  'correctionFiled',
  'correctionRejected',
  'corrected',
  'paperJournalEntry',
  'draftReturned',
  'obligationMet',
  'coExecutorReplied',
  'securityInfoMarked',
] as const;

function Dl({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <dl className="dl">
      {shown.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A one-step action besides the decisions (recording the applicant's fix, cancelling a move-out):
 *  what it does said first, then confirmed. */
function ConfirmAction({ title, text, run, onClose, onDone }: { title: string; text: string; run(): Promise<unknown>; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
      setBusy(false);
    }
  };
  return (
    <Dialog onClose={onClose} title={title} centered>
      <Stack data-testid="confirm-action">
        <Text size="sm">{text}</Text>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('cancel')}</Button>
          <Button onClick={confirm} loading={busy} data-testid="confirm-submit" data-autofocus>{t('actions.confirm')}</Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** Returning an executor's draft for rework: the head or the control department says what to fix;
 *  its author may take it back without a remark. */
function ReturnDraft({ appealId, draftId, own, onClose, onDone }: { appealId: string; draftId: string; own: boolean; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [remark, setRemark] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/appeals/{id}/drafts/{draftId}/return', { params: { path: { id: appealId, draftId } }, body: remark.trim() ? { remark: remark.trim() } : {} }));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
      setBusy(false);
    }
  };
  return (
    <Dialog onClose={onClose} title={own ? t('draft.takeBack') : t('draft.return')} centered>
      <form onSubmit={submit} noValidate data-testid="return-draft-form">
        <Stack>
          <Textarea label={t('draft.remark')} required={!own} autosize minRows={3} value={remark} onChange={(e) => setRemark(e.currentTarget.value)} data-autofocus />
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('cancel')}</Button>
            <Button type="submit" loading={busy} disabled={!own && !remark.trim()} data-testid="return-draft-submit">{own ? t('draft.takeBack') : t('draft.return')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function Section({ title, children, testid }: { title: string; children: ReactNode; testid?: string }) {
  const id = `s-${title.replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testid}>
      <Title order={2} size="h4" id={id} mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

export default function Appeal() {
  const { id = '' } = useParams();
  const { t, date, dateTime, lang } = useI18n();
  const { hasRole, user } = useSession();
  const appeal = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}', { params: { path: { id } } })), [id]);
  const term = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/term', { params: { path: { id } } })), [id]);
  const allowed = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/decisions/allowed', { params: { path: { id } } })), [id]);
  const decisions = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/decisions', { params: { path: { id } } })), [id]);
  const drafts = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/drafts', { params: { path: { id } } })), [id]);
  const correspondence = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/correspondence', { params: { path: { id } } })), [id]);
  const letters = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/letters', { params: { path: { id } } })), [id]);
  const route = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/route', { params: { path: { id } } })), [id]);
  const events = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/events', { params: { path: { id } } })), [id]);
  const messages = useLoad(() => unwrap(api.GET('/api/v1/appeals/{id}/messages', { params: { path: { id } } })), [id]);
  // the special-law sub-kind's name, when the appeal has one
  const subKind = useLoad(
    async () => (appeal.data?.subKind ? unwrap(api.GET('/api/v1/terms', { params: { query: { documentType: appeal.data.documentType! } } })) : undefined),
    [appeal.data?.subKind],
  );
  const documentTypes = useDirectory('documentType');
  const forms = useDirectory('form');
  const channels = useDirectory('channel');
  const languages = useDirectory('language');
  const categories = useDirectory('issueCategory');
  const sexes = useDirectory('sex');
  const socialStatuses = useDirectory('socialStatus');
  const citizenships = useDirectory('citizenship');
  const nationalities = useDirectory('nationality');
  const businessCategories = useDirectory('businessCategory');
  const addresseeCategories = useDirectory('addresseeCategory');
  const [deciding, setDeciding] = useState<AllowedDecision | null>(null);
  const [signing, setSigning] = useState<LetterRef | null>(null);
  const [preview, setPreview] = useState<LetterRef | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [confirming, setConfirming] = useState<'recordFix' | 'cancelMoveOut' | null>(null);
  const [returning, setReturning] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const a = appeal.data;

  useEffect(() => {
    document.title = `${a?.registrationNumber ?? t('loading')} — ${t('appName')}`;
  }, [a?.registrationNumber, t]);

  const reloadAll = () => {
    appeal.reload();
    term.reload();
    allowed.reload();
    decisions.reload();
    drafts.reload();
    correspondence.reload();
    letters.reload();
    route.reload();
    events.reload();
    messages.reload();
  };

  if (appeal.error) {
    return (
      <Alert color="red" role="alert" title={t('errorGeneric')}>
        {appeal.error.message} <Button size="xs" variant="subtle" onClick={appeal.reload}>{t('retry')}</Button>
      </Alert>
    );
  }

  const fieldLabel = (code: string, name: string) => {
    const spec = (allowed.data?.items.find((d) => d.code === code)?.fields as unknown as FieldSpec[] | undefined)?.find((f) => f.name === name);
    return spec?.label[lang] ?? name;
  };
  const vocabLabel = (v: unknown) => {
    if (typeof v !== 'string' || !allowed.data) return undefined;
    for (const list of Object.values(allowed.data.vocabularies)) {
      const hit = list.find((i) => i.code === v);
      if (hit) return hit.label;
    }
    return undefined;
  };
  const show = (v: unknown): string => {
    if (v === true) return t('yes');
    if (v === false) return t('no');
    if (Array.isArray(v)) return v.map(show).join('; ');
    if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}: ${show(x)}`).join(', ');
    return vocabLabel(v) ?? String(v);
  };

  const allowedNow = allowed.data?.items.filter((d) => d.allowed) ?? [];
  const unsigned = letters.data?.items.filter((l) => !l.signed) ?? [];
  const canAssign = hasRole('head') && a && !a.reviewEndedOn;
  const canRecordFix = allowed.data?.recordFix ?? false;
  const moveOutUntil = allowed.data?.cancelMoveOut.allowed ? allowed.data.cancelMoveOut.until : undefined;

  const pending = drafts.data?.items.find((d) => d.draft?.status === 'pending');
  const lastReturned = drafts.data?.items.filter((d) => d.draft?.status === 'returned').at(-1);
  const pendingLetter = pending && letters.data?.items.find((l) => l.draftId === pending.id);

  const afterDecision = async () => {
    const { label = '', approval = false } = deciding ?? {};
    setDeciding(null);
    notify(approval ? t('decision.sentForApproval') : t('decision.saved', { label }), 'green');
    const fresh = await unwrap(api.GET('/api/v1/appeals/{id}/letters', { params: { path: { id } } })).catch(() => undefined);
    reloadAll();
    const newest = fresh?.items.filter((l) => !l.signed).at(-1);
    if (newest && !approval) {
      if (hasRole('head')) setSigning({ id: newest.id, number: newest.number });
      else notify(t('decision.letterReady'), 'blue');
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        {a ? (
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2" data-testid="appeal-number">{a.registrationNumber}</Title>
                <Text size="sm" c="gray.8">
                  {documentTypes.label(a.documentType)} · {t('talon.number')} {a.talonNumber} · {a.organization?.name}
                </Text>
              </div>
              <Group gap="xs">
                <span data-testid="appeal-status"><StatusBadge status={a.status ?? ''} /></span>
                {term.data ? (
                  <TermBadge risk={term.data.risk} daysLeft={term.data.daysLeft} dueDate={term.data.dueDate} endedOn={term.data.reviewEndedOn} />
                ) : (
                  <Skeleton h={22} w={180} />
                )}
              </Group>
            </Group>
            <Text fw={600}>{a.summary}</Text>
          </Stack>
        ) : (
          <Stack gap={6}>
            <Skeleton h={32} w={280} />
            <Skeleton h={18} w={420} />
            <Skeleton h={22} w={360} />
          </Stack>
        )}
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Tabs defaultValue="tz1" keepMounted>
              <Tabs.List>
                <Tabs.Tab value="tz1">{t('card.tz1')}</Tabs.Tab>
                <Tabs.Tab value="ai1">{t('card.ai1')}</Tabs.Tab>
                <Tabs.Tab value="tz2" data-testid="tab-tz2">
                  {t('card.tz2')} {decisions.data ? `(${decisions.data.items?.length ?? 0})` : ''}
                </Tabs.Tab>
                <Tabs.Tab value="timeline" data-testid="tab-timeline">{t('timeline.title')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="tz1" pt="md">
                {a ? (
                  <Dl
                    rows={[
                      [t('registrationNumber'), a.registrationNumber],
                      [t('talon.number'), a.talonNumber],
                      [t('registrationDate'), date(a.registrationDate)],
                      [t('receivedAt'), dateTime(a.receivedAt)],
                      [t('card.organization'), a.organization?.name],
                      [t('documentType'), documentTypes.label(a.documentType)],
                      [t('subKind'), a.subKind ? (subKind.data?.items.find((r) => r.subKind === a.subKind)?.label ?? a.subKind) : null],
                      [t('addresseeCategory'), a.addresseeCategory ? addresseeCategories.label(a.addresseeCategory) : null],
                      [t('card.procedure'), t(`procedure.${a.procedure}` as MessageKey)],
                      [t('form'), forms.label(a.form)],
                      [t('channel'), channels.label(a.channel)],
                      [t('appealLanguage'), languages.label(a.language)],
                      [t('issueCategory'), a.issueCategory ? categories.label(a.issueCategory) : null],
                      [t('summary'), a.summary],
                      [t('text'), a.text ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text> : null],
                      [t('protocolText'), a.protocolText],
                      [t('complainedOrganization'), a.complained?.organizationName ?? null],
                      [t('complainedOfficial'), a.complained?.official ?? null],
                      [t('complainedAct'), a.complained?.act ?? null],
                      [t('dueDate'), date(a.dueDate)],
                      [t('card.executor'), a.executor?.name ?? t('card.notAssigned')],
                      [t('card.controlDate'), a.controlDate ? date(a.controlDate) : null],
                      [t('card.registrar'), a.registrar ? `${a.registrar.name}, ${a.registrar.position}` : null],
                    ]}
                  />
                ) : (
                  <Skeleton h={300} />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="ai1" pt="md">
                {a && a.applicants && a.applicants.length > 0 ? (
                  <Stack>
                    {a.applicants.map((c, i) => (
                      <Paper key={i} withBorder p="sm">
                        {a.applicants!.length > 1 && <Title order={3} size="h5" mb="xs">{t('applicantN', { n: i + 1 })}</Title>}
                        <Dl
                          rows={[
                            [t('applicantKind'), t(`applicantKind.${c.kind}` as MessageKey)],
                            [t('iin'), c.iin],
                            [t('lastName'), c.lastName],
                            [t('firstName'), c.firstName],
                            [t('middleName'), c.middleName],
                            [t('birthDate'), c.birthDate ? `${date(c.birthDate)}${c.age !== null && c.age !== undefined ? ` (${c.age})` : ''}` : null],
                            [t('sex'), c.sex ? sexes.label(c.sex) : null],
                            [t('citizenship'), c.citizenship ? citizenships.label(c.citizenship) : null],
                            [t('nationality'), c.nationality ? nationalities.label(c.nationality) : null],
                            [t('address'), c.address ? Object.values(c.address).filter(Boolean).join(', ') : null],
                            [t('postalAddress'), c.postalAddress],
                            [t('phone'), c.phone],
                            [t('phoneOther'), c.phoneOther],
                            [t('email'), c.email],
                            [t('socialStatus'), c.socialStatus ? socialStatuses.label(c.socialStatus) : null],
                            [t('occupation'), c.occupation],
                            [t('inInterestOf'), c.inInterestOf],
                            [t('bin'), c.bin],
                            [t('legalName'), c.legalName],
                            [t('businessCategory'), c.businessCategory ? businessCategories.label(c.businessCategory) : null],
                          ]}
                        />
                      </Paper>
                    ))}
                  </Stack>
                ) : (
                  <Text c="gray.8">{a ? t('card.anonymous') : t('loading')}</Text>
                )}
              </Tabs.Panel>
              <Tabs.Panel value="tz2" pt="md">
                {decisions.data?.items?.length ? (
                  <Stack>
                    {decisions.data.items.map((d) => (
                      <Paper key={d.id} withBorder p="sm" data-testid="decision-card">
                        <Group justify="space-between">
                          <Text fw={700}>{d.code} — {d.label}</Text>
                          {d.cancelledAt && <Badge color={RISK_COLORS.ended}>{t('card.cancelled')}</Badge>}
                        </Group>
                        <Text size="xs" c="gray.8" mb="xs">
                          {t('card.decidedBy', { name: d.actor?.name ?? '', date: date(d.decisionDate) })} · {d.basis}
                        </Text>
                        <Dl rows={Object.entries(d.data ?? {}).map(([k, v]) => [fieldLabel(d.code ?? '', k), show(v)] as [string, ReactNode])} />
                      </Paper>
                    ))}
                  </Stack>
                ) : (
                  <Text c="gray.8">{t('card.noDecisions')}</Text>
                )}
              </Tabs.Panel>
              <Tabs.Panel value="timeline" pt="md">
                <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
                  {(events.data?.items ?? []).map((e) => {
                    const changes = (e.changes ?? {}) as Record<string, any>;
                    const code = changes.decision?.code as string | undefined;
                    const label =
                      e.kind === 'decision'
                        ? t('event.decision', { code: code ?? '' })
                        : e.kind === 'decisionDrafted'
                          ? t('event.decisionDrafted', { code: String(changes.draft?.code ?? '') })
                        : e.kind === 'letterSigned'
                          ? t('event.letterSigned', { letter: String(changes.letter ?? '') })
                          : (EVENT_KINDS as readonly string[]).includes(e.kind ?? '')
                            ? t(`event.${e.kind}` as MessageKey)
                            : (e.kind ?? '');
                    const status = changes.status as { from?: string; to?: string } | undefined;
                    return (
                      <Timeline.Item key={e.id} title={label}>
                        <Text size="xs" c="gray.8">{dateTime(e.at)} · {e.actor?.name}</Text>
                        {status?.to && (
                          <Text size="xs">
                            {t(`status.${status.from}` as MessageKey)} → {t(`status.${status.to}` as MessageKey)}
                          </Text>
                        )}
                        {code && <Text size="xs">{allowed.data?.items.find((x) => x.code === code)?.label}</Text>}
                        {e.kind === 'draftReturned' && changes.remark && <Text size="xs">{String(changes.remark)}</Text>}
                      </Timeline.Item>
                    );
                  })}
                </Timeline>
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {pending && (
              <Section title={t('draft.title')} testid="draft-pending">
                <Stack gap="xs">
                  <Text fw={700}>{pending.code} — {pending.label}</Text>
                  <Text size="xs" c="gray.8">{t('draft.by', { name: pending.actor.name ?? '', date: dateTime(pending.decidedAt!) })}</Text>
                  <Dl rows={Object.entries(pending.data ?? {}).map(([k, v]) => [fieldLabel(pending.code, k), show(v)] as [string, ReactNode])} />
                  {hasRole('head') && pendingLetter && (
                    <Button onClick={() => setSigning({ id: pendingLetter.id, number: pendingLetter.number, draft: true })} data-testid="draft-approve">
                      {t('draft.approveAndSign')}
                    </Button>
                  )}
                  {(hasRole('head', 'controller') || pending.actor.id === user?.id) && (
                    <Button variant="default" c="dark" onClick={() => setReturning(true)} data-testid="draft-return">
                      {pending.actor.id === user?.id && !hasRole('head', 'controller') ? t('draft.takeBack') : t('draft.return')}
                    </Button>
                  )}
                </Stack>
              </Section>
            )}
            {!pending && lastReturned?.draft?.remark && (
              <Alert color="yellow" c="dark" data-testid="draft-returned">
                {lastReturned.code} — {t('draft.returned', { remark: lastReturned.draft.remark, name: lastReturned.draft.resolvedBy ?? '' })}
              </Alert>
            )}
            <Section title={t('actions.title')} testid="actions">
              <Stack gap="xs">
                {canAssign && (
                  <Button onClick={() => setAssigning(true)} data-testid="action-assign">
                    {t('actions.assign')}
                  </Button>
                )}
                {!allowed.data && <Skeleton h={36} />}
                {allowed.data && allowedNow.length === 0 && !canAssign && !canRecordFix && !moveOutUntil && !hasRole('head') && <Text size="sm" c="gray.8">{t('actions.none')}</Text>}
                {canRecordFix && (
                  <Button variant="default" c="dark" onClick={() => setConfirming('recordFix')} data-testid="action-recordFix">
                    {t('actions.recordFix')}
                  </Button>
                )}
                {moveOutUntil && (
                  <Button variant="default" c="dark" onClick={() => setConfirming('cancelMoveOut')} data-testid="action-cancelMoveOut">
                    {t('actions.cancelMoveOut')}
                  </Button>
                )}
                {allowedNow.map((d) => (
                  <Button
                    key={d.code}
                    variant="default"
                    justify="flex-start"
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'left' }, root: { height: 'auto', paddingTop: 6, paddingBottom: 6 } }}
                    onClick={() => setDeciding(d)}
                    data-testid={`decision-${d.code}`}
                    c="dark"
                  >
                    {d.code} · {d.label}
                  </Button>
                ))}
                {a && hasRole('head') && (
                  <Button variant="default" onClick={() => setCorrecting(true)} data-testid="action-correction">{t('acc.corrections.petition')}</Button>
                )}
                {a && (
                  <Anchor href={`/api/v1/appeals/${a.id}/talon.pdf`} target="_blank" rel="noopener" size="sm">
                    {t('actions.talon')} (PDF)
                  </Anchor>
                )}
              </Stack>
            </Section>

            <Section title={t('letters.title')} testid="letters">
              {!letters.data && <Skeleton h={60} />}
              {letters.data && letters.data.items.length === 0 && <Text size="sm" c="gray.8">{t('letters.none')}</Text>}
              <Stack gap="sm">
                {letters.data?.items.map((l) => (
                  <Paper key={l.id} withBorder p="sm" data-testid="letter" data-signed={l.signed ? 'true' : 'false'}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <div>
                        <Text fw={600} size="sm">{l.number}</Text>
                        <Text size="xs" c="gray.8">{l.decisionCode} · {date(l.letterDate)} · {l.language.toUpperCase()}</Text>
                      </div>
                      {l.signed ? (
                        <Badge color={l.signature?.valid ? RISK_COLORS.onTrack : RISK_COLORS.overdue} radius="sm" style={{ textTransform: 'none' }} data-testid="signature-status">
                          {l.signature?.valid ? `✓ ${t('letters.valid')}` : `✗ ${t('letters.invalid')}`}
                        </Badge>
                      ) : (
                        <Badge color={RISK_COLORS.atRisk} radius="sm" style={{ textTransform: 'none' }} data-testid="signature-status">
                          {l.decisionId ? t('letters.toSign') : t('letters.draft')}
                        </Badge>
                      )}
                    </Group>
                    {l.signed && l.signedAt && <Text size="xs" mt={4}>{t('letters.signedBy', { name: l.signerName ?? '', date: dateTime(l.signedAt) })}</Text>}
                    <Group gap="xs" mt="xs">
                      <Button size="compact-sm" variant="default" onClick={() => setPreview({ id: l.id, number: l.number })}>{t('letters.preview')}</Button>
                      {!l.signed && hasRole('head') && (
                        <Button size="compact-sm" onClick={() => setSigning({ id: l.id, number: l.number, draft: !l.decisionId })} data-testid="letter-sign">
                          {l.decisionId ? t('letters.sign') : t('draft.approveAndSign')}
                        </Button>
                      )}
                      <Anchor size="sm" href={`/api/v1/appeals/${id}/letters/${l.id}.pdf`} download={`${l.number}.pdf`} data-testid="letter-download">{t('download')}</Anchor>
                      {l.signed && (
                        <Anchor size="sm" href={`/verify/${l.id}`} target="_blank" rel="noopener" data-testid="letter-verify">{t('letters.verify')}</Anchor>
                      )}
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </Section>

            <Section title={t('messages.title')} testid="messages">
              {!messages.data && <Skeleton h={40} />}
              {messages.data && messages.data.items.length === 0 && <Text size="sm" c="gray.8">{t('messages.none')}</Text>}
              <Stack gap={6}>
                {messages.data?.items.map((m) => (
                  <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="message">
                    <div>
                      <Text size="sm">{t(`messages.kind.${m.kind}`)} · {m.channel === 'email' ? 'E-mail' : 'SMS'}</Text>
                      <Text size="xs" c="gray.8">{m.recipient} · {dateTime(m.sentAt ?? m.createdAt)}{m.attempts > 1 ? ` · ${t('messages.attempts', { n: String(m.attempts) })}` : ''}</Text>
                    </div>
                    <Badge color={m.status === 'sent' ? RISK_COLORS.onTrack : m.status === 'failed' ? RISK_COLORS.overdue : RISK_COLORS.atRisk} radius="sm" style={{ textTransform: 'none' }}>
                      {t(`messages.status.${m.status}`)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </Section>

            {(correspondence.data?.items.length ?? 0) > 0 && (
              <Section title={t('correspondence.title')} testid="correspondence">
                <Stack gap={6}>
                  {correspondence.data!.items.map((k) => (
                    <div key={k.id}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Text size="sm">{k.coExecutor.name} · {t('card.controlDate')} {date(k.dueDate)}</Text>
                        <TaskBadge status={k.status} />
                      </Group>
                      {k.reply && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{k.reply}</Text>}
                    </div>
                  ))}
                </Stack>
              </Section>
            )}

            <Section title={t('route.title')} testid="route">
              {!route.data && <Skeleton h={40} />}
              {route.data && (
                <Stack gap={6}>
                  {([
                    ['route.origin', route.data.origin ? [route.data.origin] : []],
                    ['route.main', route.data.main ? [route.data.main] : []],
                    ['route.forwardedTo', route.data.forwardedTo],
                    ['route.parts', route.data.parts],
                    ['route.attached', route.data.attached],
                  ] as const).map(([key, links]) =>
                    links.length ? (
                      <div key={key}>
                        <Text size="sm" fw={600}>{t(key)}</Text>
                        {links.map((r) => (
                          <Text size="sm" key={r.id}>
                            {r.visible ? <Anchor component={Link} to={`/appeals/${r.id}`}>{r.registrationNumber}</Anchor> : r.registrationNumber} — {r.organization.name} ·{' '}
                            {t(`status.${r.status}` as MessageKey)}
                          </Text>
                        ))}
                      </div>
                    ) : null,
                  )}
                  {!route.data.origin && !route.data.main && !route.data.forwardedTo.length && !route.data.parts.length && !route.data.attached.length && (
                    <Text size="sm" c="gray.8">{t('route.none')}</Text>
                  )}
                </Stack>
              )}
            </Section>
            {unsigned.length > 0 && !hasRole('head') && <Text size="xs" c="gray.8">✎ {t('decision.letterReady')}</Text>}
          </Stack>
        </Grid.Col>
      </Grid>

      {deciding && allowed.data && (
        <DecisionModal appealId={id} decision={deciding} vocabularies={allowed.data.vocabularies} onClose={() => setDeciding(null)} onSaved={afterDecision} />
      )}
      {signing && (
        <SignModal
          appealId={id}
          letter={signing}
          onClose={() => setSigning(null)}
          onSigned={() => {
            setSigning(null);
            notify(t('sign.done'), 'green');
            reloadAll();
          }}
        />
      )}
      {preview && (
        <Dialog onClose={() => setPreview(null)} title={`${t('letters.preview')}: ${preview.number}`} size="xl" centered>
          <iframe src={`/api/v1/appeals/${id}/letters/${preview.id}.pdf`} title={preview.number} className="pdf-frame" />
        </Dialog>
      )}
      {confirming === 'recordFix' && (
        <ConfirmAction
          title={t('actions.recordFix')}
          text={t('actions.recordFixHint')}
          run={() => unwrap(api.POST('/api/v1/appeals/{id}/compliance/fixed', { params: { path: { id } } }))}
          onClose={() => setConfirming(null)}
          onDone={() => {
            setConfirming(null);
            notify(t('actions.recordFixDone'), 'green');
            reloadAll();
          }}
        />
      )}
      {confirming === 'cancelMoveOut' && moveOutUntil && (
        <ConfirmAction
          title={t('actions.cancelMoveOut')}
          text={t('actions.cancelMoveOutHint', { date: date(moveOutUntil) })}
          run={() => unwrap(api.POST('/api/v1/appeals/{id}/move-out/cancel', { params: { path: { id } } }))}
          onClose={() => setConfirming(null)}
          onDone={() => {
            setConfirming(null);
            notify(t('actions.cancelMoveOutDone'), 'green');
            reloadAll();
          }}
        />
      )}
      {returning && pending && (
        <ReturnDraft
          appealId={id}
          draftId={pending.id}
          own={pending.actor.id === user?.id && !hasRole('head', 'controller')}
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            notify(t('draft.returnedDone'), 'green');
            reloadAll();
          }}
        />
      )}
      {correcting && a && (
        <CorrectionModal
          appealId={id}
          current={a as Record<string, unknown>}
          onClose={() => setCorrecting(false)}
          onFiled={() => {
            setCorrecting(false);
            notify(t('acc.corrections.filed'), 'green');
            reloadAll();
          }}
        />
      )}
      {assigning && a && (
        <AssignModal
          appealId={id}
          organizationId={a.organization!.id!}
          dueDate={a.dueDate!}
          current={a.executorId}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            notify(t('assign.done'), 'green');
            reloadAll();
          }}
        />
      )}
    </Stack>
  );
}
