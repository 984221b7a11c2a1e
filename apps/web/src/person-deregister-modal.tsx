import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from './i18n/i18n-context';
import { personApi } from './person-api';
import type { PersonDetail } from './register-types';
import { errorMessageOf } from './use-error-message';

interface DeregisterValues {
  date: Dayjs;
  reason: string;
}

interface PersonDeregisterModalProps {
  person: PersonDetail;
  open: boolean;
  onClose: () => void;
  onDone: (person: PersonDetail) => void;
}

/** 注销: the person has died, moved away or was registered twice; the record stays, marked, with the reason. */
export function PersonDeregisterModal({ person, open, onClose, onDone }: PersonDeregisterModalProps) {
  const [form] = Form.useForm<DeregisterValues>();
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: DeregisterValues) => {
    setSaving(true);
    setProblem(null);
    try {
      onDone(await personApi.deregister(person.id, { date: values.date.format('YYYY-MM-DD'), reason: values.reason.trim(), version: person.version }));
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('person.deregisterTitle', { name: person.name })}
      okText={t('register.deregister')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={480}
    >
      <Typography.Paragraph type="secondary">{t('person.deregisterNote')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs() }} data-testid="person-deregister-form">
        <Form.Item name="date" label={t('register.deregisteredOn')} rules={[{ required: true, message: t('register.chooseDeregistrationDate') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('register.deregistrationReason')}
          rules={[{ required: true, whitespace: true, message: t('register.fillDeregistrationReason') }, { max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('person.deregisterPlaceholder')} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
