import { App, Button, Drawer, Flex, Form } from 'antd';
import { useState } from 'react';
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
  const [form] = Form.useForm<RegisterFormValues>();
  const [saving, setSaving] = useState(false);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`编辑人员：${person.name}`}
      size={760}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="person-form-save">
            保存
          </Button>
        </Flex>
      }
    >
      <PersonForm
        form={form}
        person={person}
        onSaving={setSaving}
        onSaved={(saved, changed) => {
          message.success(changed ? `已保存 ${saved.name} 的信息` : '没有修改');
          onSaved(saved);
        }}
      />
    </Drawer>
  );
}
