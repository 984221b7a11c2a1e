import { Button, Flex, Layout, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { AppHeader } from './app-header';
import { navigate, usePathname } from './app-location';
import { MAP_ROUTE, matchRoute, type RouteMatch } from './app-routes';
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
const AllClearPage = lazy(() => import('./all-clear-page').then((module) => ({ default: module.AllClearPage })));

const PRODUCT_TITLE = 'CivicGrid 网格化基层治理平台';

function MessagePage({ status, title, subTitle }: { status: 403 | 404; title: string; subTitle: string }) {
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
              返回网格地图
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
  switch (match.route.path) {
    case '/incidents':
      return <IncidentListPage />;
    case '/incidents/new':
      return <IncidentReportPage />;
    case '/incidents/:id': {
      const id = Number(match.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) {
        return <MessagePage status={404} title="事件不存在" subTitle={`没有编号为 ${match.params.id} 的事件`} />;
      }
      // Keyed by id: another incident's page starts from its own state, not the previous one's.
      return <IncidentPage key={id} incidentId={id} />;
    }
    case '/all-clears':
      return <AllClearPage />;
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
  const pathname = usePathname();
  const match = matchRoute(pathname);
  const route = match?.route;

  useEffect(() => {
    document.title = route && route !== MAP_ROUTE ? `${route.label} - ${PRODUCT_TITLE}` : PRODUCT_TITLE;
  }, [route]);

  if (!match || !route) return <MessagePage status={404} title="页面不存在" subTitle={`没有找到页面 ${pathname}`} />;
  if (route.permission && !user.can(route.permission)) {
    return <MessagePage status={403} title="无权访问" subTitle={`您的角色（${user.roleLabel}）不能使用“${route.label}”。`} />;
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
