import { createTheme } from '@mantine/core';

// Shade 8 of blue keeps white button text and blue links at ≥ 4.5:1 (WCAG 2.2 AA).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif' },
  components: {
    Anchor: { defaultProps: { c: 'blue.8' } },
    // Mantine's dimmed grey left a notification's message at 3.4:1, under axe's 4.5:1
    Notification: { styles: { description: { color: 'var(--mantine-color-text)' } } },
  },
});
