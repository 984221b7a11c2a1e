import { CARE_GROUP_KINDS, RESIDENCIES, SPECIAL_GROUP_KINDS } from '@civicgrid/domain';
import { App, Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { GridSelect } from './grid-select';
import { useI18n } from './i18n/i18n-context';
import { ATTENTION_LEVELS } from './person-tags';
import type { PersonListFilter } from './register-types';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';

interface PersonListFiltersProps {
  value: PersonListFilter;
  onChange: (value: PersonListFilter) => void;
}

/** The filter bar above 实有人口: text, where (region, grid), what kind of resident, attention and groups. */
export function PersonListFilters({ value, onChange }: PersonListFiltersProps) {
  const { message } = App.useApp();
  const { t } = useI18n();
  // Special-group labels are sensitive: only those who may see them filter by them.
  const canSeeSpecialGroups = useCurrentUser().can('person.reveal');
  const set = <K extends keyof PersonListFilter>(key: K, next: PersonListFilter[K]) => onChange({ ...value, [key]: next });
  const flag = (key: 'leftBehind' | 'underAttention' | 'deregistered') => ({
    checked: value[key] === true,
    onChange: (event: { target: { checked: boolean } }) => set(key, event.target.checked ? true : undefined),
  });
  // The text box keeps what is being typed; the search runs on Enter or the search button.
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const empty = Object.values(value).every((entry) => entry === undefined);

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="person-filters">
      <Input.Search
        placeholder={t('person.filter.search')}
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(query) => {
          const trimmed = query.trim();
          if (trimmed.length === 1) message.info(t('person.filter.minLength'));
          else set('q', trimmed || undefined);
        }}
        style={{ width: 280 }}
        data-testid="person-search"
      />
      <div style={{ width: 210 }}>
        <RegionCascader
          value={value.regionCode}
          // A grid chosen before may lie outside the new region.
          onChange={(regionCode) => onChange({ ...value, regionCode, gridCode: undefined })}
          placeholder={t('region.located')}
        />
      </div>
      <GridSelect value={value.gridCode} onChange={(gridCode) => set('gridCode', gridCode)} regionCode={value.regionCode} placeholder={t('grid.belonging')} style={{ width: 190 }} />
      <Select
        placeholder={t('person.field.residency')}
        options={RESIDENCIES.map((residency) => ({ value: residency, label: t(`residency.${residency}`) }))}
        value={value.residency}
        onChange={(residency) => set('residency', residency)}
        allowClear
        style={{ width: 120 }}
      />
      <Select
        placeholder={t('register.attentionLevel')}
        options={ATTENTION_LEVELS.map((level) => ({ value: level, label: t(`attentionLevel.${level}`) }))}
        value={value.attentionLevel}
        onChange={(level) => set('attentionLevel', level)}
        allowClear
        style={{ width: 110 }}
      />
      {canSeeSpecialGroups && (
        <Select
          placeholder={t('person.filter.specialGroup')}
          options={SPECIAL_GROUP_KINDS.map((kind) => ({ value: kind, label: t(`specialGroup.${kind}`) }))}
          value={value.specialGroup}
          onChange={(group) => set('specialGroup', group)}
          allowClear
          popupMatchSelectWidth={false}
          style={{ width: 160 }}
        />
      )}
      <Select
        placeholder={t('person.filter.careGroup')}
        options={CARE_GROUP_KINDS.map((kind) => ({ value: kind, label: t(`careGroup.${kind}`) }))}
        value={value.careGroup}
        onChange={(group) => set('careGroup', group)}
        allowClear
        popupMatchSelectWidth={false}
        style={{ width: 130 }}
      />
      <Checkbox {...flag('leftBehind')}>{t('person.filter.leftBehind')}</Checkbox>
      <Checkbox {...flag('underAttention')}>{t('person.underAttention')}</Checkbox>
      <Checkbox {...flag('deregistered')}>{t('register.deregisteredOnly')}</Checkbox>
      <Button type="link" disabled={empty} onClick={() => onChange({})}>
        {t('common.clearFilters')}
      </Button>
    </Flex>
  );
}
