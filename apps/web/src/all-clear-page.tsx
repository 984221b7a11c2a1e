import { Card, DatePicker, Flex, Progress, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MissingAllClears } from './api-types';
import { ALL_CLEAR_ROUTE } from './app-routes';
import { useI18n, type Translate } from './i18n/i18n-context';
import { allClearApi } from './incident-api';
import { PageFrame } from './page-frame';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';
import { regionCodeOfUser } from './user-area';

type MissingGrid = MissingAllClears['items'][number];

const columnsOf = (t: Translate): TableColumnsType<MissingGrid> => [
  { key: 'gridCode', title: t('grid.panel.code'), dataIndex: 'gridCode', width: 180, render: (code: string) => <span className="monospace">{code}</span> },
  { key: 'gridName', title: t('level.grid'), dataIndex: 'gridName' },
  { key: 'communityName', title: t('level.community'), dataIndex: 'communityName' },
  {
    key: 'gridMemberName', title: t('role.grid_worker'), dataIndex: 'gridMemberName',
    render: (name: string | null) => name ?? <Typography.Text type="warning">{t('allClear.noMember')}</Typography.Text>,
  },
];

/** 报平安: how many grids of a region reported their daily all-clear on a day, and which did not. */
export function AllClearPage() {
  const user = useCurrentUser();
  const reportError = useErrorMessage();
  const { t, routeLabel } = useI18n();
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const [regionCode, setRegionCode] = useState<string | undefined>(() => regionCodeOfUser(user));
  const [result, setResult] = useState<MissingAllClears | null>(null);
  const [loading, setLoading] = useState(true);

  const day = date.format('YYYY-MM-DD');
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    allClearApi
      .missing(day, regionCode, controller.signal)
      .then(setResult)
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [day, regionCode, reportError]);

  const share = result && result.expected > 0 ? Math.round((result.reported / result.expected) * 1000) / 10 : 0;
  return (
    <PageFrame trail={[{ title: routeLabel(ALL_CLEAR_ROUTE) }]} title={t('allClear.title')} description={t('allClear.description')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={32} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>{t('allClear.date')}</Typography.Text>
            <DatePicker
              value={date}
              onChange={(next) => next && setDate(next)}
              allowClear={false}
              disabledDate={(candidate) => candidate.isAfter(dayjs(), 'day')}
            />
          </Flex>
          <Flex gap={8} align="center" style={{ width: 320 }}>
            <Typography.Text style={{ flex: 'none' }}>{t('common.region')}</Typography.Text>
            <RegionCascader value={regionCode} onChange={setRegionCode} placeholder={t('allClear.allRegions')} />
          </Flex>
          <Statistic title={t('allClear.reported')} value={result?.reported ?? '—'} suffix={result ? `/ ${result.expected}` : undefined} />
          <Statistic title={t('allClear.missing')} value={result ? result.expected - result.reported : '—'} styles={{ content: { color: '#cf1322' } }} />
          <Flex vertical style={{ width: 220 }}>
            <Typography.Text type="secondary">{t('allClear.rate')}</Typography.Text>
            <Progress percent={share} status={share >= 100 ? 'success' : 'normal'} />
          </Flex>
        </Flex>
      </Card>
      <Card title={t('allClear.missingGrids', { count: result?.items.length ?? 0 })}>
        <Table<MissingGrid>
          rowKey="gridCode"
          columns={columnsOf(t)}
          dataSource={result?.items ?? []}
          loading={loading}
          size="middle"
          locale={{ emptyText: t('allClear.allReported') }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('allClear.total', { count: total }) }}
          data-testid="missing-all-clears"
        />
      </Card>
    </PageFrame>
  );
}
