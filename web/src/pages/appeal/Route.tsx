// The appeal's route: where it came from, its main appeal, where it was forwarded, its parts and
// the appeals attached to it — a link to each one this user may see.
import { Link } from 'react-router';
import { Anchor, Skeleton, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Section, type Route as AppealRoute } from './parts.tsx';

export function Route({ route }: { route: AppealRoute | undefined }) {
  const { t } = useI18n();
  return (
    <Section title={t('route.title')} testid="route">
      {!route && <Skeleton h={40} />}
      {route && (
        <Stack gap={6}>
          {(
            [
              ['route.origin', route.origin ? [route.origin] : []],
              ['route.main', route.main ? [route.main] : []],
              ['route.forwardedTo', route.forwardedTo],
              ['route.parts', route.parts],
              ['route.attached', route.attached],
            ] as const
          ).map(([key, links]) =>
            links.length ? (
              <div key={key}>
                <Text size="sm" fw={600}>
                  {t(key)}
                </Text>
                {links.map((r) => (
                  <Text size="sm" key={r.id}>
                    {r.visible ? (
                      <Anchor component={Link} to={`/appeals/${r.id}`}>
                        {r.registrationNumber}
                      </Anchor>
                    ) : (
                      r.registrationNumber
                    )}{' '}
                    — {r.organization.name} · {t(`status.${r.status}` as MessageKey)}
                  </Text>
                ))}
              </div>
            ) : null,
          )}
          {!route.origin && !route.main && !route.forwardedTo.length && !route.parts.length && !route.attached.length && (
            <Text size="sm" c="gray.8">
              {t('route.none')}
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}
