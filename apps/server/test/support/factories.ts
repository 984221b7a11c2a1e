import { rectangleToPolygon, systemActor, type Rectangle } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { Database } from '../../src/database/database.js';
import { RegionRepository } from '../../src/regions/region.repository.js';
import { RegionService } from '../../src/regions/region.service.js';

export function regionService(database: Database): RegionService {
  return new RegionService(database.db, new RegionRepository(database.db));
}

/** Imports 淄博市张店区 from the real division code set. */
export async function importZhangdian(database: Database): Promise<void> {
  await regionService(database).importCity(systemActor('test'), '370300', { districtCodes: ['370303'] });
}

export const rectangle = (west: number, south: number, east: number, north: number): Rectangle => ({ west, south, east, north });

export const polygon = (west: number, south: number, east: number, north: number) => rectangleToPolygon(rectangle(west, south, east, north));

export async function setBoundary(database: Database, code: string, boundary: Rectangle): Promise<void> {
  await regionService(database).setBoundary(systemActor('test'), code, rectangleToPolygon(boundary));
}

export function gridFeature(code: string, geometry: unknown, name = `网格${code.slice(-3)}`) {
  return { type: 'Feature' as const, properties: { code, name }, geometry };
}

export async function countRows(database: Database, table: 'grids' | 'regions' | 'buildings' | 'persons'): Promise<number> {
  const result = await sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)}`.execute(database.db);
  return result.rows[0]!.count;
}
