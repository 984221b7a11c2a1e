import { PlusOutlined } from '@ant-design/icons';
import type { RecordField } from '@civicgrid/domain';
import { Button, Card, Checkbox, Flex, Input, Select, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatFieldValue } from './format-field-value';
import { GridSelect } from './grid-select';
import { useI18n, type Translate } from './i18n/i18n-context';
import { PageFrame } from './page-frame';
import { PagedTable } from './paged-table';
import { ATTENTION_LEVELS, AttentionTags, DeregisteredTag } from './person-tags';
import { recordApi, type RecordListFilter } from './record-api';
import { RecordDetailDrawer } from './record-detail-drawer';
import { RecordFormDrawer } from './record-form-drawer';
import { recordRegisterAt, type RecordRegisterView } from './record-registers';
import type { RecordPage, RecordView } from './register-types';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';
import { useShownFields } from './use-shown-fields';

/** The list's columns, headed as the register's fields are shown (`fields`, in the console's language). */
function columnsOf(register: RecordRegisterView, fields: readonly RecordField[], t: Translate): TableColumnsType<RecordView> {
  const fieldOf = (key: string) => fields.find((field) => field.key === key);
  return [
    {
      key: 'title',
      title: fieldOf(register.titleKey)?.header,
      width: 220,
      render: (_value, record) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Flex gap={4} align="center">
            <Typography.Text strong ellipsis className={register.titleKey === 'facilityCode' ? 'monospace' : undefined}>
              {String(record[register.titleKey] ?? '—')}
            </Typography.Text>
            {record.deregisteredOn ? <DeregisteredTag /> : null}
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{record.gridName ?? ''}</Typography.Text>
        </Flex>
      ),
    },
    ...register.columnKeys.map((key) => ({
      key,
      title: fieldOf(key)?.header,
      ellipsis: true,
      render: (_value: unknown, record: RecordView) => formatFieldValue(fieldOf(key), record[key], t) || '—',
    })),
    {
      key: 'attention',
      title: t('register.attention'),
      width: 90,
      render: (_value, record) => <AttentionTags level={Number(record.attentionLevel ?? 1)} underAttention={false} />,
    },
    {
      key: 'lastVerifiedOn',
      title: t('register.lastVerified'),
      width: 110,
      render: (_value, record) => (record.lastVerifiedOn ? String(record.lastVerifiedOn) : <Typography.Text type="secondary">{t('register.notVerified')}</Typography.Text>),
    },
  ];
}

/** 单位组织, 重点场所, 部件: one register's records in the user's area, filtered; a row opens the record beside the list. */
export function RecordListPage({ path }: { path: string }) {
  const register = recordRegisterAt(path)!;
  const canManage = useCurrentUser().can('base_data.manage');
  const reportError = useErrorMessage();
  const { t, routeLabel, lookup } = useI18n();
  const noun = t(`record.noun.${register.name}`);
  const fields = useShownFields(register.name, register.fields);
  const [filter, setFilter] = useState<RecordListFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [text, setText] = useState('');
  const [result, setResult] = useState<RecordPage<RecordView>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ open: boolean; record: RecordView | null }>({ open: false, record: null });
  const columns = useMemo(() => columnsOf(register, fields, t), [register, fields, t]);
  const kindOptions = Object.entries(register.kindOptions).map(([value, label]) => ({ value, label: lookup(`${register.kindCatalog}.${value}`, label) }));
  const set = (next: RecordListFilter) => {
    setFilter(next);
    setPaging((current) => ({ ...current, page: 1 }));
  };

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    recordApi(register.apiPath)
      .list(filter, paging, controller.signal)
      .then(setResult)
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [register, filter, paging, reloads, reportError]);

  return (
    <PageFrame
      trail={[{ title: routeLabel(register) }]}
      title={routeLabel(register)}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })}>
            {t('record.new', { noun })}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="record-filters">
          <Input.Search
            placeholder={t(`record.search.${register.name}`)}
            allowClear
            value={text}
            onChange={(event) => setText(event.target.value)}
            onSearch={(query) => set({ ...filter, q: query.trim() || undefined })}
            style={{ width: 280 }}
          />
          <div style={{ width: 210 }}>
            <RegionCascader value={filter.regionCode} onChange={(regionCode) => set({ ...filter, regionCode, gridCode: undefined })} placeholder={t('region.located')} />
          </div>
          <GridSelect value={filter.gridCode} onChange={(gridCode) => set({ ...filter, gridCode })} regionCode={filter.regionCode} placeholder={t('grid.belonging')} style={{ width: 190 }} />
          <Select
            placeholder={t(`record.kind.${register.name}`)} options={kindOptions} value={filter.kind} onChange={(kind) => set({ ...filter, kind })} allowClear
            popupMatchSelectWidth={false} style={{ width: 150 }}
          />
          <Select
            placeholder={t('register.attentionLevel')}
            options={ATTENTION_LEVELS.map((level) => ({ value: level, label: t(`attentionLevel.${level}`) }))} value={filter.attentionLevel} onChange={(attentionLevel) => set({ ...filter, attentionLevel })} allowClear style={{ width: 110 }} />
          <Checkbox checked={filter.deregistered === true} onChange={(event) => set({ ...filter, deregistered: event.target.checked || undefined })}>
            {t('register.deregisteredOnly')}
          </Checkbox>
        </Flex>
        <PagedTable<RecordView>
          rows={result.items} columns={columns} total={result.total} loading={loading} page={paging.page} pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging((current) => ({ page: pageSize === current.pageSize ? page : 1, pageSize }))}
          onOpen={(record) => setOpenId(record.id)} emptyText={t('record.empty', { noun })} totalText={(count) => t('record.total', { count })} testId="record-table"
        />
      </Card>
      <RecordDetailDrawer
        register={register}
        recordId={openId}
        reloads={reloads}
        onClose={() => setOpenId(null)}
        onEdit={(record) => setEditing({ open: true, record })}
        onChanged={() => setReloads((count) => count + 1)}
      />
      {canManage && (
        <RecordFormDrawer
          register={register}
          open={editing.open}
          record={editing.record}
          onClose={() => setEditing((current) => ({ ...current, open: false }))}
          onSaved={(saved) => {
            setEditing((current) => ({ ...current, open: false }));
            setReloads((count) => count + 1);
            setOpenId(saved.id);
          }}
        />
      )}
    </PageFrame>
  );
}
