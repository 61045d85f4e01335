// The accounting screens share a second row of navigation: the screens the user's roles allow,
// keeping the period chosen on one screen for the next.
import { SectionLayout } from '../../components/SectionLayout.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { accountingScreensFor } from '../../accounting.ts';

export default function AccountingLayout() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const screens = accountingScreensFor(hasRole).map((s) => ({ id: s, label: t(`acc.nav.${s}` as MessageKey) }));
  return <SectionLayout label={t('nav.accounting')} base="/accounting" screens={screens} keep={['year', 'month']} />;
}
