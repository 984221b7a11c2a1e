import { sql, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';

/**
 * SQL conditions that keep a query inside an actor's jurisdiction. Every repository that reads or writes
 * region-bound records takes the jurisdiction and adds one of these; the client never filters.
 */
export function gridInJurisdiction(jurisdiction: Jurisdiction, gridAlias: string): RawBuilder<unknown> {
  const path = sql.ref(`${gridAlias}.path`);
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql`true`;
    case 'region':
    case 'department':
      return sql`${path} LIKE ${jurisdiction.regionPath + '/%'}`;
    case 'grids':
      if (jurisdiction.gridPaths.length === 0) return sql`false`;
      return sql`(${path} = ANY(${[...jurisdiction.gridPaths]}::text[])
                  OR ${path} LIKE ANY(${jurisdiction.gridPaths.map((gridPath) => `${gridPath}/%`)}::text[]))`;
  }
}

/** Regions inside the jurisdiction, and the regions above it, so that the tree can be walked down to it. */
export function regionVisibleInJurisdiction(jurisdiction: Jurisdiction, regionAlias: string): RawBuilder<unknown> {
  const path = sql.ref(`${regionAlias}.path`);
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql`true`;
    case 'region':
    case 'department':
      return sql`(${path} = ${jurisdiction.regionPath} OR ${path} LIKE ${jurisdiction.regionPath + '/%'}
                  OR ${jurisdiction.regionPath} LIKE ${path} || '/%')`;
    case 'grids':
      if (jurisdiction.gridPaths.length === 0) return sql`false`;
      return sql`EXISTS (SELECT 1 FROM unnest(${[...jurisdiction.gridPaths]}::text[]) AS own(path) WHERE own.path LIKE ${path} || '/%')`;
  }
}

/**
 * Incidents an actor may see: by the region they lie in (operators, leaders), by assignment to their
 * department (handlers), by their grids or their own reports (grid workers). The query must join the
 * incident's region as `regionAlias` and left-join its grid as `gridAlias`.
 */
export function incidentInJurisdiction(
  actor: { jurisdiction: Jurisdiction; userId: number | null },
  aliases: { incident: string; region: string; grid: string },
): RawBuilder<unknown> {
  const { jurisdiction } = actor;
  const incidentId = sql.ref(`${aliases.incident}.id`);
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql`true`;
    case 'region': {
      const path = sql.ref(`${aliases.region}.path`);
      return sql`(${path} = ${jurisdiction.regionPath} OR ${path} LIKE ${jurisdiction.regionPath + '/%'})`;
    }
    case 'department':
      return sql`(${sql.ref(`${aliases.incident}.source_department_id`)} = ${jurisdiction.departmentId}
                  OR EXISTS (SELECT 1 FROM incident_assignments ja WHERE ja.incident_id = ${incidentId} AND ja.department_id = ${jurisdiction.departmentId}))`;
    case 'grids':
      return sql`(${sql.ref(`${aliases.incident}.reporter_user_id`)} = ${actor.userId ?? -1}
                  OR (${sql.ref(`${aliases.grid}.id`)} IS NOT NULL AND ${gridInJurisdiction(jurisdiction, aliases.grid)}))`;
  }
}
