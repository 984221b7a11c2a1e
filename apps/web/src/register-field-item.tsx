import type { RecordField } from '@civicgrid/domain';
import { DatePicker, Form, Input, InputNumber, Select, Switch, type FormRule } from 'antd';
import { GridSelect } from './grid-select';

const PLACEHOLDERS: Partial<Record<string, string>> = {
  idNumber: '18位居民身份证号码',
  mobile: '手机或固定电话',
  phone: '手机或固定电话',
  nationality: '默认中国（CHN）',
  householdNumber: '户口簿上的户号',
  relationToHead: '如 户主、配偶、子女',
  unifiedSocialCreditCode: '18位统一社会信用代码',
  facilityCode: '16位部件编码：区县6位 + 大类2位 + 小类2位 + 序号6位',
};

/**
 * The input a field's kind calls for. Form.Item hands its child the value and change handler, passed on here (typed
 * `never`: each input takes its own kind of value).
 */
function Control({ field, ...bound }: { field: RecordField; id?: string; value?: never; checked?: never; onChange?: never }) {
  if (field.key === 'gridCode') return <GridSelect {...bound} placeholder="选择所属网格" />;
  switch (field.kind) {
    case 'date':
      return <DatePicker {...bound} style={{ width: '100%' }} placeholder="选择日期" />;
    case 'boolean':
      return <Switch {...bound} checkedChildren="是" unCheckedChildren="否" />;
    case 'integer':
    case 'decimal':
      return (
        <InputNumber
          {...bound}
          min={field.range?.[0]}
          max={field.range?.[1]}
          precision={field.kind === 'integer' ? 0 : undefined}
          style={{ width: '100%' }}
        />
      );
    case 'enum':
      return (
        <Select
          {...bound}
          allowClear={!field.required}
          placeholder="请选择"
          options={Object.entries(field.options ?? {}).map(([value, label]) => ({ value, label }))}
        />
      );
    default:
      return <Input {...bound} maxLength={field.max} placeholder={PLACEHOLDERS[field.key]} autoComplete="off" />;
  }
}

interface RegisterFieldItemProps {
  field: RecordField;
  /** A sensitive field's registered value, masked: shown beside an empty input that changes it only when typed into. */
  masked?: string | null;
}

/** One field of a register's form, labelled with its column header and made as the register's field table describes it. */
export function RegisterFieldItem({ field, masked }: RegisterFieldItemProps) {
  const rules: FormRule[] = [];
  if (field.required) rules.push({ required: true, whitespace: field.kind === 'text', message: `请填写${field.header}` });
  return (
    <Form.Item
      name={field.key}
      label={field.header}
      rules={rules}
      valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
      extra={masked ? `已登记 ${masked}，不修改请留空` : undefined}
    >
      <Control field={field} />
    </Form.Item>
  );
}
