import { sql, type Kysely } from 'kysely';
import type { IncidentAttachmentView } from '@civicgrid/domain';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export type AttachmentKind = IncidentAttachmentView['kind'];

export interface AttachmentRow {
  id: number;
  incidentId: number;
  stepId: number | null;
  kind: AttachmentKind;
  storageKey: string;
  mimeType: string;
  byteSize: number;
  sha256: string;
  thumbnailKey: string | null;
  originalName: string | null;
  uploadedByUserId: number | null;
  width: number | null;
  height: number | null;
  createdAt: Date;
}

export type NewAttachment = Omit<AttachmentRow, 'id' | 'stepId' | 'createdAt'>;

// incident_attachments is not yet declared in DatabaseSchema, so these queries are written as SQL.
const COLUMNS = sql`id, incident_id AS "incidentId", step_id AS "stepId", kind, storage_key AS "storageKey",
  mime_type AS "mimeType", byte_size AS "byteSize", sha256, thumbnail_key AS "thumbnailKey",
  original_name AS "originalName", uploaded_by_user_id AS "uploadedByUserId", width, height, created_at AS "createdAt"`;

export class AttachmentRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Inserts the attachment; the same bytes on the same incident again give back the row already there. */
  async insert(attachment: NewAttachment): Promise<{ row: AttachmentRow; created: boolean }> {
    const inserted = await sql<AttachmentRow>`
      INSERT INTO incident_attachments (incident_id, kind, storage_key, mime_type, byte_size, sha256, thumbnail_key,
        original_name, uploaded_by_user_id, width, height)
      VALUES (${attachment.incidentId}, ${attachment.kind}, ${attachment.storageKey}, ${attachment.mimeType},
        ${attachment.byteSize}, ${attachment.sha256}, ${attachment.thumbnailKey}, ${attachment.originalName},
        ${attachment.uploadedByUserId}, ${attachment.width}, ${attachment.height})
      ON CONFLICT (incident_id, sha256) DO NOTHING
      RETURNING ${COLUMNS}`.execute(this.db);
    if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
    const existing = await sql<AttachmentRow>`
      SELECT ${COLUMNS} FROM incident_attachments
      WHERE incident_id = ${attachment.incidentId} AND sha256 = ${attachment.sha256}`.execute(this.db);
    return { row: existing.rows[0]!, created: false };
  }

  async findById(id: number): Promise<AttachmentRow | undefined> {
    const result = await sql<AttachmentRow>`SELECT ${COLUMNS} FROM incident_attachments WHERE id = ${id}`.execute(this.db);
    return result.rows[0];
  }

  async listForIncident(executor: DatabaseExecutor, incidentId: number): Promise<AttachmentRow[]> {
    const result = await sql<AttachmentRow>`
      SELECT ${COLUMNS} FROM incident_attachments WHERE incident_id = ${incidentId} ORDER BY created_at, id`.execute(executor);
    return result.rows;
  }

  /**
   * Links the incident's not yet linked attachments among `attachmentIds` to a step, setting their kind
   * too when one is given; ids of other incidents or already linked are left alone. Returns how many were linked.
   */
  async linkToStep(executor: DatabaseExecutor, incidentId: number, attachmentIds: readonly number[], stepId: number, kind?: AttachmentKind): Promise<number> {
    if (attachmentIds.length === 0) return 0;
    const result = await sql`
      UPDATE incident_attachments SET step_id = ${stepId}, kind = coalesce(${kind ?? null}, kind)
      WHERE incident_id = ${incidentId} AND step_id IS NULL AND id = ANY(${[...attachmentIds]}::int[])`.execute(executor);
    return Number(result.numAffectedRows ?? 0);
  }

  /** How many of `attachmentIds` are after-photos of the incident (a handled step must show the result). */
  async countAfterPhotos(executor: DatabaseExecutor, incidentId: number, attachmentIds: readonly number[]): Promise<number> {
    if (attachmentIds.length === 0) return 0;
    const result = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM incident_attachments
      WHERE incident_id = ${incidentId} AND kind = 'after' AND id = ANY(${[...attachmentIds]}::int[])`.execute(executor);
    return result.rows[0]!.count;
  }
}
