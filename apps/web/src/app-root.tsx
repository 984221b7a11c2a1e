import { Button, Flex, Layout, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { AppHeader } from './app-header';
import { navigate, usePathname } from './app-location';
import { MAP_ROUTE, routeOfPath } from './app-routes';
import { LoginPage } from './login-page';
import { useCurrentUser, useSession } from './session-context';

// Loaded when first shown: the login page should not wait for the map library, nor a grid worker for the admin pages.
const ConsolePage = lazy(() => import('./console-page').then((module) => ({ default: module.ConsolePage })));
const UserAdminPage = lazy(() => import('./user-admin-page').then((module) => ({ default: module.UserAdminPage })));
const ApiTokenPage = lazy(() => import('./api-token-page').then((module) => ({ default: module.ApiTokenPage })));
const AuditLogPage = lazy(() => import('./audit-log-page').then((module) => ({ default: module.AuditLogPage })));

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

function RoutePage({ path }: { path: string }) {
  switch (path) {
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
  const route = routeOfPath(pathname);

  useEffect(() => {
    document.title = route && route !== MAP_ROUTE ? `${route.label} - ${PRODUCT_TITLE}` : PRODUCT_TITLE;
  }, [route]);

  if (!route) return <MessagePage status={404} title="页面不存在" subTitle={`没有找到页面 ${pathname}`} />;
  if (route.permission && !user.can(route.permission)) {
    return <MessagePage status={403} title="无权访问" subTitle={`您的角色（${user.roleLabel}）不能使用“${route.label}”。`} />;
  }
  return (
    <Suspense fallback={<PageSpinner />}>
      <RoutePage path={route.path} />
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
