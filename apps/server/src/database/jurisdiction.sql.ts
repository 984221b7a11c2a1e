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
