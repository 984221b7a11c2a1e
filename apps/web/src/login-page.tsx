import { ApartmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from './api-client';
import { useSession } from './session-context';
import { errorMessageOf } from './use-error-message';

interface LoginForm {
  username: string;
  password: string;
}

interface LoginProblem {
  text: string;
  /** Lockout and throttling are not a typo: they read as a warning, not an error. */
  kind: 'error' | 'warning';
}

function problemOf(error: unknown): LoginProblem {
  const throttled = error instanceof ApiError && (error.code === 'auth.locked' || error.code === 'auth.throttled');
  return { text: errorMessageOf(error), kind: throttled ? 'warning' : 'error' };
}

/** The sign-in screen: everything in the console needs a signed-in user. */
export function LoginPage({ notice }: { notice: string | null }) {
  const { signIn } = useSession();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<LoginProblem | null>(null);

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (error) {
      setProblem(problemOf(error));
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  return (
    <Flex className="login-page" align="center" justify="center" vertical gap={24}>
      <Card className="login-card" data-testid="login-page">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 28 }}>
          <ApartmentOutlined style={{ fontSize: 40, color: '#1677ff' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            CivicGrid 网格化治理
          </Typography.Title>
          <Typography.Text type="secondary">基层治理综合平台 · 工作人员登录</Typography.Text>
        </Flex>
        {notice && !problem && <Alert type="info" showIcon title={notice} style={{ marginBottom: 20 }} />}
        <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
          </Form.Item>
          {problem && (
            <Alert type={problem.kind} showIcon title={problem.text} style={{ marginBottom: 20 }} data-testid="login-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        忘记密码请联系本单位系统管理员重置
      </Typography.Text>
    </Flex>
  );
}
