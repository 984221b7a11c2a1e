import type { RecordField } from '@civicgrid/domain';
import { Input, Selector } from 'antd-mobile';
import { startsEmpty, valueText, type EnteredValues } from './correction-fields';

interface CorrectionEditorProps {
  fields: readonly RecordField[];
  /** the register's values as the worker saw them (phones masked) */
  seen: Record<string, unknown>;
  entered: EnteredValues;
  onChange: (entered: EnteredValues) => void;
}

function FieldInput({ field, value, onChange }: { field: RecordField; value: string; onChange: (value: string) => void }) {
  const id = `correction-${field.key}`;
  switch (field.kind) {
    case 'enum':
      return (
        <Selector
          columns={3}
          options={Object.entries(field.options ?? {}).map(([option, label]) => ({ value: option, label }))}
          value={value ? [value] : []}
          onChange={(chosen) => onChange(chosen[0] ?? '')}
        />
      );
    case 'date':
      return <input id={id} className="m-native-input" type="date" value={value} onChange={(event) => onChange(event.target.value)} />;
    case 'integer':
    case 'decimal':
      return <Input id={id} type="number" inputMode="decimal" placeholder="未登记" value={value} onChange={onChange} clearable />;
    default:
      return startsEmpty(field) ? (
        <Input id={id} type="tel" inputMode="tel" placeholder="填写新号码，不改请留空" value={value} onChange={onChange} clearable />
      ) : (
        <Input id={id} placeholder="未登记" value={value} onChange={onChange} maxLength={field.max} clearable />
      );
  }
}

/**
 * 更正登记信息: each correctable field with what the register holds; the worker changes only what is wrong. A field
 * left as it was is not sent, so a colleague's change to another field is never undone.
 */
export function CorrectionEditor({ fields, seen, entered, onChange }: CorrectionEditorProps) {
  return (
    <div className="m-corrections" data-testid="correction-editor">
      {fields.map((field) => {
        const value = entered[field.key] ?? '';
        const edited = startsEmpty(field) ? value.trim() !== '' : value !== (seen[field.key] == null ? '' : String(seen[field.key]));
        return (
          <div key={field.key} className={`m-correction${edited ? ' m-correction-edited' : ''}`} data-testid={`correction-${field.key}`}>
            <label htmlFor={`correction-${field.key}`} className="m-correction-label">
              {field.header}
              {edited && <span className="m-tag m-tag-warning">已修改</span>}
            </label>
            {startsEmpty(field) && <div className="m-note m-correction-seen">现登记：{valueText(field, seen[field.key])}</div>}
            <FieldInput field={field} value={value} onChange={(next) => onChange({ ...entered, [field.key]: next })} />
          </div>
        );
      })}
    </div>
  );
}
