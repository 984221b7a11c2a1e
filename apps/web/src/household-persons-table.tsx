import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { HouseholdDetail, MaskedPerson, RevealedPerson } from './api-types';
import { baseDataApi } from './base-data-api';
import { useI18n } from './i18n/i18n-context';
import { RevealPersonModal } from './reveal-person-modal';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

function shownValue(masked: string | null, revealed: string | null | undefined) {
  const value = revealed === undefined ? masked : revealed;
  return <span className="monospace">{value ?? '—'}</span>;
}

/** One household's persons, ID number and mobile masked; with `person.reveal` a row can be revealed with a reason. */
export function HouseholdPersonsTable({ householdId }: { householdId: number }) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
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
    { key: 'name', title: t('person.field.name'), dataIndex: 'name', width: 90 },
    { key: 'relation', title: t('household.relation'), dataIndex: 'relationToHead', width: 100, render: (relation: string | null) => relation ?? '—' },
    { key: 'gender', title: t('household.gender'), dataIndex: 'gender', width: 60, render: (gender: MaskedPerson['gender']) => (gender ? t(`person.gender.${gender}`) : '—') },
    { key: 'residency', title: t('person.field.residency'), dataIndex: 'residency', width: 100, render: (residency: MaskedPerson['residency']) => t(`residency.${residency}`) },
    {
      key: 'idNumber',
      title: t('household.idNumber'),
      render: (_value, person) => shownValue(person.idNumberMasked, revealed.get(person.id)?.idNumber),
    },
    {
      key: 'mobile',
      title: t('household.mobile'),
      width: 130,
      render: (_value, person) => shownValue(person.mobileMasked, revealed.get(person.id)?.mobile),
    },
  ];
  if (canReveal) {
    columns.push({
      key: 'reveal',
      title: t('household.original'),
      width: 110,
      render: (_value, person) =>
        revealed.has(person.id) ? (
          <Tag color="orange" data-testid="person-revealed-tag">{t('household.revealedTag')}</Tag>
        ) : (
          <Button size="small" type="link" onClick={() => setRevealing(person)}>
            {t('person.reveal')}
          </Button>
        ),
    });
  }

  return (
    <Flex vertical gap={8} data-testid="household-persons">
      <Typography.Text strong>
        {!household
          ? t('household.title')
          : household.householdNumber
            ? t('household.titleOfNumbered', { house: household.houseLabel, number: household.householdNumber })
            : t('household.titleOf', { house: household.houseLabel })}
      </Typography.Text>
      <Table<MaskedPerson>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={household?.persons ?? []}
        loading={household === null}
        pagination={false}
        // Wider than the person page's side column in any language: the table scrolls rather than squeezing its headers.
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('household.empty') }}
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
