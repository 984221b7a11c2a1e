import { PERMISSIONS, type Permission } from '@civicgrid/domain';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { adminApi } from './access-api';
import type { IssuedApiToken } from './api-types';
import { copyText } from './copy-text';
import { useI18n, type Translate } from './i18n/i18n-context';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { errorMessageOf } from './use-error-message';

interface IssueForm {
  name: string;
  regionCode?: string;
  permissions: Permission[];
  validDays: number;
}

const validityOptions = (t: Translate) => [
  ...[30, 90, 180].map((days) => ({ value: days, label: t('token.validDays', { days }) })),
  { value: 365, label: t('token.validYear') },
  { value: 0, label: t('token.neverExpires') },
];

const permissionOptions = (t: Translate) => PERMISSIONS.map((permission) => ({ value: permission, label: t(`permission.${permission}`) }));

function expiryOf(validDays: number): string | null {
  return validDays > 0 ? new Date(Date.now() + validDays * 86_400_000).toISOString() : null;
}

/** Issues a token for an integration; the token itself is handed to `onIssued` to be shown exactly once. */
export function ApiTokenIssueModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (token: IssuedApiToken) => void }) {
  const currentUser = useCurrentUser();
  const [form] = Form.useForm<IssueForm>();
  const { t } = useI18n();
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
      title={t('token.issueTitle')}
      okText={t('token.issueOk')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      afterClose={() => setProblem(null)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ permissions: ['grid.read'], validDays: 90 }}>
        <Form.Item
          name="name"
          label={t('token.name')}
          extra={t('token.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('token.nameRequired') }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('token.scope')}
          extra={regionOptional ? t('token.scopeHintOptional') : t('token.scopeHint')}
          rules={regionOptional ? [] : [{ required: true, message: t('region.choose') }]}
        >
          <RegionCascader placeholder={regionOptional ? t('users.allRegions') : t('region.choose')} />
        </Form.Item>
        <Form.Item name="permissions" label={t('token.permissions')} rules={[{ required: true, type: 'array', min: 1, message: t('token.permissionsRequired') }]}>
          <Checkbox.Group options={permissionOptions(t)} className="permission-checkboxes" data-testid="token-permissions" />
        </Form.Item>
        <Form.Item name="validDays" label={t('token.validity')}>
          <Select options={validityOptions(t)} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('token.audited')}
      </Typography.Text>
    </Modal>
  );
}

/** The one and only showing of a newly issued token. */
export function IssuedTokenModal({ token, onClose }: { token: IssuedApiToken | null; onClose: () => void }) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const copy = async () => {
    if (!token) return;
    if (await copyText(token.token)) message.success(t('token.copied'));
    else message.warning(t('token.copyFailed'));
  };

  return (
    <Modal
      open={token !== null}
      title={token ? t('token.issuedNamed', { name: token.name }) : t('token.issued')}
      onCancel={onClose}
      maskClosable={false}
      width={560}
      // Without this the closed dialog keeps the secret in the page, merely hidden.
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('token.copy')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('token.savedIt')}
          </Button>
        </Flex>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={t('token.onlyOnce')}
        description={t('token.onlyOnceDetail')}
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
