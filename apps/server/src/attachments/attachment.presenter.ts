import type { IncidentAttachmentView } from '@civicgrid/domain';
import type { AttachmentRow } from './attachment.repository.js';

export function presentAttachment(row: AttachmentRow): IncidentAttachmentView {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    byteSize: row.byteSize,
    stepId: row.stepId,
    url: `/api/attachments/${row.id}/file`,
    thumbnailUrl: `/api/attachments/${row.id}/thumbnail`,
    createdAt: row.createdAt.toISOString(),
  };
}
