import { incidentApi } from '../../../incident-api';
import { photoFile, type OutboxSender } from './outbox-sender';

/** 事件上报: the incident, then its photos one by one, each step remembered. */
export const incidentReportSender: OutboxSender<'incident_report'> = {
  initialProgress: () => ({ incidentId: null, incidentCode: null, photosSent: 0 }),
  async send({ item, saveProgress }) {
    let { incidentId, incidentCode, photosSent } = item.progress;
    if (incidentId === null || incidentCode === null) {
      // The same client id on every try: a report the server stored before its answer was lost comes back as it is.
      const incident = await incidentApi.report({ ...item.payload, clientId: item.id });
      incidentId = incident.id;
      incidentCode = incident.code;
      await saveProgress({ incidentId, incidentCode, photosSent });
    }
    for (const [index, photo] of item.photos.entries()) {
      if (index < photosSent) continue;
      // The same bytes again are the same attachment: a photo whose answer was lost is not stored twice.
      await incidentApi.uploadAttachment(incidentId, photo.kind, photoFile(photo));
      photosSent = index + 1;
      await saveProgress({ incidentId, incidentCode, photosSent });
    }
    return { label: `事件编号 ${incidentCode}`, recordId: incidentId, notice: null };
  },
};
