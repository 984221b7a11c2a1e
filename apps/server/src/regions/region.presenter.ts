import type { Region } from '@civicgrid/domain';
import type { RegionRow } from './region.repository.js';

export function presentRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    childCount: row.childCount,
    gridCount: row.gridCount,
    bbox: row.bbox,
  };
}
