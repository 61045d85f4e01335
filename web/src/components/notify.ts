import { notifications } from '@mantine/notifications';
import { currentLang } from '../i18n/i18n.tsx';
import { MESSAGES } from '../i18n/messages.ts';

/** A short message in the corner, announced to screen readers, with a labelled close button. */
export function notify(message: string, color: 'green' | 'blue' | 'red' = 'green'): void {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': MESSAGES[currentLang()].close } });
}
