import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { AllClearGridState } from './api-types';
import { newClientId } from './client-id';
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
      message.success(`${grid.gridName}今日已报平安`);
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
      title={grid ? `今日报平安：${grid.gridName}` : '今日报平安'}
      okText="提交"
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
        <Form.Item name="nothingToReport" label="今日情况">
          <Radio.Group
            options={[
              { value: true, label: '无事可报，一切平安' },
              { value: false, label: '有情况说明' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="说明"
          rules={[{ required: !nothingToReport, whitespace: true, message: '请简要说明今日情况' }]}
          extra="需要处置的问题请通过“上报事件”上报。"
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={nothingToReport ? '可不填' : '例如：走访3户，发现1处路灯不亮已上报'} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
