import { PlusOutlined } from '@ant-design/icons';
import { ATTENTION_LEVEL_LABELS } from '@civicgrid/domain';
import { Button, Card, Checkbox, Flex, Input, Select, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatFieldValue } from './format-field-value';
import { GridSelect } from './grid-select';
import { PageFrame } from './page-frame';
import { PagedTable } from './paged-table';
import { AttentionTags, DeregisteredTag } from './person-tags';
import { recordApi, type RecordListFilter } from './record-api';
import { RecordDetailDrawer } from './record-detail-drawer';
import { RecordFormDrawer } from './record-form-drawer';
import { recordRegisterAt, type RecordRegisterView } from './record-registers';
import type { RecordPage, RecordView } from './register-types';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

const ATTENTION_OPTIONS = Object.entries(ATTENTION_LEVEL_LABELS).map(([value, label]) => ({ value: Number(value), label }));

function columnsOf(register: RecordRegisterView): TableColumnsType<RecordView> {
  const fieldOf = (key: string) => register.fields.find((field) => field.key === key);
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
      render: (_value: unknown, record: RecordView) => formatFieldValue(fieldOf(key), record[key]) || '—',
    })),
    {
      key: 'attention',
      title: '关注',
      width: 90,
      render: (_value, record) => <AttentionTags level={Number(record.attentionLevel ?? 1)} underAttention={false} />,
    },
    {
      key: 'lastVerifiedOn',
      title: '最近核实',
      width: 110,
      render: (_value, record) => (record.lastVerifiedOn ? String(record.lastVerifiedOn) : <Typography.Text type="secondary">未核实</Typography.Text>),
    },
  ];
}

/** 单位组织, 重点场所, 部件: one register's records in the user's area, filtered; a row opens the record beside the list. */
export function RecordListPage({ path }: { path: string }) {
  const register = recordRegisterAt(path)!;
  const canManage = useCurrentUser().can('base_data.manage');
  const reportError = useErrorMessage();
  const [filter, setFilter] = useState<RecordListFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [text, setText] = useState('');
  const [result, setResult] = useState<RecordPage<RecordView>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ open: boolean; record: RecordView | null }>({ open: false, record: null });
  const columns = useMemo(() => columnsOf(register), [register]);
  const kindOptions = Object.entries(register.kindFilter.options).map(([value, label]) => ({ value, label }));
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
      trail={[{ title: register.label }]}
      title={register.label}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })}>
            新增{register.noun}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="record-filters">
          <Input.Search
            placeholder={register.searchPlaceholder}
            allowClear
            value={text}
            onChange={(event) => setText(event.target.value)}
            onSearch={(query) => set({ ...filter, q: query.trim() || undefined })}
            style={{ width: 280 }}
          />
          <div style={{ width: 210 }}>
            <RegionCascader value={filter.regionCode} onChange={(regionCode) => set({ ...filter, regionCode, gridCode: undefined })} placeholder="所在区划" />
          </div>
          <GridSelect value={filter.gridCode} onChange={(gridCode) => set({ ...filter, gridCode })} regionCode={filter.regionCode} placeholder="所属网格" style={{ width: 190 }} />
          <Select placeholder={register.kindFilter.label} options={kindOptions} value={filter.kind} onChange={(kind) => set({ ...filter, kind })} allowClear style={{ width: 150 }} />
          <Select placeholder="关注程度" options={ATTENTION_OPTIONS} value={filter.attentionLevel} onChange={(attentionLevel) => set({ ...filter, attentionLevel })} allowClear style={{ width: 110 }} />
          <Checkbox checked={filter.deregistered === true} onChange={(event) => set({ ...filter, deregistered: event.target.checked || undefined })}>
            只看已注销
          </Checkbox>
        </Flex>
        <PagedTable<RecordView>
          rows={result.items} columns={columns} total={result.total} loading={loading} page={paging.page} pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging((current) => ({ page: pageSize === current.pageSize ? page : 1, pageSize }))}
          onOpen={(record) => setOpenId(record.id)} emptyText={`没有符合条件的${register.noun}`} countUnit="个" testId="record-table"
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
