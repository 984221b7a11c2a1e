import { SATISFACTION_LABELS, SUPERVISION_LEVEL_LABELS } from '@civicgrid/domain';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import type { FollowUpMethod, IncidentDetail } from './api-types';
import { navigate } from './app-location';
import { incidentPath } from './app-routes';
import { formatDateTime } from './format-date-time';
import { IncidentStatusTag } from './incident-tags';

export const FOLLOW_UP_METHOD_LABELS: Record<FollowUpMethod, string> = { phone: '电话', sms: '短信', in_app: '平台消息', visit: '上门' };
const SUPERVISION_COLOURS = { ordinary: 'blue', yellow: 'gold', red: 'red' } as const;

/** The requests waiting for a decision: an extension the department asked for, a void the center asked for. */
export function PendingRequests({ incident }: { incident: IncidentDetail }) {
  const { pendingExtension, pendingVoid } = incident;
  if (!pendingExtension && !pendingVoid) return null;
  return (
    <Flex vertical gap={8}>
      {pendingExtension && (
        <Alert
          type="warning"
          showIcon
          title={`延期申请待审批：${pendingExtension.departmentName ?? '责任部门'}申请延期至 ${formatDateTime(pendingExtension.requestedDeadline)}`}
          description={`理由：${pendingExtension.reason}`}
          data-testid="pending-extension"
        />
      )}
      {pendingVoid && (
        <Alert
          type="warning"
          showIcon
          title={`作废申请待审批（${pendingVoid.requestedBy}申请）`}
          description={`理由：${pendingVoid.reason}`}
          data-testid="pending-void"
        />
      )}
    </Flex>
  );
}

export function FollowUps({ incident }: { incident: IncidentDetail }) {
  if (incident.followUps.length === 0) return null;
  return (
    <Card size="small" title="回访记录" data-testid="incident-follow-ups">
      <Flex vertical gap={8}>
        {incident.followUps.map((followUp) => (
          <Flex key={followUp.id} vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Tag color={followUp.satisfaction === 'not' ? 'red' : followUp.satisfaction === null ? 'default' : 'green'}>
                {followUp.satisfaction === null ? '无法联系' : SATISFACTION_LABELS[followUp.satisfaction]}
              </Tag>
              <Typography.Text type="secondary">
                {FOLLOW_UP_METHOD_LABELS[followUp.method as FollowUpMethod] ?? followUp.method} · {formatDateTime(followUp.createdAt)}
              </Typography.Text>
            </Flex>
            {followUp.comment && <Typography.Text>{followUp.comment}</Typography.Text>}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

export function SupervisionNotices({ incident }: { incident: IncidentDetail }) {
  if (incident.supervisionNotices.length === 0) return null;
  return (
    <Card size="small" title="督办" data-testid="incident-supervision">
      <Flex vertical gap={8}>
        {incident.supervisionNotices.map((notice) => (
          <Flex key={notice.id} vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Tag color={SUPERVISION_COLOURS[notice.level]}>{SUPERVISION_LEVEL_LABELS[notice.level]}</Tag>
              {notice.automatic && <Tag>系统自动</Tag>}
              <Typography.Text type="secondary">
                {notice.departmentName ? `${notice.departmentName} · ` : ''}
                {formatDateTime(notice.createdAt)}
              </Typography.Text>
            </Flex>
            <Typography.Text>{notice.reason}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

interface PossibleDuplicatesProps {
  incident: IncidentDetail;
  /** Set when the user may merge this incident into another (合并重复件). */
  onMerge?: (targetIncidentId: number) => void;
}

/** Reports of the same problem nearby, to be merged so that one department does not get it twice. */
export function PossibleDuplicates({ incident, onMerge }: PossibleDuplicatesProps) {
  if (incident.possibleDuplicates.length === 0) return null;
  return (
    <Card size="small" title={`疑似重复（${incident.possibleDuplicates.length}）`} data-testid="incident-duplicates">
      <Flex vertical gap={10}>
        {incident.possibleDuplicates.map((duplicate) => (
          <Flex key={duplicate.id} vertical gap={2}>
            <Flex gap={8} align="center" justify="space-between">
              <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                <a
                  href={incidentPath(duplicate.id)}
                  className="monospace"
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(incidentPath(duplicate.id));
                  }}
                >
                  {duplicate.code}
                </a>
                <IncidentStatusTag status={duplicate.status} />
              </Flex>
              {onMerge && (
                <Button size="small" onClick={() => onMerge(duplicate.id)}>
                  合并
                </Button>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              相距 {Math.round(duplicate.distanceMetres)} 米 · {formatDateTime(duplicate.reportedAt)}
            </Typography.Text>
            <Typography.Text ellipsis>{duplicate.description}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
