import { sql } from 'kysely';
import type { IncidentSource, IncidentStatus, Jurisdiction, Satisfaction } from '@civicgrid/domain';
import { incidentInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import { gridIdAt } from '../grids/grid.repository.js';
import { liveLead } from './incident-assignment.repository.js';

export interface IncidentViewer {
  jurisdiction: Jurisdiction;
  userId: number | null;
}

/** Where a point puts an incident: its grid and regions, and the center that receives it. */
export interface IncidentPlacement {
  gridId: number | null;
  regionId: number;
  communityId: number | null;
  streetId: number | null;
  districtId: number | null;
  centerId: number;
  flaggedOutsideGrids: boolean;
}

export interface NewIncident {
  clientId: string | null;
  source: IncidentSource;
  sourceDepartmentId: number | null;
  categoryId: number | null;
  urgent: boolean;
  title: string | null;
  description: string;
  lon: number | null;
  lat: number | null;
  address: string | null;
  placement: IncidentPlacement;
  reporterUserId: number | null;
  reporterGridMemberId: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  anonymous: boolean;
  apiTokenId: number | null;
  hotlineOrderNumber: string | null;
  hotlineDeadline: Date | null;
}

/** One incident locked for a transition, with what the workflow asks about it. */
export interface IncidentRecord {
  id: number;
  code: string;
  status: IncidentStatus;
  version: number;
  selfHandled: boolean;
  urgent: boolean;
  categoryId: number | null;
  gridId: number | null;
  regionId: number;
  centerId: number | null;
  regionPath: string;
  gridPath: string | null;
  centerRegionPath: string | null;
  centerLevel: 'city' | 'district' | 'street' | 'community' | null;
  hasParentCenter: boolean;
  hasChildCenters: boolean;
  leadDepartmentId: number | null;
  reporterUserId: number | null;
  pendingExtension: boolean;
  pendingVoid: boolean;
  lastSatisfaction: Satisfaction | null;
  statusBeforeSuspension: IncidentStatus | null;
  suspendedAt: Date | null;
  hotlineDeadline: Date | null;
  currentStepDeadline: Date | null;
  description: string;
}

export interface PublicProgress {
  code: string;
  status: IncidentStatus;
  categoryName: string | null;
  reportedAt: Date;
  closedAt: Date | null;
  steps: { action: string; toStatus: string | null; createdAt: Date }[];
}

export interface IncidentPatch {
  status?: IncidentStatus;
  categoryId?: number;
  urgent?: boolean;
  selfHandled?: boolean;
  centerId?: number;
  mergedIntoIncidentId?: number;
  statusBeforeSuspension?: IncidentStatus | null;
  suspendedAt?: Date | null;
  clock?: { step: string | null; startedAt: Date | null; deadline: Date | null; warningAt: Date | null };
  /** Which milestone column to stamp with now(). */
  stamp?: 'registered_at' | 'dispatched_at' | 'handled_at' | 'verified_at' | 'closed_at';
  clearClosedAt?: boolean;
}

const point = (lon: number, lat: number) => sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;

export class IncidentRepository {
  /** The grid at the point and its regions; outside every grid, the nearest center's region, flagged. */
  async placementAt(executor: DatabaseExecutor, lon: number, lat: number): Promise<IncidentPlacement | undefined> {
    const inGrid = await sql<IncidentPlacement>`
      SELECT g.id AS "gridId", g.community_id AS "regionId", g.community_id AS "communityId",
             street.id AS "streetId", district.id AS "districtId", false AS "flaggedOutsideGrids",
             (SELECT c.id FROM centers c JOIN regions cr ON cr.id = c.region_id
              WHERE community.path = cr.path OR community.path LIKE cr.path || '/%'
              ORDER BY length(cr.path) DESC LIMIT 1) AS "centerId"
      FROM grids g JOIN regions community ON community.id = g.community_id
      LEFT JOIN regions street ON street.id = community.parent_id
      LEFT JOIN regions district ON district.id = street.parent_id
      WHERE g.id = ${gridIdAt(point(lon, lat))}`.execute(executor);
    const placed = inGrid.rows[0];
    if (placed?.centerId) return placed;
    const nearest = await sql<{ centerId: number; regionId: number; level: string; parentId: number | null; grandparentId: number | null }>`
      SELECT c.id AS "centerId", r.id AS "regionId", r.level, r.parent_id AS "parentId", parent.parent_id AS "grandparentId"
      FROM centers c JOIN regions r ON r.id = c.region_id LEFT JOIN regions parent ON parent.id = r.parent_id
      ORDER BY coalesce(ST_Distance(r.boundary, ${point(lon, lat)}), ST_Distance(c.location, ${point(lon, lat)}), 1e9),
               length(r.path) DESC
      LIMIT 1`.execute(executor);
    const center = nearest.rows[0];
    if (!center) return undefined;
    return {
      gridId: placed?.gridId ?? null,
      regionId: placed?.regionId ?? center.regionId,
      communityId: placed?.communityId ?? (center.level === 'community' ? center.regionId : null),
      streetId: placed?.streetId ?? (center.level === 'street' ? center.regionId : center.level === 'community' ? center.parentId : null),
      districtId: placed?.districtId ?? (center.level === 'district' ? center.regionId : center.level === 'street' ? center.parentId : center.level === 'community' ? center.grandparentId : null),
      centerId: center.centerId,
      flaggedOutsideGrids: !placed,
    };
  }

  /** The center of the top region, for reports with no point at all (a hotline order with only an address). */
  async topCenter(executor: DatabaseExecutor): Promise<IncidentPlacement | undefined> {
    const result = await sql<{ centerId: number; regionId: number }>`
      SELECT c.id AS "centerId", r.id AS "regionId" FROM centers c JOIN regions r ON r.id = c.region_id
      ORDER BY length(r.path), r.code LIMIT 1`.execute(executor);
    const top = result.rows[0];
    return top && { gridId: null, regionId: top.regionId, communityId: null, streetId: null, districtId: null, centerId: top.centerId, flaggedOutsideGrids: true };
  }

  async findIdByClientId(executor: DatabaseExecutor, clientId: string): Promise<number | undefined> {
    const result = await sql<{ id: number }>`SELECT id FROM incidents WHERE client_id = ${clientId}`.execute(executor);
    return result.rows[0]?.id;
  }

  async findIdByHotlineOrder(executor: DatabaseExecutor, orderNumber: string): Promise<number | undefined> {
    const result = await sql<{ id: number }>`SELECT id FROM incidents WHERE hotline_order_number = ${orderNumber}`.execute(executor);
    return result.rows[0]?.id;
  }

  /** Inserts the incident; a concurrent twin with the same client id or hotline order number yields undefined. */
  async insert(executor: DatabaseExecutor, incident: NewIncident): Promise<{ id: number; code: string } | undefined> {
    const { placement } = incident;
    const location = incident.lon === null || incident.lat === null ? sql`NULL` : point(incident.lon, incident.lat);
    const result = await sql<{ id: number; code: string }>`
      INSERT INTO incidents (code, client_id, source, source_department_id, category_id, urgent, title, description, location, address,
        grid_id, region_id, community_id, street_id, district_id, center_id, flagged_outside_grids,
        reporter_user_id, reporter_grid_member_id, reporter_name, reporter_phone, anonymous, api_token_id,
        hotline_order_number, hotline_deadline)
      VALUES (to_char(now() AT TIME ZONE 'UTC' + interval '8 hours', 'YYYYMMDD') || lpad(nextval('incident_code_seq')::text, 6, '0'),
        ${incident.clientId}, ${incident.source}, ${incident.sourceDepartmentId}, ${incident.categoryId}, ${incident.urgent},
        ${incident.title}, ${incident.description}, ${location}, ${incident.address},
        ${placement.gridId}, ${placement.regionId}, ${placement.communityId}, ${placement.streetId}, ${placement.districtId},
        ${placement.centerId}, ${placement.flaggedOutsideGrids},
        ${incident.reporterUserId}, ${incident.reporterGridMemberId}, ${incident.reporterName}, ${incident.reporterPhone},
        ${incident.anonymous}, ${incident.apiTokenId}, ${incident.hotlineOrderNumber}, ${incident.hotlineDeadline})
      ON CONFLICT DO NOTHING
      RETURNING id, code`.execute(executor);
    return result.rows[0];
  }

  async insertReporter(executor: DatabaseExecutor, reporter: {
    incidentId: number; userId: number | null; gridMemberId: number | null; name: string | null; phone: string | null;
    anonymous: boolean; hotlineOrderNumber: string | null; trackingCode: string | null;
  }): Promise<void> {
    await sql`
      INSERT INTO incident_reporters (incident_id, user_id, grid_member_id, name, phone, anonymous, hotline_order_number, tracking_code)
      VALUES (${reporter.incidentId}, ${reporter.userId}, ${reporter.gridMemberId}, ${reporter.name}, ${reporter.phone},
              ${reporter.anonymous}, ${reporter.hotlineOrderNumber}, ${reporter.trackingCode})`.execute(executor);
  }

  /** Moves the reporters of a merged duplicate to the incident it was merged into, remembering their own report. */
  async moveReporters(executor: DatabaseExecutor, fromIncidentId: number, toIncidentId: number): Promise<void> {
    await sql`
      UPDATE incident_reporters SET incident_id = ${toIncidentId}, original_incident_id = coalesce(original_incident_id, ${fromIncidentId})
      WHERE incident_id = ${fromIncidentId}`.execute(executor);
  }

  /** Reads one visible incident with its workflow facts; `lock` holds it until the transaction ends. */
  async findVisible(executor: DatabaseExecutor, id: number, viewer: IncidentViewer, lock: boolean): Promise<IncidentRecord | undefined> {
    const result = await sql<IncidentRecord>`
      SELECT i.id, i.code, i.status, i.version, i.self_handled AS "selfHandled", i.urgent, i.category_id AS "categoryId",
        i.grid_id AS "gridId", i.region_id AS "regionId", i.center_id AS "centerId", ir.path AS "regionPath", ig.path AS "gridPath",
        cr.path AS "centerRegionPath", cr.level AS "centerLevel", i.reporter_user_id AS "reporterUserId",
        i.status_before_suspension AS "statusBeforeSuspension", i.suspended_at AS "suspendedAt",
        i.hotline_deadline AS "hotlineDeadline", i.current_step_deadline AS "currentStepDeadline", i.description,
        EXISTS (SELECT 1 FROM centers pc JOIN regions pr ON pr.id = pc.region_id WHERE cr.path LIKE pr.path || '/%') AS "hasParentCenter",
        EXISTS (SELECT 1 FROM centers cc JOIN regions ccr ON ccr.id = cc.region_id
                WHERE ccr.path LIKE cr.path || '/%' AND (ir.path = ccr.path OR ir.path LIKE ccr.path || '/%')) AS "hasChildCenters",
        ${liveLead(sql.ref('i.id'), 'department_id')} AS "leadDepartmentId",
        EXISTS (SELECT 1 FROM extension_requests e WHERE e.incident_id = i.id AND e.status = 'pending') AS "pendingExtension",
        EXISTS (SELECT 1 FROM void_requests v WHERE v.incident_id = i.id AND v.status = 'pending') AS "pendingVoid",
        (SELECT f.satisfaction FROM follow_ups f WHERE f.incident_id = i.id AND f.created_at >= i.closed_at
         ORDER BY f.id DESC LIMIT 1) AS "lastSatisfaction"
      FROM incidents i
      JOIN regions ir ON ir.id = i.region_id
      LEFT JOIN grids ig ON ig.id = i.grid_id
      LEFT JOIN centers c ON c.id = i.center_id
      LEFT JOIN regions cr ON cr.id = c.region_id
      WHERE i.id = ${id} AND ${incidentInJurisdiction(viewer, { incident: 'i', region: 'ir', grid: 'ig' })}
      ${lock ? sql`FOR UPDATE OF i` : sql``}`.execute(executor);
    return result.rows[0];
  }

  async update(executor: DatabaseExecutor, id: number, patch: IncidentPatch): Promise<void> {
    const sets = [sql`version = version + 1`, sql`updated_at = now()`];
    if (patch.status !== undefined) sets.push(sql`status = ${patch.status}`);
    if (patch.categoryId !== undefined) sets.push(sql`category_id = ${patch.categoryId}`);
    if (patch.urgent !== undefined) sets.push(sql`urgent = ${patch.urgent}`);
    if (patch.selfHandled !== undefined) sets.push(sql`self_handled = ${patch.selfHandled}`);
    if (patch.centerId !== undefined) sets.push(sql`center_id = ${patch.centerId}`);
    if (patch.mergedIntoIncidentId !== undefined) sets.push(sql`merged_into_incident_id = ${patch.mergedIntoIncidentId}`);
    if (patch.statusBeforeSuspension !== undefined) sets.push(sql`status_before_suspension = ${patch.statusBeforeSuspension}`);
    if (patch.suspendedAt !== undefined) sets.push(sql`suspended_at = ${patch.suspendedAt}`);
    if (patch.stamp) sets.push(sql`${sql.ref(patch.stamp)} = now()`);
    if (patch.clearClosedAt) sets.push(sql`closed_at = NULL`);
    if (patch.clock) {
      sets.push(sql`current_step = ${patch.clock.step}`, sql`current_step_started_at = ${patch.clock.startedAt}`,
        sql`current_step_deadline = ${patch.clock.deadline}`, sql`current_step_warning_at = ${patch.clock.warningAt}`,
        sql`current_step_alert = NULL`);
    }
    await sql`UPDATE incidents SET ${sql.join(sets)} WHERE id = ${id}`.execute(executor);
  }

  async insertStep(executor: DatabaseExecutor, step: {
    incidentId: number; action: string; fromStatus: string | null; toStatus: string | null; actorUserId: number | null;
    actorName: string; actorDepartmentId: number | null; actorCenterId: number | null; note: string | null;
    deadline: Date | null; lon?: number | undefined; lat?: number | undefined; details: Record<string, unknown>; clientId: string | null;
  }): Promise<number> {
    const location = step.lon !== undefined && step.lat !== undefined ? point(step.lon, step.lat) : sql`NULL`;
    const result = await sql<{ id: number }>`
      INSERT INTO incident_steps (incident_id, action, from_status, to_status, actor_user_id, actor_name, actor_department_id,
        actor_center_id, note, deadline, location, details, client_id)
      VALUES (${step.incidentId}, ${step.action}, ${step.fromStatus}, ${step.toStatus}, ${step.actorUserId}, ${step.actorName},
        ${step.actorDepartmentId}, ${step.actorCenterId}, ${step.note}, ${step.deadline}, ${location},
        ${JSON.stringify(step.details)}::jsonb, ${step.clientId})
      RETURNING id`.execute(executor);
    return Number(result.rows[0]!.id);
  }

  async findStepByClientId(executor: DatabaseExecutor, clientId: string): Promise<{ incidentId: number } | undefined> {
    const result = await sql<{ incidentId: number }>`SELECT incident_id AS "incidentId" FROM incident_steps WHERE client_id = ${clientId}`.execute(executor);
    return result.rows[0];
  }

  /** The center of the region that contains this one most closely, above the given center. */
  async parentCenterId(executor: DatabaseExecutor, centerRegionPath: string): Promise<number | undefined> {
    const result = await sql<{ id: number }>`
      SELECT c.id FROM centers c JOIN regions r ON r.id = c.region_id
      WHERE ${centerRegionPath} LIKE r.path || '/%' ORDER BY length(r.path) DESC LIMIT 1`.execute(executor);
    return result.rows[0]?.id;
  }

  async centerRegionPath(executor: DatabaseExecutor, centerId: number): Promise<string | undefined> {
    const result = await sql<{ path: string }>`SELECT r.path FROM centers c JOIN regions r ON r.id = c.region_id WHERE c.id = ${centerId}`.execute(executor);
    return result.rows[0]?.path;
  }

  /** The center whose operators this actor is, if any. */
  async centerOfRegionPath(executor: DatabaseExecutor, regionPath: string): Promise<number | undefined> {
    const result = await sql<{ id: number }>`SELECT c.id FROM centers c JOIN regions r ON r.id = c.region_id WHERE r.path = ${regionPath}`.execute(executor);
    return result.rows[0]?.id;
  }

  async gridMemberOfUser(executor: DatabaseExecutor, userId: number): Promise<number | null> {
    const result = await sql<{ gridMemberId: number | null }>`SELECT grid_member_id AS "gridMemberId" FROM users WHERE id = ${userId}`.execute(executor);
    return result.rows[0]?.gridMemberId ?? null;
  }

  async reporterUserIdOf(executor: DatabaseExecutor, id: number): Promise<number | null> {
    const result = await sql<{ reporterUserId: number | null }>`SELECT reporter_user_id AS "reporterUserId" FROM incidents WHERE id = ${id}`.execute(executor);
    return result.rows[0]?.reporterUserId ?? null;
  }

  async categoryIdByCode(executor: DatabaseExecutor, code: string): Promise<number | undefined> {
    const result = await sql<{ id: number }>`SELECT id FROM incident_categories WHERE code = ${code} AND parent_id IS NOT NULL AND enabled`.execute(executor);
    return result.rows[0]?.id;
  }

  /** The incident a tracking code follows (after a merge, the incident it was merged into) and its public steps. */
  async progressByTrackingCode(executor: DatabaseExecutor, trackingCode: string): Promise<PublicProgress | undefined> {
    const result = await sql<Omit<PublicProgress, 'steps'> & { id: number }>`
      SELECT i.id, i.code, i.status, cat.name AS "categoryName", i.reported_at AS "reportedAt", i.closed_at AS "closedAt"
      FROM incident_reporters r JOIN incidents i ON i.id = r.incident_id LEFT JOIN incident_categories cat ON cat.id = i.category_id
      WHERE r.tracking_code = ${trackingCode}`.execute(executor);
    const incident = result.rows[0];
    if (!incident) return undefined;
    const steps = await sql<{ action: string; toStatus: string | null; createdAt: Date }>`
      SELECT action, to_status AS "toStatus", created_at AS "createdAt" FROM incident_steps
      WHERE incident_id = ${incident.id} AND action NOT IN ('comment', 'supervise', 'request_void', 'deny_void', 'flag_urgent')
      ORDER BY created_at, id`.execute(executor);
    const { id: _id, ...progress } = incident;
    return { ...progress, steps: steps.rows };
  }

  async regionPath(executor: DatabaseExecutor, regionId: number): Promise<string | undefined> {
    const result = await sql<{ path: string }>`SELECT path FROM regions WHERE id = ${regionId}`.execute(executor);
    return result.rows[0]?.path;
  }
}
