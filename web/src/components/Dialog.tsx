// A modal dialog that is mounted while it is open: a labelled close button, and on closing the focus
// goes back to what opened it — or to the page's main region when that is gone (the action it
// offered was taken) — as WCAG 2.4.3 asks. Mantine returns focus only for a dialog it opened and
// closed itself, not for one that is unmounted.
import { useEffect, useState } from 'react';
import { Modal, type ModalProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

export function Dialog(props: Omit<ModalProps, 'opened'>) {
  const { t } = useI18n();
  // read on the first render, before the dialog takes the focus
  const [trigger] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      const target = trigger?.isConnected ? trigger : document.getElementById('main');
      requestAnimationFrame(() => target?.focus());
    },
    [trigger],
  );
  return <Modal closeButtonProps={{ 'aria-label': t('close') }} opened {...props} />;
}
