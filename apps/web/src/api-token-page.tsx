import { PlusOutlined } from '@ant-design/icons';
import { PERMISSION_LABELS } from '@civicgrid/domain';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { adminApi } from './access-api';
import { AdminPageFrame } from './admin-page-frame';
import { ApiTokenIssueModal, IssuedTokenModal } from './api-token-issue-modal';
import type { ApiTokenView, IssuedApiToken } from './api-types';
import { formatDateTime } from './format-date-time';
import { useErrorMessage } from './use-error-message';

function TokenStatus({ token }: { token: ApiTokenView }) {
  if (token.revokedAt) return <Tag>已吊销</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Tag color="orange">已过期</Tag>;
  return <Tag color="green">有效</Tag>;
}

/** 接口令牌: credentials of the systems that call the API (hotline, upper-level platforms). */
export function ApiTokenPage() {
  const reportError = useErrorMessage();
  const { message } = App.useApp();
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
      message.success(`已吊销令牌“${token.name}”`);
      setReloads((count) => count + 1);
    } catch (error) {
      reportError(error);
    }
  };

  const columns: TableColumnsType<ApiTokenView> = [
    { key: 'name', title: '名称', dataIndex: 'name' },
    { key: 'prefix', title: '令牌', dataIndex: 'tokenPrefix', render: (prefix: string) => <span className="monospace">{prefix}…</span> },
    { key: 'region', title: '数据范围', render: (_value, token) => token.regionName ?? '全部区划' },
    {
      key: 'permissions',
      title: '权限',
      dataIndex: 'permissions',
      render: (permissions: ApiTokenView['permissions']) => (
        <Flex gap={4} wrap>
          {permissions.map((permission) => (
            <Tag key={permission}>{PERMISSION_LABELS[permission] ?? permission}</Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'createdBy', title: '签发人', dataIndex: 'createdByUsername', render: (username: string | null) => username ?? '—' },
    { key: 'createdAt', title: '签发时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    { key: 'expiresAt', title: '到期时间', dataIndex: 'expiresAt', render: (at: string | null) => formatDateTime(at, '永不过期') },
    { key: 'lastUsedAt', title: '最近使用', dataIndex: 'lastUsedAt', render: (at: string | null) => formatDateTime(at, '从未使用') },
    { key: 'status', title: '状态', render: (_value, token) => <TokenStatus token={token} /> },
    {
      key: 'actions',
      title: '操作',
      render: (_value, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={`吊销令牌“${token.name}”？`}
            description="吊销后使用该令牌的系统将立即无法访问，且不能恢复。"
            okText="吊销"
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(token)}
          >
            <Button type="link" size="small" danger>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <AdminPageFrame
      title="接口令牌"
      description="供热线、上级平台等外部系统调用接口的凭证，按区划和权限限定"
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
          签发令牌
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
          locale={{ emptyText: '尚未签发接口令牌' }}
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
