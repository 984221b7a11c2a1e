import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CAMERA_STATUSES, type CameraStatus, type CameraView } from '@civicgrid/domain';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { CAMERA_LIST_ROUTE } from '../app-routes';
import { useI18n } from '../i18n/i18n-context';
import { PageFrame } from '../page-frame';
import { useCurrentUser } from '../session-context';
import { useErrorMessage } from '../use-error-message';
import { cameraApi } from './camera-api';
import { CameraFormModal } from './camera-form-modal';
import { CameraStatusTag } from './camera-tags';
import { gridLabel } from '../directives/grid-label';

const PAGE_SIZE = 20;

/** 视频点位: the cameras of the user's area, searchable; operators add, change and remove them. */
export function CameraListPage() {
  const user = useCurrentUser();
  const { t, routeLabel } = useI18n();
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const [filter, setFilter] = useState<{ q?: string; status?: CameraStatus; page: number }>({ page: 1 });
  const [data, setData] = useState<{ items: CameraView[]; total: number } | null>(null);
  const [editing, setEditing] = useState<{ camera: CameraView | null; key: number } | null>(null);
  const [reloads, setReloads] = useState(0);
  const canManage = user.can('camera.manage');

  useEffect(() => {
    const controller = new AbortController();
    cameraApi.list({ ...filter, pageSize: PAGE_SIZE }, controller.signal).then(setData).catch((error: unknown) => {
      if (!controller.signal.aborted) reportError(error);
    });
    return () => controller.abort();
  }, [filter, reloads, reportError]);

  const remove = async (camera: CameraView) => {
    try {
      await cameraApi.remove(camera.id);
      message.success(t('common.deleted'));
      setReloads((count) => count + 1);
    } catch (error) {
      reportError(error);
    }
  };

  const columns: TableColumnsType<CameraView> = [
    { key: 'name', title: t('camera.field.name'), dataIndex: 'name', ellipsis: true },
    { key: 'deviceCode', title: t('camera.field.deviceCode'), dataIndex: 'deviceCode', width: 200, render: (value: string | null) => <span className="monospace">{value ?? '—'}</span> },
    { key: 'grid', title: t('camera.field.grid'), width: 220, render: (_, row) => gridLabel(row.communityName, row.gridName) },
    { key: 'position', title: t('camera.field.position'), width: 190, render: (_, row) => <span className="monospace">{row.lon.toFixed(6)}, {row.lat.toFixed(6)}</span> },
    { key: 'streamUrl', title: t('camera.field.streamUrl'), ellipsis: true, render: (_, row) => (row.streamUrl ? <Typography.Text copyable ellipsis className="monospace">{row.streamUrl}</Typography.Text> : '—') },
    { key: 'status', title: t('camera.field.status'), width: 100, render: (_, row) => <CameraStatusTag status={row.status} /> },
    ...(canManage ? [{
      key: 'actions', title: t('common.actions'), width: 140,
      render: (_: unknown, row: CameraView) => (
        <Flex gap={4}>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ camera: row, key: Date.now() })}>{t('common.edit')}</Button>
          <Popconfirm title={t('camera.deleteConfirm', { name: row.name })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(row)}>
            <Button size="small" type="link" danger icon={<DeleteOutlined />}>{t('common.delete')}</Button>
          </Popconfirm>
        </Flex>
      ),
    }] : []),
  ];

  return (
    <PageFrame
      trail={[{ title: routeLabel(CAMERA_LIST_ROUTE) }]}
      title={t('camera.title')}
      description={t('camera.description')}
      actions={
        <>
          <Input.Search allowClear placeholder={t('camera.searchPlaceholder')} style={{ width: 220 }} onSearch={(q) => setFilter((current) => ({ ...current, q: q || undefined, page: 1 }))} />
          <Select allowClear placeholder={t('camera.field.status')} style={{ width: 120 }} value={filter.status}
            options={CAMERA_STATUSES.map((status) => ({ value: status, label: t(`camera.status.${status}`) }))}
            onChange={(status?: CameraStatus) => setFilter((current) => ({ ...current, status, page: 1 }))} />
          {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ camera: null, key: Date.now() })} data-testid="add-camera">{t('camera.add')}</Button>}
        </>
      }
    >
      <Card size="small">
        <Table rowKey="id" size="middle" columns={columns} dataSource={data?.items ?? []} loading={!data} data-testid="camera-table"
          pagination={{ current: filter.page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: (page) => setFilter((current) => ({ ...current, page })), showTotal: (total) => t('common.total', { count: total }) }} />
      </Card>
      {editing && (
        <CameraFormModal key={editing.key} camera={editing.camera} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); message.success(t('common.saved')); setReloads((count) => count + 1); }} />
      )}
    </PageFrame>
  );
}
