import { Card, Descriptions, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import type { IncidentAssignmentView, IncidentDetail } from './api-types';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';

const ASSIGNMENT_COLOURS: Record<string, string> = {
  dispatched: 'cyan', handling: 'blue', handled: 'green', returned: 'magenta', transferred: 'default', cancelled: 'default',
};

function AssignmentLine({ assignment }: { assignment: IncidentAssignmentView }) {
  const { t, lookup } = useI18n();
  const state = { label: lookup(`incident.assignment.${assignment.state}`, assignment.state), color: ASSIGNMENT_COLOURS[assignment.state] ?? 'default' };
  return (
    <Flex gap={6} wrap align="center" data-testid="incident-assignment">
      <Tag color={assignment.role === 'lead' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
        {assignment.role === 'lead' ? t('incident.assignment.lead') : t('incident.assignment.assisting')}
      </Tag>
      <Typography.Text strong={assignment.role === 'lead'}>{assignment.departmentName}</Typography.Text>
      <Tag color={state.color} style={{ marginInlineEnd: 0 }}>
        {state.label}
      </Tag>
      {assignment.deadline && <Typography.Text type="secondary">{t('incident.deadlineAt', { time: formatDateTime(assignment.deadline) })}</Typography.Text>}
      {assignment.reworkCount > 0 && <Tag color="orange">{t('incident.reworkCount', { count: assignment.reworkCount })}</Tag>}
      {assignment.returnReason && <Typography.Text type="secondary">{t('incident.returnReason', { reason: assignment.returnReason })}</Typography.Text>}
    </Flex>
  );
}

/** Where it is, what it is, who reported it and who works on it. */
export function IncidentFacts({ incident }: { incident: IncidentDetail }) {
  const { t } = useI18n();
  const place = [incident.districtName, incident.streetName, incident.communityName, incident.gridName].filter(Boolean).join(' / ');
  const items: DescriptionsProps['items'] = [
    { key: 'category', label: t('incident.field.category'), children: incident.categoryName ?? <Typography.Text type="warning">{t('incident.uncategorised')}</Typography.Text> },
    {
      key: 'urgency',
      label: t('incident.field.urgency'),
      children: incident.urgent ? <Tag color="red">{t('incident.urgent')}</Tag> : t(`urgency.${incident.urgency ?? 'normal'}`),
    },
    {
      key: 'source',
      label: t('incident.field.source'),
      children: (
        <>
          {t(`source.${incident.source}`)}
          {incident.hotlineOrderNumber && <Typography.Text type="secondary">{t('incident.hotlineOrder', { number: incident.hotlineOrderNumber })}</Typography.Text>}
        </>
      ),
    },
    { key: 'reportedAt', label: t('incident.field.reportedAt'), children: formatDateTime(incident.reportedAt) },
    {
      key: 'place',
      label: t('incident.field.grid'),
      span: 2,
      children: place || (incident.flaggedOutsideGrids ? <Tag color="orange">{t('incident.notInAnyGrid')}</Tag> : '—'),
    },
    { key: 'address', label: t('incident.field.address'), span: 2, children: incident.address ?? '—' },
    {
      key: 'reporter',
      label: t('incident.field.reporter'),
      children: (
        <>
          {incident.reporterName ?? '—'}
          {incident.reporterPhoneMasked && <span className="monospace" style={{ marginInlineStart: 8 }}>{incident.reporterPhoneMasked}</span>}
          {incident.reporterCount > 1 && <Tag style={{ marginInlineStart: 8 }}>{t('incident.reporterCount', { count: incident.reporterCount })}</Tag>}
        </>
      ),
    },
    { key: 'center', label: t('incident.field.center'), children: incident.centerName ?? '—' },
  ];
  if (incident.hotlineDeadline) {
    items.push({ key: 'hotlineDeadline', label: t('incident.field.hotlineDeadline'), span: 2, children: formatDateTime(incident.hotlineDeadline) });
  }
  items.push({
    key: 'departments',
    label: t('incident.field.department'),
    span: 2,
    children:
      incident.assignments.length > 0 ? (
        <Flex vertical gap={6}>
          {incident.assignments.map((assignment) => (
            <AssignmentLine key={assignment.id} assignment={assignment} />
          ))}
        </Flex>
      ) : (
        t('incident.notDispatched')
      ),
  });

  return (
    <Card size="small" title={t('incident.facts.title')} data-testid="incident-facts">
      <Descriptions size="small" column={2} items={items} styles={{ label: { width: 96 } }} />
    </Card>
  );
}
