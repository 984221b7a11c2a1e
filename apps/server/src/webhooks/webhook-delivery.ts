import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { WebhookRepository } from './webhook.repository.js';

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last the delivery is marked failed. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720, 1440];

export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Sends due outbox rows: POST JSON with an HMAC-SHA256 signature of the body in `x-civicgrid-signature`,
 * any 2xx counts as delivered, anything else is retried later with growing delays.
 */
export class WebhookDelivery {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly webhooks: WebhookRepository,
    private readonly send: typeof fetch = fetch,
  ) {}

  async deliverDue(limit = 20): Promise<{ delivered: number; failed: number }> {
    const due = await this.webhooks.due(this.db, limit);
    let delivered = 0;
    for (const delivery of due) {
      const body = JSON.stringify({ id: delivery.id, event: delivery.event, data: delivery.payload });
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const response = await this.send(delivery.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-civicgrid-event': delivery.event, 'x-civicgrid-signature': signatureOf(delivery.secret, body) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        statusCode = response.status;
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      const ok = error === null;
      if (ok) delivered += 1;
      const delay = RETRY_DELAYS_MINUTES[delivery.attempts];
      await this.webhooks.recordAttempt(this.db, delivery.id, {
        delivered: ok, statusCode, error,
        nextAttemptAt: ok || delay === undefined ? null : new Date(Date.now() + delay * 60_000),
      });
    }
    return { delivered, failed: due.length - delivered };
  }
}
