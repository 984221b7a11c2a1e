import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { adminApi } from './access-api';
import type { UserView } from './api-types';
import { passwordPolicyHint } from './change-password-modal';
import { useI18n } from './i18n/i18n-context';
import { errorMessageOf } from './use-error-message';

interface ResetForm {
  password: string;
  confirmation: string;
}

/** An administrator sets a new password for a user; the server ends that user's sessions. */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetForm>();
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: ResetForm) => {
    if (!user) return;
    setSaving(true);
    setProblem(null);
    try {
      await adminApi.resetPassword(user.id, values.password);
      message.success(t('password.resetDone', { name: user.displayName }));
      onClose();
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('password.resetTitle', { name: user.displayName, username: user.username }) : t('users.resetPassword')}
      okText={t('users.resetPassword')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      afterClose={() => {
        form.resetFields();
        setProblem(null);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t('password.new')} extra={passwordPolicyHint(t)} rules={[{ required: true, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmation"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
