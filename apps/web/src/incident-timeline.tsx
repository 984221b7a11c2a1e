import {
  INCIDENT_STATUS_LABELS, INCIDENT_WORKFLOW, SATISFACTION_LABELS, SUPERVISION_LEVEL_LABELS, type Satisfaction, type SupervisionLevel,
} from '@civicgrid/domain';
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import type { IncidentStepView } from './api-types';
import { formatDateTime } from './format-date-time';
import { PhotoStrip } from './incident-photos';

/** Steps the server records that are not actions a user takes from this page. */
const OTHER_STEP_LABELS: Record<string, string> = {
  report: '上报',
  transfer: '转办',
  reclassify: '重新分类',
  instruct: '批示',
  copy_to: '抄送',
  file_for_record: '备案',
  read: '已阅',
};

const RED_STEPS = new Set(['reject', 'return', 'rework', 'deny_extension', 'deny_void', 'void', 'reopen', 'supervise']);
const GREEN_STEPS = new Set(['verify', 'close', 'follow_up', 'handle', 'self_handle']);

export function stepLabel(action: string): string {
  return (INCIDENT_WORKFLOW as Record<string, { label: string } | undefined>)[action]?.label ?? OTHER_STEP_LABELS[action] ?? action;
}

/** The few details worth a line of their own: the satisfaction of a follow-up, the level of a supervision notice. */
function StepDetails({ step }: { step: IncidentStepView }) {
  const satisfaction = step.details.satisfaction as Satisfaction | null | undefined;
  const level = step.details.supervisionLevel as SupervisionLevel | undefined;
  return (
    <>
      {step.action === 'follow_up' && satisfaction !== undefined && (
        <Tag color={satisfaction === 'not' ? 'red' : satisfaction === null ? 'default' : 'green'}>
          {satisfaction === null ? '无法联系' : SATISFACTION_LABELS[satisfaction]}
        </Tag>
      )}
      {level && <Tag color={level === 'red' ? 'red' : level === 'yellow' ? 'gold' : 'blue'}>{SUPERVISION_LEVEL_LABELS[level]}</Tag>}
    </>
  );
}

function StepContent({ step }: { step: IncidentStepView }) {
  const unit = step.departmentName ?? step.centerName;
  const statusChanged = step.fromStatus !== null && step.toStatus !== null && step.fromStatus !== step.toStatus;
  return (
    <Flex vertical gap={4} style={{ paddingBottom: 4 }} data-testid="incident-step" data-action={step.action}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{stepLabel(step.action)}</Typography.Text>
        <Typography.Text>{step.actorName}</Typography.Text>
        {unit && <Typography.Text type="secondary">{unit}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(step.createdAt)}
        </Typography.Text>
      </Flex>
      {(statusChanged || step.deadline) && (
        <Flex gap={12} wrap style={{ fontSize: 12 }}>
          {statusChanged && (
            <Typography.Text type="secondary">
              {INCIDENT_STATUS_LABELS[step.fromStatus!]} → {INCIDENT_STATUS_LABELS[step.toStatus!]}
            </Typography.Text>
          )}
          {step.deadline && <Typography.Text type="secondary">时限 {formatDateTime(step.deadline)}</Typography.Text>}
        </Flex>
      )}
      <div>
        <StepDetails step={step} />
      </div>
      {step.note && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="incident-step-note">
          {step.note}
        </Typography.Paragraph>
      )}
      <PhotoStrip attachments={step.attachments} size={80} />
    </Flex>
  );
}

/** 办理过程: every step of the incident, oldest first, with who, when, what and the photos of the step. */
export function IncidentTimeline({ steps }: { steps: IncidentStepView[] }) {
  return (
    <Card size="small" title={`办理过程（${steps.length}）`} data-testid="incident-timeline">
      <Timeline
        style={{ marginTop: 8 }}
        items={steps.map((step) => ({
          key: step.id,
          color: RED_STEPS.has(step.action) ? 'red' : GREEN_STEPS.has(step.action) ? 'green' : 'blue',
          content: <StepContent step={step} />,
        }))}
      />
    </Card>
  );
}
