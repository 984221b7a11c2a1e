import { Flex, Typography, type TableColumnsType } from 'antd';
import { navigate } from './app-location';
import { personPath } from './app-routes';
import { PagedTable } from './paged-table';
import { AttentionTags, DeregisteredTag, GroupTags, LeftBehindTag, ResidencyTag } from './person-tags';
import type { PersonListItem } from './register-types';

const GENDER_LABELS = { male: '男', female: '女' } as const;

const masked = (value: string | null) => <span className="monospace" style={{ whiteSpace: 'nowrap' }}>{value ?? '—'}</span>;

const columns: TableColumnsType<PersonListItem> = [
  {
    key: 'name',
    title: '姓名',
    width: 150,
    render: (_value, person) => (
      <Flex gap={4} align="center" wrap>
        <Typography.Text strong>{person.name}</Typography.Text>
        {person.gender && <Typography.Text type="secondary">{GENDER_LABELS[person.gender]}</Typography.Text>}
        {person.deregisteredOn && <DeregisteredTag />}
      </Flex>
    ),
  },
  { key: 'idNumber', title: '证件号码', dataIndex: 'idNumberMasked', width: 190, render: masked },
  { key: 'mobile', title: '联系电话', dataIndex: 'mobileMasked', width: 130, render: masked },
  { key: 'residency', title: '人口类型', dataIndex: 'residency', width: 104, render: (_value, person) => <ResidencyTag residency={person.residency} /> },
  {
    key: 'grid',
    title: '所属网格',
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
    title: '关注',
    width: 200,
    render: (_value, person) => (
      <Flex gap={4} wrap>
        <AttentionTags level={person.attentionLevel} underAttention={person.underAttention} />
        {person.leftBehind && <LeftBehindTag />}
        <GroupTags specialGroups={person.specialGroups} careGroups={person.careGroups} />
      </Flex>
    ),
  },
  { key: 'address', title: '现住址', dataIndex: 'currentAddress', ellipsis: true, render: (address: string | null) => address ?? '—' },
  {
    key: 'lastVerifiedOn',
    title: '最近核实',
    dataIndex: 'lastVerifiedOn',
    width: 110,
    render: (date: string | null) => (date ? date.slice(0, 10) : <Typography.Text type="secondary">未核实</Typography.Text>),
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
  return (
    <PagedTable<PersonListItem>
      rows={persons} columns={columns} total={total} loading={loading} page={page} pageSize={pageSize} onPageChange={onPageChange}
      onOpen={(person) => navigate(personPath(person.id))} emptyText="没有符合条件的人员" countUnit="人" testId="person-table"
    />
  );
}
