import { fieldApi } from '../../data/field-api';
import { conflictLines } from '../../visits/correction-fields';
import { photoFile, type OutboxSender } from './outbox-sender';

/**
 * 走访: the visit (with any register corrections, settled on the server by settleCorrection), then its photos.
 * Corrections the server kept its own value for are no failure: the visit went through, and the item says, one line
 * per field, what the worker entered and what someone else had changed it to meanwhile.
 */
export const visitSender: OutboxSender<'visit'> = {
  initialProgress: () => ({ visitId: null, photosSent: 0 }),
  async send({ item, saveProgress }) {
    let { photosSent } = item.progress;
    // Sent again on a retry too: the same client id returns the visit stored the first time, with how its corrections
    // settled, so a try cut off after the visit still tells the worker about them.
    const visit = await fieldApi.recordVisit(item.id, item.payload);
    const conflicts = conflictLines(visit.targetKind, visit.corrections?.conflicts ?? [], item.payload.corrections?.fields);
    const visitId = visit.id;
    if (item.progress.visitId === null) await saveProgress({ visitId, photosSent });
    for (const [index, photo] of item.photos.entries()) {
      if (index < photosSent) continue;
      await fieldApi.uploadVisitPhoto(visitId, photoFile(photo));
      photosSent = index + 1;
      await saveProgress({ visitId, photosSent });
    }
    const notice = conflicts.length > 0 ? conflicts.join('\n') : null;
    return { label: `走访 ${visit.targetLabel}`, recordId: visitId, notice };
  },
};
