import { App, Button, Card, Empty, Flex, Radio, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from './app-location';
import { PERSON_DUPLICATES_ROUTE, PERSON_LIST_ROUTE, personPath } from './app-routes';
import { useI18n } from './i18n/i18n-context';
import { PageFrame } from './page-frame';
import { personApi } from './person-api';
import { DeregisteredTag, ResidencyTag } from './person-tags';
import type { PersonDuplicateGroup, PersonListItem } from './register-types';
import { RegionCascader } from './region-cascader';
import { useErrorMessage } from './use-error-message';

const REASON_COLOURS: Record<PersonDuplicateGroup['reason'], string> = { legacy_id_matches: 'red', missing_id: 'orange', different_ids: 'default' };

interface DuplicateGroupCardProps {
  group: PersonDuplicateGroup;
  onMerge: (person: PersonListItem, into: PersonListItem) => void;
}

/** One group of records that look like one person: the one to keep is chosen, each other one merged into it. */
function DuplicateGroupCard({ group, onMerge }: DuplicateGroupCardProps) {
  const { t } = useI18n();
  const [keptId, setKeptId] = useState(group.persons[0]?.id);
  const kept = group.persons.find((person) => person.id === keptId);
  const columns: TableColumnsType<PersonListItem> = [
    {
      key: 'keep',
      title: t('person.duplicate.keep'),
      width: 60,
      render: (_value, person) => (
        <Radio checked={person.id === keptId} onChange={() => setKeptId(person.id)} aria-label={t('person.duplicate.keepOne', { name: person.name })} />
      ),
    },
    {
      key: 'name',
      title: t('person.field.name'),
      width: 140,
      render: (_value, person) => (
        <Flex gap={4} align="center">
          <a onClick={() => navigate(personPath(person.id))}>{person.name}</a>
          {person.deregisteredOn && <DeregisteredTag />}
        </Flex>
      ),
    },
    { key: 'idNumber', title: t('person.field.idNumber'), dataIndex: 'idNumberMasked', width: 190, render: (value: string | null) => <span className="monospace">{value ?? '—'}</span> },
    { key: 'birthDate', title: t('person.field.birthDate'), dataIndex: 'birthDate', width: 110, render: (value: string | null) => value ?? '—' },
    { key: 'residency', title: t('person.field.residency'), width: 100, render: (_value, person) => <ResidencyTag residency={person.residency} /> },
    { key: 'grid', title: t('grid.belonging'), dataIndex: 'gridName', ellipsis: true, render: (value: string | null) => value ?? '—' },
    { key: 'address', title: t('person.field.address'), dataIndex: 'currentAddress', ellipsis: true, render: (value: string | null) => value ?? '—' },
    {
      key: 'merge',
      title: '',
      width: 130,
      render: (_value, person) =>
        kept && person.id !== kept.id ? (
          <Button size="small" danger onClick={() => onMerge(person, kept)}>
            {t('person.duplicate.mergeIntoKept')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('person.duplicate.kept')}</Typography.Text>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('person.duplicate.group', { name: group.name, birthDate: group.birthDate, count: group.persons.length })}
      extra={<Tag color={REASON_COLOURS[group.reason]}>{t(`person.duplicate.reason.${group.reason}`)}</Tag>}
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
  const { t, routeLabel } = useI18n();
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
      title: t('person.duplicate.confirmTitle', { name: person.name }),
      content: t('person.duplicate.confirmContent', {
        from: person.idNumberMasked ?? t('person.duplicate.noIdNumber'),
        into: into.idNumberMasked ?? t('person.duplicate.noIdNumber'),
      }),
      okText: t('person.duplicate.confirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await personApi.merge(person.id, into.id, person.version);
          message.success(t('person.duplicate.merged', { name: person.name }));
          setReloads((count) => count + 1);
        } catch (error) {
          reportError(error);
        }
      },
    });
  };

  return (
    <PageFrame
      trail={[{ title: routeLabel(PERSON_LIST_ROUTE), path: PERSON_LIST_ROUTE.path }, { title: routeLabel(PERSON_DUPLICATES_ROUTE) }]}
      title={routeLabel(PERSON_DUPLICATES_ROUTE)}
      description={t('person.duplicate.description')}
      actions={
        <div style={{ width: 240 }}>
          <RegionCascader value={regionCode} onChange={setRegionCode} placeholder={t('person.duplicate.allAreas')} />
        </div>
      }
    >
      {groups === null ? (
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin size="large" />
        </Flex>
      ) : groups.length === 0 ? (
        <Card>
          <Empty description={t('person.duplicate.none')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{t('person.duplicate.groups', { count: groups.length })}</Typography.Text>
          {groups.map((group) => (
            <DuplicateGroupCard key={group.key} group={group} onMerge={merge} />
          ))}
        </Flex>
      )}
    </PageFrame>
  );
}
