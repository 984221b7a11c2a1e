import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { MaskedPerson, RevealedPerson } from './api-types';
import { baseDataApi } from './base-data-api';
import { useI18n } from './i18n/i18n-context';
import { errorMessageOf } from './use-error-message';

interface RevealPersonModalProps {
  person: Pick<MaskedPerson, 'id' | 'name'> | null;
  onRevealed: (revealed: RevealedPerson) => void;
  onClose: () => void;
}

/** 查看原文: asks why, then fetches one person's full ID number and mobile; the server writes the reason to the audit log. */
export function RevealPersonModal({ person, onRevealed, onClose }: RevealPersonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const { t } = useI18n();
  const [revealing, setRevealing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    if (!person) return;
    setRevealing(true);
    setProblem(null);
    try {
      onRevealed(await baseDataApi.revealPerson(person.id, reason.trim()));
      onClose();
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setRevealing(false);
    }
  };

  return (
    <Modal
      open={person !== null}
      title={person ? t('person.revealTitle', { name: person.name }) : t('person.reveal')}
      okText={t('person.reveal')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={revealing}
      afterClose={() => {
        form.resetFields();
        setProblem(null);
      }}
      destroyOnHidden
      width={440}
    >
      <div data-testid="reveal-person-modal">
        <Typography.Paragraph type="secondary">{t('person.revealNote')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="reason"
            label={t('person.revealReason')}
            rules={[
              { required: true, whitespace: true, message: t('person.revealReasonRequired') },
              {
                validator: (_rule, value: string | undefined) => {
                  const length = value?.trim().length ?? 0;
                  if (length === 0 || (length >= 2 && length <= 200)) return Promise.resolve();
                  return Promise.reject(new Error(t('person.revealReasonLength')));
                },
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('person.revealPlaceholder')} />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon title={problem} />}
      </div>
    </Modal>
  );
}
