import { ApartmentOutlined, DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import type { Permission } from '@civicgrid/domain';
import { useState, type ReactNode } from 'react';
import { navigate, usePathname } from './app-location';
import { ADMIN_ROUTES, COMMAND_ROUTES, INCIDENT_ROUTES, MAP_ROUTE, matchRoute, REGISTER_ROUTES, type AppRoute } from './app-routes';
import { ChangePasswordModal } from './change-password-modal';
import { HEADER_HEIGHT } from './console-layout';
import { useI18n } from './i18n/i18n-context';
import { LanguageSwitch } from './i18n/language-switch';
import { NotificationBell } from './notification-bell';
import { useCurrentUser, useSession } from './session-context';
import { useErrorMessage } from './use-error-message';

/** The navigation's folded entries: a label over the pages the user may open. */
const SUBMENUS = [
  { key: 'command', label: '指挥调度', routes: COMMAND_ROUTES },
  { key: 'registers', label: '基础数据', routes: REGISTER_ROUTES },
  { key: 'admin', label: '系统管理', routes: ADMIN_ROUTES },
];

function UserMenu() {
  const user = useCurrentUser();
  const { signOut, signOutEverywhere } = useSession();
  const { modal } = App.useApp();
  const reportError = useErrorMessage();
  const [changingPassword, setChangingPassword] = useState(false);
  const { t, lookup } = useI18n();

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') },
    { key: 'logout-everywhere', icon: <PoweroffOutlined />, label: t('user.logoutEverywhere'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') signOut().catch(reportError);
    if (key === 'logout-everywhere') {
      modal.confirm({
        title: t('user.logoutEverywhereTitle'),
        content: t('user.logoutEverywhereContent'),
        okText: t('user.logoutEverywhereOk'),
        okButtonProps: { danger: true },
        onOk: () => signOutEverywhere().catch(reportError),
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button type="button" className="app-header-user app-header-user-menu" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', flex: 'none' }} />
          <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
            {user.displayName}
          </Typography.Text>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {lookup(`role.${user.role}`, user.roleLabel)}
          </Tag>
          <DownOutlined style={{ fontSize: 10, color: 'rgba(0, 0, 0, 0.45)' }} />
        </button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}

/** The bar across every page: product, navigation, the page's own context (e.g. the breadcrumb), and the user. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const user = useCurrentUser();
  const pathname = usePathname();
  const { t, routeLabel, lookup } = useI18n();
  const allowed = <T extends { permission?: Permission }>(routes: T[]) =>
    routes.filter((route) => !route.permission || user.can(route.permission));
  const entries = [MAP_ROUTE, ...allowed(INCIDENT_ROUTES)];
  const submenus = SUBMENUS.map((submenu) => ({ ...submenu, routes: allowed(submenu.routes) })).filter((submenu) => submenu.routes.length > 0);
  const itemOf = (route: AppRoute) => ({ key: route.path, label: routeLabel(route) });
  const menuItems: MenuProps['items'] = [
    ...entries.map(itemOf),
    ...submenus.map((submenu) => ({ key: submenu.key, label: lookup(`nav.${submenu.key}`, submenu.label), children: submenu.routes.map(itemOf) })),
  ];
  const match = matchRoute(pathname);
  const selectedKey = match ? (match.route.menuPath ?? match.route.path) : pathname;
  const canReadNotifications = user.can('incident.read');

  return (
    <Layout.Header className="app-header" style={{ height: HEADER_HEIGHT, lineHeight: `${HEADER_HEIGHT}px` }}>
      <button type="button" className="app-header-brand" onClick={() => navigate(MAP_ROUTE.path)}>
        <ApartmentOutlined style={{ fontSize: 22, color: '#1677ff' }} />
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.brand')}
        </Typography.Title>
      </button>
      <Menu
        mode="horizontal"
        selectedKeys={[selectedKey]}
        items={menuItems}
        onClick={({ key }) => navigate(key)}
        // As wide as its entries in the console's language, none folded into an overflow "…" menu: the page's trail gives way instead.
        disabledOverflow
        style={{ flex: 'none', borderBottom: 'none', lineHeight: `${HEADER_HEIGHT - 2}px` }}
        data-testid="app-navigation"
      />
      <div className="app-header-context">{children}</div>
      {canReadNotifications && <NotificationBell />}
      <LanguageSwitch />
      <UserMenu />
    </Layout.Header>
  );
}
