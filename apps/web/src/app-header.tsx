import { ApartmentOutlined, DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import type { Permission } from '@civicgrid/domain';
import { useState, type ReactNode } from 'react';
import { navigate, usePathname } from './app-location';
import { ADMIN_ROUTES, INCIDENT_ROUTES, MAP_ROUTE, matchRoute } from './app-routes';
import { ChangePasswordModal } from './change-password-modal';
import { HEADER_HEIGHT } from './console-layout';
import { NotificationBell } from './notification-bell';
import { useCurrentUser, useSession } from './session-context';
import { useErrorMessage } from './use-error-message';

const ADMIN_MENU_KEY = 'admin';

function UserMenu() {
  const user = useCurrentUser();
  const { signOut, signOutEverywhere } = useSession();
  const { modal } = App.useApp();
  const reportError = useErrorMessage();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    { key: 'logout-everywhere', icon: <PoweroffOutlined />, label: '退出所有设备', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') signOut().catch(reportError);
    if (key === 'logout-everywhere') {
      modal.confirm({
        title: '退出所有设备？',
        content: '您在所有电脑和手机上的登录都将立即失效，包括当前这台。',
        okText: '全部退出',
        okButtonProps: { danger: true },
        onOk: () => signOutEverywhere().catch(reportError),
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button type="button" className="app-header-user" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', flex: 'none' }} />
          <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
            {user.displayName}
          </Typography.Text>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {user.roleLabel}
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
  const allowed = <T extends { permission?: Permission }>(routes: T[]) =>
    routes.filter((route) => !route.permission || user.can(route.permission));
  const adminRoutes = allowed(ADMIN_ROUTES);
  const entries = [MAP_ROUTE, ...allowed(INCIDENT_ROUTES)];
  const menuItems: MenuProps['items'] = [
    ...entries.map((route) => ({ key: route.path, label: route.label })),
    ...(adminRoutes.length > 0
      ? [{ key: ADMIN_MENU_KEY, label: '系统管理', children: adminRoutes.map((route) => ({ key: route.path, label: route.label })) }]
      : []),
  ];
  const match = matchRoute(pathname);
  const selectedKey = match ? (match.route.menuPath ?? match.route.path) : pathname;
  // Wide enough for every entry, so that none folds into the overflow "…" menu.
  const labels = [...entries.map((route) => route.label), ...(adminRoutes.length > 0 ? ['系统管理'] : [])];
  const menuWidth = labels.reduce((width, label) => width + label.length * 14 + 50, 16);
  const canReadNotifications = user.can('incident.read');

  return (
    <Layout.Header className="app-header" style={{ height: HEADER_HEIGHT, lineHeight: `${HEADER_HEIGHT}px` }}>
      <button type="button" className="app-header-brand" onClick={() => navigate(MAP_ROUTE.path)}>
        <ApartmentOutlined style={{ fontSize: 22, color: '#1677ff' }} />
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          CivicGrid 网格化治理
        </Typography.Title>
      </button>
      <Menu
        mode="horizontal"
        selectedKeys={[selectedKey]}
        items={menuItems}
        onClick={({ key }) => navigate(key)}
        style={{ flex: `0 0 ${menuWidth}px`, minWidth: 0, borderBottom: 'none', lineHeight: `${HEADER_HEIGHT - 2}px` }}
        data-testid="app-navigation"
      />
      <div className="app-header-context">{children}</div>
      {canReadNotifications && <NotificationBell />}
      <UserMenu />
    </Layout.Header>
  );
}
