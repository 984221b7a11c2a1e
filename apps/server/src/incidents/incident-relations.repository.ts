import { invalid } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { DatabaseExecutor } from '../database/schema.js';

/** Categories and attachments as the workflow touches them. SQL only, apart from the not-found error. */
export class IncidentRelationsRepository {
  async requireSubcategory(executor: DatabaseExecutor, categoryId: number): Promise<void> {
    const result = await sql<{ id: number }>`
      SELECT id FROM incident_categories WHERE id = ${categoryId} AND parent_id IS NOT NULL AND enabled`.execute(executor);
    if (!result.rows[0]) {
      throw invalid('incident.category_not_found', `分类 ${categoryId} 不存在、已停用或不是小类`, `Category ${categoryId} does not exist, is disabled or is not a subclass`);
    }
  }

  /** A merged duplicate's photos join the incident it was merged into (the same photo twice is kept once). */
  async moveAttachments(executor: DatabaseExecutor, fromIncidentId: number, toIncidentId: number): Promise<void> {
    await sql`
      UPDATE incident_attachments a SET incident_id = ${toIncidentId}
      WHERE a.incident_id = ${fromIncidentId}
        AND NOT EXISTS (SELECT 1 FROM incident_attachments t WHERE t.incident_id = ${toIncidentId} AND t.sha256 = a.sha256)`.execute(executor);
  }
}
