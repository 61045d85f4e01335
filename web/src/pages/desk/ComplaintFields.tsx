// A complaint's fields: the body complained about (this organization by default), its official
// and act, and the appeal whose act or answer is challenged.
import { Fieldset, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppealPicker, OrganizationPicker } from '../../components/pickers.tsx';
import { useSession } from '../../session.tsx';
import type { DeskForm, FieldProps, SetField } from './form.ts';

export function ComplaintFields({ form: f, set, field }: { form: DeskForm; set: SetField; field: FieldProps }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <Paper withBorder p="md">
      <Fieldset legend={t('desk.complaint')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <OrganizationPicker
            id="complainedOrganizationId"
            label={t('complainedOrganization')}
            value={f.complainedOrganizationId}
            onChange={(v) => set('complainedOrganizationId', v)}
            initial={user?.organization ? { value: String(user.organization.id), label: `${user.organization.name} (${user.organization.code})` } : undefined}
            {...field('/complainedOrganizationId')}
          />
          <TextInput id="complainedOrganizationName" label={t('complainedOrganizationName')} value={f.complainedOrganizationName} onChange={(ev) => set('complainedOrganizationName', ev.currentTarget.value)} />
          <TextInput id="complainedOfficial" label={t('complainedOfficial')} value={f.complainedOfficial} onChange={(ev) => set('complainedOfficial', ev.currentTarget.value)} />
          <TextInput id="complainedAct" label={t('complainedAct')} value={f.complainedAct} onChange={(ev) => set('complainedAct', ev.currentTarget.value)} />
          <AppealPicker id="challengedAppealId" label={t('challengedAppeal')} value={f.challengedAppealId} onChange={(v) => set('challengedAppealId', v)} {...field('/challengedAppealId')} />
        </SimpleGrid>
      </Fieldset>
    </Paper>
  );
}
