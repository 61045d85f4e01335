// The appeal card: ТЖ-1, АИ-1 and ТЖ-2, the term with the working days left coloured by risk, the
// route, the timeline of every event, the letters with their signature status — and the actions
// this user may take now: exactly the decisions the domain allows (GET …/decisions/allowed).
// The parts are in this folder: CardTabs (Tzh1, Applicants, Decisions, Timeline), Actions,
// Letters, Messages, Route, and the card's dialogs.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { appealQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useDirectory } from '../../api/directories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { notify } from '../../components/notify.ts';
import { StatusBadge, TermBadge } from '../../components/badges.tsx';
import { DecisionModal, type AllowedDecision } from '../../components/DecisionModal.tsx';
import { SignModal, type LetterRef } from '../../components/SignModal.tsx';
import { AssignModal } from '../../components/AssignModal.tsx';
import { CorrectionModal } from '../../components/CorrectionModal.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { decisionText } from './parts.tsx';
import { CardTabs } from './CardTabs.tsx';
import { Actions, DraftPanel, refusals } from './Actions.tsx';
import { Letters } from './Letters.tsx';
import { Correspondence, Messages } from './Messages.tsx';
import { Route } from './Route.tsx';
import { ConfirmAction, ReturnDraft } from './dialogs.tsx';

export default function Appeal() {
  const { id = '' } = useParams();
  const { t, date, lang } = useI18n();
  const queryClient = useQueryClient();
  const appeal = useQuery(appealQueries.card(id, lang));
  const term = useQuery(appealQueries.term(id));
  const allowed = useQuery(appealQueries.allowed(id, lang));
  const decisions = useQuery(appealQueries.decisions(id, lang));
  const drafts = useQuery(appealQueries.drafts(id, lang));
  const correspondence = useQuery(appealQueries.correspondence(id, lang));
  const letters = useQuery(appealQueries.letters(id));
  const route = useQuery(appealQueries.route(id, lang));
  const events = useQuery(appealQueries.events(id));
  const messages = useQuery(appealQueries.messages(id));
  const documentTypes = useDirectory('documentType');
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

  /** A step of the status machine taken here: the card's parts and the lists it is counted in are stale. */
  const changedHere = () => void changed.appeal(queryClient, id);

  if (appeal.error) {
    return (
      <Alert color="red" role="alert" title={t('errorGeneric')}>
        {appeal.error.message}{' '}
        <Button size="xs" variant="subtle" onClick={() => void appeal.refetch()}>
          {t('retry')}
        </Button>
      </Alert>
    );
  }

  const text = decisionText(allowed.data, lang, t);
  const allowedNow = allowed.data?.items.filter((d) => d.allowed) ?? [];
  const unsigned = letters.data?.items.filter((l) => !l.signed) ?? [];
  // what this user may do here, as the server says (GET …/decisions/allowed): no role decided here
  const canAssign = allowed.data?.assign.allowed ?? false;
  const canSign = allowed.data?.signLetters ?? false;
  const canRecordFix = allowed.data?.recordFix ?? false;
  const moveOutUntil = allowed.data?.cancelMoveOut.allowed ? allowed.data.cancelMoveOut.until : undefined;

  const pending = drafts.data?.items.find((d) => d.draft?.status === 'pending');
  const lastReturned = drafts.data?.items.filter((d) => d.draft?.status === 'returned').at(-1);
  const pendingLetter = pending && letters.data?.items.find((l) => l.draftId === pending.id);
  // the latest draft came back for rework: the same decision's editor starts from its text and shows the remark
  const latestDraft = drafts.data?.items.at(-1);
  const toRework = latestDraft?.draft?.status === 'returned' ? latestDraft : undefined;

  const afterDecision = async () => {
    const { label = '', approval = false } = deciding ?? {};
    setDeciding(null);
    notify(approval ? t('decision.sentForApproval') : t('decision.saved', { label }), 'green');
    changedHere();
    // the decision's letter: the letters asked again at once (joining the refetch just started)
    const fresh = await queryClient.fetchQuery({ ...appealQueries.letters(id), staleTime: 0 }).catch(() => undefined);
    const newest = fresh?.items.filter((l) => !l.signed).at(-1);
    if (newest && !approval) {
      if (canSign) setSigning({ id: newest.id, number: newest.number });
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
                <Title order={1} size="h2" data-testid="appeal-number">
                  {a.registrationNumber}
                </Title>
                <Text size="sm" c="gray.8">
                  {documentTypes.label(a.documentType)} · {t('talon.number')} {a.talonNumber} · {a.organization?.name}
                </Text>
              </div>
              <Group gap="xs">
                <span data-testid="appeal-status">
                  <StatusBadge status={a.status ?? ''} />
                </span>
                {term.data ? <TermBadge risk={term.data.risk} daysLeft={term.data.daysLeft} dueDate={term.data.dueDate} endedOn={term.data.reviewEndedOn} /> : <Skeleton h={22} w={180} />}
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
            <CardTabs appeal={a} decisions={decisions.data} events={events.data} allowed={allowed.data} text={text} />
          </Paper>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <DraftPanel
              pending={pending}
              lastReturned={lastReturned}
              pendingLetter={pendingLetter}
              canSign={canSign}
              returnDraft={allowed.data?.returnDraft ?? null}
              text={text}
              onApprove={(l) => setSigning({ id: l.id, number: l.number, draft: true })}
              onReturn={() => setReturning(true)}
            />
            <Actions
              appeal={a}
              loaded={!!allowed.data}
              allowedNow={allowedNow}
              canAssign={canAssign}
              canRecordFix={canRecordFix}
              canPetition={allowed.data?.petitionCorrection ?? false}
              moveOutUntil={moveOutUntil}
              unavailable={refusals(allowed.data, t('actions.assign'))}
              onAssign={() => setAssigning(true)}
              onConfirm={setConfirming}
              onDecide={setDeciding}
              onCorrect={() => setCorrecting(true)}
            />
            <Letters appealId={id} letters={letters.data} canSign={canSign} onPreview={setPreview} onSign={setSigning} />
            <Messages messages={messages.data} />
            <Correspondence correspondence={correspondence.data} />
            <Route route={route.data} />
            {unsigned.length > 0 && !canSign && (
              <Text size="xs" c="gray.8">
                ✎ {t('decision.letterReady')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {deciding && allowed.data && (
        <DecisionModal
          appealId={id}
          decision={deciding}
          vocabularies={allowed.data.vocabularies}
          returned={
            toRework && toRework.code === deciding.code ? { data: (toRework.data ?? {}) as Record<string, unknown>, remark: toRework.draft?.remark ?? null, resolvedBy: toRework.draft?.resolvedBy ?? null } : undefined
          }
          onClose={() => setDeciding(null)}
          onSaved={afterDecision}
        />
      )}
      {signing && (
        <SignModal
          appealId={id}
          letter={signing}
          onClose={() => setSigning(null)}
          onSigned={() => {
            setSigning(null);
            notify(t('sign.done'), 'green');
            changedHere();
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
            changedHere();
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
            changedHere();
          }}
        />
      )}
      {returning && pending && (
        <ReturnDraft
          appealId={id}
          draftId={pending.id}
          own={allowed.data?.returnDraft?.remarkRequired === false}
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            notify(t('draft.returnedDone'), 'green');
            changedHere();
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
            void changed.correctionFiled(queryClient, id);
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
            void changed.assignment(queryClient, id);
          }}
        />
      )}
    </Stack>
  );
}
