import { INCIDENT_SOURCE_LABELS, URGENCY_LABELS } from '@civicgrid/domain';
import { Card, Descriptions, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import type { IncidentAssignmentView, IncidentDetail } from './api-types';
import { formatDateTime } from './format-date-time';

const ASSIGNMENT_STATES: Record<string, { label: string; color: string }> = {
  dispatched: { label: '待签收', color: 'cyan' },
  handling: { label: '处置中', color: 'blue' },
  handled: { label: '已处置', color: 'green' },
  returned: { label: '已退回', color: 'magenta' },
  transferred: { label: '已转办', color: 'default' },
  cancelled: { label: '已撤销', color: 'default' },
};

function AssignmentLine({ assignment }: { assignment: IncidentAssignmentView }) {
  const state = ASSIGNMENT_STATES[assignment.state] ?? { label: assignment.state, color: 'default' };
  return (
    <Flex gap={6} wrap align="center" data-testid="incident-assignment">
      <Tag color={assignment.role === 'lead' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
        {assignment.role === 'lead' ? '主办' : '协办'}
      </Tag>
      <Typography.Text strong={assignment.role === 'lead'}>{assignment.departmentName}</Typography.Text>
      <Tag color={state.color} style={{ marginInlineEnd: 0 }}>
        {state.label}
      </Tag>
      {assignment.deadline && <Typography.Text type="secondary">时限 {formatDateTime(assignment.deadline)}</Typography.Text>}
      {assignment.reworkCount > 0 && <Tag color="orange">返工 {assignment.reworkCount} 次</Tag>}
      {assignment.returnReason && <Typography.Text type="secondary">退回理由：{assignment.returnReason}</Typography.Text>}
    </Flex>
  );
}

/** Where it is, what it is, who reported it and who works on it. */
export function IncidentFacts({ incident }: { incident: IncidentDetail }) {
  const place = [incident.districtName, incident.streetName, incident.communityName, incident.gridName].filter(Boolean).join(' / ');
  const items: DescriptionsProps['items'] = [
    { key: 'category', label: '事件分类', children: incident.categoryName ?? <Typography.Text type="warning">未分类</Typography.Text> },
    {
      key: 'urgency',
      label: '紧急程度',
      children: incident.urgent ? <Tag color="red">紧急</Tag> : incident.urgency ? URGENCY_LABELS[incident.urgency] : '一般',
    },
    {
      key: 'source',
      label: '来源',
      children: (
        <>
          {INCIDENT_SOURCE_LABELS[incident.source] ?? incident.source}
          {incident.hotlineOrderNumber && <Typography.Text type="secondary">（工单 {incident.hotlineOrderNumber}）</Typography.Text>}
        </>
      ),
    },
    { key: 'reportedAt', label: '上报时间', children: formatDateTime(incident.reportedAt) },
    {
      key: 'place',
      label: '所在网格',
      span: 2,
      children: place || (incident.flaggedOutsideGrids ? <Tag color="orange">不在任何网格内</Tag> : '—'),
    },
    { key: 'address', label: '地址', span: 2, children: incident.address ?? '—' },
    {
      key: 'reporter',
      label: '反映人',
      children: (
        <>
          {incident.reporterName ?? '—'}
          {incident.reporterPhoneMasked && <span className="monospace" style={{ marginInlineStart: 8 }}>{incident.reporterPhoneMasked}</span>}
          {incident.reporterCount > 1 && <Tag style={{ marginInlineStart: 8 }}>共 {incident.reporterCount} 人反映</Tag>}
        </>
      ),
    },
    { key: 'center', label: '受理中心', children: incident.centerName ?? '—' },
  ];
  if (incident.hotlineDeadline) {
    items.push({ key: 'hotlineDeadline', label: '热线办结时限', span: 2, children: formatDateTime(incident.hotlineDeadline) });
  }
  items.push({
    key: 'departments',
    label: '责任部门',
    span: 2,
    children:
      incident.assignments.length > 0 ? (
        <Flex vertical gap={6}>
          {incident.assignments.map((assignment) => (
            <AssignmentLine key={assignment.id} assignment={assignment} />
          ))}
        </Flex>
      ) : (
        '尚未派遣'
      ),
  });

  return (
    <Card size="small" title="事件信息" data-testid="incident-facts">
      <Descriptions size="small" column={2} items={items} styles={{ label: { width: 96 } }} />
    </Card>
  );
}
