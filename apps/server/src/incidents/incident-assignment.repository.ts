import { sql, type RawBuilder } from 'kysely';
import type { DatabaseExecutor } from '../database/schema.js';

export interface LeadAssignment {
  id: number;
  departmentId: number;
  state: string;
  deadline: Date | null;
  dispatchedAt: Date;
  acceptedAt: Date | null;
}

const ACTIVE = ['dispatched', 'handling'];

/**
 * The department column of an incident's live lead assignment: the latest lead still dispatched, handling or
 * handled (a reopened incident keeps its earlier, handled lead on record).
 */
export function liveLead(incidentId: RawBuilder<unknown>, column: 'department_id' | 'name'): RawBuilder<unknown> {
  const selected = column === 'name' ? sql`(SELECT d.name FROM departments d WHERE d.id = a.department_id)` : sql`a.department_id`;
  return sql`(SELECT ${selected} FROM incident_assignments a
              WHERE a.incident_id = ${incidentId} AND a.role = 'lead' AND a.state IN ('dispatched', 'handling', 'handled')
              ORDER BY a.id DESC LIMIT 1)`;
}

/** Assignments to departments and the requests, follow-ups and notices around them. SQL only. */
export class IncidentAssignmentRepository {
  async insertAssignments(executor: DatabaseExecutor, incidentId: number, assignments: { departmentId: number; role: 'lead' | 'assisting' }[],
    deadline: Date, dispatchedByUserId: number | null): Promise<void> {
    for (const assignment of assignments) {
      await sql`
        INSERT INTO incident_assignments (incident_id, department_id, role, deadline, dispatched_by_user_id)
        VALUES (${incidentId}, ${assignment.departmentId}, ${assignment.role}, ${deadline}, ${dispatchedByUserId})`.execute(executor);
    }
  }

  /** The lead assignment that is still live (dispatched, handling or handled). */
  async lead(executor: DatabaseExecutor, incidentId: number): Promise<LeadAssignment | undefined> {
    const result = await sql<LeadAssignment>`
      SELECT id, department_id AS "departmentId", state, deadline, dispatched_at AS "dispatchedAt", accepted_at AS "acceptedAt"
      FROM incident_assignments WHERE incident_id = ${incidentId} AND role = 'lead' AND state IN ('dispatched', 'handling', 'handled')
      ORDER BY id DESC LIMIT 1`.execute(executor);
    return result.rows[0];
  }

  async updateAssignment(executor: DatabaseExecutor, id: number, change: {
    state?: string; deadline?: Date; handlerUserId?: number | null; result?: string | null; returnReason?: string | null;
    accepted?: boolean; handled?: boolean; rework?: boolean;
  }): Promise<void> {
    const sets = [sql`updated_at = now()`];
    if (change.state !== undefined) sets.push(sql`state = ${change.state}`);
    if (change.deadline !== undefined) sets.push(sql`deadline = ${change.deadline}`);
    if (change.handlerUserId !== undefined) sets.push(sql`handler_user_id = ${change.handlerUserId}`);
    if (change.result !== undefined) sets.push(sql`result = ${change.result}`);
    if (change.returnReason !== undefined) sets.push(sql`return_reason = ${change.returnReason}`);
    if (change.accepted) sets.push(sql`accepted_at = now()`);
    if (change.handled) sets.push(sql`handled_at = now()`);
    if (change.rework) sets.push(sql`rework_count = rework_count + 1`, sql`dispatched_at = now()`, sql`accepted_at = NULL`, sql`handled_at = NULL`);
    await sql`UPDATE incident_assignments SET ${sql.join(sets)} WHERE id = ${id}`.execute(executor);
  }

  /** Ends every live assignment of an incident (returned, voided); the lead's own state is set by the caller first. */
  async cancelActive(executor: DatabaseExecutor, incidentId: number): Promise<void> {
    await sql`
      UPDATE incident_assignments SET state = 'cancelled', updated_at = now()
      WHERE incident_id = ${incidentId} AND state = ANY(${ACTIVE}::text[])`.execute(executor);
  }

  async shiftActiveDeadlines(executor: DatabaseExecutor, incidentId: number, deadline: Date): Promise<void> {
    await sql`
      UPDATE incident_assignments SET deadline = ${deadline}, updated_at = now()
      WHERE incident_id = ${incidentId} AND state = ANY(${ACTIVE}::text[])`.execute(executor);
  }

  async departmentForDispatch(executor: DatabaseExecutor, departmentId: number): Promise<{ id: number; name: string; regionPath: string; disabled: boolean } | undefined> {
    const result = await sql<{ id: number; name: string; regionPath: string; disabled: boolean }>`
      SELECT d.id, d.name, r.path AS "regionPath", d.disabled FROM departments d JOIN regions r ON r.id = d.region_id
      WHERE d.id = ${departmentId}`.execute(executor);
    return result.rows[0];
  }

  async insertExtensionRequest(executor: DatabaseExecutor, request: {
    incidentId: number; assignmentId: number; departmentId: number; userId: number | null; reason: string; currentDeadline: Date; requestedDeadline: Date;
  }): Promise<void> {
    await sql`
      INSERT INTO extension_requests (incident_id, assignment_id, department_id, requested_by_user_id, reason, current_deadline, requested_deadline)
      VALUES (${request.incidentId}, ${request.assignmentId}, ${request.departmentId}, ${request.userId}, ${request.reason},
              ${request.currentDeadline}, ${request.requestedDeadline})`.execute(executor);
  }

  async pendingExtension(executor: DatabaseExecutor, incidentId: number): Promise<{ id: number; requestedDeadline: Date; currentDeadline: Date } | undefined> {
    const result = await sql<{ id: number; requestedDeadline: Date; currentDeadline: Date }>`
      SELECT id, requested_deadline AS "requestedDeadline", current_deadline AS "currentDeadline"
      FROM extension_requests WHERE incident_id = ${incidentId} AND status = 'pending'`.execute(executor);
    return result.rows[0];
  }

  async decideExtension(executor: DatabaseExecutor, id: number, decision: { approved: boolean; grantedDeadline: Date | null; userId: number | null; note: string | null }): Promise<void> {
    await sql`
      UPDATE extension_requests SET status = ${decision.approved ? 'approved' : 'denied'}, granted_deadline = ${decision.grantedDeadline},
        decided_by_user_id = ${decision.userId}, decided_at = now(), decision_note = ${decision.note}, updated_at = now()
      WHERE id = ${id}`.execute(executor);
  }

  async insertVoidRequest(executor: DatabaseExecutor, request: { incidentId: number; userId: number | null; name: string; reason: string }): Promise<void> {
    await sql`
      INSERT INTO void_requests (incident_id, requested_by_user_id, requested_by_name, reason)
      VALUES (${request.incidentId}, ${request.userId}, ${request.name}, ${request.reason})`.execute(executor);
  }

  async decideVoid(executor: DatabaseExecutor, incidentId: number, decision: { approved: boolean; userId: number | null; note: string | null }): Promise<void> {
    await sql`
      UPDATE void_requests SET status = ${decision.approved ? 'approved' : 'denied'}, decided_by_user_id = ${decision.userId},
        decided_at = now(), decision_note = ${decision.note}, updated_at = now()
      WHERE incident_id = ${incidentId} AND status = 'pending'`.execute(executor);
  }

  async insertFollowUp(executor: DatabaseExecutor, followUp: {
    incidentId: number; method: string; satisfaction: string | null; comment: string | null; userId: number | null;
  }): Promise<void> {
    await sql`
      INSERT INTO follow_ups (incident_id, reporter_id, method, reached, satisfaction, comment, by_user_id)
      VALUES (${followUp.incidentId}, (SELECT min(id) FROM incident_reporters WHERE incident_id = ${followUp.incidentId}),
        ${followUp.method}, ${followUp.satisfaction !== null}, ${followUp.satisfaction}, ${followUp.comment}, ${followUp.userId})`.execute(executor);
  }

  async markReopened(executor: DatabaseExecutor, incidentId: number): Promise<void> {
    await sql`
      UPDATE follow_ups SET reopened = true
      WHERE id = (SELECT max(id) FROM follow_ups WHERE incident_id = ${incidentId}) AND satisfaction = 'not'`.execute(executor);
  }

  async insertSupervisionNotice(executor: DatabaseExecutor, notice: {
    incidentId: number; level: string; departmentId: number | null; centerId: number | null; userId: number | null;
    automatic: boolean; reason: string; replyDeadline: Date | null;
  }): Promise<void> {
    await sql`
      INSERT INTO supervision_notices (incident_id, level, department_id, issued_by_center_id, issued_by_user_id, automatic, reason, reply_deadline)
      VALUES (${notice.incidentId}, ${notice.level}, ${notice.departmentId}, ${notice.centerId}, ${notice.userId}, ${notice.automatic},
              ${notice.reason}, ${notice.replyDeadline})`.execute(executor);
  }
}
