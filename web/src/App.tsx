import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { CORRESPONDENCE_ROLES, DESK_ROLES, OVERVIEW_ROLES, useSession, type Role } from './session.tsx';
import { Shell } from './components/Shell.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { ACCOUNTING_SCREENS, accountingScreensFor, type AccountingScreen } from './accounting.ts';

const Login = lazy(() => import('./pages/Login.tsx'));
const Desk = lazy(() => import('./pages/desk/Desk.tsx'));
const Queues = lazy(() => import('./pages/Queues.tsx'));
const Appeal = lazy(() => import('./pages/appeal/Appeal.tsx'));
const Overview = lazy(() => import('./pages/Overview.tsx'));
const Correspondence = lazy(() => import('./pages/Correspondence.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));
const Inbox = lazy(() => import('./pages/Inbox.tsx'));
const AccountingLayout = lazy(() => import('./pages/accounting/Layout.tsx'));
const SCREENS: Record<AccountingScreen, LazyExoticComponent<ComponentType>> = {
  indicators: lazy(() => import('./pages/accounting/Indicators.tsx')),
  form1: lazy(() => import('./pages/accounting/Form1.tsx')),
  corrections: lazy(() => import('./pages/accounting/Corrections.tsx')),
  reconciliation: lazy(() => import('./pages/accounting/Reconciliation.tsx')),
  'access-requests': lazy(() => import('./pages/accounting/AccessRequests.tsx')),
  outages: lazy(() => import('./pages/accounting/Outages.tsx')),
  exports: lazy(() => import('./pages/accounting/Exports.tsx')),
};

function PageLoader() {
  const { t } = useI18n();
  return (
    <Center h="60vh" aria-busy="true">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

function Home() {
  const { hasRole } = useSession();
  if (hasRole('controller')) return <Navigate to="/overview" replace />;
  if (hasRole('statistician')) return <Navigate to="/accounting/indicators" replace />;
  if (hasRole(...DESK_ROLES)) return <Navigate to="/desk" replace />;
  if (hasRole('head')) return <Navigate to="/queues/awaitingRouting" replace />;
  return <Navigate to="/queues/inExecution" replace />;
}

/** A fresh card for every appeal (a link on the card opens another): no state of the one before. */
function AppealPage() {
  const { id } = useParams();
  return <Appeal key={id} />;
}

function Guard({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { hasRole } = useSession();
  if (roles && !hasRole(...roles)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

/** /accounting: the first screen the user may see. */
function AccountingHome() {
  const { hasRole } = useSession();
  const [first] = accountingScreensFor(hasRole);
  return <Navigate to={first ? `/accounting/${first}` : '/'} replace />;
}

function SignedIn() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoader />;
  if (user === null) {
    if (location.pathname === '/login')
      return (
        <Suspense fallback={<PageLoader />}>
          <Login />
        </Suspense>
      );
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return (
    <Shell>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/login" element={<Home />} />
          <Route
            path="/desk"
            element={
              <Guard roles={DESK_ROLES}>
                <Desk />
              </Guard>
            }
          />
          <Route path="/queues" element={<Navigate to="/queues/all" replace />} />
          <Route path="/queues/:queue" element={<Queues />} />
          <Route path="/appeals/:id" element={<AppealPage />} />
          <Route path="/inbox" element={<Inbox />} />
          <Route
            path="/overview"
            element={
              <Guard roles={OVERVIEW_ROLES}>
                <Overview />
              </Guard>
            }
          />
          <Route
            path="/correspondence"
            element={
              <Guard roles={CORRESPONDENCE_ROLES}>
                <Correspondence />
              </Guard>
            }
          />
          <Route path="/accounting" element={<AccountingLayout />}>
            <Route index element={<AccountingHome />} />
            {ACCOUNTING_SCREENS.map(({ id, roles }) => {
              const Screen = SCREENS[id];
              return (
                <Route
                  key={id}
                  path={id}
                  element={
                    <Guard roles={[...roles]}>
                      <Screen />
                    </Guard>
                  }
                />
              );
            })}
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SignedIn />
    </BrowserRouter>
  );
}
