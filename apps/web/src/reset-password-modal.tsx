import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { adminApi } from './access-api';
import type { UserView } from './api-types';
import { PASSWORD_POLICY_HINT } from './change-password-modal';
import { errorMessageOf } from './use-error-message';

interface ResetForm {
  password: string;
  confirmation: string;
}

/** An administrator sets a new password for a user; the server ends that user's sessions. */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: ResetForm) => {
    if (!user) return;
    setSaving(true);
    setProblem(null);
    try {
      await adminApi.resetPassword(user.id, values.password);
      message.success(`已重置 ${user.displayName} 的密码，其所有登录已退出`);
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
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      okText="重置密码"
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
        <Form.Item name="password" label="新密码" extra={PASSWORD_POLICY_HINT} rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmation"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
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
