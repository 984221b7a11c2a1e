import { PlusOutlined } from '@ant-design/icons';
import type { StaffRole } from '@civicgrid/domain';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { adminApi } from './access-api';
import { AdminPageFrame } from './admin-page-frame';
import type { UserView } from './api-types';
import { formatDateTime } from './format-date-time';
import { ResetPasswordModal } from './reset-password-modal';
import { useCurrentUser } from './session-context';
import { ROLE_OPTIONS, UserFormDrawer } from './user-form-drawer';
import { useErrorMessage } from './use-error-message';

/** More than this and the administrator should narrow the list by search or role. */
const LIST_LIMIT = 500;

function jurisdictionOf(user: UserView): string {
  if (user.role === 'grid_worker') return user.gridCodes.length > 0 ? user.gridCodes.join('、') : '—';
  if (user.role === 'department_handler') return user.departmentName ?? (user.departmentId ? `部门 ${user.departmentId}` : '—');
  return user.regionName ?? (user.role === 'administrator' ? '全部区划' : '—');
}

function StatusTag({ user }: { user: UserView }) {
  if (user.disabled) return <Tag>已停用</Tag>;
  if (user.locked) return <Tag color="orange">已锁定</Tag>;
  return <Tag color="green">正常</Tag>;
}

/** 用户管理: staff accounts in the administrator's jurisdiction. */
export function UserAdminPage() {
  const currentUser = useCurrentUser();
  const reportError = useErrorMessage();
  const { message } = App.useApp();
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
      message.success(disabled ? `已停用 ${user.displayName}，其登录已全部退出` : `已启用 ${user.displayName}`);
      reload();
    } catch (error) {
      reportError(error);
    }
  };

  const revokeSessions = async (user: UserView) => {
    try {
      const { revoked } = await adminApi.revokeSessions(user.id);
      message.success(revoked > 0 ? `已让 ${user.displayName} 的 ${revoked} 个登录下线` : `${user.displayName} 当前没有登录`);
    } catch (error) {
      reportError(error);
    }
  };

  const columns: TableColumnsType<UserView> = [
    {
      key: 'username',
      title: '用户名',
      dataIndex: 'username',
      width: 200,
      render: (username: string) => <span className="monospace" style={{ whiteSpace: 'nowrap' }}>{username}</span>,
    },
    { key: 'displayName', title: '姓名', dataIndex: 'displayName', ellipsis: true },
    { key: 'role', title: '角色', dataIndex: 'roleLabel', width: 150, render: (label: string) => <Tag color="blue">{label}</Tag> },
    { key: 'jurisdiction', title: '管辖范围', render: (_value, user) => jurisdictionOf(user), ellipsis: true },
    { key: 'phone', title: '手机号', dataIndex: 'phone', width: 130, render: (phone: string | null) => phone ?? '—' },
    { key: 'status', title: '状态', width: 90, render: (_value, user) => <StatusTag user={user} /> },
    { key: 'lastLoginAt', title: '最近登录', dataIndex: 'lastLoginAt', width: 180, render: (at: string | null) => formatDateTime(at, '从未登录') },
    {
      key: 'actions',
      title: '操作',
      width: 260,
      render: (_value, user) => {
        const self = user.id === currentUser.userId;
        return (
          <Flex wrap>
            <Button type="link" size="small" onClick={() => setDrawer({ open: true, user })}>
              编辑
            </Button>
            {user.disabled ? (
              <Button type="link" size="small" onClick={() => setDisabled(user, false)}>
                启用
              </Button>
            ) : (
              <Popconfirm title={`停用 ${user.displayName}？`} description="停用后该账号无法登录，现有登录立即失效。" okText="停用" okButtonProps={{ danger: true }} onConfirm={() => setDisabled(user, true)} disabled={self}>
                <Button type="link" size="small" danger disabled={self} title={self ? '不能停用自己的账号' : undefined}>
                  停用
                </Button>
              </Popconfirm>
            )}
            <Button type="link" size="small" onClick={() => setResetting(user)}>
              重置密码
            </Button>
            <Popconfirm title={`让 ${user.displayName} 强制下线？`} description="该账号在所有设备上的登录立即失效。" okText="强制下线" onConfirm={() => revokeSessions(user)}>
              <Button type="link" size="small">
                强制下线
              </Button>
            </Popconfirm>
          </Flex>
        );
      },
    },
  ];

  return (
    <AdminPageFrame
      title="用户管理"
      description="工作人员账号、角色与管辖范围"
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, user: null })}>
          新建用户
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="搜索用户名或姓名" allowClear onSearch={(value) => setSearch(value.trim())} style={{ width: 280 }} />
          <Select
            placeholder="全部角色"
            allowClear
            options={ROLE_OPTIONS}
            value={role}
            onChange={(value?: StaffRole) => setRole(value)}
            style={{ width: 200 }}
            data-testid="user-role-filter"
          />
        </Flex>
        {users.length >= LIST_LIMIT && (
          <Alert type="info" showIcon title={`仅显示前 ${LIST_LIMIT} 个用户，请用搜索或角色筛选缩小范围`} style={{ marginBottom: 16 }} />
        )}
        <Table<UserView>
          rowKey="id"
          columns={columns}
          dataSource={users}
          loading={loading}
          size="middle"
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个用户` }}
          data-testid="user-table"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          重置密码、停用与强制下线都会让该用户的现有登录立即失效。
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
