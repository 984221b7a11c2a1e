import { Button, Flex, Layout, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { AppHeader } from './app-header';
import { navigate, usePathname } from './app-location';
import { MAP_ROUTE, matchRoute, type RouteMatch } from './app-routes';
import { useI18n } from './i18n/i18n-context';
import { LoginPage } from './login-page';
import { useCurrentUser, useSession } from './session-context';

// Loaded when first shown: the login page should not wait for the map library, nor a grid worker for the admin pages.
const ConsolePage = lazy(() => import('./console-page').then((module) => ({ default: module.ConsolePage })));
const UserAdminPage = lazy(() => import('./user-admin-page').then((module) => ({ default: module.UserAdminPage })));
const ApiTokenPage = lazy(() => import('./api-token-page').then((module) => ({ default: module.ApiTokenPage })));
const AuditLogPage = lazy(() => import('./audit-log-page').then((module) => ({ default: module.AuditLogPage })));
const IncidentListPage = lazy(() => import('./incident-list-page').then((module) => ({ default: module.IncidentListPage })));
const IncidentPage = lazy(() => import('./incident-page').then((module) => ({ default: module.IncidentPage })));
const IncidentReportPage = lazy(() => import('./incident-report-page').then((module) => ({ default: module.IncidentReportPage })));
const PersonListPage = lazy(() => import('./person-list-page').then((module) => ({ default: module.PersonListPage })));
const PersonPage = lazy(() => import('./person-page').then((module) => ({ default: module.PersonPage })));
const PersonCreatePage = lazy(() => import('./person-create-page').then((module) => ({ default: module.PersonCreatePage })));
const PersonDuplicatesPage = lazy(() => import('./person-duplicates-page').then((module) => ({ default: module.PersonDuplicatesPage })));
const ImportWizardPage = lazy(() => import('./import-wizard-page').then((module) => ({ default: module.ImportWizardPage })));
const RecordListPage = lazy(() => import('./record-list-page').then((module) => ({ default: module.RecordListPage })));
const AllClearPage = lazy(() => import('./all-clear-page').then((module) => ({ default: module.AllClearPage })));
// ECharts comes only with the dashboards, so that nobody else's pages carry it.
const CommandMapPage = lazy(() => import('./command-map/command-map-page').then((module) => ({ default: module.CommandMapPage })));
const DashboardPage = lazy(() => import('./dashboards/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const BigScreenPage = lazy(() => import('./dashboards/big-screen-page').then((module) => ({ default: module.BigScreenPage })));
const DirectiveListPage = lazy(() => import('./directives/directive-list-page').then((module) => ({ default: module.DirectiveListPage })));
const DirectivePage = lazy(() => import('./directives/directive-page').then((module) => ({ default: module.DirectivePage })));
const MyDirectivesPage = lazy(() => import('./directives/my-directives-page').then((module) => ({ default: module.MyDirectivesPage })));
const CameraListPage = lazy(() => import('./cameras/camera-list-page').then((module) => ({ default: module.CameraListPage })));

function MessagePage({ status, title, subTitle }: { status: 403 | 404; title: string; subTitle: string }) {
  const { t } = useI18n();
  return (
    <Layout style={{ height: '100vh' }}>
      <AppHeader />
      <Layout.Content>
        <Result
          status={status}
          title={title}
          subTitle={subTitle}
          extra={
            <Button type="primary" onClick={() => navigate(MAP_ROUTE.path)}>
              {t('page.backToMap')}
            </Button>
          }
        />
      </Layout.Content>
    </Layout>
  );
}

function PageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ height: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}

function RoutePage({ match }: { match: RouteMatch }) {
  const { t } = useI18n();
  switch (match.route.path) {
    case '/incidents':
      return <IncidentListPage />;
    case '/incidents/new':
      return <IncidentReportPage />;
    case '/incidents/:id': {
      const id = Number(match.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) {
        return <MessagePage status={404} title={t('incident.notFound')} subTitle={t('incident.noneNumbered', { id: match.params.id ?? '' })} />;
      }
      // Keyed by id: another incident's page starts from its own state, not the previous one's.
      return <IncidentPage key={id} incidentId={id} />;
    }
    case '/registers/persons':
      return <PersonListPage />;
    case '/registers/persons/new':
      return <PersonCreatePage />;
    case '/registers/persons/duplicates':
      return <PersonDuplicatesPage />;
    case '/registers/persons/:id': {
      const id = Number(match.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) {
        return <MessagePage status={404} title={t('person.notFound')} subTitle={t('person.noneNumbered', { id: match.params.id ?? '' })} />;
      }
      return <PersonPage key={id} personId={id} />;
    }
    case '/registers/imports/new':
      return <ImportWizardPage />;
    case '/registers/organizations':
    case '/registers/places':
    case '/registers/facilities':
      // Keyed by register: another register's page starts from its own filters.
      return <RecordListPage key={match.route.path} path={match.route.path} />;
    case '/all-clears':
      return <AllClearPage />;
    case '/command':
      return <CommandMapPage />;
    case '/dashboards':
      return <DashboardPage />;
    case '/big-screen':
      return <BigScreenPage />;
    case '/directives':
      return <DirectiveListPage />;
    case '/directives/mine':
      return <MyDirectivesPage />;
    case '/directives/:id': {
      const id = Number(match.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) return <MessagePage status={404} title={t('directive.detail.notFound')} subTitle={t('page.noDirectiveDetail', { id: match.params.id ?? '' })} />;
      return <DirectivePage key={id} directiveId={id} />;
    }
    case '/cameras':
      return <CameraListPage />;
    case '/admin/users':
      return <UserAdminPage />;
    case '/admin/api-tokens':
      return <ApiTokenPage />;
    case '/admin/audit-log':
      return <AuditLogPage />;
    default:
      return <ConsolePage />;
  }
}

function SignedInApp() {
  const user = useCurrentUser();
  const { t, routeLabel, lookup } = useI18n();
  const pathname = usePathname();
  const match = matchRoute(pathname);
  const route = match?.route;

  useEffect(() => {
    document.title = route && route !== MAP_ROUTE ? `${routeLabel(route)} - ${t('app.title')}` : t('app.title');
  }, [route, routeLabel, t]);

  if (!match || !route) return <MessagePage status={404} title={t('page.notFound')} subTitle={t('page.notFoundDetail', { path: pathname })} />;
  if (route.permission && !user.can(route.permission)) {
    const role = lookup(`role.${user.role}`, user.roleLabel);
    return <MessagePage status={403} title={t('page.forbidden')} subTitle={t('page.forbiddenDetail', { role, page: routeLabel(route) })} />;
  }
  return (
    <Suspense fallback={<PageSpinner />}>
      <RoutePage match={match} />
    </Suspense>
  );
}

/** Signed in: the page the URL names; otherwise the login page, whatever the URL (it is kept for after sign-in). */
export function AppRoot() {
  const { state } = useSession();
  if (state.status === 'loading') return <PageSpinner />;
  if (state.status === 'signed-out') return <LoginPage notice={state.notice} />;
  // A new user starts from fresh page state, not the previous user's selections.
  return <SignedInApp key={state.user.userId} />;
}
