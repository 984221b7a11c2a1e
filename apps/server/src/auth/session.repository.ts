import { sql, type Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export interface SessionRow {
  id: number;
  userId: number;
  csrfTokenHash: string;
  expiresAt: Date;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(executor: DatabaseExecutor, session: { tokenHash: string; userId: number; csrfTokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null }): Promise<number> {
    const row = await executor.insertInto('sessions').values({
      token_hash: session.tokenHash, user_id: session.userId, csrf_token_hash: session.csrfTokenHash,
      expires_at: session.expiresAt, ip: session.ip, user_agent: session.userAgent,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** A live session: not revoked, not expired, its user not disabled. Touching it slides the idle expiry. */
  async findLive(tokenHash: string, idleExpiry: Date): Promise<SessionRow | undefined> {
    const result = await sql<SessionRow>`
      UPDATE sessions s SET last_seen_at = now(), expires_at = greatest(s.expires_at, ${idleExpiry})
      FROM users u
      WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND NOT u.disabled
      RETURNING s.id, s.user_id AS "userId", s.csrf_token_hash AS "csrfTokenHash", s.expires_at AS "expiresAt"`.execute(this.db);
    return result.rows[0];
  }

  async revoke(executor: DatabaseExecutor, id: number): Promise<void> {
    await executor.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async revokeAllOfUser(executor: DatabaseExecutor, userId: number): Promise<number> {
    const result = await executor.updateTable('sessions').set({ revoked_at: new Date() })
      .where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

export class LoginAttemptRepository {
  async record(executor: DatabaseExecutor, attempt: { username: string; userId: number | null; ip: string | null; userAgent: string | null; succeeded: boolean; failureReason: string | null }): Promise<void> {
    await executor.insertInto('login_attempts').values({
      username: attempt.username, user_id: attempt.userId, ip: attempt.ip, user_agent: attempt.userAgent,
      succeeded: attempt.succeeded, failure_reason: attempt.failureReason,
    }).execute();
  }

  async countRecentFailuresFromIp(executor: DatabaseExecutor, ip: string, since: Date): Promise<number> {
    const result = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM login_attempts WHERE ip = ${ip}::inet AND NOT succeeded AND at > ${since}`.execute(executor);
    return result.rows[0]!.count;
  }
}
