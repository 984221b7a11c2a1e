import { Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
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
    <Modal open={open} title="导出实有人口" okText="导出" onOk={() => form.submit()} onCancel={onClose} width={480} destroyOnHidden>
      <div data-testid="person-export-modal">
        <Typography.Paragraph type="secondary">按当前筛选条件导出 {total} 人，列与导入模板相同；导出记入审计日志。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={download} initialValues={{ format: 'xlsx', encoding: 'utf8', reveal: false }}>
          <Form.Item name="format" label="文件格式">
            <Radio.Group
              options={[
                { value: 'xlsx', label: 'Excel（.xlsx）' },
                { value: 'csv', label: 'CSV（.csv）' },
              ]}
            />
          </Form.Item>
          {format === 'csv' && (
            <Form.Item name="encoding" label="文字编码" extra="用旧版 Excel 或 WPS 打开出现乱码时，请选 GBK">
              <Radio.Group
                options={[
                  { value: 'utf8', label: 'UTF-8' },
                  { value: 'gbk', label: 'GBK' },
                ]}
              />
            </Form.Item>
          )}
          {canReveal && (
            <Form.Item name="reveal" valuePropName="checked" extra="默认证件号码、联系电话脱敏；只有导出原文的文件才能修改后再导入。" style={{ marginBottom: reveal ? 8 : undefined }}>
              <Checkbox>导出证件号码、联系电话原文</Checkbox>
            </Form.Item>
          )}
          {canReveal && reveal && (
            <Form.Item name="reason" label="导出原文的理由" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '请填写 2–200 字的理由' }]}>
              <Input.TextArea rows={2} maxLength={200} showCount placeholder="例如：核对辖区流动人口登记信息" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
