import { sql, type Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';
import type { Audience, NotificationRepository } from '../notifications/notification.repository.js';
import { liveLead, type IncidentAssignmentRepository } from './incident-assignment.repository.js';
import type { IncidentRepository } from './incident.repository.js';

type Alert = 'warning' | 'overdue' | 'red';

interface DueIncident {
  id: number;
  code: string;
  centerId: number | null;
  gridId: number | null;
  step: string | null;
  alert: Alert | null;
  deadline: Date;
  startedAt: Date | null;
  description: string;
  leadDepartmentId: number | null;
}

const ALERT_TITLE: Record<Alert, string> = { warning: '即将超期', overdue: '已超期，黄牌督办', red: '严重超期，红牌督办' };

/**
 * Raises each step's alerts once: a notification when 80 % of the time is used; at the deadline an automatic
 * yellow-card supervision notice; when the step is overdue by its whole limit again, a red card.
 */
export class DeadlineWatcher {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly incidents: IncidentRepository,
    private readonly assignments: IncidentAssignmentRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async sweep(now = new Date(), batch = 200): Promise<Record<Alert, number>> {
    const raised: Record<Alert, number> = { warning: 0, overdue: 0, red: 0 };
    await this.db.transaction().execute(async (transaction) => {
      for (const incident of await this.due(transaction, now, batch)) {
        const alert: Alert = incident.deadline > now ? 'warning'
          : incident.startedAt && now.getTime() - incident.deadline.getTime() >= incident.deadline.getTime() - incident.startedAt.getTime() ? 'red' : 'overdue';
        await this.raise(transaction, incident, alert);
        raised[alert] += 1;
      }
    });
    return raised;
  }

  private async due(executor: DatabaseExecutor, now: Date, batch: number): Promise<DueIncident[]> {
    const result = await sql<DueIncident>`
      SELECT i.id, i.code, i.center_id AS "centerId", i.grid_id AS "gridId", i.current_step AS step, i.current_step_alert AS alert,
        i.current_step_deadline AS deadline, i.current_step_started_at AS "startedAt", i.description,
        ${liveLead(sql.ref('i.id'), 'department_id')} AS "leadDepartmentId"
      FROM incidents i
      WHERE i.status NOT IN ('rejected', 'voided', 'merged', 'suspended') AND i.current_step_warning_at <= ${now}
        AND (i.current_step_alert IS NULL
          OR (i.current_step_alert = 'warning' AND i.current_step_deadline <= ${now})
          OR (i.current_step_alert = 'overdue' AND i.current_step_deadline + (i.current_step_deadline - i.current_step_started_at) <= ${now}))
      ORDER BY i.current_step_warning_at LIMIT ${batch}
      FOR UPDATE OF i SKIP LOCKED`.execute(executor);
    return result.rows;
  }

  private async raise(executor: DatabaseExecutor, incident: DueIncident, alert: Alert): Promise<void> {
    await sql`UPDATE incidents SET current_step_alert = ${alert} WHERE id = ${incident.id}`.execute(executor);
    const atDepartment = (incident.step === 'accept' || incident.step === 'handle') && incident.leadDepartmentId !== null;
    const responsible: Audience = atDepartment ? { kind: 'department_handlers', departmentId: incident.leadDepartmentId! }
      : incident.step === 'verify' && incident.gridId !== null ? { kind: 'grid_verifiers', gridId: incident.gridId }
        : { kind: 'center_operators', centerId: incident.centerId ?? 0 };
    const notification = {
      kind: `incident.deadline_${alert}`, title: `事件 ${incident.code} ${ALERT_TITLE[alert]}`,
      body: incident.description.slice(0, 80), subjectTable: 'incidents', subjectId: incident.id,
    };
    await this.notifications.notify(executor, responsible, notification);
    if (alert === 'warning') return;
    if (responsible.kind !== 'center_operators') await this.notifications.notify(executor, { kind: 'center_operators', centerId: incident.centerId ?? 0 }, notification);
    const level = alert === 'red' ? 'red' : 'yellow';
    const reason = `${incident.step ?? ''}环节${alert === 'red' ? '严重' : ''}超期（时限 ${incident.deadline.toISOString()}）`;
    await this.assignments.insertSupervisionNotice(executor, {
      incidentId: incident.id, level, departmentId: atDepartment ? incident.leadDepartmentId : null, centerId: incident.centerId,
      userId: null, automatic: true, reason, replyDeadline: null,
    });
    await this.incidents.insertStep(executor, {
      incidentId: incident.id, action: 'supervise', fromStatus: null, toStatus: null, actorUserId: null, actorName: '系统（时限监控）',
      actorDepartmentId: null, actorCenterId: incident.centerId, note: reason, deadline: incident.deadline,
      details: { level, automatic: true }, clientId: null,
    });
  }
}
