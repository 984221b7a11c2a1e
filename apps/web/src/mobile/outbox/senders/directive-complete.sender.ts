import { directiveApi } from '../../../directives/directive-api';
import type { OutboxSender } from './outbox-sender';

/**
 * 完成指令: one call. The client id makes a repeat harmless (the server also ignores a task already completed); a
 * directive cancelled or ended meanwhile is refused with the server's message and shows as a conflict.
 */
export const directiveCompleteSender: OutboxSender<'directive_complete'> = {
  initialProgress: () => ({}),
  async send({ item }) {
    const { directiveId, targetId, title, note } = item.payload;
    await directiveApi.complete(directiveId, targetId, { ...(note ? { note } : {}), clientId: item.id });
    return { label: `${title} 已完成`, recordId: directiveId, notice: null };
  },
};
