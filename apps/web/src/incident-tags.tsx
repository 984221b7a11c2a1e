import { deadlineColour, type IncidentStatus } from '@civicgrid/domain';
import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DeadlineColour } from './api-types';
import { formatDateTime } from './format-date-time';
import { useI18n, type Translate } from './i18n/i18n-context';

const STATUS_COLOURS: Record<IncidentStatus, string> = {
  reported: 'gold',
  registered: 'orange',
  rejected: 'default',
  dispatched: 'cyan',
  handling: 'blue',
  returned: 'magenta',
  handled: 'purple',
  verified: 'geekblue',
  closed: 'green',
  suspended: 'default',
  voided: 'default',
  merged: 'default',
};

const DEADLINE_TAG_COLOURS: Record<DeadlineColour, string> = { green: 'success', yellow: 'warning', red: 'error' };
const DEADLINE_TEXT_COLOURS: Record<DeadlineColour, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  const { lookup } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="incident-status-tag">
      {lookup(`status.${status}`, status)}
    </Tag>
  );
}

export function DeadlineColourTag({ colour }: { colour: DeadlineColour }) {
  const { t } = useI18n();
  return <Tag color={DEADLINE_TAG_COLOURS[colour]}>{t(`incident.deadline.${colour}`)}</Tag>;
}

export function UrgentTag() {
  const { t } = useI18n();
  return <Tag color="red">{t('incident.urgent')}</Tag>;
}

/** "2天3小时", "5小时12分", "8分钟": a span of time as a person says it, to the minute. */
export function formatSpan(milliseconds: number, t: Translate): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? t('incident.span.daysHours', { days, hours }) : t('incident.span.days', { days });
  if (hours > 0) return t('incident.span.hoursMinutes', { hours, minutes: minutes % 60 });
  return t('incident.span.minutes', { minutes });
}

/** The current time, refreshed every minute, for countdowns. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

interface DeadlineCountdownProps {
  deadline: string | null;
  warningAt: string | null;
}

/** The running step's deadline with the time left (or overdue), coloured as the deadline watcher colours it. */
export function DeadlineCountdown({ deadline, warningAt }: DeadlineCountdownProps) {
  const now = useMinuteClock();
  const { t } = useI18n();
  if (!deadline) return <Typography.Text type="secondary">{t('incident.noDeadline')}</Typography.Text>;
  const due = new Date(deadline);
  const colour = deadlineColour(now, warningAt ? new Date(warningAt) : null, due);
  const left = due.getTime() - now.getTime();
  return (
    <span data-testid="deadline-countdown" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <DeadlineColourTag colour={colour} />
      <Typography.Text strong style={{ color: DEADLINE_TEXT_COLOURS[colour] }}>
        {left >= 0 ? t('incident.timeLeft', { span: formatSpan(left, t) }) : t('incident.overdueBy', { span: formatSpan(-left, t) })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('incident.deadlineInBrackets', { time: formatDateTime(deadline) })}</Typography.Text>
    </span>
  );
}
