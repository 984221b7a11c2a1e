import { PERMISSION_LABELS, PERMISSIONS, type Permission } from '@civicgrid/domain';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { adminApi } from './access-api';
import type { IssuedApiToken } from './api-types';
import { copyText } from './copy-text';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { errorMessageOf } from './use-error-message';

interface IssueForm {
  name: string;
  regionCode?: string;
  permissions: Permission[];
  validDays: number;
}

const VALIDITY_OPTIONS = [
  { value: 30, label: '30 天' },
  { value: 90, label: '90 天' },
  { value: 180, label: '180 天' },
  { value: 365, label: '1 年' },
  { value: 0, label: '永不过期' },
];

const PERMISSION_OPTIONS = PERMISSIONS.map((permission) => ({ value: permission, label: PERMISSION_LABELS[permission] }));

function expiryOf(validDays: number): string | null {
  return validDays > 0 ? new Date(Date.now() + validDays * 86_400_000).toISOString() : null;
}

/** Issues a token for an integration; the token itself is handed to `onIssued` to be shown exactly once. */
export function ApiTokenIssueModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (token: IssuedApiToken) => void }) {
  const currentUser = useCurrentUser();
  const [form] = Form.useForm<IssueForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const regionOptional = currentUser.jurisdiction.kind === 'everywhere';

  const submit = async (values: IssueForm) => {
    setSaving(true);
    setProblem(null);
    try {
      onIssued(await adminApi.issueApiToken({
        name: values.name.trim(), regionCode: values.regionCode ?? null, permissions: values.permissions, expiresAt: expiryOf(values.validDays),
      }));
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="签发接口令牌"
      okText="签发"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={560}
      afterClose={() => setProblem(null)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ permissions: ['grid.read'], validDays: 90 }}>
        <Form.Item name="name" label="名称" extra="对接的系统或用途，如：12345 热线对接" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label="数据范围"
          extra={regionOptional ? '令牌只能访问此区划及其下级的数据；留空表示全部区划' : '令牌只能访问此区划及其下级的数据'}
          rules={regionOptional ? [] : [{ required: true, message: '请选择区划' }]}
        >
          <RegionCascader placeholder={regionOptional ? '全部区划' : '请选择区划'} />
        </Form.Item>
        <Form.Item name="permissions" label="权限" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项权限' }]}>
          <Checkbox.Group options={PERMISSION_OPTIONS} className="permission-checkboxes" />
        </Form.Item>
        <Form.Item name="validDays" label="有效期">
          <Select options={VALIDITY_OPTIONS} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        令牌的每次调用都记入审计日志。
      </Typography.Text>
    </Modal>
  );
}

/** The one and only showing of a newly issued token. */
export function IssuedTokenModal({ token, onClose }: { token: IssuedApiToken | null; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!token) return;
    if (await copyText(token.token)) message.success('令牌已复制到剪贴板');
    else message.warning('无法自动复制，请手动选中令牌后复制');
  };

  return (
    <Modal
      open={token !== null}
      title={token ? `令牌已签发：${token.name}` : '令牌已签发'}
      onCancel={onClose}
      maskClosable={false}
      width={560}
      // Without this the closed dialog keeps the secret in the page, merely hidden.
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button icon={<CopyOutlined />} onClick={copy}>
            复制令牌
          </Button>
          <Button type="primary" onClick={onClose}>
            我已复制保存
          </Button>
        </Flex>
      }
    >
      <Alert
        type="warning"
        showIcon
        title="令牌只显示这一次"
        description="关闭此窗口后将无法再次查看。请立即复制并妥善保存，不要通过聊天工具或邮件明文传递。"
        style={{ marginBottom: 16 }}
      />
      {token && (
        <Typography.Paragraph className="issued-token" data-testid="issued-token">
          {token.token}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
