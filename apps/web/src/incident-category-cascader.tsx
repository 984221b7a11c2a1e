import { Cascader } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import type { CategoryTreeNode } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { useIncidentCategories } from './use-incident-reference-data';

interface CategoryOption {
  value: number;
  label: string;
  code: string;
  children?: CategoryOption[];
}

interface IncidentCategoryCascaderProps {
  /** The chosen category's id, as a form field holds it. */
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  /** A class 大类 alone may be chosen (a list filter); otherwise only a subclass 小类. */
  allowClasses?: boolean;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
}

function pathOf(categories: CategoryTreeNode[], id: number | null | undefined): number[] {
  if (id == null) return [];
  for (const parent of categories) {
    if (parent.id === id) return [parent.id];
    if (parent.children.some((child) => child.id === id)) return [parent.id, id];
  }
  return [];
}

/** Picks an incident category (大类 → 小类), searchable by name or code. */
export function IncidentCategoryCascader({ value, onChange, allowClasses, placeholder, id, style }: IncidentCategoryCascaderProps) {
  const categories = useIncidentCategories();
  const { t } = useI18n();
  const options = useMemo<CategoryOption[]>(
    () =>
      categories.map((parent) => ({
        value: parent.id,
        // Two kinds have a class of the same name (突发事件), so the kind is part of the class's label.
        label: t('incident.categoryClass', { name: parent.name, kind: t(`categoryKind.${parent.kind}`) }),
        code: parent.code,
        children: parent.children.map((child) => ({ value: child.id, label: child.name, code: child.code })),
      })),
    [categories, t],
  );

  return (
    <Cascader<CategoryOption>
      id={id}
      options={options}
      value={pathOf(categories, value)}
      changeOnSelect={allowClasses}
      placeholder={placeholder ?? t('incident.chooseCategory')}
      showSearch={{
        filter: (input, path) =>
          path.some((option) => option.label.includes(input.trim()) || option.code.toLowerCase().includes(input.trim().toLowerCase())),
      }}
      displayRender={(labels) => labels.join(' / ')}
      onChange={(path) => {
        const last = path?.[path.length - 1];
        onChange?.(last === undefined ? undefined : Number(last));
      }}
      allowClear
      style={{ width: '100%', ...style }}
      data-testid="incident-category-cascader"
    />
  );
}
