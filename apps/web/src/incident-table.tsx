import { INCIDENT_SOURCE_LABELS } from '@civicgrid/domain';
import { Flex, Typography, type TableColumnsType } from 'antd';
import type { IncidentSummary } from './api-types';
import { navigate } from './app-location';
import { incidentPath } from './app-routes';
import { formatDateTime } from './format-date-time';
import { DeadlineColourTag, IncidentStatusTag, UrgentTag } from './incident-tags';
import { PagedTable } from './paged-table';

const FINISHED = new Set(['closed', 'rejected', 'voided', 'merged']);

const columns: TableColumnsType<IncidentSummary> = [
  {
    key: 'code',
    title: '事件编号',
    dataIndex: 'code',
    width: 150,
    render: (code: string) => <span className="monospace" style={{ whiteSpace: 'nowrap' }}>{code}</span>,
  },
  {
    key: 'title',
    title: '事件',
    render: (_value, incident) => (
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={4} align="center" style={{ minWidth: 0 }}>
          {incident.urgent && <UrgentTag />}
          <Typography.Text strong ellipsis>
            {incident.title ?? incident.description}
          </Typography.Text>
        </Flex>
        {incident.title && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {incident.description}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
  { key: 'category', title: '分类', dataIndex: 'categoryName', width: 120, ellipsis: true, render: (name: string | null) => name ?? '未分类' },
  { key: 'status', title: '状态', dataIndex: 'status', width: 96, render: (_status, incident) => <IncidentStatusTag status={incident.status} /> },
  {
    key: 'source',
    title: '来源',
    dataIndex: 'source',
    width: 104,
    render: (_source, incident) => (
      <Flex vertical>
        <span>{INCIDENT_SOURCE_LABELS[incident.source] ?? incident.source}</span>
        {incident.hotlineOrderNumber && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {incident.hotlineOrderNumber}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
  {
    key: 'place',
    title: '位置',
    width: 170,
    ellipsis: true,
    render: (_value, incident) => (
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text ellipsis>{incident.gridName ?? (incident.flaggedOutsideGrids ? '网格外' : '—')}</Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {incident.regionName ?? ''}
        </Typography.Text>
      </Flex>
    ),
  },
  { key: 'department', title: '责任部门', dataIndex: 'leadDepartmentName', width: 160, ellipsis: true, render: (name: string | null) => name ?? '—' },
  { key: 'reportedAt', title: '上报时间', dataIndex: 'reportedAt', width: 168, render: (at: string) => formatDateTime(at) },
  {
    key: 'deadline',
    title: '时限',
    width: 190,
    render: (_value, incident) =>
      incident.currentStepDeadline && !FINISHED.has(incident.status) ? (
        <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
          <DeadlineColourTag colour={incident.colour} />
          <span>{formatDateTime(incident.currentStepDeadline).slice(5, 16)}</span>
        </Flex>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];

interface IncidentTableProps {
  incidents: IncidentSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

/** One page of an incident queue; a row opens the incident. */
export function IncidentTable({ incidents, total, loading, page, pageSize, onPageChange }: IncidentTableProps) {
  return (
    <PagedTable<IncidentSummary>
      rows={incidents} columns={columns} total={total} loading={loading} page={page} pageSize={pageSize} onPageChange={onPageChange}
      onOpen={(incident) => navigate(incidentPath(incident.id))} emptyText="暂无事件" countUnit="件" testId="incident-table"
    />
  );
}
