import { randomBytes } from 'node:crypto';
import { coversRegion, notFound, regionNotFound, type Actor } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { WebhookRepository } from './webhook.repository.js';

const subscriptionNotFound = (id: number) => notFound('webhook.not_found', `推送订阅 ${id} 不存在`, `Webhook subscription ${id} does not exist`);

/** The region path whose subscriptions an actor manages: everything, or their own region (never wider). */
function scopeOf(actor: Actor): string | null {
  const { jurisdiction } = actor;
  if (jurisdiction.kind === 'everywhere') return null;
  return jurisdiction.kind === 'grids' ? '-' : jurisdiction.regionPath;
}

/** Outgoing webhooks: a subscription only ever receives events of its region, which lies in its creator's. */
export class WebhookService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly webhooks: WebhookRepository,
    private readonly lookups: GridLookups,
  ) {}

  async list(actor: Actor) {
    const rows = await this.webhooks.list(this.db, scopeOf(actor));
    return rows.map(({ regionPath: _regionPath, ...view }) => view);
  }

  async create(actor: Actor, input: { name: string; url: string; events: string[]; regionCode?: string | null | undefined }) {
    const scope = scopeOf(actor);
    const regionCode = input.regionCode ?? (scope === null ? null : scope.split('/').at(-1)!);
    const region = regionCode ? await this.lookups.visibleRegion(actor, regionCode) : undefined;
    if (region && !coversRegion(actor.jurisdiction, region.path)) throw regionNotFound(region.code);
    const secret = randomBytes(24).toString('base64url');
    const id = await this.db.transaction().execute((transaction) => this.webhooks.insert(transaction, {
      name: input.name, url: input.url, secret, events: input.events, regionId: region?.id ?? null,
      userId: actor.kind === 'user' ? actor.userId : null,
    }));
    return { id, secret };
  }

  async deactivate(actor: Actor, id: number) {
    await this.requireOwn(actor, id);
    await this.db.transaction().execute((transaction) => this.webhooks.deactivate(transaction, id));
    return { deactivated: true };
  }

  async deliveries(actor: Actor, id: number) {
    await this.requireOwn(actor, id);
    return this.webhooks.deliveries(this.db, id, 100);
  }

  private async requireOwn(actor: Actor, id: number): Promise<void> {
    const own = await this.webhooks.list(this.db, scopeOf(actor));
    if (!own.some((subscription) => subscription.id === id)) throw subscriptionNotFound(id);
  }
}
