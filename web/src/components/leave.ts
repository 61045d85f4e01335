// A half-typed form is not lost without a warning (issue 10, item 10): while `dirty`, leaving by a
// link of the app asks first, and closing or reloading the page asks through the browser. The app's
// router is declarative (no useBlocker), so links are caught on their way, before the router's own
// handler.
import { useEffect } from 'react';

export function useLeaveWarning(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
      const to = new URL(a.href, location.href);
      if (to.origin !== location.origin || to.pathname === location.pathname) return;
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, question]);
}
