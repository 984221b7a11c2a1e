import { jurisdictionBindingOf, STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@civicgrid/domain';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { adminApi } from './access-api';
import type { UserCreateInput, UserUpdateInput, UserView } from './api-types';
import { PASSWORD_POLICY_HINT } from './change-password-modal';
import { GridCodesField, UserJurisdictionFields } from './user-jurisdiction-fields';
import { errorMessageOf } from './use-error-message';

interface UserFormValues {
  username: string;
  displayName: string;
  phone?: string;
  role: StaffRole;
  password: string;
  regionCode?: string;
  departmentId?: number;
  gridMemberId?: number;
  gridCodes?: string[];
}

interface UserFormDrawerProps {
  open: boolean;
  /** The user being edited; none when creating one. */
  user: UserView | null;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}

export const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));

function createInput(values: UserFormValues): UserCreateInput {
  const binding = jurisdictionBindingOf(values.role);
  return {
    username: values.username.trim(),
    displayName: values.displayName.trim(),
    phone: values.phone?.trim() || null,
    role: values.role,
    password: values.password,
    ...(binding === 'region' || binding === 'region_or_everywhere' ? { regionCode: values.regionCode ?? null } : {}),
    ...(binding === 'department' ? { departmentId: values.departmentId ?? null } : {}),
    ...(binding === 'grids' ? { gridMemberId: values.gridMemberId ?? null, gridCodes: values.gridCodes ?? [] } : {}),
  };
}

function updateInput(values: UserFormValues, user: UserView): UserUpdateInput {
  return {
    displayName: values.displayName.trim(),
    phone: values.phone?.trim() || null,
    ...(user.role === 'grid_worker' ? { gridCodes: values.gridCodes ?? [] } : {}),
  };
}

/** Creates a user with a role and the matching jurisdiction, or edits an existing user's name, phone and grids. */
export function UserFormDrawer({ open, user, onClose, onSaved }: UserFormDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: UserFormValues) => {
    setSaving(true);
    setProblem(null);
    try {
      const saved = user ? await adminApi.updateUser(user.id, updateInput(values, user)) : await adminApi.createUser(createInput(values));
      message.success(user ? `已保存用户 ${saved.username}` : `已创建用户 ${saved.username}`);
      onSaved(saved);
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      size={480}
      destroyOnHidden
      afterOpenChange={(opened) => opened || setProblem(null)}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="user-form"
        scrollToFirstError
        onValuesChange={(changed: Partial<UserFormValues>) => {
          // A region chosen for one role may be of the wrong level for the next: start the jurisdiction afresh.
          if ('role' in changed) form.setFieldsValue({ regionCode: undefined, departmentId: undefined, gridMemberId: undefined, gridCodes: undefined });
        }}
        // The drawer's content is rebuilt at every opening, so these are the values of the user opened now.
        initialValues={user ? { displayName: user.displayName, phone: user.phone ?? undefined, gridCodes: user.gridCodes } : {}}
      >
        {user ? (
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ marginBottom: 24 }}
            items={[
              { key: 'username', label: '用户名', children: user.username },
              { key: 'role', label: '角色', children: user.roleLabel },
            ]}
          />
        ) : (
          <Form.Item
            name="username"
            label="用户名"
            extra="用于登录，3–32 位字母、数字或 _ . -，创建后不能修改"
            rules={[
              { required: true, message: '请填写用户名' },
              { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '用户名须为 3–32 位字母、数字或 _ . -' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="手机号" rules={[{ pattern: /^1\d{10}$/, message: '请填写 11 位手机号' }]}>
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        {!user && (
          <>
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={ROLE_OPTIONS} placeholder="请选择角色" />
            </Form.Item>
            <UserJurisdictionFields role={role} />
            <Form.Item name="password" label="初始密码" extra={PASSWORD_POLICY_HINT} rules={[{ required: true, message: '请设置初始密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {user?.role === 'grid_worker' && <GridCodesField />}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="user-form-error" />}
    </Drawer>
  );
}
