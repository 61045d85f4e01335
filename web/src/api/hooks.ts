// Loading data for a screen: the answer, whether it is loading, the error, and a reload. Reloads
// when the dependencies change (among them the language, as labels come from the server).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: Error | undefined;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { lang } = useI18n();
  const [state, setState] = useState<{ data?: T; loading: boolean; error?: Error }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ data: s.data, loading: false, error })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, lang, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, reload };
}
