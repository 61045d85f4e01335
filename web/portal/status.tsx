// The status and dates of one appeal, as the public and the applicant see them.
import { useI18n, type PublicStatus } from './api.ts';

export function StatusTable({ s }: { s: PublicStatus }) {
  const { t, date } = useI18n();
  return (
    <dl className="facts" data-testid="status">
      <dt>{t('field.status')}</dt>
      <dd>
        <span className={`badge badge-${s.status}`}>{t(`status.${s.status}` as never)}</span>
      </dd>
      <dt>{t('field.organization')}</dt>
      <dd>{s.organization.name}</dd>
      <dt>{t('field.registered')}</dt>
      <dd>{date(s.registrationDate)}</dd>
      <dt>{t('field.due')}</dt>
      <dd>{date(s.dueDate)}</dd>
      {s.reviewEndedOn && (
        <>
          <dt>{t('field.ended')}</dt>
          <dd>{date(s.reviewEndedOn)}</dd>
        </>
      )}
    </dl>
  );
}
