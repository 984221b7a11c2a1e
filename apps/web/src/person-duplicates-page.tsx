import { App, Button, Card, Empty, Flex, Radio, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from './app-location';
import { PERSON_DUPLICATES_ROUTE, PERSON_LIST_ROUTE, personPath } from './app-routes';
import { PageFrame } from './page-frame';
import { personApi } from './person-api';
import { DeregisteredTag, ResidencyTag } from './person-tags';
import type { PersonDuplicateGroup, PersonListItem } from './register-types';
import { RegionCascader } from './region-cascader';
import { useErrorMessage } from './use-error-message';

const REASON_LABELS: Record<PersonDuplicateGroup['reason'], { label: string; color: string }> = {
  legacy_id_matches: { label: '旧版15位证件号码与另一条记录的18位号码一致', color: 'red' },
  missing_id: { label: '其中有记录未登记证件号码', color: 'orange' },
  different_ids: { label: '证件号码不同，可能是重名', color: 'default' },
};

interface DuplicateGroupCardProps {
  group: PersonDuplicateGroup;
  onMerge: (person: PersonListItem, into: PersonListItem) => void;
}

/** One group of records that look like one person: the one to keep is chosen, each other one merged into it. */
function DuplicateGroupCard({ group, onMerge }: DuplicateGroupCardProps) {
  const [keptId, setKeptId] = useState(group.persons[0]?.id);
  const kept = group.persons.find((person) => person.id === keptId);
  const columns: TableColumnsType<PersonListItem> = [
    {
      key: 'keep',
      title: '保留',
      width: 60,
      render: (_value, person) => <Radio checked={person.id === keptId} onChange={() => setKeptId(person.id)} aria-label={`保留 ${person.name}`} />,
    },
    {
      key: 'name',
      title: '姓名',
      width: 140,
      render: (_value, person) => (
        <Flex gap={4} align="center">
          <a onClick={() => navigate(personPath(person.id))}>{person.name}</a>
          {person.deregisteredOn && <DeregisteredTag />}
        </Flex>
      ),
    },
    { key: 'idNumber', title: '证件号码', dataIndex: 'idNumberMasked', width: 190, render: (value: string | null) => <span className="monospace">{value ?? '—'}</span> },
    { key: 'birthDate', title: '出生日期', dataIndex: 'birthDate', width: 110, render: (value: string | null) => value ?? '—' },
    { key: 'residency', title: '人口类型', width: 100, render: (_value, person) => <ResidencyTag residency={person.residency} /> },
    { key: 'grid', title: '所属网格', dataIndex: 'gridName', ellipsis: true, render: (value: string | null) => value ?? '—' },
    { key: 'address', title: '现住址', dataIndex: 'currentAddress', ellipsis: true, render: (value: string | null) => value ?? '—' },
    {
      key: 'merge',
      title: '',
      width: 130,
      render: (_value, person) =>
        kept && person.id !== kept.id ? (
          <Button size="small" danger onClick={() => onMerge(person, kept)}>
            合并到保留记录
          </Button>
        ) : (
          <Typography.Text type="secondary">保留此记录</Typography.Text>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title={`${group.name}，${group.birthDate} 出生，${group.persons.length} 条记录`}
      extra={<Tag color={REASON_LABELS[group.reason].color}>{REASON_LABELS[group.reason].label}</Tag>}
      data-testid="duplicate-group"
    >
      <Table<PersonListItem> rowKey="id" size="small" columns={columns} dataSource={group.persons} pagination={false} tableLayout="fixed" />
    </Card>
  );
}

/** 疑似重复: records that share an ID number, or a name and a birth date; merging keeps one and folds the other into it. */
export function PersonDuplicatesPage() {
  const { message, modal } = App.useApp();
  const reportError = useErrorMessage();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [groups, setGroups] = useState<PersonDuplicateGroup[] | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setGroups(null);
    personApi.duplicates(regionCode, controller.signal).then(setGroups).catch(reportError);
    return () => controller.abort();
  }, [regionCode, reloads, reportError]);

  const merge = (person: PersonListItem, into: PersonListItem) => {
    modal.confirm({
      title: `将“${person.name}”合并到保留的记录？`,
      content: `此记录（${person.idNumberMasked ?? '无证件号码'}）的走访、租住和人群记录将移到保留的记录（${into.idNumberMasked ?? '无证件号码'}），此记录随即注销。合并记入两人的变更记录，不能撤销。`,
      okText: '确认合并',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await personApi.merge(person.id, into.id, person.version);
          message.success(`已将 ${person.name} 合并`);
          setReloads((count) => count + 1);
        } catch (error) {
          reportError(error);
        }
      },
    });
  };

  return (
    <PageFrame
      trail={[{ title: PERSON_LIST_ROUTE.label, path: PERSON_LIST_ROUTE.path }, { title: PERSON_DUPLICATES_ROUTE.label }]}
      title={PERSON_DUPLICATES_ROUTE.label}
      description="辖区内姓名和出生日期相同的记录：核实后将重复的记录合并到保留的一条"
      actions={
        <div style={{ width: 240 }}>
          <RegionCascader value={regionCode} onChange={setRegionCode} placeholder="全部辖区" />
        </div>
      }
    >
      {groups === null ? (
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin size="large" />
        </Flex>
      ) : groups.length === 0 ? (
        <Card>
          <Empty description="没有疑似重复的人员" />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">共 {groups.length} 组</Typography.Text>
          {groups.map((group) => (
            <DuplicateGroupCard key={group.key} group={group} onMerge={merge} />
          ))}
        </Flex>
      )}
    </PageFrame>
  );
}
