// The appeal's letters with their signature status: previewed, signed by the head (a draft's letter
// approved by signing it), downloaded, and once signed verified on the public page.
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { RISK_COLORS, WHOLE } from '../../components/badges.tsx';
import type { LetterRef } from '../../components/SignModal.tsx';
import { Section, type Letters as LetterList } from './parts.tsx';

export function Letters({
  appealId: id,
  letters,
  canSign,
  onPreview,
  onSign,
}: {
  appealId: string;
  letters: LetterList | undefined;
  canSign: boolean;
  onPreview(letter: LetterRef): void;
  onSign(letter: LetterRef): void;
}) {
  const { t, date, dateTime } = useI18n();
  return (
    <Section title={t('letters.title')} testid="letters">
      {!letters && <Skeleton h={60} />}
      {letters && letters.items.length === 0 && (
        <Text size="sm" c="gray.8">
          {t('letters.none')}
        </Text>
      )}
      <Stack gap="sm">
        {letters?.items.map((l) => (
          <Paper key={l.id} withBorder p="sm" data-testid="letter" data-signed={l.signed ? 'true' : 'false'}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Text fw={600} size="sm">
                  {l.number}
                </Text>
                <Text size="xs" c="gray.8">
                  {l.decisionCode} · {date(l.letterDate)} · {l.language.toUpperCase()}
                </Text>
              </div>
              {l.signed ? (
                <Badge color={l.signature?.valid ? RISK_COLORS.onTrack : RISK_COLORS.overdue} radius="sm" style={{ textTransform: 'none', flexShrink: 0, maxWidth: '60%' }} styles={WHOLE} data-testid="signature-status">
                  {l.signature?.valid ? `✓ ${t('letters.valid')}` : `✗ ${t('letters.invalid')}`}
                </Badge>
              ) : (
                <Badge color={RISK_COLORS.atRisk} radius="sm" style={{ textTransform: 'none', flexShrink: 0, maxWidth: '60%' }} styles={WHOLE} data-testid="signature-status">
                  {l.decisionId ? t('letters.toSign') : t('letters.draft')}
                </Badge>
              )}
            </Group>
            {l.signed && l.signedAt && (
              <Text size="xs" mt={4}>
                {t('letters.signedBy', { name: l.signerName ?? '', date: dateTime(l.signedAt) })}
              </Text>
            )}
            <Group gap="xs" mt="xs">
              <Button size="compact-sm" variant="default" onClick={() => onPreview({ id: l.id, number: l.number })}>
                {t('letters.preview')}
              </Button>
              {!l.signed && canSign && (
                <Button size="compact-sm" onClick={() => onSign({ id: l.id, number: l.number, draft: !l.decisionId })} data-testid="letter-sign">
                  {l.decisionId ? t('letters.sign') : t('draft.approveAndSign')}
                </Button>
              )}
              <Anchor size="sm" href={`/api/v1/appeals/${id}/letters/${l.id}.pdf`} download={`${l.number}.pdf`} data-testid="letter-download">
                {t('download')}
              </Anchor>
              {l.signed && (
                <Anchor size="sm" href={`/verify/${l.id}`} target="_blank" rel="noopener" data-testid="letter-verify">
                  {t('letters.verify')}
                </Anchor>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Section>
  );
}
