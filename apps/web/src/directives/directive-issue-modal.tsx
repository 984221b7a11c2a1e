import { DIRECTIVE_KINDS, type DirectiveDetail, type DirectiveKind } from '@civicgrid/domain';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { newClientId } from '../client-id';
import { useI18n } from '../i18n/i18n-context';
import { RegionCascader } from '../region-cascader';
import { useErrorMessage } from '../use-error-message';
import { directiveApi } from './directive-api';

interface IssueValues {
  title: string;
  kind: DirectiveKind;
  regionCode: string;
  dueAt: Dayjs;
  content: string;
}

interface DirectiveIssueModalProps {
  open: boolean;
  /** Where the form starts: the issuer's own region. */
  defaultRegionCode?: string;
  onClose: () => void;
  onIssued: (directive: DirectiveDetail) => void;
}

/** 下发指令: title, kind, area, due time and the task; one client id per opening, so that a retried click sends it once. */
export function DirectiveIssueModal({ open, defaultRegionCode, onClose, onIssued }: DirectiveIssueModalProps) {
  const { t } = useI18n();
  const reportError = useErrorMessage();
  const [form] = Form.useForm<IssueValues>();
  const [clientId] = useState(newClientId);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      onIssued(await directiveApi.issue({ ...values, dueAt: values.dueAt.toISOString(), clientId }));
    } catch (error) {
      reportError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('directive.issue')}
      okText={t('directive.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="directive-issue-form"
        initialValues={{ kind: 'task', regionCode: defaultRegionCode, dueAt: dayjs().add(3, 'day').hour(18).minute(0).second(0) }}
      >
        <Form.Item name="title" label={t('directive.field.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('directive.field.kind')} rules={[{ required: true }]}>
          <Select options={DIRECTIVE_KINDS.map((kind) => ({ value: kind, label: t(`directive.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('directive.field.region')} rules={[{ required: true }]}>
          <RegionCascader placeholder={t('directive.placeholder.region')} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('directive.field.dueAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="content" label={t('directive.field.content')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
