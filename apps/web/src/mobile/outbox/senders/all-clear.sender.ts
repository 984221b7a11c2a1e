import { ApiError } from '../../../api-client';
import { allClearApi } from '../../../incident-api';
import { localDay } from '../../shell/local-day';
import type { OutboxSender } from './outbox-sender';

/** 无事报平安 for one grid. It speaks for the day it was tapped, and the server files it under the day it arrives. */
export const allClearSender: OutboxSender<'all_clear'> = {
  initialProgress: () => ({}),
  async send({ item }) {
    const { gridName, day, ...allClear } = item.payload;
    if (day !== localDay()) {
      // Sent a day late it would say the grid was quiet today, which nobody said: the worker decides what to do.
      throw new ApiError('all_clear.day_passed', `这是 ${day} 的报平安，当天没能送达，现已过期，不能再补报`, 409);
    }
    await allClearApi.report({ ...allClear, clientId: item.id });
    return { label: `${gridName} 已报平安`, recordId: null, notice: null };
  },
};
