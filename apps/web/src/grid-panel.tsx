import { Avatar, Descriptions, Drawer, Empty, Flex, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import { useEffect, useState } from 'react';
import { apiClient } from './api-client';
import type { BuildingView, GridDetail } from './api-types';
import { BuildingList } from './building-list';
import { BuildingModal } from './building-modal';
import { GRID_PANEL_WIDTH } from './console-layout';
import { useI18n, type Translate } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

interface GridPanelProps {
  gridCode: string | null;
  /** Shown as the title until the details arrive, e.g. the name from the map feature. */
  fallbackTitle?: string;
  onClose: () => void;
}

const numberFormat = new Intl.NumberFormat('zh-CN');

function detailItems(grid: GridDetail, t: Translate): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('grid.panel.code'),
      children: (
        <Typography.Text copyable={{ text: grid.code }} style={{ fontFamily: 'monospace' }}>
          <span data-testid="grid-panel-code">{grid.code}</span>
        </Typography.Text>
      ),
    },
    { key: 'kind', label: t('grid.panel.kind'), children: grid.kind === 'micro-grid' ? t('grid.panel.microGrid') : t('level.grid') },
    { key: 'community', label: t('grid.panel.community'), children: grid.communityName },
    {
      key: 'households',
      label: t('grid.panel.households'),
      children: (
        <Flex align="center" gap={8} wrap>
          <span data-testid="grid-panel-households">
            {numberFormat.format(grid.households)} / {numberFormat.format(grid.householdTarget)}
          </span>
          {grid.overHouseholdRule && <Tag color="warning">{t('grid.overRule')}</Tag>}
        </Flex>
      ),
    },
    { key: 'persons', label: t('grid.panel.persons'), children: numberFormat.format(grid.persons) },
  ];
  if (grid.contactChannel) items.push({ key: 'contact', label: t('grid.panel.contact'), children: grid.contactChannel });
  return items;
}

function GridMembers({ grid }: { grid: GridDetail }) {
  const { t } = useI18n();
  if (grid.members.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grid.panel.noMembers')} />;
  }
  return (
    <Flex vertical gap={12} data-testid="grid-panel-members">
      {grid.members.map((member) => (
        <Flex key={member.id} align="center" gap={12}>
          <Avatar style={{ backgroundColor: '#1677ff', flex: 'none' }}>{member.name.slice(0, 1)}</Avatar>
          <Flex vertical style={{ minWidth: 0, flex: 1 }}>
            <Flex align="center" gap={8}>
              <Typography.Text strong>{member.name}</Typography.Text>
              <Tag color="blue">{t(`gridMemberRole.${member.role}`)}</Tag>
            </Flex>
            <Typography.Text type="secondary">{member.phone ?? t('grid.panel.noPhone')}</Typography.Text>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}

/** The right-hand drawer with one grid's facts and its grid force (网格力量). */
export function GridPanel({ gridCode, fallbackTitle, onClose }: GridPanelProps) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [grid, setGrid] = useState<GridDetail | null>(null);
  const [openBuilding, setOpenBuilding] = useState<BuildingView | null>(null);

  useEffect(() => {
    if (!gridCode) return;
    const controller = new AbortController();
    setGrid(null);
    apiClient
      .getGrid(gridCode, controller.signal)
      .then(setGrid)
      .catch((error: unknown) => reportError(error));
    return () => controller.abort();
  }, [gridCode, reportError]);

  const loaded = grid !== null && grid.code === gridCode;
  const location = loaded ? grid.ancestors.map((region) => region.name).join(' / ') : '';

  return (
    <Drawer
      open={gridCode !== null}
      onClose={onClose}
      title={loaded ? grid.name : (fallbackTitle ?? t('grid.panel.title'))}
      placement="right"
      size={GRID_PANEL_WIDTH}
      mask={false}
      getContainer={false}
      destroyOnHidden
    >
      <div data-testid="grid-panel">
        {!loaded ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <Flex vertical gap={20}>
            {location && <Typography.Text type="secondary">{location}</Typography.Text>}
            <Descriptions column={1} size="small" bordered items={detailItems(grid, t)} />
            <div>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('grid.panel.members', { count: grid.members.length })}
              </Typography.Title>
              <GridMembers grid={grid} />
            </div>
            <BuildingList gridCode={grid.code} onOpen={setOpenBuilding} />
          </Flex>
        )}
      </div>
      <BuildingModal building={openBuilding} onClose={() => setOpenBuilding(null)} />
    </Drawer>
  );
}
