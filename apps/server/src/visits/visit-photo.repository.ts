import { sql } from 'kysely';
import type { DatabaseExecutor } from '../database/schema.js';
import type { StoredPhoto } from '../attachments/photo-files.js';

export interface VisitPhotoRow {
  id: number;
  visitId: number;
  storageKey: string;
  thumbnailKey: string | null;
  mimeType: string;
}

const COLUMNS = sql`id, visit_id AS "visitId", storage_key AS "storageKey", thumbnail_key AS "thumbnailKey", mime_type AS "mimeType"`;

/** Photos of visits, rows pointing into the photo store. SQL only. */
export class VisitPhotoRepository {
  /** Inserts the photo; the same bytes on the same visit again give back the row already there. */
  async insert(executor: DatabaseExecutor, visitId: number, photo: StoredPhoto, uploadedByUserId: number | null): Promise<{ row: VisitPhotoRow; created: boolean }> {
    const inserted = await sql<VisitPhotoRow>`
      INSERT INTO visit_photos (visit_id, storage_key, thumbnail_key, mime_type, byte_size, sha256, width, height, uploaded_by_user_id)
      VALUES (${visitId}, ${photo.storageKey}, ${photo.thumbnailKey}, ${photo.mimeType}, ${photo.byteSize}, ${photo.sha256},
              ${photo.width}, ${photo.height}, ${uploadedByUserId})
      ON CONFLICT (visit_id, sha256) DO NOTHING RETURNING ${COLUMNS}`.execute(executor);
    if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
    const existing = await sql<VisitPhotoRow>`
      SELECT ${COLUMNS} FROM visit_photos WHERE visit_id = ${visitId} AND sha256 = ${photo.sha256}`.execute(executor);
    return { row: existing.rows[0]!, created: false };
  }

  async find(executor: DatabaseExecutor, visitId: number, photoId: number): Promise<VisitPhotoRow | undefined> {
    const result = await sql<VisitPhotoRow>`SELECT ${COLUMNS} FROM visit_photos WHERE id = ${photoId} AND visit_id = ${visitId}`.execute(executor);
    return result.rows[0];
  }

  async listFor(executor: DatabaseExecutor, visitIds: readonly number[]): Promise<VisitPhotoRow[]> {
    if (visitIds.length === 0) return [];
    const result = await sql<VisitPhotoRow>`
      SELECT ${COLUMNS} FROM visit_photos WHERE visit_id = ANY(${[...visitIds]}::int[]) ORDER BY created_at, id`.execute(executor);
    return result.rows;
  }
}
