// The citizen portal (issue 14; EA-03): a small React app without the staff workspace's UI kit,
// mobile first, so its first load stays within its budget (web/vite.config.ts). Home with the
// tracking of one appeal without sign-in, sign-in with a one-time SMS code; the applicant's pages
// and the open statistics load on demand (./pages.tsx).
import { StrictMode, Suspense, lazy, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../../src/domain/dates.ts';
import './portal.css';
import { ApiError, I18nContext, LANGS, api, initialLang, saveLang, setApiLang, token, translate, useI18n, type I18n, type Lang, type PublicStatus } from './api.ts';
import { StatusTable } from './status.tsx';

const Mine = lazy(() => import('./pages.tsx').then((m) => ({ default: m.Mine })));
const AppealCard = lazy(() => import('./pages.tsx').then((m) => ({ default: m.AppealCard })));
const NewAppeal = lazy(() => import('./pages.tsx').then((m) => ({ default: m.NewAppeal })));
const Anonymous = lazy(() => import('./pages.tsx').then((m) => ({ default: m.Anonymous })));
const Reception = lazy(() => import('./reception.tsx').then((m) => ({ default: m.Reception })));
const ChatWidget = lazy(() => import('./chat.tsx').then((m) => ({ default: m.ChatWidget })));
const Stats = lazy(() => import('./pages.tsx').then((m) => ({ default: m.Stats })));

const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const signedIn = token.get() !== null;
  const signOut = async () => {
    await api('POST', '/api/v1/public/auth/sign-out').catch(() => undefined);
    token.set(null);
    navigate('/');
  };
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <label className="lang">
          <span className="sr-only">{t('lang.label')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label={t('app.name')}>
          <NavLink to="/">{t('nav.home')}</NavLink>
          {signedIn ? (
            <>
              <NavLink to="/my">{t('nav.mine')}</NavLink>
              <NavLink to="/new">{t('nav.new')}</NavLink>
            </>
          ) : (
            <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
          )}
          <NavLink to="/reception">{t('nav.reception')}</NavLink>
          <NavLink to="/statistics">{t('nav.stats')}</NavLink>
          {signedIn && (
            <button type="button" className="link" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          )}
          <a href="/staff/">{t('nav.staff')}</a>
        </nav>
      </header>
      <main id="main">{children}</main>
      <Chat />
    </>
  );
}

/** The chat's button; the chat itself loads when asked for, outside the first page's budget. */
function Chat() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="chat-open" onClick={() => setOpen(true)} data-testid="chat-open">
        {t('chat.open')}
      </button>
    );
  }
  return (
    <Suspense fallback={<p aria-busy="true">…</p>}>
      <ChatWidget onClose={() => setOpen(false)} />
    </Suspense>
  );
}

function Home() {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [talon, setTalon] = useState('');
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState('');
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setResult(null);
    try {
      setResult(await api<PublicStatus>('GET', `/api/v1/public/appeals/status?registrationNumber=${encodeURIComponent(number.trim())}&talonNumber=${encodeURIComponent(talon.trim())}`));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? t('track.notFound') : err instanceof Error ? err.message : t('error.generic'));
    }
  };
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <p className="actions">
        <Link className="button" to={token.get() ? '/new' : '/sign-in'}>
          {t('nav.new')}
        </Link>{' '}
        <Link to="/anonymous">{t('anon.nav')}</Link>
      </p>
      <section aria-labelledby="track">
        <h2 id="track">{t('track.title')}</h2>
        <form onSubmit={check} className="form">
          <label>
            {t('track.number')}
            <input name="registrationNumber" value={number} onChange={(e) => setNumber(e.target.value)} required autoComplete="off" />
          </label>
          <label>
            {t('track.talon')}
            <input name="talonNumber" value={talon} onChange={(e) => setTalon(e.target.value)} required autoComplete="off" />
          </label>
          <button type="submit">{t('track.submit')}</button>
        </form>
        <div aria-live="polite">
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {result && <StatusTable s={result} />}
        </div>
      </section>
    </>
  );
}

function SignIn() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  // where the one-time code goes: a phone by SMS or an address by e-mail (issue 14 §2)
  const [via, setVia] = useState<'phone' | 'email'>('phone');
  const [address, setAddress] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const fail = (err: unknown) => setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : t('error.generic'));
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      setSentTo((await api<{ sentTo: string }>('POST', '/api/v1/public/auth/code', { [via]: address })).sentTo);
    } catch (err) {
      fail(err);
    }
  };
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      token.set((await api<{ token: string }>('POST', '/api/v1/public/auth/verify', { [via]: address, code })).token);
      navigate(new URLSearchParams(location.search).get('next') ?? '/my');
    } catch (err) {
      fail(err);
    }
  };
  const withEds = async () => {
    setError('');
    try {
      const { challenge, ncaLayerUrl } = await api<{ challenge: string; ncaLayerUrl: string | null }>('POST', '/api/v1/public/auth/eds/challenge');
      if (!ncaLayerUrl) throw new Error('NCALayer');
      // loaded only when asked for: the first page stays small
      const { NcaLayer } = await import('../src/api/ncalayer.ts');
      const nca = await NcaLayer.connect(ncaLayerUrl);
      try {
        const signature = await nca.createCAdESFromBase64(challenge, false, 'AUTHENTICATION');
        token.set((await api<{ token: string }>('POST', '/api/v1/public/auth/eds/verify', { challenge, signature })).token);
      } finally {
        nca.close();
      }
      navigate(new URLSearchParams(location.search).get('next') ?? '/my');
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : err instanceof Error ? err.message : t('error.generic'));
    }
  };
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {sentTo === null ? (
        <form onSubmit={send} className="form">
          <fieldset className="choice">
            <legend>{t('signIn.via')}</legend>
            {(['phone', 'email'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="via"
                  value={v}
                  checked={via === v}
                  onChange={() => {
                    setVia(v);
                    setAddress('');
                  }}
                />
                {t(v === 'phone' ? 'signIn.viaSms' : 'signIn.viaEmail')}
              </label>
            ))}
          </fieldset>
          {via === 'phone' ? (
            <label>
              {t('signIn.phone')}
              <input name="phone" type="tel" inputMode="tel" autoComplete="tel" value={address} onChange={(e) => setAddress(e.target.value)} required aria-describedby="address-hint" />
            </label>
          ) : (
            <label>
              {t('signIn.email')}
              <input name="email" type="email" inputMode="email" autoComplete="email" value={address} onChange={(e) => setAddress(e.target.value)} required aria-describedby="address-hint" />
            </label>
          )}
          <small id="address-hint">{t(via === 'phone' ? 'signIn.phoneHint' : 'signIn.emailHint')}</small>
          <button type="submit">{t('signIn.send')}</button>
        </form>
      ) : (
        <form onSubmit={verify} className="form">
          <p role="status">{via === 'phone' ? t('signIn.sent', { phone: sentTo }) : t('signIn.sentEmail', { email: sentTo })}</p>
          <label>
            {t(via === 'phone' ? 'signIn.code' : 'signIn.codeEmail')}
            <input name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
          </label>
          <button type="submit">{t('signIn.verify')}</button>
        </form>
      )}
      <p className="muted">{t('signIn.or')}</p>
      <button type="button" onClick={withEds} data-testid="eds">
        {t('signIn.eds')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function Portal() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLang(lang);
  }, [lang]);
  const value = useMemo<I18n>(() => {
    return {
      lang,
      t: translate(lang),
      setLang: (l) => {
        saveLang(l);
        setApiLang(l);
        setLangState(l);
      },
      date: (iso) => (iso ? formatDate(iso, lang) : ''),
      dateTime: (iso) => (iso ? formatDateTime(iso, lang) : ''),
    };
  }, [lang]);
  setApiLang(lang);
  return (
    <I18nContext.Provider value={value}>
      <BrowserRouter>
        <Layout>
          <Suspense fallback={<p aria-busy="true">…</p>}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/sign-in" element={<SignIn />} />
              <Route path="/my" element={<Mine />} />
              <Route path="/my/:id" element={<AppealCard />} />
              <Route path="/new" element={<NewAppeal />} />
              <Route path="/statistics" element={<Stats />} />
              <Route path="/anonymous" element={<Anonymous />} />
              <Route path="/reception" element={<Reception />} />
              <Route path="*" element={<Home />} />
            </Routes>
          </Suspense>
        </Layout>
      </BrowserRouter>
    </I18nContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
