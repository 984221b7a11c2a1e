import { INCIDENT_SOURCES, INCIDENT_STATUSES } from '@civicgrid/domain';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { DeadlineColour, IncidentListFilter } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { IncidentCategoryCascader } from './incident-category-cascader';
import { RegionCascader } from './region-cascader';

/** The filters a user sets; the queue and the page are the list's own. */
export type IncidentFilterValues = Omit<IncidentListFilter, 'queue' | 'page' | 'pageSize'>;

const DEADLINE_COLOURS = ['green', 'yellow', 'red'] as const;

interface IncidentListFiltersProps {
  value: IncidentFilterValues;
  onChange: (value: IncidentFilterValues) => void;
}

/** The filter bar above an incident queue: status, deadline colour, category, region, source, urgency and text. */
export function IncidentListFilters({ value, onChange }: IncidentListFiltersProps) {
  const { t } = useI18n();
  const set = <K extends keyof IncidentFilterValues>(key: K, next: IncidentFilterValues[K]) => onChange({ ...value, [key]: next });
  // The text box keeps what is being typed; the search runs on Enter or the search button.
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const empty = Object.values(value).every((entry) => entry === undefined || (Array.isArray(entry) && entry.length === 0));

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="incident-filters">
      <Input.Search
        placeholder={t('incident.filter.search')}
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(query) => set('q', query.trim() || undefined)}
        style={{ width: 230 }}
      />
      <Select
        mode="multiple"
        placeholder={t('common.status')}
        options={INCIDENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={value.status ?? []}
        onChange={(status) => set('status', status.length > 0 ? status : undefined)}
        maxTagCount="responsive"
        allowClear
        style={{ width: 170 }}
        data-testid="incident-status-filter"
      />
      <Select<DeadlineColour[]>
        mode="multiple"
        placeholder={t('incident.field.deadline')}
        options={DEADLINE_COLOURS.map((colour) => ({ value: colour, label: t(`incident.deadline.${colour}`) }))}
        value={value.colour ?? []}
        onChange={(colour) => set('colour', colour.length > 0 ? colour : undefined)}
        allowClear
        style={{ width: 140 }}
      />
      <IncidentCategoryCascader
        allowClasses
        value={value.categoryId}
        onChange={(categoryId) => set('categoryId', categoryId)}
        placeholder={t('incident.field.category')}
        style={{ width: 190 }}
      />
      <div style={{ width: 210 }}>
        <RegionCascader value={value.regionCode} onChange={(regionCode) => set('regionCode', regionCode)} placeholder={t('region.located')} />
      </div>
      <Select
        mode="multiple"
        placeholder={t('incident.field.source')}
        options={INCIDENT_SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))}
        value={value.source ?? []}
        onChange={(source) => set('source', source.length > 0 ? source : undefined)}
        maxTagCount="responsive"
        allowClear
        style={{ width: 150 }}
      />
      <Checkbox checked={value.urgent === true} onChange={(event) => set('urgent', event.target.checked ? true : undefined)}>
        {t('incident.filter.urgentOnly')}
      </Checkbox>
      <Button type="link" disabled={empty} onClick={() => onChange({})}>
        {t('common.clearFilters')}
      </Button>
    </Flex>
  );
}
