import { PASSWORD_MINIMUM_LENGTH } from '@civicgrid/domain';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useSession } from './session-context';
import { errorMessageOf } from './use-error-message';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export const PASSWORD_POLICY_HINT = `至少 ${PASSWORD_MINIMUM_LENGTH} 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名`;

/** Changing one's own password; the server then ends every session, so the user signs in again. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changePassword } = useSession();
  const [form] = Form.useForm<PasswordForm>();
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
      title="修改密码"
      okText="确认修改"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      afterClose={() => {
        form.resetFields();
        setProblem(null);
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title="修改后所有设备上的登录都将退出，需要使用新密码重新登录。" style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={PASSWORD_POLICY_HINT} rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmation"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
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
