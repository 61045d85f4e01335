// ТЖ-1: the registration card of the appeal, every field as registered (and as corrected since).
import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../api/queries.ts';
import { useDirectory } from '../../api/directories.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Dl, type AppealData } from './parts.tsx';

export function Tzh1({ appeal: a }: { appeal: AppealData | undefined }) {
  const { t, date, dateTime, lang } = useI18n();
  // the special-law sub-kind's name, when the appeal has one
  const subKind = useQuery({ ...referenceQueries.terms(a?.documentType, lang), enabled: !!a?.subKind });
  const documentTypes = useDirectory('documentType');
  const forms = useDirectory('form');
  const channels = useDirectory('channel');
  const languages = useDirectory('language');
  const categories = useDirectory('issueCategory');
  const addresseeCategories = useDirectory('addresseeCategory');
  if (!a) return <Skeleton h={300} />;
  return (
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
        [
          t('text'),
          a.text ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.text}
            </Text>
          ) : null,
        ],
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
  );
}
