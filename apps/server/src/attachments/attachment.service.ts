import { notFound, type IncidentAttachmentView } from '@civicgrid/domain';
import type { AttachmentKind, AttachmentRepository } from './attachment.repository.js';
import { presentAttachment } from './attachment.presenter.js';
import type { FileStore } from './file-store.js';
import { DEFAULT_PHOTO_LIMITS, PhotoFiles, type PhotoFile, type PhotoLimits } from './photo-files.js';

export type AttachmentLimits = PhotoLimits;
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = DEFAULT_PHOTO_LIMITS;
export type AttachmentFile = PhotoFile;

export interface UploadAttachment {
  incidentId: number;
  kind: AttachmentKind;
  uploadedByUserId: number | null;
  bytes: Buffer;
  originalName: string | null;
}

const attachmentNotFound = (id: number) => notFound('attachment.not_found', `附件 ${id} 不存在`, `Attachment ${id} does not exist`);

/**
 * Photos of incidents (before, after, other), checked and stored by PhotoFiles; the same bytes on the same
 * incident again give back the same attachment.
 */
export class AttachmentService {
  private readonly photos: PhotoFiles;

  constructor(
    private readonly attachments: AttachmentRepository,
    store: FileStore,
    limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
  ) {
    this.photos = new PhotoFiles(store, limits);
  }

  get maxBytes(): number {
    return this.photos.maxBytes;
  }

  async upload(upload: UploadAttachment): Promise<{ attachment: IncidentAttachmentView; created: boolean }> {
    const photo = await this.photos.put(upload.bytes);
    const { row, created } = await this.attachments.insert({
      incidentId: upload.incidentId,
      kind: upload.kind,
      storageKey: photo.storageKey,
      mimeType: photo.mimeType,
      byteSize: photo.byteSize,
      sha256: photo.sha256,
      thumbnailKey: photo.thumbnailKey,
      originalName: upload.originalName?.trim().slice(0, 255) || null,
      uploadedByUserId: upload.uploadedByUserId,
      width: photo.width,
      height: photo.height,
    });
    return { attachment: presentAttachment(row), created };
  }

  /** The incident an attachment belongs to, so that the caller can check the actor may see it. */
  async incidentOf(id: number): Promise<number> {
    const row = await this.attachments.findById(id);
    if (!row) throw attachmentNotFound(id);
    return row.incidentId;
  }

  async open(id: number): Promise<AttachmentFile> {
    const row = await this.attachments.findById(id);
    if (!row) throw attachmentNotFound(id);
    return this.photos.open(row);
  }

  async openThumbnail(id: number): Promise<AttachmentFile> {
    const row = await this.attachments.findById(id);
    if (!row) throw attachmentNotFound(id);
    return this.photos.openThumbnail(row);
  }
}
