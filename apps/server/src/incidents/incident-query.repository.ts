import { sql, type RawBuilder } from 'kysely';
import type { IncidentListQuery } from '@civicgrid/domain';
import { incidentInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import { liveLead } from './incident-assignment.repository.js';
import type { IncidentViewer } from './incident.repository.js';

/** Colour of the running step's deadline, decided in SQL so that lists can filter and sort on it. */
const COLOUR = sql`CASE WHEN i.current_step_deadline IS NULL THEN 'green' WHEN now() >= i.current_step_deadline THEN 'red'
  WHEN now() >= i.current_step_warning_at THEN 'yellow' ELSE 'green' END`;

const SUMMARY_COLUMNS = sql`
  i.id, i.code, i.title, i.description, i.status, i.source, i.category_id AS "categoryId", cat.name AS "categoryName",
  i.urgent, cat.urgency, i.self_handled AS "selfHandled", i.flagged_outside_grids AS "flaggedOutsideGrids",
  ig.code AS "gridCode", ig.name AS "gridName", ir.name AS "regionName", c.name AS "centerName",
  ${liveLead(sql.ref('i.id'), 'name')} AS "leadDepartmentName",
  i.reported_at AS "reportedAt", i.current_step_deadline AS "currentStepDeadline", ${COLOUR} AS colour,
  i.hotline_order_number AS "hotlineOrderNumber"`;

const FROM = sql`
  FROM incidents i
  JOIN regions ir ON ir.id = i.region_id
  LEFT JOIN grids ig ON ig.id = i.grid_id
  LEFT JOIN centers c ON c.id = i.center_id
  LEFT JOIN incident_categories cat ON cat.id = i.category_id`;

export interface QueueOwner {
  viewer: IncidentViewer;
  /** The center the actor operates, for the center queue. */
  centerId: number | null;
}

function queueCondition(query: IncidentListQuery, owner: QueueOwner): RawBuilder<unknown> {
  const { jurisdiction } = owner.viewer;
  switch (query.queue) {
    case 'center':
      if (owner.centerId === null) return sql`false`;
      return sql`i.center_id = ${owner.centerId} AND (
        i.status IN ('reported', 'registered', 'returned', 'verified')
        OR (i.status = 'handled' AND i.self_handled)
        OR (i.status = 'closed' AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.incident_id = i.id AND f.reached AND f.created_at >= i.closed_at))
        OR EXISTS (SELECT 1 FROM extension_requests e WHERE e.incident_id = i.id AND e.status = 'pending'))`;
    case 'department':
      if (jurisdiction.kind !== 'department') return sql`false`;
      return sql`EXISTS (SELECT 1 FROM incident_assignments a WHERE a.incident_id = i.id
                         AND a.department_id = ${jurisdiction.departmentId} AND a.state IN ('dispatched', 'handling'))`;
    case 'verification':
      if (jurisdiction.kind !== 'grids') return sql`false`;
      return sql`i.status = 'handled' AND NOT i.self_handled AND ig.id IS NOT NULL`;
    case 'mine':
      return sql`i.reporter_user_id = ${owner.viewer.userId ?? -1}`;
    case 'all':
      return sql`true`;
  }
}

function filters(query: IncidentListQuery): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (query.status?.length) conditions.push(sql`i.status = ANY(${query.status}::text[])`);
  if (query.colour?.length) conditions.push(sql`(${COLOUR}) = ANY(${query.colour}::text[])`);
  if (query.source?.length) conditions.push(sql`i.source = ANY(${query.source}::text[])`);
  if (query.categoryId) conditions.push(sql`(i.category_id = ${query.categoryId} OR cat.parent_id = ${query.categoryId})`);
  if (query.urgent !== undefined) conditions.push(sql`i.urgent = ${query.urgent}`);
  if (query.regionCode) {
    conditions.push(sql`EXISTS (SELECT 1 FROM regions fr WHERE fr.code = ${query.regionCode} AND (ir.path = fr.path OR ir.path LIKE fr.path || '/%'))`);
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(sql`(i.code = ${query.q} OR i.hotline_order_number = ${query.q} OR i.description ILIKE ${pattern} OR i.title ILIKE ${pattern} OR i.address ILIKE ${pattern})`);
  }
  return conditions;
}

/** Lists and the parts of an incident's page. SQL only. */
export class IncidentQueryRepository {
  async list(executor: DatabaseExecutor, query: IncidentListQuery, owner: QueueOwner) {
    const where = sql.join([
      incidentInJurisdiction(owner.viewer, { incident: 'i', region: 'ir', grid: 'ig' }), queueCondition(query, owner), ...filters(query),
    ], sql` AND `);
    const items = await sql<Record<string, unknown>>`
      SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE ${where}
      ORDER BY (${COLOUR}) = 'red' DESC, i.urgent DESC, i.current_step_deadline ASC NULLS LAST, i.id DESC
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(executor);
    const total = await sql<{ total: number }>`SELECT count(*)::int AS total ${FROM} WHERE ${where}`.execute(executor);
    return { items: items.rows, total: total.rows[0]!.total };
  }

  async detail(executor: DatabaseExecutor, id: number, viewer: IncidentViewer) {
    const result = await sql<Record<string, unknown>>`
      SELECT ${SUMMARY_COLUMNS}, i.version, ST_X(i.location) AS lon, ST_Y(i.location) AS lat, i.address,
        i.reporter_name AS "reporterName", i.reporter_phone AS "reporterPhone", i.anonymous,
        community.name AS "communityName", street.name AS "streetName", district.name AS "districtName",
        i.current_step_warning_at AS "currentStepWarningAt", i.hotline_deadline AS "hotlineDeadline",
        i.merged_into_incident_id AS "mergedIntoIncidentId", i.region_id AS "regionId",
        (SELECT count(*)::int FROM incident_reporters r WHERE r.incident_id = i.id) AS "reporterCount"
      ${FROM}
      LEFT JOIN regions community ON community.id = i.community_id
      LEFT JOIN regions street ON street.id = i.street_id
      LEFT JOIN regions district ON district.id = i.district_id
      WHERE i.id = ${id} AND ${incidentInJurisdiction(viewer, { incident: 'i', region: 'ir', grid: 'ig' })}`.execute(executor);
    return result.rows[0];
  }

  async assignments(executor: DatabaseExecutor, incidentId: number) {
    const result = await sql<Record<string, unknown>>`
      SELECT a.id, a.department_id AS "departmentId", d.name AS "departmentName", a.role, a.state, a.deadline,
             a.rework_count AS "reworkCount", a.result, a.return_reason AS "returnReason", a.dispatched_at AS "dispatchedAt"
      FROM incident_assignments a JOIN departments d ON d.id = a.department_id
      WHERE a.incident_id = ${incidentId} ORDER BY a.id`.execute(executor);
    return result.rows;
  }

  async steps(executor: DatabaseExecutor, incidentId: number) {
    const result = await sql<Record<string, unknown>>`
      SELECT s.id::int, s.action, s.from_status AS "fromStatus", s.to_status AS "toStatus", s.actor_name AS "actorName",
             d.name AS "departmentName", c.name AS "centerName", s.note, s.deadline, s.details, s.created_at AS "createdAt"
      FROM incident_steps s LEFT JOIN departments d ON d.id = s.actor_department_id LEFT JOIN centers c ON c.id = s.actor_center_id
      WHERE s.incident_id = ${incidentId} ORDER BY s.created_at, s.id`.execute(executor);
    return result.rows;
  }

  async attachments(executor: DatabaseExecutor, incidentId: number) {
    const result = await sql<{ id: number; kind: 'before' | 'after' | 'other'; mimeType: string; byteSize: number; stepId: number | null; createdAt: Date }>`
      SELECT id, kind, mime_type AS "mimeType", byte_size AS "byteSize", step_id::int AS "stepId", created_at AS "createdAt"
      FROM incident_attachments WHERE incident_id = ${incidentId} ORDER BY id`.execute(executor);
    return result.rows;
  }

  async pendingRequests(executor: DatabaseExecutor, incidentId: number) {
    const extension = await sql<{ id: number; requestedDeadline: Date; reason: string; departmentName: string | null }>`
      SELECT e.id, e.requested_deadline AS "requestedDeadline", e.reason, d.name AS "departmentName"
      FROM extension_requests e LEFT JOIN departments d ON d.id = e.department_id
      WHERE e.incident_id = ${incidentId} AND e.status = 'pending'`.execute(executor);
    const voidRequest = await sql<{ id: number; reason: string; requestedBy: string }>`
      SELECT id, reason, requested_by_name AS "requestedBy" FROM void_requests WHERE incident_id = ${incidentId} AND status = 'pending'`.execute(executor);
    return { pendingExtension: extension.rows[0] ?? null, pendingVoid: voidRequest.rows[0] ?? null };
  }

  async followUps(executor: DatabaseExecutor, incidentId: number) {
    const result = await sql<Record<string, unknown>>`
      SELECT id, satisfaction, method, comment, created_at AS "createdAt" FROM follow_ups WHERE incident_id = ${incidentId} ORDER BY id`.execute(executor);
    return result.rows;
  }

  async supervisionNotices(executor: DatabaseExecutor, incidentId: number) {
    const result = await sql<Record<string, unknown>>`
      SELECT n.id, n.level, n.reason, n.automatic, d.name AS "departmentName", n.created_at AS "createdAt"
      FROM supervision_notices n LEFT JOIN departments d ON d.id = n.department_id
      WHERE n.incident_id = ${incidentId} ORDER BY n.id`.execute(executor);
    return result.rows;
  }

  /** Open reports of the same subclass near this one, reported within the window before or after it. */
  async possibleDuplicates(executor: DatabaseExecutor, incidentId: number, window: { metres: number; hours: number }) {
    const result = await sql<Record<string, unknown>>`
      SELECT other.id, other.code, other.status, round(ST_Distance(other.location::geography, self.location::geography))::int AS "distanceMetres",
             other.reported_at AS "reportedAt", left(other.description, 80) AS description
      FROM incidents self JOIN incidents other ON other.id <> self.id AND other.category_id = self.category_id
      WHERE self.id = ${incidentId} AND self.location IS NOT NULL AND other.location IS NOT NULL
        AND other.status NOT IN ('rejected', 'voided', 'merged', 'closed')
        AND other.center_id = self.center_id
        AND ST_DWithin(other.location::geography, self.location::geography, ${window.metres})
        AND other.reported_at BETWEEN self.reported_at - make_interval(hours => ${window.hours}) AND self.reported_at + make_interval(hours => ${window.hours})
      ORDER BY ST_Distance(other.location::geography, self.location::geography), other.id LIMIT 10`.execute(executor);
    return result.rows;
  }
}
