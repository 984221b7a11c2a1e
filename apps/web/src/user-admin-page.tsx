import { PlusOutlined } from '@ant-design/icons';
import type { StaffRole } from '@civicgrid/domain';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { adminApi } from './access-api';
import { AdminPageFrame } from './admin-page-frame';
import type { UserView } from './api-types';
import { ADMIN_ROUTES } from './app-routes';
import { formatDateTime } from './format-date-time';
import { useI18n, type Translate } from './i18n/i18n-context';
import { ResetPasswordModal } from './reset-password-modal';
import { useCurrentUser } from './session-context';
import { roleOptions, UserFormDrawer } from './user-form-drawer';
import { useErrorMessage } from './use-error-message';

/** More than this and the administrator should narrow the list by search or role. */
const LIST_LIMIT = 500;

const USERS_ROUTE = ADMIN_ROUTES.find((route) => route.path === '/admin/users')!;

function jurisdictionOf(user: UserView, t: Translate): string {
  if (user.role === 'grid_worker') return user.gridCodes.length > 0 ? user.gridCodes.join(t('common.enumerationSeparator')) : '—';
  if (user.role === 'department_handler') return user.departmentName ?? (user.departmentId ? t('users.department', { id: user.departmentId }) : '—');
  return user.regionName ?? (user.role === 'administrator' ? t('users.allRegions') : '—');
}

function StatusTag({ user }: { user: UserView }) {
  const { t } = useI18n();
  if (user.disabled) return <Tag>{t('users.status.disabled')}</Tag>;
  if (user.locked) return <Tag color="orange">{t('users.status.locked')}</Tag>;
  return <Tag color="green">{t('users.status.active')}</Tag>;
}

/** 用户管理: staff accounts in the administrator's jurisdiction. */
export function UserAdminPage() {
  const currentUser = useCurrentUser();
  const reportError = useErrorMessage();
  const { message } = App.useApp();
  const { locale, t, lookup, routeLabel } = useI18n();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<StaffRole | undefined>();
  const [users, setUsers] = useState<UserView[]>([]);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const [drawer, setDrawer] = useState<{ open: boolean; user: UserView | null }>({ open: false, user: null });
  const [resetting, setResetting] = useState<UserView | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    adminApi
      .listUsers({ search: search || undefined, role, limit: LIST_LIMIT }, controller.signal)
      .then(setUsers)
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [search, role, reloads, reportError]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  const setDisabled = async (user: UserView, disabled: boolean) => {
    try {
      await adminApi.updateUser(user.id, { disabled });
      message.success(disabled ? t('users.disabledDone', { name: user.displayName }) : t('users.enabledDone', { name: user.displayName }));
      reload();
    } catch (error) {
      reportError(error);
    }
  };

  const revokeSessions = async (user: UserView) => {
    try {
      const { revoked } = await adminApi.revokeSessions(user.id);
      message.success(revoked > 0 ? t('users.revokedDone', { name: user.displayName, count: revoked }) : t('users.noSessions', { name: user.displayName }));
    } catch (error) {
      reportError(error);
    }
  };

  const columns: TableColumnsType<UserView> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      width: 200,
      render: (username: string) => <span className="monospace" style={{ whiteSpace: 'nowrap' }}>{username}</span>,
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', ellipsis: true },
    {
      // English role names are about twice as wide as the Chinese ones.
      key: 'role', title: t('users.role'), dataIndex: 'roleLabel', width: locale === 'en' ? 210 : 150,
      render: (label: string, user) => <Tag color="blue">{lookup(`role.${user.role}`, label)}</Tag>,
    },
    { key: 'jurisdiction', title: t('users.jurisdiction'), render: (_value, user) => jurisdictionOf(user, t), ellipsis: true },
    { key: 'phone', title: t('users.phone'), dataIndex: 'phone', width: 130, render: (phone: string | null) => phone ?? '—' },
    { key: 'status', title: t('common.status'), width: 90, render: (_value, user) => <StatusTag user={user} /> },
    {
      key: 'lastLoginAt', title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 180,
      render: (at: string | null) => formatDateTime(at, t('users.neverLoggedIn')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 260,
      render: (_value, user) => {
        const self = user.id === currentUser.userId;
        return (
          <Flex wrap>
            <Button type="link" size="small" onClick={() => setDrawer({ open: true, user })}>
              {t('common.edit')}
            </Button>
            {user.disabled ? (
              <Button type="link" size="small" onClick={() => setDisabled(user, false)}>
                {t('users.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('users.disableConfirm', { name: user.displayName })}
                description={t('users.disableConfirmDetail')}
                okText={t('users.disable')}
                okButtonProps={{ danger: true }}
                onConfirm={() => setDisabled(user, true)}
                disabled={self}
              >
                <Button type="link" size="small" danger disabled={self} title={self ? t('users.cannotDisableSelf') : undefined}>
                  {t('users.disable')}
                </Button>
              </Popconfirm>
            )}
            <Button type="link" size="small" onClick={() => setResetting(user)}>
              {t('users.resetPassword')}
            </Button>
            <Popconfirm
              title={t('users.revokeConfirm', { name: user.displayName })}
              description={t('users.revokeConfirmDetail')}
              okText={t('users.revoke')}
              onConfirm={() => revokeSessions(user)}
            >
              <Button type="link" size="small">
                {t('users.revoke')}
              </Button>
            </Popconfirm>
          </Flex>
        );
      },
    },
  ];

  return (
    <AdminPageFrame
      title={routeLabel(USERS_ROUTE)}
      description={t('users.description')}
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, user: null })}>
          {t('users.new')}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder={t('users.search')} allowClear onSearch={(value) => setSearch(value.trim())} style={{ width: 280 }} />
          <Select
            placeholder={t('users.allRoles')}
            allowClear
            options={roleOptions(t)}
            value={role}
            onChange={(value?: StaffRole) => setRole(value)}
            style={{ width: 200 }}
            data-testid="user-role-filter"
          />
        </Flex>
        {users.length >= LIST_LIMIT && (
          <Alert type="info" showIcon title={t('users.limited', { limit: LIST_LIMIT })} style={{ marginBottom: 16 }} />
        )}
        <Table<UserView>
          rowKey="id"
          columns={columns}
          dataSource={users}
          loading={loading}
          size="middle"
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('users.total', { count: total }) }}
          data-testid="user-table"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('users.sessionNote')}
        </Typography.Text>
      </Card>
      <UserFormDrawer
        open={drawer.open}
        user={drawer.user}
        // The user stays while the drawer slides away, so its title does not change under the animation.
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
        onSaved={() => {
          setDrawer((current) => ({ ...current, open: false }));
          reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </AdminPageFrame>
  );
}
