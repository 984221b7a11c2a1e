import { notFound, type Actor, type VisitPhotoView } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { PhotoFile, PhotoFiles } from '../attachments/photo-files.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { FieldWorkerLookup } from '../field-work/field-worker.js';
import { presentVisitPhoto } from './visit.presenter.js';
import type { VisitPhotoRepository } from './visit-photo.repository.js';
import type { VisitReader, VisitRepository } from './visit.repository.js';
import { visitNotFound } from './visit.service.js';

const photoNotFound = (id: number) => notFound('visit.photo_not_found', `走访照片 ${id} 不存在`, `Visit photo ${id} does not exist`);

/**
 * Photos of a visit, taken by the worker who made it, in the same photo store as incident photos (same checks,
 * same thumbnails). The same bytes on the same visit again are the same photo.
 */
export class VisitPhotoService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly visits: VisitRepository,
    private readonly photos: VisitPhotoRepository,
    private readonly files: PhotoFiles,
    private readonly workers: FieldWorkerLookup,
  ) {}

  get maxBytes(): number {
    return this.files.maxBytes;
  }

  /** The visit, if it is the signed-in worker's own: only they add its photos. Checked before the upload is read. */
  async ownVisit(actor: Actor, visitId: number): Promise<number> {
    const worker = await this.workers.of(actor);
    const visit = await this.visits.find(this.db, visitId, { jurisdiction: worker.jurisdiction, gridMemberId: worker.gridMemberId });
    if (!visit || visit.gridMemberId !== worker.gridMemberId) throw visitNotFound(visitId);
    return visit.id;
  }

  async upload(actor: Actor, visitId: number, bytes: Buffer): Promise<{ created: boolean; photo: VisitPhotoView }> {
    await this.ownVisit(actor, visitId);
    const stored = await this.files.put(bytes);
    const { row, created } = await this.photos.insert(this.db, visitId, stored, actor.kind === 'user' ? actor.userId : null);
    return { created, photo: presentVisitPhoto(row) };
  }

  async open(reader: VisitReader, visitId: number, photoId: number, size: 'file' | 'thumbnail'): Promise<PhotoFile> {
    if (!(await this.visits.find(this.db, visitId, reader))) throw visitNotFound(visitId);
    const photo = await this.photos.find(this.db, visitId, photoId);
    if (!photo) throw photoNotFound(photoId);
    return size === 'file' ? this.files.open(photo) : this.files.openThumbnail(photo);
  }
}
