import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { AllClearGridState } from './api-types';
import { newClientId } from './client-id';
import { useI18n } from './i18n/i18n-context';
import { allClearApi } from './incident-api';
import { errorMessageOf } from './use-error-message';

interface AllClearReportModalProps {
  grid: AllClearGridState | null;
  onClose: () => void;
  onReported: () => void;
}

interface AllClearForm {
  nothingToReport: boolean;
  note?: string;
}

/** 今日报平安 for one grid: nothing to report, or a short note of what was seen (problems go in as incidents). */
export function AllClearReportModal({ grid, onClose, onReported }: AllClearReportModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AllClearForm>();
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One id per opened form, kept across retries, so a retried submission is not a second all-clear.
  const [clientId, setClientId] = useState(newClientId);
  const nothingToReport = Form.useWatch('nothingToReport', form) ?? true;

  const submit = async (values: AllClearForm) => {
    if (!grid) return;
    setSubmitting(true);
    setProblem(null);
    try {
      await allClearApi.report({
        clientId,
        gridCode: grid.gridCode,
        nothingToReport: values.nothingToReport,
        note: values.note?.trim() || undefined,
      });
      message.success(t('allClear.done', { grid: grid.gridName }));
      onReported();
      onClose();
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={grid !== null}
      title={grid ? t('allClear.todayOf', { grid: grid.gridName }) : t('allClear.today')}
      okText={t('allClear.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      afterClose={() => {
        form.resetFields();
        setProblem(null);
        setClientId(newClientId());
      }}
      destroyOnHidden
      width={440}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ nothingToReport: true }} data-testid="all-clear-form">
        <Form.Item name="nothingToReport" label={t('allClear.situation')}>
          <Radio.Group
            options={[
              { value: true, label: t('allClear.nothing') },
              { value: false, label: t('allClear.something') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('allClear.note')}
          rules={[{ required: !nothingToReport, whitespace: true, message: t('allClear.noteRequired') }]}
          extra={t('allClear.noteHint')}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={nothingToReport ? t('common.optional') : t('allClear.notePlaceholder')} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
