import { DeleteOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Result, Row, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from './api-client';
import type { RevealedPerson } from './api-types';
import { navigate } from './app-location';
import { PERSON_LIST_ROUTE, PERSON_ROUTE } from './app-routes';
import { HouseholdPersonsTable } from './household-persons-table';
import { useI18n } from './i18n/i18n-context';
import { PageFrame } from './page-frame';
import { personApi } from './person-api';
import { PersonDeregisterModal } from './person-deregister-modal';
import { PersonFacts } from './person-facts';
import { PersonFormDrawer } from './person-form-drawer';
import { PersonHistory } from './person-history';
import { AttentionTags, DeregisteredTag, ResidencyTag } from './person-tags';
import type { PersonAction, PersonDetail, PersonGroupView } from './register-types';
import { RevealPersonModal } from './reveal-person-modal';
import { errorMessageOf, useErrorMessage } from './use-error-message';

function GroupRecords({ group, records, color }: { group: 'specialGroup' | 'careGroup'; records: PersonGroupView[]; color: string }) {
  const { t, lookup } = useI18n();
  return records.map((record) => (
    <Flex key={record.kind} vertical gap={4}>
      <div>
        <Tag color={color}>{lookup(`${group}.${record.kind}`, record.label)}</Tag>
        {record.riskLevel !== null && <Tag color={record.riskLevel >= 3 ? 'red' : 'default'}>{t('person.riskLevel', { level: record.riskLevel })}</Tag>}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          record.startedOn && t('person.group.startedOn', { date: record.startedOn }),
          record.endedOn && t('person.group.endedOn', { date: record.endedOn }),
          record.guardianName && t('person.group.guardian', { name: record.guardianName }),
          record.nextVisitOn && t('person.group.nextVisit', { date: record.nextVisitOn }),
        ].filter(Boolean).join(t('common.listSeparator')) || '—'}
      </Typography.Text>
    </Flex>
  ));
}

/** 特殊人群 (only for readers who may see them) and 关爱对象, each with what the grid worker follows. */
function GroupsCard({ person }: { person: PersonDetail }) {
  const special = person.specialGroups ?? [];
  const { t } = useI18n();
  return (
    <Card size="small" title={t('person.groups.title')} data-testid="person-groups">
      <Flex vertical gap={12}>
        <GroupRecords group="specialGroup" records={special} color="volcano" />
        <GroupRecords group="careGroup" records={person.careGroups} color="cyan" />
        {special.length + person.careGroups.length === 0 && (
          <Typography.Text type="secondary">{person.specialGroups === null ? t('person.groups.noCareGroup') : t('person.groups.none')}</Typography.Text>
        )}
        {person.specialGroups === null && <Typography.Text type="secondary">{t('person.groups.hidden')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** 人员详情: the person's record by group, their groups and household, and every change made to it. */
export function PersonPage({ personId }: { personId: number }) {
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const { t, routeLabel } = useI18n();
  const trail = [{ title: routeLabel(PERSON_LIST_ROUTE), path: PERSON_LIST_ROUTE.path }];
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [loadProblem, setLoadProblem] = useState<Error | null>(null);
  const [revealed, setRevealed] = useState<RevealedPerson | null>(null);
  const [open, setOpen] = useState<'edit' | 'deregister' | 'reveal' | null>(null);
  const [historyReloads, setHistoryReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    personApi
      .get(personId, controller.signal)
      .then(setPerson)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof Error) setLoadProblem(error);
        reportError(error);
      });
    return () => controller.abort();
  }, [personId, reportError]);

  if (!person) {
    const status = loadProblem instanceof ApiError ? loadProblem.status : 0;
    return (
      <PageFrame trail={[...trail, { title: routeLabel(PERSON_ROUTE) }]} title={routeLabel(PERSON_ROUTE)}>
        {loadProblem ? (
          <Result
            status={status === 404 ? 404 : status === 403 ? 403 : 'error'}
            title={status === 404 ? t('person.notFound') : status === 403 ? t('person.forbidden') : t('error.loadFailed')}
            subTitle={errorMessageOf(loadProblem)}
            extra={<Button onClick={() => navigate(PERSON_LIST_ROUTE.path)}>{t('person.backToList')}</Button>}
          />
        ) : (
          <Flex justify="center" style={{ padding: 64 }}>
            <Spin size="large" />
          </Flex>
        )}
      </PageFrame>
    );
  }

  const saved = (next: PersonDetail) => {
    setPerson(next);
    // What was revealed belongs to the record as it was; a changed ID number or phone is masked again.
    setRevealed(null);
    setOpen(null);
    setHistoryReloads((count) => count + 1);
  };
  // The server says what this reader may do with this person; the page offers exactly that.
  const may = (action: PersonAction) => person.actions.includes(action);
  const householdId = person.household?.id ?? person.householdId;

  return (
    <PageFrame
      trail={[...trail, { title: person.name }]}
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="person-name">{person.name}</span>
          <ResidencyTag residency={person.residency} />
          <AttentionTags level={person.attentionLevel} underAttention={person.underAttention} />
          {person.deregisteredOn && <DeregisteredTag />}
        </Flex>
      }
      description={person.lastVerifiedOn ? t('person.lastVerifiedOn', { date: person.lastVerifiedOn }) : t('person.neverVerified')}
      actions={
        <Flex gap={8} data-testid="person-actions">
          {may('reveal') && !revealed && (
            <Button icon={<EyeOutlined />} onClick={() => setOpen('reveal')}>
              {t('person.reveal')}
            </Button>
          )}
          {may('deregister') && (
            <Button danger icon={<DeleteOutlined />} onClick={() => setOpen('deregister')}>
              {t('register.deregister')}
            </Button>
          )}
          {may('edit') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setOpen('edit')}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <PersonFacts person={person} revealed={revealed} />
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <GroupsCard person={person} />
            {householdId !== null && (
              <Card size="small">
                <HouseholdPersonsTable householdId={householdId} />
              </Card>
            )}
            <PersonHistory personId={person.id} reloads={historyReloads} />
          </Flex>
        </Col>
      </Row>
      {may('edit') && <PersonFormDrawer open={open === 'edit'} person={person} onClose={() => setOpen(null)} onSaved={saved} />}
      {may('deregister') && (
        <PersonDeregisterModal
          open={open === 'deregister'}
          person={person}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            message.success(t('person.deregistered', { name: next.name }));
            saved(next);
          }}
        />
      )}
      <RevealPersonModal
        person={open === 'reveal' ? person : null}
        onClose={() => setOpen(null)}
        onRevealed={setRevealed}
      />
    </PageFrame>
  );
}
