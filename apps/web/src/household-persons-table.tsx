import { RESIDENCY_LABELS } from '@civicgrid/domain';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { HouseholdDetail, MaskedPerson, RevealedPerson } from './api-types';
import { baseDataApi } from './base-data-api';
import { RevealPersonModal } from './reveal-person-modal';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

const GENDER_LABELS = { male: '男', female: '女' } as const;

function shownValue(masked: string | null, revealed: string | null | undefined) {
  const value = revealed === undefined ? masked : revealed;
  return <span className="monospace">{value ?? '—'}</span>;
}

/** One household's persons, ID number and mobile masked; with `person.reveal` a row can be revealed with a reason. */
export function HouseholdPersonsTable({ householdId }: { householdId: number }) {
  const reportError = useErrorMessage();
  const canReveal = useCurrentUser().can('person.reveal');
  const [household, setHousehold] = useState<HouseholdDetail | null>(null);
  const [revealed, setRevealed] = useState<ReadonlyMap<number, RevealedPerson>>(new Map());
  const [revealing, setRevealing] = useState<MaskedPerson | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setHousehold(null);
    setRevealed(new Map());
    baseDataApi
      .getHousehold(householdId, controller.signal)
      .then(setHousehold)
      .catch((error: unknown) => reportError(error));
    return () => controller.abort();
  }, [householdId, reportError]);

  const columns: TableColumnsType<MaskedPerson> = [
    { key: 'name', title: '姓名', dataIndex: 'name', width: 90 },
    { key: 'relation', title: '与户主关系', dataIndex: 'relationToHead', width: 100, render: (relation: string | null) => relation ?? '—' },
    { key: 'gender', title: '性别', dataIndex: 'gender', width: 60, render: (gender: MaskedPerson['gender']) => (gender ? GENDER_LABELS[gender] : '—') },
    { key: 'residency', title: '人口类型', dataIndex: 'residency', width: 100, render: (residency: MaskedPerson['residency']) => RESIDENCY_LABELS[residency] },
    {
      key: 'idNumber',
      title: '身份证号',
      render: (_value, person) => shownValue(person.idNumberMasked, revealed.get(person.id)?.idNumber),
    },
    {
      key: 'mobile',
      title: '手机号',
      width: 130,
      render: (_value, person) => shownValue(person.mobileMasked, revealed.get(person.id)?.mobile),
    },
  ];
  if (canReveal) {
    columns.push({
      key: 'reveal',
      title: '原文',
      width: 110,
      render: (_value, person) =>
        revealed.has(person.id) ? (
          <Tag color="orange" data-testid="person-revealed-tag">已留痕</Tag>
        ) : (
          <Button size="small" type="link" onClick={() => setRevealing(person)}>
            查看原文
          </Button>
        ),
    });
  }

  return (
    <Flex vertical gap={8} data-testid="household-persons">
      <Typography.Text strong>
        {household ? `${household.houseLabel}${household.householdNumber ? `（户号 ${household.householdNumber}）` : ''}的成员` : '户成员'}
      </Typography.Text>
      <Table<MaskedPerson>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={household?.persons ?? []}
        loading={household === null}
        pagination={false}
        locale={{ emptyText: '该户暂无登记人员' }}
      />
      {canReveal && (
        <RevealPersonModal
          person={revealing}
          onClose={() => setRevealing(null)}
          onRevealed={(person) => setRevealed((current) => new Map(current).set(person.id, person))}
        />
      )}
    </Flex>
  );
}
