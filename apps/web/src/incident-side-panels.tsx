import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import type { FollowUpMethod, IncidentDetail } from './api-types';
import { navigate } from './app-location';
import { incidentPath } from './app-routes';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';
import { IncidentStatusTag } from './incident-tags';

export const FOLLOW_UP_METHODS: FollowUpMethod[] = ['phone', 'sms', 'in_app', 'visit'];
const SUPERVISION_COLOURS = { ordinary: 'blue', yellow: 'gold', red: 'red' } as const;

/** The requests waiting for a decision: an extension the department asked for, a void the center asked for. */
export function PendingRequests({ incident }: { incident: IncidentDetail }) {
  const { pendingExtension, pendingVoid } = incident;
  const { t } = useI18n();
  if (!pendingExtension && !pendingVoid) return null;
  return (
    <Flex vertical gap={8}>
      {pendingExtension && (
        <Alert
          type="warning"
          showIcon
          title={t('incident.pendingExtension', {
            department: pendingExtension.departmentName ?? t('incident.field.department'),
            deadline: formatDateTime(pendingExtension.requestedDeadline),
          })}
          description={t('incident.reason', { reason: pendingExtension.reason })}
          data-testid="pending-extension"
        />
      )}
      {pendingVoid && (
        <Alert
          type="warning"
          showIcon
          title={t('incident.pendingVoid', { requestedBy: pendingVoid.requestedBy })}
          description={t('incident.reason', { reason: pendingVoid.reason })}
          data-testid="pending-void"
        />
      )}
    </Flex>
  );
}

export function FollowUps({ incident }: { incident: IncidentDetail }) {
  const { t, lookup } = useI18n();
  if (incident.followUps.length === 0) return null;
  return (
    <Card size="small" title={t('incident.followUps')} data-testid="incident-follow-ups">
      <Flex vertical gap={8}>
        {incident.followUps.map((followUp) => (
          <Flex key={followUp.id} vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Tag color={followUp.satisfaction === 'not' ? 'red' : followUp.satisfaction === null ? 'default' : 'green'}>
                {followUp.satisfaction === null ? t('incident.unreachable') : t(`satisfaction.${followUp.satisfaction}`)}
              </Tag>
              <Typography.Text type="secondary">
                {lookup(`incident.followUpMethod.${followUp.method}`, followUp.method)} · {formatDateTime(followUp.createdAt)}
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
  const { t } = useI18n();
  if (incident.supervisionNotices.length === 0) return null;
  return (
    <Card size="small" title={t('incident.supervision')} data-testid="incident-supervision">
      <Flex vertical gap={8}>
        {incident.supervisionNotices.map((notice) => (
          <Flex key={notice.id} vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Tag color={SUPERVISION_COLOURS[notice.level]}>{t(`supervision.${notice.level}`)}</Tag>
              {notice.automatic && <Tag>{t('incident.automatic')}</Tag>}
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
  const { t } = useI18n();
  if (incident.possibleDuplicates.length === 0) return null;
  return (
    <Card size="small" title={t('incident.duplicates', { count: incident.possibleDuplicates.length })} data-testid="incident-duplicates">
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
                  {t('incident.merge')}
                </Button>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('incident.duplicateDistance', { metres: Math.round(duplicate.distanceMetres), time: formatDateTime(duplicate.reportedAt) })}
            </Typography.Text>
            <Typography.Text ellipsis>{duplicate.description}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
