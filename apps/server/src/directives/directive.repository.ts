import { sql, type RawBuilder } from 'kysely';
import { DIRECTIVE_TARGET_ROLE, type DirectiveKind, type DirectiveListQuery, type DirectiveStatus, type Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';

export interface DirectiveRow {
  id: number;
  title: string;
  content: string;
  kind: DirectiveKind;
  status: DirectiveStatus;
  regionCode: string;
  regionName: string;
  regionLevel: 'city' | 'district' | 'street' | 'community';
  issuedByName: string | null;
  issuedAt: Date | null;
  dueAt: Date | null;
  grids: number;
  completedGrids: number;
  unassignedGrids: number;
  targets: number;
  completedTargets: number;
}

export interface TargetRow {
  targetId: number;
  gridCode: string;
  gridName: string;
  communityName: string;
  gridMemberId: number | null;
  name: string | null;
  state: 'pending' | 'read' | 'in_progress' | 'completed';
  completedAt: Date | null;
  note: string | null;
}

/** Directives whose area meets the jurisdiction: inside it, or around it (a district's directive reaches a street's grids). */
function directiveInJurisdiction(jurisdiction: Jurisdiction): RawBuilder<unknown> {
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql`true`;
    case 'region':
    case 'department':
      return sql`(dr.path = ${jurisdiction.regionPath} OR dr.path LIKE ${`${jurisdiction.regionPath}/%`} OR ${jurisdiction.regionPath} LIKE dr.path || '/%')`;
    case 'grids':
      return sql`false`;
  }
}

/** Per directive: its grids inside the jurisdiction, and how many of their workers are done. */
const progress = (jurisdiction: Jurisdiction) => sql`
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS grids, count(*) FILTER (WHERE pg.assigned = 0)::int AS "unassignedGrids",
           count(*) FILTER (WHERE pg.assigned > 0 AND pg.done = pg.assigned)::int AS "completedGrids",
           coalesce(sum(pg.assigned), 0)::int AS targets, coalesce(sum(pg.done), 0)::int AS "completedTargets"
    FROM (SELECT t.grid_id, count(t.grid_member_id) AS assigned,
                 count(*) FILTER (WHERE t.grid_member_id IS NOT NULL AND t.state = 'completed') AS done
          FROM directive_targets t JOIN grids g ON g.id = t.grid_id
          WHERE t.directive_id = d.id AND ${gridInJurisdiction(jurisdiction, 'g')} GROUP BY t.grid_id) pg
  ) p ON true`;

const COLUMNS = sql`
  d.id, d.title, d.content, d.kind, d.status, dr.code AS "regionCode", dr.name AS "regionName", dr.level AS "regionLevel",
  u.display_name AS "issuedByName", d.issued_at AS "issuedAt", d.due_at AS "dueAt",
  p.grids, p."completedGrids", p."unassignedGrids", p.targets, p."completedTargets"`;

const FROM = sql`FROM directives d JOIN regions dr ON dr.id = d.region_id LEFT JOIN users u ON u.id = d.issued_by_user_id`;

/** Directives 指令 and their targets, one per full-time grid worker of each grid. SQL only. */
export class DirectiveRepository {
  /** Inserts an issued directive; the same client id again returns the first one. */
  async insert(executor: DatabaseExecutor, directive: {
    title: string; content: string; kind: DirectiveKind; regionId: number; centerId: number | null; issuedByUserId: number | null; dueAt: Date; clientId: string | null;
  }): Promise<{ id: number; created: boolean }> {
    const inserted = await sql<{ id: number }>`
      INSERT INTO directives (title, content, kind, region_id, center_id, issued_by_user_id, status, issued_at, due_at, client_id)
      VALUES (${directive.title}, ${directive.content}, ${directive.kind}, ${directive.regionId}, ${directive.centerId},
              ${directive.issuedByUserId}, 'issued', now(), ${directive.dueAt}, ${directive.clientId})
      ON CONFLICT (client_id) DO NOTHING RETURNING id`.execute(executor);
    if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
    const existing = await sql<{ id: number }>`SELECT id FROM directives WHERE client_id = ${directive.clientId}`.execute(executor);
    return { id: existing.rows[0]!.id, created: false };
  }

  /** One target per full-time grid worker of every grid (not micro-grid) below the region; a grid without one gets an empty target. */
  async insertTargets(executor: DatabaseExecutor, directiveId: number, regionPath: string): Promise<number> {
    const result = await sql`
      INSERT INTO directive_targets (directive_id, grid_id, grid_member_id)
      SELECT ${directiveId}::int, g.id, ga.grid_member_id
      FROM grids g
      LEFT JOIN grid_member_assignments ga ON ga.grid_id = g.id AND ga.role = ${DIRECTIVE_TARGET_ROLE}
        AND ga.started_on <= current_date AND (ga.ended_on IS NULL OR ga.ended_on > current_date)
      WHERE g.parent_grid_id IS NULL AND g.path LIKE ${`${regionPath}/%`}`.execute(executor);
    return Number(result.numAffectedRows ?? 0);
  }

  /** An in-app notification to the user account of every grid worker the directive went to. */
  async notifyTargets(executor: DatabaseExecutor, directiveId: number, title: string, body: string): Promise<number> {
    const result = await sql`
      INSERT INTO notifications (user_id, kind, title, body, subject_table, subject_id)
      SELECT DISTINCT u.id, 'directive_issued', ${title}::text, ${body}::text, 'directives', ${directiveId}::int
      FROM directive_targets t JOIN users u ON u.grid_member_id = t.grid_member_id
      WHERE t.directive_id = ${directiveId} AND u.role = 'grid_worker' AND NOT u.disabled`.execute(executor);
    return Number(result.numAffectedRows ?? 0);
  }

  async centerOfRegionPath(executor: DatabaseExecutor, regionPath: string): Promise<number | null> {
    const result = await sql<{ id: number }>`SELECT c.id FROM centers c JOIN regions r ON r.id = c.region_id WHERE r.path = ${regionPath}`.execute(executor);
    return result.rows[0]?.id ?? null;
  }

  async list(executor: DatabaseExecutor, jurisdiction: Jurisdiction, query: DirectiveListQuery): Promise<{ items: DirectiveRow[]; total: number }> {
    const where = sql`${directiveInJurisdiction(jurisdiction)} ${query.status ? sql`AND d.status = ${query.status}` : sql``}`;
    const items = await sql<DirectiveRow>`
      SELECT ${COLUMNS} ${FROM} ${progress(jurisdiction)} WHERE ${where}
      ORDER BY d.issued_at DESC NULLS LAST, d.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(executor);
    const total = await sql<{ total: number }>`SELECT count(*)::int AS total ${FROM} WHERE ${where}`.execute(executor);
    return { items: items.rows, total: total.rows[0]!.total };
  }

  async find(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction): Promise<DirectiveRow | undefined> {
    const result = await sql<DirectiveRow>`
      SELECT ${COLUMNS} ${FROM} ${progress(jurisdiction)} WHERE d.id = ${id} AND ${directiveInJurisdiction(jurisdiction)}`.execute(executor);
    return result.rows[0];
  }

  /** The directive's targets in the jurisdiction's grids, by grid. */
  async targets(executor: DatabaseExecutor, directiveId: number, jurisdiction: Jurisdiction): Promise<TargetRow[]> {
    const result = await sql<TargetRow>`
      SELECT t.id AS "targetId", g.code AS "gridCode", g.name AS "gridName", c.name AS "communityName", t.grid_member_id AS "gridMemberId",
             m.name, t.state, t.completed_at AS "completedAt", t.result_note AS note
      FROM directive_targets t JOIN grids g ON g.id = t.grid_id JOIN regions c ON c.id = g.community_id
      LEFT JOIN grid_members m ON m.id = t.grid_member_id
      WHERE t.directive_id = ${directiveId} AND ${gridInJurisdiction(jurisdiction, 'g')}
      ORDER BY g.code, m.name NULLS LAST, t.id`.execute(executor);
    return result.rows;
  }

  /** The grids' outlines for the completion map, as GeoJSON geometries. */
  async gridGeometries(executor: DatabaseExecutor, directiveId: number, jurisdiction: Jurisdiction) {
    const result = await sql<{ code: string; geometry: unknown }>`
      SELECT g.code, ST_AsGeoJSON(g.boundary, 6)::json AS geometry
      FROM grids g WHERE g.id IN (SELECT t.grid_id FROM directive_targets t WHERE t.directive_id = ${directiveId})
        AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows;
  }

  async gridMemberOfUser(executor: DatabaseExecutor, userId: number): Promise<number | null> {
    const result = await sql<{ gridMemberId: number | null }>`SELECT grid_member_id AS "gridMemberId" FROM users WHERE id = ${userId}`.execute(executor);
    return result.rows[0]?.gridMemberId ?? null;
  }

  /** A grid worker's targets of issued (and completed) directives: open ones first, soonest due first. */
  async mine(executor: DatabaseExecutor, gridMemberId: number) {
    const result = await sql<Record<string, unknown>>`
      SELECT t.id AS "targetId", d.id AS "directiveId", d.title, d.content, d.kind, u.display_name AS "issuedByName",
             d.issued_at AS "issuedAt", d.due_at AS "dueAt", g.code AS "gridCode", g.name AS "gridName", t.state,
             t.completed_at AS "completedAt", t.result_note AS note
      FROM directive_targets t JOIN directives d ON d.id = t.directive_id JOIN grids g ON g.id = t.grid_id
      LEFT JOIN users u ON u.id = d.issued_by_user_id
      WHERE t.grid_member_id = ${gridMemberId} AND d.status IN ('issued', 'completed')
      ORDER BY (t.state = 'completed'), d.due_at NULLS LAST, t.id DESC LIMIT 200`.execute(executor);
    return result.rows;
  }

  /** Marks the grid worker's own target done; nothing changes when it is done already or not theirs. */
  async complete(executor: DatabaseExecutor, target: { directiveId: number; targetId: number; gridMemberId: number; note: string | null; clientId: string | null }) {
    const updated = await sql<{ id: number }>`
      UPDATE directive_targets SET state = 'completed', completed_at = now(), read_at = coalesce(read_at, now()), result_note = ${target.note},
             details = details || jsonb_build_object('clientId', ${target.clientId}::text), updated_at = now()
      FROM directives d
      WHERE directive_targets.id = ${target.targetId} AND directive_targets.directive_id = ${target.directiveId} AND d.id = directive_targets.directive_id
        AND d.status = 'issued' AND directive_targets.grid_member_id = ${target.gridMemberId} AND directive_targets.state <> 'completed'
      RETURNING directive_targets.id`.execute(executor);
    return updated.rows.length > 0;
  }

  async targetOf(executor: DatabaseExecutor, directiveId: number, targetId: number, gridMemberId: number) {
    const result = await sql<{ id: number; state: string; directiveStatus: DirectiveStatus }>`
      SELECT t.id, t.state, d.status AS "directiveStatus" FROM directive_targets t JOIN directives d ON d.id = t.directive_id
      WHERE t.id = ${targetId} AND t.directive_id = ${directiveId} AND t.grid_member_id = ${gridMemberId}`.execute(executor);
    return result.rows[0];
  }

  /** A directive whose every assigned target is done is completed. */
  async completeIfDone(executor: DatabaseExecutor, directiveId: number): Promise<void> {
    await sql`
      UPDATE directives SET status = 'completed', updated_at = now()
      WHERE id = ${directiveId} AND status = 'issued'
        AND NOT EXISTS (SELECT 1 FROM directive_targets t WHERE t.directive_id = ${directiveId} AND t.grid_member_id IS NOT NULL AND t.state <> 'completed')`.execute(executor);
  }
}
