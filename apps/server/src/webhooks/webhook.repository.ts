import { sql } from 'kysely';
import type { DatabaseExecutor } from '../database/schema.js';

export interface WebhookSubscriptionView {
  id: number;
  name: string;
  url: string;
  events: string[];
  regionCode: string | null;
  active: boolean;
  createdAt: string;
}

export interface DueDelivery {
  id: number;
  url: string;
  secret: string;
  event: string;
  payload: unknown;
  attempts: number;
}

/** Subscriptions and the delivery outbox. SQL only. */
export class WebhookRepository {
  /** One delivery per active subscription that wants the event and covers the region, in the caller's transaction. */
  async enqueue(executor: DatabaseExecutor, event: string, regionId: number, payload: unknown): Promise<void> {
    await sql`
      INSERT INTO webhook_deliveries (subscription_id, event, payload)
      SELECT s.id, ${event}::text, ${JSON.stringify(payload)}::jsonb
      FROM webhook_subscriptions s LEFT JOIN regions sr ON sr.id = s.region_id, regions place
      WHERE place.id = ${regionId} AND s.active
        AND (cardinality(s.events) = 0 OR ${event}::text = ANY(s.events))
        AND (s.region_id IS NULL OR place.path = sr.path OR place.path LIKE sr.path || '/%')`.execute(executor);
  }

  async due(executor: DatabaseExecutor, limit: number): Promise<DueDelivery[]> {
    const result = await sql<DueDelivery>`
      SELECT d.id::int, s.url, s.secret, d.event, d.payload, d.attempts
      FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
      WHERE d.state = 'pending' AND d.next_attempt_at <= now()
      ORDER BY d.next_attempt_at LIMIT ${limit}`.execute(executor);
    return result.rows;
  }

  async recordAttempt(executor: DatabaseExecutor, id: number, outcome: {
    delivered: boolean; statusCode: number | null; error: string | null; nextAttemptAt: Date | null;
  }): Promise<void> {
    const state = outcome.delivered ? 'delivered' : outcome.nextAttemptAt ? 'pending' : 'failed';
    await sql`
      UPDATE webhook_deliveries SET state = ${state}, attempts = attempts + 1, last_attempt_at = now(),
        last_status_code = ${outcome.statusCode}, last_error = ${outcome.error},
        delivered_at = ${outcome.delivered ? sql`now()` : sql`NULL`},
        next_attempt_at = coalesce(${outcome.nextAttemptAt}, next_attempt_at)
      WHERE id = ${id}`.execute(executor);
  }

  /** Subscriptions bound to the region path or below it; all of them for null. */
  async list(executor: DatabaseExecutor, regionPath: string | null): Promise<(WebhookSubscriptionView & { regionPath: string | null })[]> {
    const scope = regionPath === null ? sql`true` : sql`(r.path = ${regionPath} OR r.path LIKE ${regionPath + '/%'})`;
    const result = await sql<WebhookSubscriptionView & { regionPath: string | null }>`
      SELECT s.id, s.name, s.url, s.events, r.code AS "regionCode", r.path AS "regionPath", s.active, s.created_at AS "createdAt"
      FROM webhook_subscriptions s LEFT JOIN regions r ON r.id = s.region_id WHERE ${scope} ORDER BY s.id`.execute(executor);
    return result.rows;
  }

  async insert(executor: DatabaseExecutor, subscription: {
    name: string; url: string; secret: string; events: string[]; regionId: number | null; userId: number | null;
  }): Promise<number> {
    const result = await sql<{ id: number }>`
      INSERT INTO webhook_subscriptions (name, url, secret, events, region_id, created_by_user_id)
      VALUES (${subscription.name}, ${subscription.url}, ${subscription.secret}, ${subscription.events}::text[], ${subscription.regionId}, ${subscription.userId})
      RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async deactivate(executor: DatabaseExecutor, id: number): Promise<boolean> {
    const result = await sql`UPDATE webhook_subscriptions SET active = false, updated_at = now() WHERE id = ${id} AND active`.execute(executor);
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  async deliveries(executor: DatabaseExecutor, subscriptionId: number, limit: number) {
    const result = await sql<{ id: number; event: string; state: string; attempts: number; lastStatusCode: number | null; lastError: string | null; createdAt: string; deliveredAt: string | null }>`
      SELECT id::int, event, state, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
             created_at AS "createdAt", delivered_at AS "deliveredAt"
      FROM webhook_deliveries WHERE subscription_id = ${subscriptionId} ORDER BY id DESC LIMIT ${limit}`.execute(executor);
    return result.rows;
  }
}
