// АИ-1: the applicant or, for a collective appeal, each of the applicants; an anonymous appeal has none.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDirectory } from '../../api/directories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Dl, type AppealData } from './parts.tsx';

export function Applicants({ appeal: a }: { appeal: AppealData | undefined }) {
  const { t, date } = useI18n();
  const sexes = useDirectory('sex');
  const socialStatuses = useDirectory('socialStatus');
  const citizenships = useDirectory('citizenship');
  const nationalities = useDirectory('nationality');
  const businessCategories = useDirectory('businessCategory');
  if (!a || !a.applicants || a.applicants.length === 0) return <Text c="gray.8">{a ? t('card.anonymous') : t('loading')}</Text>;
  return (
    <Stack>
      {a.applicants.map((c, i) => (
        <Paper key={i} withBorder p="sm">
          {a.applicants!.length > 1 && (
            <Title order={3} size="h5" mb="xs">
              {t('applicantN', { n: i + 1 })}
            </Title>
          )}
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
  );
}
