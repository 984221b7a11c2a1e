import { App, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { navigate } from './app-location';
import { PERSON_CREATE_ROUTE, PERSON_LIST_ROUTE, personPath } from './app-routes';
import { PageFrame } from './page-frame';
import { PersonForm } from './person-form';
import type { RegisterFormValues } from './register-form-values';

/** 新增人员: one person registered by hand, with the same form and rules as an edit or an imported row. */
export function PersonCreatePage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterFormValues>();
  const [saving, setSaving] = useState(false);

  return (
    <PageFrame
      trail={[{ title: PERSON_LIST_ROUTE.label, path: PERSON_LIST_ROUTE.path }, { title: PERSON_CREATE_ROUTE.label }]}
      title={PERSON_CREATE_ROUTE.label}
      description="证件号码按 GB 11643 校验；出生日期、性别可由证件号码带出"
    >
      <Card style={{ maxWidth: 920 }}>
        <PersonForm
          form={form}
          person={null}
          onSaving={setSaving}
          onSaved={(person) => {
            message.success(`已登记 ${person.name}`);
            navigate(personPath(person.id));
          }}
        />
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => navigate(PERSON_LIST_ROUTE.path)}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="person-form-save">
            保存
          </Button>
        </Flex>
      </Card>
    </PageFrame>
  );
}
