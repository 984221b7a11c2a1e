import { App, Button, Drawer, Flex, Form } from 'antd';
import { useState } from 'react';
import { useI18n } from './i18n/i18n-context';
import { PersonForm } from './person-form';
import type { RegisterFormValues } from './register-form-values';
import type { PersonDetail } from './register-types';

interface PersonFormDrawerProps {
  open: boolean;
  person: PersonDetail;
  onClose: () => void;
  onSaved: (person: PersonDetail) => void;
}

/** 编辑: the person's fields in a drawer beside the page; only what was changed is sent, with the version it was read at. */
export function PersonFormDrawer({ open, person, onClose, onSaved }: PersonFormDrawerProps) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterFormValues>();
  const [saving, setSaving] = useState(false);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('person.editTitle', { name: person.name })}
      size={760}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="person-form-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <PersonForm
        form={form}
        person={person}
        onSaving={setSaving}
        onSaved={(saved, changed) => {
          message.success(changed ? t('person.saved', { name: saved.name }) : t('common.noChanges'));
          onSaved(saved);
        }}
      />
    </Drawer>
  );
}
