import { App, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { navigate } from './app-location';
import { PERSON_CREATE_ROUTE, PERSON_LIST_ROUTE, personPath } from './app-routes';
import { useI18n } from './i18n/i18n-context';
import { PageFrame } from './page-frame';
import { PersonForm } from './person-form';
import type { RegisterFormValues } from './register-form-values';

/** 新增人员: one person registered by hand, with the same form and rules as an edit or an imported row. */
export function PersonCreatePage() {
  const { message } = App.useApp();
  const { t, routeLabel } = useI18n();
  const [form] = Form.useForm<RegisterFormValues>();
  const [saving, setSaving] = useState(false);

  return (
    <PageFrame
      trail={[{ title: routeLabel(PERSON_LIST_ROUTE), path: PERSON_LIST_ROUTE.path }, { title: routeLabel(PERSON_CREATE_ROUTE) }]}
      title={routeLabel(PERSON_CREATE_ROUTE)}
      description={t('person.create.description')}
    >
      <Card style={{ maxWidth: 920 }}>
        <PersonForm
          form={form}
          person={null}
          onSaving={setSaving}
          onSaved={(person) => {
            message.success(t('person.created', { name: person.name }));
            navigate(personPath(person.id));
          }}
        />
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => navigate(PERSON_LIST_ROUTE.path)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="person-form-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Card>
    </PageFrame>
  );
}
