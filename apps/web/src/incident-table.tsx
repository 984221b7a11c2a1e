import { Flex, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { IncidentSummary } from './api-types';
import { navigate } from './app-location';
import { incidentPath } from './app-routes';
import { formatDateTime } from './format-date-time';
import { useI18n, type Locale, type Translate } from './i18n/i18n-context';
import { DeadlineColourTag, IncidentStatusTag, UrgentTag } from './incident-tags';
import { PagedTable } from './paged-table';

const FINISHED = new Set(['closed', 'rejected', 'voided', 'merged']);

const columnsOf = (t: Translate, locale: Locale): TableColumnsType<IncidentSummary> => [
  {
    key: 'code',
    title: t('incident.field.code'),
    dataIndex: 'code',
    width: 150,
    render: (code: string) => <span className="monospace" style={{ whiteSpace: 'nowrap' }}>{code}</span>,
  },
  {
    key: 'title',
    title: t('incident.field.summary'),
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
  { key: 'category', title: t('incident.field.categoryShort'), dataIndex: 'categoryName', width: 120, ellipsis: true, render: (name: string | null) => name ?? t('incident.uncategorised') },
  // English status names (Awaiting intake) are wider than the four characters of the Chinese ones.
  { key: 'status', title: t('common.status'), dataIndex: 'status', width: locale === 'en' ? 132 : 96, render: (_status, incident) => <IncidentStatusTag status={incident.status} /> },
  {
    key: 'source',
    title: t('incident.field.source'),
    dataIndex: 'source',
    width: 104,
    render: (_source, incident) => (
      <Flex vertical>
        <span>{t(`source.${incident.source}`)}</span>
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
    title: t('incident.field.place'),
    width: 170,
    ellipsis: true,
    render: (_value, incident) => (
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text ellipsis>{incident.gridName ?? (incident.flaggedOutsideGrids ? t('incident.outsideGrids') : '—')}</Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {incident.regionName ?? ''}
        </Typography.Text>
      </Flex>
    ),
  },
  { key: 'department', title: t('incident.field.department'), dataIndex: 'leadDepartmentName', width: 160, ellipsis: true, render: (name: string | null) => name ?? '—' },
  { key: 'reportedAt', title: t('incident.field.reportedAt'), dataIndex: 'reportedAt', width: 168, render: (at: string) => formatDateTime(at) },
  {
    key: 'deadline',
    title: t('incident.field.deadline'),
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
  const { t, locale } = useI18n();
  const columns = useMemo(() => columnsOf(t, locale), [t, locale]);
  return (
    <PagedTable<IncidentSummary>
      rows={incidents} columns={columns} total={total} loading={loading} page={page} pageSize={pageSize} onPageChange={onPageChange}
      onOpen={(incident) => navigate(incidentPath(incident.id))} emptyText={t('incident.empty')} totalText={(count) => t('incident.total', { count })} testId="incident-table"
    />
  );
}
