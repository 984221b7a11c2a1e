import { INCIDENT_STATUS_LABELS, deadlineColour, type IncidentStatus } from '@civicgrid/domain';
import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DeadlineColour } from './api-types';
import { formatDateTime } from './format-date-time';

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

export const DEADLINE_COLOUR_LABELS: Record<DeadlineColour, string> = { green: '正常', yellow: '临期', red: '超期' };
const DEADLINE_TAG_COLOURS: Record<DeadlineColour, string> = { green: 'success', yellow: 'warning', red: 'error' };
const DEADLINE_TEXT_COLOURS: Record<DeadlineColour, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="incident-status-tag">
      {INCIDENT_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function DeadlineColourTag({ colour }: { colour: DeadlineColour }) {
  return <Tag color={DEADLINE_TAG_COLOURS[colour]}>{DEADLINE_COLOUR_LABELS[colour]}</Tag>;
}

export function UrgentTag() {
  return <Tag color="red">紧急</Tag>;
}

/** "2天3小时", "5小时12分", "8分钟": a span of time as a person says it, to the minute. */
export function formatSpan(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return `${hours}小时${minutes % 60}分`;
  return `${minutes}分钟`;
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
  if (!deadline) return <Typography.Text type="secondary">本环节无时限</Typography.Text>;
  const due = new Date(deadline);
  const colour = deadlineColour(now, warningAt ? new Date(warningAt) : null, due);
  const left = due.getTime() - now.getTime();
  return (
    <span data-testid="deadline-countdown" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <DeadlineColourTag colour={colour} />
      <Typography.Text strong style={{ color: DEADLINE_TEXT_COLOURS[colour] }}>
        {left >= 0 ? `剩余 ${formatSpan(left)}` : `已超期 ${formatSpan(-left)}`}
      </Typography.Text>
      <Typography.Text type="secondary">（时限 {formatDateTime(deadline)}）</Typography.Text>
    </span>
  );
}
