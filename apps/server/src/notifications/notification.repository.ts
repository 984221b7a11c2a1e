import { sql, type RawBuilder } from 'kysely';
import type { NotificationList, NotificationView } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

/** Who is told: each audience is a set of active users found by SQL. */
export type Audience =
  | { kind: 'center_operators'; centerId: number }
  | { kind: 'department_handlers'; departmentId: number }
  | { kind: 'grid_verifiers'; gridId: number }
  | { kind: 'incident_reporters'; incidentId: number }
  | { kind: 'approvers'; regionId: number; centerId: number | null };

const OPERATOR_ROLES = ['city_operator', 'district_operator', 'street_operator', 'community_operator'];

function audienceQuery(audience: Audience): RawBuilder<unknown> {
  switch (audience.kind) {
    case 'center_operators':
      return sql`SELECT u.id FROM users u JOIN centers c ON c.region_id = u.region_id
                 WHERE c.id = ${audience.centerId} AND u.role = ANY(${OPERATOR_ROLES}::text[]) AND NOT u.disabled`;
    case 'department_handlers':
      return sql`SELECT u.id FROM users u WHERE u.department_id = ${audience.departmentId} AND u.role = 'department_handler' AND NOT u.disabled`;
    case 'grid_verifiers':
      return sql`SELECT u.id FROM users u JOIN user_grids ug ON ug.user_id = u.id JOIN grids g ON g.id = ug.grid_id
                 JOIN grids target ON target.id = ${audience.gridId}
                 WHERE u.role = 'grid_worker' AND NOT u.disabled AND (target.path = g.path OR target.path LIKE g.path || '/%')`;
    case 'incident_reporters':
      return sql`SELECT r.user_id AS id FROM incident_reporters r WHERE r.incident_id = ${audience.incidentId} AND r.user_id IS NOT NULL`;
    case 'approvers':
      // leaders over the place and operators of the centers above the owning one
      return sql`SELECT u.id FROM users u JOIN regions ur ON ur.id = u.region_id, regions place
                 WHERE place.id = ${audience.regionId} AND NOT u.disabled AND (
                   (u.role = 'leader' AND (place.path = ur.path OR place.path LIKE ur.path || '/%'))
                   OR (u.role = ANY(${OPERATOR_ROLES}::text[]) AND EXISTS (
                     SELECT 1 FROM centers own JOIN regions owr ON owr.id = own.region_id
                     WHERE own.id = ${audience.centerId} AND owr.path LIKE ur.path || '/%')))`;
  }
}

export class NotificationRepository {
  /** One in-app notification to each user of the audience, in the caller's transaction. */
  async notify(executor: DatabaseExecutor, audience: Audience, notification: {
    kind: string; title: string; body: string | null; subjectTable: string; subjectId: number; exceptUserId?: number | null;
  }): Promise<number> {
    const result = await sql`
      INSERT INTO notifications (user_id, kind, title, body, subject_table, subject_id)
      SELECT DISTINCT audience.id, ${notification.kind}::text, ${notification.title}::text, ${notification.body}::text,
        ${notification.subjectTable}::text, ${notification.subjectId}::int
      FROM (${audienceQuery(audience)}) AS audience
      WHERE audience.id IS DISTINCT FROM ${notification.exceptUserId ?? null}::int`.execute(executor);
    return Number(result.numAffectedRows ?? 0);
  }

  async listForUser(executor: DatabaseExecutor, userId: number, options: { unreadOnly: boolean; limit: number }): Promise<NotificationList> {
    const items = await sql<NotificationView>`
      SELECT id::int, kind, title, body, subject_table AS "subjectTable", subject_id AS "subjectId", read_at AS "readAt", created_at AS "createdAt"
      FROM notifications WHERE user_id = ${userId} ${options.unreadOnly ? sql`AND read_at IS NULL` : sql``}
      ORDER BY created_at DESC, id DESC LIMIT ${options.limit}`.execute(executor);
    const unread = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`.execute(executor);
    return { items: items.rows, unread: unread.rows[0]!.count };
  }

  async markRead(executor: DatabaseExecutor, userId: number, id: number | 'all'): Promise<number> {
    const result = await sql`
      UPDATE notifications SET read_at = now()
      WHERE user_id = ${userId} AND read_at IS NULL ${id === 'all' ? sql`` : sql`AND id = ${id}`}`.execute(executor);
    return Number(result.numAffectedRows ?? 0);
  }
}
