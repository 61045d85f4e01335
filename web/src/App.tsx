import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { CONTACT_CENTRE_HEAD_ROLES, CONTACT_CENTRE_ROLES, CORRESPONDENCE_ROLES, DESK_ROLES, OVERVIEW_ROLES, RECEPTION_ROLES, useSession, type Role } from './session.tsx';
import { Shell } from './components/Shell.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { ACCOUNTING_SCREENS, accountingScreensFor, type AccountingScreen } from './accounting.ts';
import { CONTROL_ROLES, CONTROL_SCREENS } from './control.ts';

const Login = lazy(() => import('./pages/Login.tsx'));
const Desk = lazy(() => import('./pages/desk/Desk.tsx'));
const Queues = lazy(() => import('./pages/Queues.tsx'));
const Appeal = lazy(() => import('./pages/appeal/Appeal.tsx'));
const Overview = lazy(() => import('./pages/Overview.tsx'));
const Correspondence = lazy(() => import('./pages/Correspondence.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));
const Inbox = lazy(() => import('./pages/Inbox.tsx'));
const ContactCentre = lazy(() => import('./pages/contact-centre/Console.tsx'));
const ContactCentreHead = lazy(() => import('./pages/contact-centre/Head.tsx'));
const AccountingLayout = lazy(() => import('./pages/accounting/Layout.tsx'));
const ControlLayout = lazy(() => import('./pages/control/Layout.tsx'));
/** The control department's screens (issue 12), for the controller. */
const CONTROL: Record<(typeof CONTROL_SCREENS)[number], LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('./pages/control/Dashboard.tsx')),
  quality: lazy(() => import('./pages/control/Quality.tsx')),
  instructions: lazy(() => import('./pages/control/Instructions.tsx')),
  violations: lazy(() => import('./pages/control/Violations.tsx')),
  content: lazy(() => import('./pages/control/Content.tsx')),
  map: lazy(() => import('./pages/control/Map.tsx')),
  checks: lazy(() => import('./pages/control/Checks.tsx')),
};
const AdminLayout = lazy(() => import('./pages/admin/Layout.tsx'));
/** The administrator's screens (issue 10 item 12). */
const ADMIN: Record<string, LazyExoticComponent<ComponentType>> = {
  users: lazy(() => import('./pages/admin/Users.tsx')),
  organizations: lazy(() => import('./pages/admin/Organizations.tsx')),
  directories: lazy(() => import('./pages/admin/Directories.tsx')),
  calendar: lazy(() => import('./pages/admin/Calendar.tsx')),
};
const ReceptionLayout = lazy(() => import('./pages/reception/Layout.tsx'));
const ReceptionSchedule = lazy(() => import('./pages/reception/Schedule.tsx'));
const ReceptionSignUps = lazy(() => import('./pages/reception/SignUps.tsx'));
const ReceptionCompliance = lazy(() => import('./pages/reception/Compliance.tsx'));
const ReceptionSession = lazy(() => import('./pages/reception/Session.tsx'));
const ReceptionReport = lazy(() => import('./pages/reception/Report.tsx'));
const PublicSchedule = lazy(() => import('./pages/reception/PublicSchedule.tsx'));
const Hall = lazy(() => import('./pages/reception/Hall.tsx'));
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

/** The reception's public pages (PR-17): the schedule and the hall screen, without sign-in. */
function PublicPages() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/public/reception" element={<PublicSchedule />} />
        <Route path="/public/reception/hall/:id" element={<Hall />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

function SignedIn() {
  const { user } = useSession();
  const location = useLocation();
  if (location.pathname.startsWith('/public/')) return <PublicPages />;
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
          <Route
            path="/contact-centre"
            element={
              <Guard roles={CONTACT_CENTRE_ROLES}>
                <ContactCentre />
              </Guard>
            }
          />
          <Route
            path="/contact-centre/figures"
            element={
              <Guard roles={CONTACT_CENTRE_HEAD_ROLES}>
                <ContactCentreHead />
              </Guard>
            }
          />
          <Route
            path="/reception"
            element={
              <Guard roles={RECEPTION_ROLES}>
                <ReceptionLayout />
              </Guard>
            }
          >
            <Route index element={<Navigate to="/reception/schedule" replace />} />
            <Route path="schedule" element={<ReceptionSchedule />} />
            <Route
              path="sign-ups"
              element={
                <Guard roles={['reception']}>
                  <ReceptionSignUps />
                </Guard>
              }
            />
            <Route path="compliance" element={<ReceptionCompliance />} />
            <Route path="report" element={<ReceptionReport />} />
            <Route path="sessions/:id" element={<ReceptionSession />} />
          </Route>
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
          <Route
            path="/control"
            element={
              <Guard roles={CONTROL_ROLES}>
                <ControlLayout />
              </Guard>
            }
          >
            <Route index element={<Navigate to="/control/dashboard" replace />} />
            {CONTROL_SCREENS.map((id) => {
              const Screen = CONTROL[id];
              return <Route key={id} path={id} element={<Screen />} />;
            })}
          </Route>
          <Route
            path="/admin"
            element={
              <Guard roles={['admin']}>
                <AdminLayout />
              </Guard>
            }
          >
            <Route index element={<Navigate to="/admin/users" replace />} />
            {Object.entries(ADMIN).map(([id, Screen]) => (
              <Route key={id} path={id} element={<Screen />} />
            ))}
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

/** The staff workspace lives under /staff; the citizen portal has / (src/http/web.ts). */
export const STAFF_BASENAME = '/staff';

export function App() {
  return (
    <BrowserRouter basename={STAFF_BASENAME}>
      <SignedIn />
    </BrowserRouter>
  );
}
