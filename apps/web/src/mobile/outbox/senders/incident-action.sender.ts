import { INCIDENT_WORKFLOW } from '@civicgrid/domain';
import { incidentApi } from '../../../incident-api';
import { photoFile, type OutboxSender } from './outbox-sender';

/**
 * 事件办理 (核查通过, 返工 …) done on the spot: the photos first, as attachments of the incident, then the action naming
 * them. The action carries the version the worker saw: if someone acted meanwhile the server refuses it, and the
 * item shows as a conflict with the server's message. Photos go up only while the incident is still as the worker
 * saw it, so a refused action leaves no stray photo on an incident someone else has already closed.
 */
export const incidentActionSender: OutboxSender<'incident_action'> = {
  initialProgress: () => ({ attachmentIds: [] }),
  async send({ item, saveProgress }) {
    const { incidentId, incidentCode, request } = item.payload;
    const result = { label: `${incidentCode} ${INCIDENT_WORKFLOW[request.action].label}`, recordId: incidentId, notice: null };
    let attachmentIds = item.progress.attachmentIds;
    if (request.version !== undefined && attachmentIds.length === 0 && item.photos.length > 0) {
      const current = await incidentApi.get(incidentId);
      if (current.version !== request.version) {
        // Changed meanwhile: the action alone, without its photos, which the server refuses in its own words.
        await incidentApi.act(incidentId, { ...request, clientId: item.id, attachmentIds: [] });
        return result;
      }
    }
    for (const [index, photo] of item.photos.entries()) {
      if (index < attachmentIds.length) continue;
      const attachment = await incidentApi.uploadAttachment(incidentId, photo.kind, photoFile(photo));
      attachmentIds = [...attachmentIds, attachment.id];
      await saveProgress({ attachmentIds });
    }
    // The client id makes a retried action a no-op instead of a second step.
    await incidentApi.act(incidentId, { ...request, clientId: item.id, attachmentIds });
    return result;
  },
};
