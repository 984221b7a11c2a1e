import type { RecordField } from '@civicgrid/domain';
import { DatePicker, Form, Input, InputNumber, Select, Switch, type FormRule } from 'antd';
import { GridSelect } from './grid-select';
import { useI18n, type MessageKey } from './i18n/i18n-context';

const PLACEHOLDERS: Partial<Record<string, MessageKey>> = {
  idNumber: 'register.placeholder.idNumber',
  mobile: 'register.placeholder.mobile',
  phone: 'register.placeholder.phone',
  nationality: 'register.placeholder.nationality',
  householdNumber: 'register.placeholder.householdNumber',
  relationToHead: 'register.placeholder.relationToHead',
  unifiedSocialCreditCode: 'register.placeholder.unifiedSocialCreditCode',
  facilityCode: 'register.placeholder.facilityCode',
};

/**
 * The input a field's kind calls for. Form.Item hands its child the value and change handler, passed on here (typed
 * `never`: each input takes its own kind of value).
 */
function Control({ field, ...bound }: { field: RecordField; id?: string; value?: never; checked?: never; onChange?: never }) {
  const { t } = useI18n();
  if (field.key === 'gridCode') return <GridSelect {...bound} placeholder={t('grid.chooseBelonging')} />;
  switch (field.kind) {
    case 'date':
      return <DatePicker {...bound} style={{ width: '100%' }} placeholder={t('common.pickDate')} />;
    case 'boolean':
      return <Switch {...bound} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />;
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
          placeholder={t('common.choose')}
          options={Object.entries(field.options ?? {}).map(([value, label]) => ({ value, label }))}
        />
      );
    default: {
      const placeholder = PLACEHOLDERS[field.key];
      return <Input {...bound} maxLength={field.max} placeholder={placeholder && t(placeholder)} autoComplete="off" />;
    }
  }
}

interface RegisterFieldItemProps {
  field: RecordField;
  /** A sensitive field's registered value, masked: shown beside an empty input that changes it only when typed into. */
  masked?: string | null;
}

/** One field of a register's form, labelled with its column header and made as the register's field table describes it. */
export function RegisterFieldItem({ field, masked }: RegisterFieldItemProps) {
  const { t } = useI18n();
  const rules: FormRule[] = [];
  if (field.required) rules.push({ required: true, whitespace: field.kind === 'text', message: t('register.fillField', { field: field.header }) });
  return (
    <Form.Item
      name={field.key}
      label={field.header}
      rules={rules}
      valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
      extra={masked ? t('register.maskedHint', { masked }) : undefined}
    >
      <Control field={field} />
    </Form.Item>
  );
}
