// A collective appeal's applicants: two at least, each an individual or a legal entity with its
// own АИ-1 fields; more added, any beyond two removed.
import type { Dispatch, SetStateAction } from 'react';
import { Button, Fieldset, SegmentedControl, Stack } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyMember, withMember, type DeskForm, type Member, type SetField } from './form.ts';
import { EntityFields, PersonFields, type ApplicantProps } from './ApplicantFields.tsx';

export function CollectiveFields({ form: f, setF, set, applicant }: { form: DeskForm; setF: Dispatch<SetStateAction<DeskForm>>; set: SetField; applicant: ApplicantProps }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      {f.members.map((m, i) => (
        <Fieldset key={i} legend={t('applicantN', { n: i + 1 })} data-testid="member">
          <Stack gap="sm">
            <SegmentedControl
              aria-label={`${t('memberKind')}: ${t('applicantN', { n: i + 1 })}`}
              value={m.kind}
              onChange={(v) => setF((x) => withMember(x, i, (y) => ({ ...y, kind: v as Member['kind'] })))}
              data={(['individual', 'legalEntity'] as const).map((k) => ({ value: k, label: t(`applicantKind.${k}`) }))}
            />
            {m.kind === 'individual' ? <PersonFields person={m.person} index={i} {...applicant} /> : <EntityFields entity={m.entity} index={i} {...applicant} />}
          </Stack>
          {f.members.length > 2 && (
            <Button
              mt="sm"
              variant="subtle"
              color="red.9"
              size="xs"
              onClick={() =>
                set(
                  'members',
                  f.members.filter((_, j) => j !== i),
                )
              }
            >
              {t('removeApplicant')} ({t('applicantN', { n: i + 1 })})
            </Button>
          )}
        </Fieldset>
      ))}
      <Button variant="default" onClick={() => set('members', [...f.members, emptyMember()])}>
        + {t('addApplicant')}
      </Button>
    </Stack>
  );
}
