import type { Region } from '@civicgrid/domain';
import type { RegionRow } from './region.repository.js';

export type RegionView = Region & { bbox: [number, number, number, number] | null };

export function presentRegion(row: RegionRow): RegionView {
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
