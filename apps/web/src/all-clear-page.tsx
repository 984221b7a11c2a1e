import { Card, DatePicker, Flex, Progress, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MissingAllClears } from './api-types';
import { allClearApi } from './incident-api';
import { PageFrame } from './page-frame';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';
import { regionCodeOfUser } from './user-area';

type MissingGrid = MissingAllClears['items'][number];

const columns: TableColumnsType<MissingGrid> = [
  { key: 'gridCode', title: '网格编码', dataIndex: 'gridCode', width: 180, render: (code: string) => <span className="monospace">{code}</span> },
  { key: 'gridName', title: '网格', dataIndex: 'gridName' },
  { key: 'communityName', title: '社区', dataIndex: 'communityName' },
  { key: 'gridMemberName', title: '网格员', dataIndex: 'gridMemberName', render: (name: string | null) => name ?? <Typography.Text type="warning">未配备</Typography.Text> },
];

/** 报平安: how many grids of a region reported their daily all-clear on a day, and which did not. */
export function AllClearPage() {
  const user = useCurrentUser();
  const reportError = useErrorMessage();
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
    <PageFrame trail={[{ title: '报平安' }]} title="无事报平安" description="网格员每日报平安，未报的网格在此列出">
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={32} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>日期</Typography.Text>
            <DatePicker
              value={date}
              onChange={(next) => next && setDate(next)}
              allowClear={false}
              disabledDate={(candidate) => candidate.isAfter(dayjs(), 'day')}
            />
          </Flex>
          <Flex gap={8} align="center" style={{ width: 320 }}>
            <Typography.Text style={{ flex: 'none' }}>区域</Typography.Text>
            <RegionCascader value={regionCode} onChange={setRegionCode} placeholder="全部管辖区域" />
          </Flex>
          <Statistic title="已报" value={result?.reported ?? '—'} suffix={result ? `/ ${result.expected}` : undefined} />
          <Statistic title="未报" value={result ? result.expected - result.reported : '—'} styles={{ content: { color: '#cf1322' } }} />
          <Flex vertical style={{ width: 220 }}>
            <Typography.Text type="secondary">报平安率</Typography.Text>
            <Progress percent={share} status={share >= 100 ? 'success' : 'normal'} />
          </Flex>
        </Flex>
      </Card>
      <Card title={`未报平安的网格（${result?.items.length ?? 0}）`}>
        <Table<MissingGrid>
          rowKey="gridCode"
          columns={columns}
          dataSource={result?.items ?? []}
          loading={loading}
          size="middle"
          locale={{ emptyText: '全部网格均已报平安' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个网格` }}
          data-testid="missing-all-clears"
        />
      </Card>
    </PageFrame>
  );
}
