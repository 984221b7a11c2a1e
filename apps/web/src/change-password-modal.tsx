import { PASSWORD_MINIMUM_LENGTH } from '@civicgrid/domain';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n, type Translate } from './i18n/i18n-context';
import { useSession } from './session-context';
import { errorMessageOf } from './use-error-message';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export const passwordPolicyHint = (t: Translate) => t('password.policy', { length: PASSWORD_MINIMUM_LENGTH });

/** Changing one's own password; the server then ends every session, so the user signs in again. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changePassword } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: PasswordForm) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
    } catch (error) {
      // The server's text names what the policy wants, e.g. 密码不符合要求：密码至少 10 位.
      setProblem(errorMessageOf(error));
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('user.changePassword')}
      okText={t('password.changeOk')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      afterClose={() => {
        form.resetFields();
        setProblem(null);
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('password.changeNote')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={passwordPolicyHint(t)} rules={[{ required: true, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmation"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.newMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="change-password-error" />}
    </Modal>
  );
}
