import type { Actor } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { NotificationRepository } from './notification.repository.js';

/** A signed-in user's own notifications; API tokens have none. */
export class NotificationService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly notifications: NotificationRepository,
  ) {}

  list(actor: Actor, options: { unreadOnly: boolean; limit: number }) {
    if (actor.kind !== 'user') return Promise.resolve({ items: [], unread: 0 });
    return this.notifications.listForUser(this.db, actor.userId, options);
  }

  async markRead(actor: Actor, id: number | 'all'): Promise<{ updated: number }> {
    if (actor.kind !== 'user') return { updated: 0 };
    return { updated: await this.notifications.markRead(this.db, actor.userId, id) };
  }
}
