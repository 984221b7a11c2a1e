import { Descriptions, Flex, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { BuildingDetail, BuildingView, HouseholdSummary } from './api-types';
import { baseDataApi } from './base-data-api';
import { HouseholdPersonsTable } from './household-persons-table';
import { useI18n, type Translate } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

interface BuildingModalProps {
  building: BuildingView | null;
  onClose: () => void;
}

const householdColumns = (t: Translate): TableColumnsType<HouseholdSummary> => [
  { key: 'house', title: t('building.house'), dataIndex: 'houseLabel' },
  { key: 'number', title: t('building.householdNumber'), dataIndex: 'householdNumber', render: (number: string | null) => number ?? '—' },
  { key: 'members', title: t('building.members'), dataIndex: 'members', width: 80 },
];

/** One building's households; clicking a household shows its persons below. */
export function BuildingModal({ building, onClose }: BuildingModalProps) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [detail, setDetail] = useState<BuildingDetail | null>(null);
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const buildingId = building?.id ?? null;

  useEffect(() => {
    if (buildingId === null) return;
    const controller = new AbortController();
    setDetail(null);
    setHouseholdId(null);
    baseDataApi
      .getBuilding(buildingId, controller.signal)
      .then(setDetail)
      .catch((error: unknown) => reportError(error));
    return () => controller.abort();
  }, [buildingId, reportError]);

  const loaded = detail !== null && detail.id === buildingId;

  return (
    <Modal open={building !== null} title={building?.name ?? t('building.title')} onCancel={onClose} footer={null} width={880} destroyOnHidden>
      <Flex vertical gap={16} data-testid="building-modal">
        {building && (
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'address', label: t('building.address'), children: building.address ?? '—' },
              { key: 'floors', label: t('building.floors'), children: building.floors ?? '—' },
              { key: 'households', label: t('building.households'), children: building.households },
            ]}
          />
        )}
        <Table<HouseholdSummary>
          data-testid="household-list"
          rowKey="id"
          size="small"
          columns={householdColumns(t)}
          dataSource={loaded ? detail.householdList : []}
          loading={!loaded}
          pagination={{ pageSize: 6, size: 'small', hideOnSinglePage: true }}
          rowClassName={(household) => (household.id === householdId ? 'ant-table-row-selected' : '')}
          onRow={(household) => ({ onClick: () => setHouseholdId(household.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: t('building.noHouseholds') }}
        />
        {householdId === null ? (
          <Typography.Text type="secondary">{t('building.pickHousehold')}</Typography.Text>
        ) : (
          <HouseholdPersonsTable householdId={householdId} />
        )}
      </Flex>
    </Modal>
  );
}
