import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import { columnFields, type RecordRegister } from './record-register.js';

export interface RecordRow {
  id: number;
  version: number;
  values: Record<string, unknown>;
  gridId: number | null;
  gridName: string | null;
  extras: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecordFilter {
  q?: string | undefined;
  gridId?: number | undefined;
  regionPath?: string | undefined;
  kind?: string | undefined;
  attentionLevel?: number | undefined;
  deregistered: boolean;
}

const META = new Set(['id', 'version', 'gridId', 'gridName', 'createdAt', 'updatedAt']);

function inJurisdiction(jurisdiction: Jurisdiction): RawBuilder<unknown> {
  return sql`(${gridInJurisdiction(jurisdiction, 'g')} OR (g.id IS NULL AND ${jurisdiction.kind === 'everywhere'}))`;
}

function valueColumns(register: RecordRegister): RawBuilder<unknown> {
  const columns = register.fields.map((field) => {
    if (field.key === 'gridCode') return sql`g.code AS "gridCode"`;
    if (field.key === 'lon') return sql`ST_X(r.location) AS lon`;
    if (field.key === 'lat') return sql`ST_Y(r.location) AS lat`;
    const computed = register.computed?.[field.key];
    return computed ? sql`${computed} AS ${sql.ref(field.key)}` : sql`${sql.ref(`r.${columnFields(register).find((column) => column.key === field.key)!.column}`)} AS ${sql.ref(field.key)}`;
  });
  return sql.join(register.extras ? [...columns, register.extras] : columns);
}

function toRecord(register: RecordRegister, row: Record<string, unknown>): RecordRow {
  const keys = new Set(register.fields.map((field) => field.key));
  const values = Object.fromEntries(register.fields.map((field) => [field.key, row[field.key] ?? null]));
  const extras = Object.fromEntries(Object.entries(row).filter(([key]) => !keys.has(key) && !META.has(key)));
  return {
    id: row.id as number, version: row.version as number, values, gridId: row.gridId as number | null, gridName: row.gridName as string | null,
    extras, createdAt: row.createdAt as Date, updatedAt: row.updatedAt as Date,
  };
}

function filterConditions(register: RecordRegister, filter: RecordFilter, jurisdiction: Jurisdiction): RawBuilder<unknown> {
  const conditions = [inJurisdiction(jurisdiction), filter.deregistered ? sql`r.deregistered_on IS NOT NULL` : sql`r.deregistered_on IS NULL`];
  if (filter.q !== undefined) conditions.push(register.search(filter.q));
  if (filter.gridId !== undefined) conditions.push(sql`(g.id = ${filter.gridId} OR g.parent_grid_id = ${filter.gridId})`);
  if (filter.regionPath !== undefined) conditions.push(sql`g.path LIKE ${`${filter.regionPath}/%`}`);
  if (filter.kind !== undefined) conditions.push(register.table === 'facilities' ? sql`r.category_code LIKE ${`${filter.kind}%`}` : sql`r.kind = ${filter.kind}`);
  if (filter.attentionLevel !== undefined) conditions.push(sql`r.attention_level = ${filter.attentionLevel}`);
  return sql.join(conditions, sql` AND `);
}

/** The SQL of the registers described by a RecordRegister, each query inside the reader's jurisdiction. */
export class RecordRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findById(executor: DatabaseExecutor, register: RecordRegister, id: number, jurisdiction: Jurisdiction, options: { lock?: boolean } = {}): Promise<RecordRow | undefined> {
    const result = await sql<Record<string, unknown>>`
      SELECT r.id, r.version, ${valueColumns(register)}, r.grid_id AS "gridId", g.name AS "gridName", r.created_at AS "createdAt", r.updated_at AS "updatedAt"
      FROM ${sql.table(register.table)} r LEFT JOIN grids g ON g.id = r.grid_id
      WHERE r.id = ${id} AND ${inJurisdiction(jurisdiction)} ${options.lock ? sql`FOR UPDATE OF r` : sql``}`.execute(executor);
    return result.rows[0] && toRecord(register, result.rows[0]);
  }

  async list(register: RecordRegister, filter: RecordFilter, jurisdiction: Jurisdiction, page: { limit: number; offset: number }): Promise<RecordRow[]> {
    const result = await sql<Record<string, unknown>>`
      SELECT r.id, r.version, ${valueColumns(register)}, r.grid_id AS "gridId", g.name AS "gridName", r.created_at AS "createdAt", r.updated_at AS "updatedAt"
      FROM ${sql.table(register.table)} r LEFT JOIN grids g ON g.id = r.grid_id
      WHERE ${filterConditions(register, filter, jurisdiction)}
      ORDER BY r.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(this.db);
    return result.rows.map((row) => toRecord(register, row));
  }

  async count(register: RecordRegister, filter: RecordFilter, jurisdiction: Jurisdiction): Promise<number> {
    const result = await sql<{ total: number }>`
      SELECT count(*)::int AS total FROM ${sql.table(register.table)} r LEFT JOIN grids g ON g.id = r.grid_id
      WHERE ${filterConditions(register, filter, jurisdiction)}`.execute(this.db);
    return result.rows[0]!.total;
  }

  /** Who else holds a unique value (wherever they are), with their grid's path for the caller to judge visibility. */
  async holderOf(executor: DatabaseExecutor, register: RecordRegister, column: string, value: unknown, exceptId: number | null): Promise<{ id: number; gridPath: string | null } | undefined> {
    const result = await sql<{ id: number; gridPath: string | null }>`
      SELECT r.id, g.path AS "gridPath" FROM ${sql.table(register.table)} r LEFT JOIN grids g ON g.id = r.grid_id
      WHERE ${sql.ref(`r.${column}`)} = ${value} AND r.id <> ${exceptId ?? 0} LIMIT 1`.execute(executor);
    return result.rows[0];
  }

  async insert(executor: DatabaseExecutor, register: RecordRegister, columns: Record<string, unknown>): Promise<number> {
    const entries = Object.entries(columns);
    const result = await sql<{ id: number }>`
      INSERT INTO ${sql.table(register.table)} (${sql.join(entries.map(([column]) => sql.ref(column)))})
      VALUES (${sql.join(entries.map(([, value]) => writtenValue(value)))}) RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async update(executor: DatabaseExecutor, register: RecordRegister, id: number, version: number, columns: Record<string, unknown>): Promise<boolean> {
    const sets = Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${writtenValue(value)}`);
    const result = await sql`
      UPDATE ${sql.table(register.table)} SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])}
      WHERE id = ${id} AND version = ${version}`.execute(executor);
    return Number(result.numAffectedRows ?? 0) === 1;
  }
}

/** A location is written as a PostGIS point; everything else as a parameter. */
export type PointValue = { point: { lon: number; lat: number } | null };
const isPoint = (value: unknown): value is PointValue => typeof value === 'object' && value !== null && 'point' in value;
function writtenValue(value: unknown): RawBuilder<unknown> {
  if (!isPoint(value)) return sql`${value}`;
  return value.point === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${value.point.lon}, ${value.point.lat}), 4326)`;
}
