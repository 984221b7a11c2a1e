import { CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AllClearGridState } from './api-types';
import { AllClearReportModal } from './all-clear-report-modal';
import { useI18n } from './i18n/i18n-context';
import { allClearApi } from './incident-api';
import { useErrorMessage } from './use-error-message';

const timeFormat = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** A grid worker's 今日报平安: each own grid with today's state, and the button to report it. */
export function AllClearToday() {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [grids, setGrids] = useState<AllClearGridState[] | null>(null);
  const [reporting, setReporting] = useState<AllClearGridState | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    allClearApi.mine(controller.signal).then(setGrids).catch(reportError);
    return () => controller.abort();
  }, [reloads, reportError]);

  if (!grids || grids.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="all-clear-today">
      <Flex gap={16} wrap align="center">
        <Typography.Text strong>
          <SafetyCertificateOutlined style={{ color: '#389e0d', marginInlineEnd: 6 }} />
          {t('allClear.today')}
        </Typography.Text>
        {grids.map((grid) => (
          <Flex key={grid.gridCode} gap={8} align="center" data-testid="all-clear-grid">
            <span>{grid.gridName}</span>
            {grid.reportedAt ? (
              <Tag color="success" icon={<CheckCircleFilled />}>
                {t('allClear.reportedAt', { time: timeFormat.format(new Date(grid.reportedAt)) })}
              </Tag>
            ) : (
              <>
                <Tag color="warning">{t('allClear.notToday')}</Tag>
                <Button type="primary" size="small" onClick={() => setReporting(grid)}>
                  {t('allClear.report')}
                </Button>
              </>
            )}
          </Flex>
        ))}
      </Flex>
      <AllClearReportModal grid={reporting} onClose={() => setReporting(null)} onReported={() => setReloads((count) => count + 1)} />
    </Card>
  );
}
