import type { Satisfaction, SupervisionLevel } from '@civicgrid/domain';
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import type { IncidentStepView } from './api-types';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';
import { PhotoStrip } from './incident-photos';

const RED_STEPS = new Set(['reject', 'return', 'rework', 'deny_extension', 'deny_void', 'void', 'reopen', 'supervise']);
const GREEN_STEPS = new Set(['verify', 'close', 'follow_up', 'handle', 'self_handle']);

/** The few details worth a line of their own: the satisfaction of a follow-up, the level of a supervision notice. */
function StepDetails({ step }: { step: IncidentStepView }) {
  const satisfaction = step.details.satisfaction as Satisfaction | null | undefined;
  const level = step.details.supervisionLevel as SupervisionLevel | undefined;
  const { t } = useI18n();
  return (
    <>
      {step.action === 'follow_up' && satisfaction !== undefined && (
        <Tag color={satisfaction === 'not' ? 'red' : satisfaction === null ? 'default' : 'green'}>
          {satisfaction === null ? t('incident.unreachable') : t(`satisfaction.${satisfaction}`)}
        </Tag>
      )}
      {level && <Tag color={level === 'red' ? 'red' : level === 'yellow' ? 'gold' : 'blue'}>{t(`supervision.${level}`)}</Tag>}
    </>
  );
}

function StepContent({ step }: { step: IncidentStepView }) {
  const { t, lookup } = useI18n();
  // A workflow action by its button's name; the steps the server records on its own (上报, 转办 …) by theirs.
  const label = lookup(`incident.action.${step.action}`, lookup(`incident.step.${step.action}`, step.action));
  const unit = step.departmentName ?? step.centerName;
  const statusChanged = step.fromStatus !== null && step.toStatus !== null && step.fromStatus !== step.toStatus;
  return (
    <Flex vertical gap={4} style={{ paddingBottom: 4 }} data-testid="incident-step" data-action={step.action}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{label}</Typography.Text>
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
              {lookup(`status.${step.fromStatus}`, String(step.fromStatus))} → {lookup(`status.${step.toStatus}`, String(step.toStatus))}
            </Typography.Text>
          )}
          {step.deadline && <Typography.Text type="secondary">{t('incident.deadlineAt', { time: formatDateTime(step.deadline) })}</Typography.Text>}
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
  const { t } = useI18n();
  return (
    <Card size="small" title={t('incident.timeline', { count: steps.length })} data-testid="incident-timeline">
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
