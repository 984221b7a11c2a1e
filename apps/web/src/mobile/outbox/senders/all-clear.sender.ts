import { allClearApi } from '../../../incident-api';
import type { OutboxSender } from './outbox-sender';

/**
 * 无事报平安 for one grid, for the day it was tapped: sent a day or two late (a phone offline over a weekend) it is
 * still filed under that day. Later than the server allows, the server refuses it and the worker sees why.
 */
export const allClearSender: OutboxSender<'all_clear'> = {
  initialProgress: () => ({}),
  async send({ item }) {
    const { gridName, day, ...allClear } = item.payload;
    await allClearApi.report({ ...allClear, reportDate: day, clientId: item.id });
    return { label: `${gridName} 已报平安`, recordId: null, notice: null };
  },
};
