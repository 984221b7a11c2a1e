import { sql, type Kysely } from 'kysely';
import type { AuditEntryView, Jurisdiction } from '@civicgrid/domain';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export interface AuditEntry {
  actorUserId: number | null;
  actorApiTokenId: number | null;
  ip: string | null;
  action: string;
  targetTable: string | null;
  targetId: number | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** An entry as read back: the view's fields, with the time as a Date and the actor ids. */
export type AuditRow = Omit<AuditEntryView, 'at'> & { at: Date; actorUserId: number | null; actorApiTokenId: number | null };

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  actorUsername?: string | undefined;
  action?: string | undefined;
  targetTable?: string | undefined;
  targetId?: number | undefined;
}

/** The audit log only grows: this repository can insert and read, and the database refuses the rest. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.insert(this.db, entry);
  }

  async insert(executor: DatabaseExecutor, entry: AuditEntry): Promise<void> {
    await executor.insertInto('audit_log').values({
      actor_user_id: entry.actorUserId, actor_api_token_id: entry.actorApiTokenId, ip: entry.ip, action: entry.action,
      target_table: entry.targetTable, target_id: entry.targetId, reason: entry.reason, details: JSON.stringify(entry.details),
    }).execute();
  }

  /** Entries in a jurisdiction: everything for a city-wide administrator, otherwise the actions of its own users. */
  async search(jurisdiction: Jurisdiction, filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditRow[]> {
    const scope = jurisdiction.kind === 'everywhere' ? sql`true`
      : jurisdiction.kind === 'region' ? sql`EXISTS (SELECT 1 FROM regions ur WHERE ur.id = u.region_id
            AND (ur.path = ${jurisdiction.regionPath} OR ur.path LIKE ${jurisdiction.regionPath + '/%'}))`
      : sql`false`;
    const actionPattern = filter.action ? `%${filter.action}%` : null;
    const result = await sql<AuditRow>`
      SELECT a.id::int AS id, a.at, a.actor_user_id AS "actorUserId", u.username AS "actorUsername", u.display_name AS "actorDisplayName",
             a.actor_api_token_id AS "actorApiTokenId", t.name AS "actorApiTokenName", host(a.ip) AS ip, a.action,
             a.target_table AS "targetTable", a.target_id::int AS "targetId", a.reason, a.details
      FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN api_tokens t ON t.id = a.actor_api_token_id
      WHERE ${scope} AND (${filter.from ?? null}::timestamptz IS NULL OR a.at >= ${filter.from ?? null})
        AND (${filter.to ?? null}::timestamptz IS NULL OR a.at < ${filter.to ?? null})
        AND (${filter.actorUsername ?? null}::text IS NULL OR u.username = ${filter.actorUsername ?? null})
        AND (${actionPattern}::text IS NULL OR a.action ILIKE ${actionPattern})
        AND (${filter.targetTable ?? null}::text IS NULL OR a.target_table = ${filter.targetTable ?? null})
        AND (${filter.targetId ?? null}::bigint IS NULL OR a.target_id = ${filter.targetId ?? null})
        AND (${beforeId ?? null}::bigint IS NULL OR a.id < ${beforeId ?? null})
      ORDER BY a.id DESC LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }
}
