import { jurisdictionBindingOf, STAFF_ROLES, type StaffRole } from '@civicgrid/domain';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { adminApi } from './access-api';
import type { UserCreateInput, UserUpdateInput, UserView } from './api-types';
import { passwordPolicyHint } from './change-password-modal';
import { useI18n, type Translate } from './i18n/i18n-context';
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

export const roleOptions = (t: Translate) => STAFF_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

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
  const { t, lookup } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: UserFormValues) => {
    setSaving(true);
    setProblem(null);
    try {
      const saved = user ? await adminApi.updateUser(user.id, updateInput(values, user)) : await adminApi.createUser(createInput(values));
      message.success(user ? t('users.saved', { username: saved.username }) : t('users.created', { username: saved.username }));
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
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.new')}
      size={480}
      destroyOnHidden
      afterOpenChange={(opened) => opened || setProblem(null)}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
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
              { key: 'username', label: t('users.username'), children: user.username },
              { key: 'role', label: t('users.role'), children: lookup(`role.${user.role}`, user.roleLabel) },
            ]}
          />
        ) : (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHint')}
            rules={[
              { required: true, message: t('users.usernameRequired') },
              { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('users.usernamePattern') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('users.phonePattern') }]}>
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        {!user && (
          <>
            <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.chooseRole') }]}>
              <Select options={roleOptions(t)} placeholder={t('users.chooseRole')} />
            </Form.Item>
            <UserJurisdictionFields role={role} />
            <Form.Item
              name="password"
              label={t('users.initialPassword')}
              extra={passwordPolicyHint(t)}
              rules={[{ required: true, message: t('users.initialPasswordRequired') }]}
            >
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
