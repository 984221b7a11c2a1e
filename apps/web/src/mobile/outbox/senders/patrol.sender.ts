import { fieldApi } from '../../data/field-api';
import type { OutboxSender } from './outbox-sender';

/** 巡查: the whole track in one request, once the patrol has stopped. */
export const patrolSender: OutboxSender<'patrol'> = {
  initialProgress: () => ({}),
  async send({ item }) {
    const patrol = await fieldApi.uploadPatrol(item.id, item.payload);
    const kilometres = (patrol.distanceMetres / 1000).toFixed(1);
    const minutes = Math.round(patrol.durationSeconds / 60);
    return { label: `巡查 ${kilometres} 公里，${minutes} 分钟`, recordId: patrol.id, notice: null };
  },
};
