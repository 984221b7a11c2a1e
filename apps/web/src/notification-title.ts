import { INCIDENT_STATUS_LABELS, SUPERVISION_LEVEL_LABELS, type IncidentStatus, type SupervisionLevel } from '@civicgrid/domain';
import type { Translate } from './i18n/translate';
import { serverText } from './i18n/server-text';

const codeOf = <Code extends string>(labels: Record<Code, string>, label: string | undefined) =>
  (Object.keys(labels) as Code[]).find((code) => labels[code] === label);

const DEADLINE_ALERTS = ['warning', 'overdue', 'red'] as const;

/**
 * A notification's title in the console's language. The server writes it in Chinese, from the notification's kind
 * (incident-intake.service.ts, incident-effects.ts, deadline-watcher.ts, directive.service.ts); what varies in it (the
 * incident's code and status, a directive's own title) is read back by the kind's pattern and the rest comes from the
 * catalog. A title this does not know is shown as written.
 */
export function notificationTitle(notification: { kind: string; title: string }, t: Translate): string {
  const { kind, title } = notification;
  if (kind === 'directive_issued') {
    const directive = /^新指令：(.*)$/s.exec(title);
    if (directive) return t('notification.directiveIssued', { title: directive[1]! });
  } else if (kind === 'incident.report') {
    const reported = /^新上报事件 (\S+?)(（网格外）)?$/.exec(title);
    if (reported) return t(reported[2] ? 'notification.reportedOutsideGrids' : 'notification.reported', { code: reported[1]! });
  } else if (kind.startsWith('incident.')) {
    const alert = DEADLINE_ALERTS.find((candidate) => kind === `incident.deadline_${candidate}`);
    const incident = /^事件 (\S+) (.+?)(?:（(.+)）)?$/.exec(title);
    if (incident && alert) return t(`notification.deadline.${alert}`, { code: incident[1]! });
    const status: IncidentStatus | undefined = codeOf(INCIDENT_STATUS_LABELS, incident?.[2]);
    const level: SupervisionLevel | undefined = codeOf(SUPERVISION_LEVEL_LABELS, incident?.[3]);
    if (incident && status && !incident[3]) return t('notification.incidentStatus', { code: incident[1]!, status: t(`status.${status}`) });
    if (incident && status && level) {
      return t('notification.incidentSupervised', { code: incident[1]!, status: t(`status.${status}`), level: t(`supervision.${level}`) });
    }
  }
  return serverText(title);
}
