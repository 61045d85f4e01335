// What this user may do with the appeal now: the draft awaiting approval (approve and sign, return,
// take back), and the actions — assigning, the applicant's fix, cancelling a move-out, exactly the
// decisions the domain allows (GET …/decisions/allowed), a correction petition, the talon — and,
// folded away below them, what is not available now and why (the server's reason).
import { useId, useState, type ReactNode } from 'react';
import { Alert, Anchor, Box, Button, Skeleton, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AllowedDecision } from '../../components/DecisionModal.tsx';
import { Dl, Section, type AppealData, type DecisionText, type Draft, type Letters } from './parts.tsx';

/** The draft awaiting approval, or the remark the last returned one came back with. */
export function DraftPanel({
  pending,
  lastReturned,
  pendingLetter,
  canSign,
  returnDraft,
  text: { fieldLabel, show },
  onApprove,
  onReturn,
}: {
  pending: Draft | undefined;
  lastReturned: Draft | undefined;
  pendingLetter: Letters['items'][number] | undefined;
  /** the server's answers: may I sign (and so approve), may I return the draft (and must I say why) */
  canSign: boolean;
  returnDraft: { allowed: boolean; remarkRequired: boolean } | null;
  text: DecisionText;
  onApprove(letter: Letters['items'][number]): void;
  onReturn(): void;
}) {
  const { t, dateTime } = useI18n();
  if (pending) {
    return (
      <Section title={t('draft.title')} testid="draft-pending">
        <Stack gap="xs">
          <Text fw={700}>
            {pending.code} — {pending.label}
          </Text>
          <Text size="xs" c="gray.8">
            {t('draft.by', { name: pending.actor.name ?? '', date: dateTime(pending.decidedAt!) })}
          </Text>
          <Dl rows={Object.entries(pending.data ?? {}).map(([k, v]) => [fieldLabel(pending.code, k), show(v)] as [string, ReactNode])} />
          {canSign && pendingLetter && (
            <Button onClick={() => onApprove(pendingLetter)} data-testid="draft-approve">
              {t('draft.approveAndSign')}
            </Button>
          )}
          {returnDraft?.allowed && (
            <Button variant="default" c="dark" onClick={onReturn} data-testid="draft-return">
              {returnDraft.remarkRequired ? t('draft.return') : t('draft.takeBack')}
            </Button>
          )}
        </Stack>
      </Section>
    );
  }
  if (lastReturned?.draft?.remark) {
    return (
      <Alert color="yellow" c="dark" data-testid="draft-returned">
        {lastReturned.code} — {t('draft.returned', { remark: lastReturned.draft.remark, name: lastReturned.draft.resolvedBy ?? '' })}
      </Alert>
    );
  }
  return null;
}

/** A refused action shown with the server's reason: a decision (its code) or the assignment ('assign'). */
export interface Refusal {
  code: string;
  label: string;
  reasonMessage: string;
}

/**
 * Refusals that say only who may act or that the decision never fits this procedure are not shown,
 * nor decisions the user's roles never take (an executor need not see every head's decision, the
 * server says which: forMyRoles); the state, term and order reasons (checkState in
 * src/domain/decisions/checks.ts, checkAssign in src/domain/actions.ts) are.
 */
const NOT_SHOWN = new Set(['forbidden', 'decision.roleNotAllowed', 'decision.headOnly', 'decision.registrarDeskOnly', 'decision.notForProcedure']);

/** What is not available now and why, as the server says (GET …/decisions/allowed). */
export function refusals(allowed: { items: AllowedDecision[]; assign: { allowed: boolean; reason?: string; reasonMessage?: string } } | undefined, assignLabel: string): Refusal[] {
  if (!allowed) return [];
  const shown = (c: { allowed: boolean; reason?: string }) => !c.allowed && !!c.reason && !NOT_SHOWN.has(c.reason);
  const out: Refusal[] = [];
  if (shown(allowed.assign)) out.push({ code: 'assign', label: assignLabel, reasonMessage: allowed.assign.reasonMessage ?? allowed.assign.reason! });
  for (const d of allowed.items) if (d.forMyRoles && shown(d)) out.push({ code: d.code, label: d.label, reasonMessage: d.reasonMessage ?? d.reason! });
  return out;
}

/** A disclosure, folded at first: each refused action with its reason. */
function Unavailable({ items }: { items: Refusal[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (items.length === 0) return null;
  return (
    <div data-testid="unavailable">
      <Button
        variant="subtle"
        c="dark"
        justify="flex-start"
        fullWidth
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        leftSection={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
        data-testid="unavailable-toggle"
      >
        {t('actions.unavailable')} ({items.length})
      </Button>
      <div id={listId} hidden={!open}>
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((r) => (
            <Box component="li" key={r.code} py={4} data-testid={`unavailable-${r.code}`}>
              <Text size="sm" fw={600}>
                {r.code === 'assign' ? r.label : `${r.code} · ${r.label}`}
              </Text>
              <Text size="sm" c="gray.8">
                {r.reasonMessage}
              </Text>
            </Box>
          ))}
        </Box>
      </div>
    </div>
  );
}

export function Actions({
  appeal: a,
  loaded,
  allowedNow,
  canAssign,
  canRecordFix,
  canPetition,
  moveOutUntil,
  unavailable,
  onAssign,
  onConfirm,
  onDecide,
  onCorrect,
}: {
  appeal: AppealData | undefined;
  /** whether the allowed decisions have come */
  loaded: boolean;
  allowedNow: AllowedDecision[];
  canAssign: boolean;
  canRecordFix: boolean;
  canPetition: boolean;
  moveOutUntil: string | undefined;
  /** what is not available now, with the reason (refusals) */
  unavailable: Refusal[];
  onAssign(): void;
  onConfirm(action: 'recordFix' | 'cancelMoveOut'): void;
  onDecide(decision: AllowedDecision): void;
  onCorrect(): void;
}) {
  const { t } = useI18n();
  return (
    <Section title={t('actions.title')} testid="actions">
      <Stack gap="xs">
        {canAssign && (
          <Button onClick={onAssign} data-testid="action-assign">
            {t('actions.assign')}
          </Button>
        )}
        {!loaded && <Skeleton h={36} />}
        {loaded && allowedNow.length === 0 && !canAssign && !canRecordFix && !moveOutUntil && !canPetition && (
          <Text size="sm" c="gray.8">
            {t('actions.none')}
          </Text>
        )}
        {canRecordFix && (
          <Button variant="default" c="dark" onClick={() => onConfirm('recordFix')} data-testid="action-recordFix">
            {t('actions.recordFix')}
          </Button>
        )}
        {moveOutUntil && (
          <Button variant="default" c="dark" onClick={() => onConfirm('cancelMoveOut')} data-testid="action-cancelMoveOut">
            {t('actions.cancelMoveOut')}
          </Button>
        )}
        {allowedNow.map((d) => (
          <Button
            key={d.code}
            variant="default"
            justify="flex-start"
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' }, root: { height: 'auto', paddingTop: 6, paddingBottom: 6 } }}
            onClick={() => onDecide(d)}
            data-testid={`decision-${d.code}`}
            c="dark"
          >
            {d.code} · {d.label}
          </Button>
        ))}
        {a && canPetition && (
          <Button variant="default" onClick={onCorrect} data-testid="action-correction">
            {t('acc.corrections.petition')}
          </Button>
        )}
        {a && (
          <Anchor href={`/api/v1/appeals/${a.id}/talon.pdf`} target="_blank" rel="noopener" size="sm">
            {t('actions.talon')} (PDF)
          </Anchor>
        )}
        {loaded && <Unavailable items={unavailable} />}
      </Stack>
    </Section>
  );
}
