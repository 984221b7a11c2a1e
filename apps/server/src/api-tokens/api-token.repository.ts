import { sql, type Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export interface ApiTokenRow {
  id: number;
  name: string;
  tokenPrefix: string | null;
  regionCode: string | null;
  regionName: string | null;
  regionPath: string | null;
  permissions: string[];
  createdByUsername: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const tokenColumns = sql`
  t.id, t.name, t.token_prefix AS "tokenPrefix", r.code AS "regionCode", r.name AS "regionName", r.path AS "regionPath",
  t.permissions, u.username AS "createdByUsername", t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt",
  t.last_used_at AS "lastUsedAt", t.created_at AS "createdAt"`;

const tokenJoins = sql`FROM api_tokens t LEFT JOIN regions r ON r.id = t.region_id LEFT JOIN users u ON u.id = t.created_by_user_id`;

export class ApiTokenRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(executor: DatabaseExecutor, token: { tokenHash: string; tokenPrefix: string; name: string; regionId: number | null; permissions: string[]; createdByUserId: number | null; expiresAt: Date | null }): Promise<number> {
    const row = await executor.insertInto('api_tokens').values({
      token_hash: token.tokenHash, token_prefix: token.tokenPrefix, name: token.name, region_id: token.regionId,
      permissions: token.permissions, created_by_user_id: token.createdByUserId, expires_at: token.expiresAt,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** A usable token: known, not revoked, not expired. Marks it used. */
  async findUsable(tokenHash: string): Promise<ApiTokenRow | undefined> {
    const result = await sql<ApiTokenRow>`
      WITH used AS (
        UPDATE api_tokens SET last_used_at = now()
        WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
        RETURNING id)
      SELECT ${tokenColumns} ${tokenJoins} WHERE t.id = (SELECT id FROM used)`.execute(this.db);
    return result.rows[0];
  }

  async findById(id: number, regionPath: string | null): Promise<ApiTokenRow | undefined> {
    const result = await sql<ApiTokenRow>`SELECT ${tokenColumns} ${tokenJoins}
      WHERE t.id = ${id} AND (${regionPath}::text IS NULL OR r.path = ${regionPath} OR r.path LIKE ${(regionPath ?? '') + '/%'})`.execute(this.db);
    return result.rows[0];
  }

  async list(regionPath: string | null): Promise<ApiTokenRow[]> {
    const result = await sql<ApiTokenRow>`SELECT ${tokenColumns} ${tokenJoins}
      WHERE ${regionPath}::text IS NULL OR r.path = ${regionPath} OR r.path LIKE ${(regionPath ?? '') + '/%'}
      ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC`.execute(this.db);
    return result.rows;
  }

  async revoke(executor: DatabaseExecutor, id: number): Promise<void> {
    await executor.updateTable('api_tokens').set({ revoked_at: new Date(), updated_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}
