import { Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useI18n } from './i18n/i18n-context';
import { personApi, type ExportEncoding, type ExportFormat } from './person-api';
import type { PersonListFilter } from './register-types';
import { useCurrentUser } from './session-context';

interface ExportValues {
  format: ExportFormat;
  encoding: ExportEncoding;
  reveal: boolean;
  reason?: string;
}

interface PersonExportModalProps {
  open: boolean;
  filter: PersonListFilter;
  total: number;
  onClose: () => void;
}

/**
 * 导出: the persons the list's filters select, in the import template's columns, as xlsx, or csv in UTF-8 or GBK (for
 * older Excel and WPS). ID numbers and phones are masked unless the user may reveal them and gives a reason.
 */
export function PersonExportModal({ open, filter, total, onClose }: PersonExportModalProps) {
  const canReveal = useCurrentUser().can('person.reveal');
  const [form] = Form.useForm<ExportValues>();
  const { t } = useI18n();
  const format = Form.useWatch('format', form);
  const reveal = Form.useWatch('reveal', form);

  const download = (values: ExportValues) => {
    // The browser downloads the file itself, however long the export takes, under the name the server gives it.
    const link = document.createElement('a');
    link.href = personApi.exportUrl(filter, values.format, values.encoding, values.reveal ? values.reason?.trim() : undefined);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
    onClose();
  };

  return (
    <Modal open={open} title={t('person.export.title')} okText={t('person.export')} onOk={() => form.submit()} onCancel={onClose} width={480} destroyOnHidden>
      <div data-testid="person-export-modal">
        <Typography.Paragraph type="secondary">{t('person.export.summary', { count: total })}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={download} initialValues={{ format: 'xlsx', encoding: 'utf8', reveal: false }}>
          <Form.Item name="format" label={t('person.export.format')}>
            <Radio.Group
              options={[
                { value: 'xlsx', label: t('person.export.xlsx') },
                { value: 'csv', label: t('person.export.csv') },
              ]}
            />
          </Form.Item>
          {format === 'csv' && (
            <Form.Item name="encoding" label={t('person.export.encoding')} extra={t('person.export.encodingHint')}>
              <Radio.Group
                options={[
                  { value: 'utf8', label: 'UTF-8' },
                  { value: 'gbk', label: 'GBK' },
                ]}
              />
            </Form.Item>
          )}
          {canReveal && (
            <Form.Item name="reveal" valuePropName="checked" extra={t('person.export.revealHint')} style={{ marginBottom: reveal ? 8 : undefined }}>
              <Checkbox>{t('person.export.reveal')}</Checkbox>
            </Form.Item>
          )}
          {canReveal && reveal && (
            <Form.Item
              name="reason"
              label={t('person.export.reason')}
              rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('person.export.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('person.export.reasonPlaceholder')} />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
