import { Empty, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BuildingView } from './api-types';
import { baseDataApi } from './base-data-api';
import { useI18n } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

interface BuildingListProps {
  gridCode: string;
  onOpen: (building: BuildingView) => void;
}

const numberFormat = new Intl.NumberFormat('zh-CN');

/** 楼栋: the grid's buildings; clicking one opens its households. */
export function BuildingList({ gridCode, onOpen }: BuildingListProps) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [buildings, setBuildings] = useState<BuildingView[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setBuildings(null);
    baseDataApi
      .listGridBuildings(gridCode, controller.signal)
      .then(setBuildings)
      .catch((error: unknown) => reportError(error));
    return () => controller.abort();
  }, [gridCode, reportError]);

  return (
    <div data-testid="building-list">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {buildings ? t('building.titleCount', { count: buildings.length }) : t('building.title')}
      </Typography.Title>
      {buildings === null ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin size="small" />
        </Flex>
      ) : buildings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('building.empty')} />
      ) : (
        <Flex vertical gap={4}>
          {buildings.map((building) => (
            <button
              key={building.id}
              type="button"
              className="building-list-item"
              data-building-id={building.id}
              onClick={() => onOpen(building)}
            >
              <Typography.Text strong>{building.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('building.summary', { houses: numberFormat.format(building.houses), households: numberFormat.format(building.households) })}
                {building.address ? ` · ${building.address}` : ''}
              </Typography.Text>
            </button>
          ))}
        </Flex>
      )}
    </div>
  );
}
