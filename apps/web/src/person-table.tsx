import { Flex, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { navigate } from './app-location';
import { personPath } from './app-routes';
import { useI18n, type Translate } from './i18n/i18n-context';
import { PagedTable } from './paged-table';
import { AttentionTags, DeregisteredTag, GroupTags, LeftBehindTag, ResidencyTag } from './person-tags';
import type { PersonListItem } from './register-types';

const masked = (value: string | null) => <span className="monospace" style={{ whiteSpace: 'nowrap' }}>{value ?? '—'}</span>;

const columnsOf = (t: Translate): TableColumnsType<PersonListItem> => [
  {
    key: 'name',
    title: t('person.field.name'),
    width: 150,
    render: (_value, person) => (
      <Flex gap={4} align="center" wrap>
        <Typography.Text strong>{person.name}</Typography.Text>
        {person.gender && <Typography.Text type="secondary">{t(`person.gender.${person.gender}`)}</Typography.Text>}
        {person.deregisteredOn && <DeregisteredTag />}
      </Flex>
    ),
  },
  { key: 'idNumber', title: t('person.field.idNumber'), dataIndex: 'idNumberMasked', width: 190, render: masked },
  { key: 'mobile', title: t('person.field.mobile'), dataIndex: 'mobileMasked', width: 130, render: masked },
  { key: 'residency', title: t('person.field.residency'), dataIndex: 'residency', width: 104, render: (_value, person) => <ResidencyTag residency={person.residency} /> },
  {
    key: 'grid',
    title: t('grid.belonging'),
    width: 180,
    ellipsis: true,
    render: (_value, person) => (
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text ellipsis>{person.gridName ?? '—'}</Typography.Text>
        <Typography.Text type="secondary" className="monospace" style={{ fontSize: 12 }}>
          {person.gridCode ?? ''}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    key: 'attention',
    title: t('register.attention'),
    width: 200,
    render: (_value, person) => (
      <Flex gap={4} wrap>
        <AttentionTags level={person.attentionLevel} underAttention={person.underAttention} />
        {person.leftBehind && <LeftBehindTag />}
        <GroupTags specialGroups={person.specialGroups} careGroups={person.careGroups} />
      </Flex>
    ),
  },
  { key: 'address', title: t('person.field.address'), dataIndex: 'currentAddress', ellipsis: true, render: (address: string | null) => address ?? '—' },
  {
    key: 'lastVerifiedOn',
    title: t('register.lastVerified'),
    dataIndex: 'lastVerifiedOn',
    width: 110,
    render: (date: string | null) => (date ? date.slice(0, 10) : <Typography.Text type="secondary">{t('register.notVerified')}</Typography.Text>),
  },
];

interface PersonTableProps {
  persons: PersonListItem[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

/** One page of 实有人口, ID numbers and phones masked; a row opens the person. */
export function PersonTable({ persons, total, loading, page, pageSize, onPageChange }: PersonTableProps) {
  const { t } = useI18n();
  const columns = useMemo(() => columnsOf(t), [t]);
  return (
    <PagedTable<PersonListItem>
      rows={persons} columns={columns} total={total} loading={loading} page={page} pageSize={pageSize} onPageChange={onPageChange}
      onOpen={(person) => navigate(personPath(person.id))} emptyText={t('person.empty')} totalText={(count) => t('person.total', { count })} testId="person-table"
    />
  );
}
