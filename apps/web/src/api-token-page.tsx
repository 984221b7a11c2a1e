import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { adminApi } from './access-api';
import { AdminPageFrame } from './admin-page-frame';
import { ApiTokenIssueModal, IssuedTokenModal } from './api-token-issue-modal';
import { ADMIN_ROUTES } from './app-routes';
import type { ApiTokenView, IssuedApiToken } from './api-types';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

const TOKENS_ROUTE = ADMIN_ROUTES.find((route) => route.path === '/admin/api-tokens')!;

function TokenStatus({ token }: { token: ApiTokenView }) {
  const { t } = useI18n();
  if (token.revokedAt) return <Tag>{t('token.status.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Tag color="orange">{t('token.status.expired')}</Tag>;
  return <Tag color="green">{t('token.status.valid')}</Tag>;
}

/** 接口令牌: credentials of the systems that call the API (hotline, upper-level platforms). */
export function ApiTokenPage() {
  const reportError = useErrorMessage();
  const { message } = App.useApp();
  const { t, routeLabel, lookup } = useI18n();
  const [tokens, setTokens] = useState<ApiTokenView[]>([]);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    adminApi
      .listApiTokens(controller.signal)
      .then(setTokens)
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [reloads, reportError]);

  const revoke = async (token: ApiTokenView) => {
    try {
      await adminApi.revokeApiToken(token.id);
      message.success(t('token.revokedDone', { name: token.name }));
      setReloads((count) => count + 1);
    } catch (error) {
      reportError(error);
    }
  };

  const columns: TableColumnsType<ApiTokenView> = [
    { key: 'name', title: t('token.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('token.token'), dataIndex: 'tokenPrefix', render: (prefix: string) => <span className="monospace">{prefix}…</span> },
    { key: 'region', title: t('token.scope'), render: (_value, token) => token.regionName ?? t('users.allRegions') },
    {
      key: 'permissions',
      title: t('token.permissions'),
      dataIndex: 'permissions',
      render: (permissions: ApiTokenView['permissions']) => (
        <Flex gap={4} wrap>
          {permissions.map((permission) => (
            <Tag key={permission}>{lookup(`permission.${permission}`, permission)}</Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'createdBy', title: t('token.issuedBy'), dataIndex: 'createdByUsername', render: (username: string | null) => username ?? '—' },
    { key: 'createdAt', title: t('token.issuedAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    { key: 'expiresAt', title: t('token.expiresAt'), dataIndex: 'expiresAt', render: (at: string | null) => formatDateTime(at, t('token.neverExpires')) },
    { key: 'lastUsedAt', title: t('token.lastUsed'), dataIndex: 'lastUsedAt', render: (at: string | null) => formatDateTime(at, t('token.neverUsed')) },
    { key: 'status', title: t('common.status'), render: (_value, token) => <TokenStatus token={token} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_value, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('token.revokeConfirm', { name: token.name })}
            description={t('token.revokeConfirmDetail')}
            okText={t('token.revoke')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(token)}
          >
            <Button type="link" size="small" danger>
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <AdminPageFrame
      title={routeLabel(TOKENS_ROUTE)}
      description={t('token.description')}
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
          {t('token.issue')}
        </Button>
      }
    >
      <Card>
        <Table<ApiTokenView>
          rowKey="id"
          columns={columns}
          dataSource={tokens}
          loading={loading}
          size="middle"
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('token.none') }}
          data-testid="api-token-table"
        />
      </Card>
      <ApiTokenIssueModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(token) => {
          setIssuing(false);
          setIssued(token);
          setReloads((count) => count + 1);
        }}
      />
      <IssuedTokenModal token={issued} onClose={() => setIssued(null)} />
    </AdminPageFrame>
  );
}
