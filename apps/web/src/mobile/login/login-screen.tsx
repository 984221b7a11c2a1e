import { Button, Form, Input, NoticeBar } from 'antd-mobile';
import { useSignInForm, type SignInValues } from '../../use-sign-in-form';
import { useMobileSession } from '../session/mobile-session';
import { lastUsername } from '../session/remembered-user';
import { useOnline } from '../shell/use-online';

function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : '登录失败，请重试';
}

/** 登录, with the console's accounts. After it the phone remembers the worker and opens without network. */
export function LoginScreen({ notice }: { notice: string | null }) {
  const { signIn } = useMobileSession();
  const online = useOnline();
  const [form] = Form.useForm<SignInValues>();
  const { submitting, problem, submit } = useSignInForm({ signIn, problemOf, form });

  return (
    <div className="m-login" data-testid="login-page">
      <div className="m-login-brand">
        <img src="/m/icon.svg" alt="" width={72} height={72} />
        <h1>网格通</h1>
        <p>网格员手机端 · 上报事件、报平安、待办任务</p>
      </div>
      {notice && !problem && <NoticeBar className="m-login-notice" content={notice} color="info" wrap />}
      {!online && <NoticeBar className="m-login-notice" content="手机没有网络，登录需要联网" color="alert" wrap />}
      <Form
        form={form}
        name="login"
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{ username: lastUsername(), password: '' }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={submitting} disabled={!online}>
            登录
          </Button>
        }
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input placeholder="请输入用户名" autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input type="password" placeholder="请输入密码" autoComplete="current-password" />
        </Form.Item>
      </Form>
      {problem && (
        <div className="m-login-problem" role="alert" data-testid="login-error">
          {problem}
        </div>
      )}
      <p className="m-login-help">忘记密码请联系社区或街道的系统管理员重置</p>
    </div>
  );
}
