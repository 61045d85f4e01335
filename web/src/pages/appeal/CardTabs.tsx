// The card's tabs: ТЖ-1, АИ-1, ТЖ-2 (with the number of decisions) and the timeline; all kept
// mounted, so switching tabs loads nothing.
import { Tabs } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Allowed, AppealData, DecisionText, Decisions as DecisionList, Events } from './parts.tsx';
import { Tzh1 } from './Tzh1.tsx';
import { Applicants } from './Applicants.tsx';
import { Decisions } from './Decisions.tsx';
import { AppealTimeline } from './Timeline.tsx';

export function CardTabs({
  appeal,
  decisions,
  events,
  allowed,
  text,
}: {
  appeal: AppealData | undefined;
  decisions: DecisionList | undefined;
  events: Events | undefined;
  allowed: Allowed | undefined;
  text: DecisionText;
}) {
  const { t } = useI18n();
  return (
    <Tabs defaultValue="tz1" keepMounted>
      <Tabs.List>
        <Tabs.Tab value="tz1">{t('card.tz1')}</Tabs.Tab>
        <Tabs.Tab value="ai1">{t('card.ai1')}</Tabs.Tab>
        <Tabs.Tab value="tz2" data-testid="tab-tz2">
          {t('card.tz2')} {decisions ? `(${decisions.items?.length ?? 0})` : ''}
        </Tabs.Tab>
        <Tabs.Tab value="timeline" data-testid="tab-timeline">
          {t('timeline.title')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="tz1" pt="md">
        <Tzh1 appeal={appeal} />
      </Tabs.Panel>
      <Tabs.Panel value="ai1" pt="md">
        <Applicants appeal={appeal} />
      </Tabs.Panel>
      <Tabs.Panel value="tz2" pt="md">
        <Decisions decisions={decisions} text={text} />
      </Tabs.Panel>
      <Tabs.Panel value="timeline" pt="md">
        <AppealTimeline events={events} allowed={allowed} />
      </Tabs.Panel>
    </Tabs>
  );
}
