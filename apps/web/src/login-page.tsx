import { ApartmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { ApiError } from './api-client';
import { useI18n } from './i18n/i18n-context';
import { LanguageSwitch } from './i18n/language-switch';
import { useSession, type SessionNotice } from './session-context';
import { errorMessageOf } from './use-error-message';
import { useSignInForm, type SignInValues } from './use-sign-in-form';

interface LoginProblem {
  /** The refusal itself: its text is made when shown, in the language chosen then. */
  error: unknown;
  /** Lockout and throttling are not a typo: they read as a warning, not an error. */
  kind: 'error' | 'warning';
}

function problemOf(error: unknown): LoginProblem {
  const throttled = error instanceof ApiError && (error.code === 'auth.locked' || error.code === 'auth.throttled');
  return { error, kind: throttled ? 'warning' : 'error' };
}

/** The sign-in screen: everything in the console needs a signed-in user. Its language can be chosen before signing in. */
export function LoginPage({ notice }: { notice: SessionNotice | null }) {
  const { signIn } = useSession();
  const { t } = useI18n();
  const [form] = Form.useForm<SignInValues>();
  const { submitting, problem, submit } = useSignInForm({ signIn, problemOf, form });

  return (
    <Flex className="login-page" align="center" justify="center" vertical gap={24}>
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" data-testid="login-page">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 28 }}>
          <ApartmentOutlined style={{ fontSize: 40, color: '#1677ff' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.brand')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        {notice && !problem && (
          <Alert type="info" showIcon title={typeof notice === 'string' ? t(notice) : errorMessageOf(notice)} style={{ marginBottom: 20 }} />
        )}
        <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" />
          </Form.Item>
          {problem && (
            <Alert type={problem.kind} showIcon title={errorMessageOf(problem.error)} style={{ marginBottom: 20 }} data-testid="login-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('login.forgotPassword')}
      </Typography.Text>
    </Flex>
  );
}
