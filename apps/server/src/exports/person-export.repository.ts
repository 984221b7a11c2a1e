import { sql, type Kysely, type RawBuilder } from 'kysely';
import { classifyPersonQuery, type Jurisdiction, type PersonListQuery } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import { personQueryCondition } from '../registers/persons/person-search.repository.js';
import type { DatabaseSchema } from '../database/schema.js';

export type PersonExportFilter = Omit<PersonListQuery, 'page' | 'pageSize'>;

/** Where the exported persons live: grids (and their micro-grids) by path, and whether persons outside every grid count. */
export interface ExportScope {
  gridPath?: string | undefined;
  regionPath?: string | undefined;
  jurisdiction: Jurisdiction;
}

/** A person as stored, with the grid's code and the household's number; columns by their SQL names. */
export type PersonExportRow = Record<string, unknown> & { id: number };

/** The list's filters as SQL over persons `p` (the same meanings as GET /api/persons). */
function filterConditions(filter: PersonExportFilter): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [filter.deregistered ? sql`p.deregistered_on IS NOT NULL` : sql`p.deregistered_on IS NULL`];
  if (filter.residency) conditions.push(sql`p.residency = ${filter.residency}`);
  if (filter.leftBehind !== undefined) conditions.push(sql`p.left_behind = ${filter.leftBehind}`);
  if (filter.attentionLevel !== undefined) conditions.push(sql`p.attention_level = ${filter.attentionLevel}`);
  if (filter.underAttention !== undefined) conditions.push(sql`p.under_attention = ${filter.underAttention}`);
  if (filter.specialGroup) conditions.push(sql`EXISTS (SELECT 1 FROM special_group_records r WHERE r.person_id = p.id AND r.group_kind = ${filter.specialGroup})`);
  if (filter.careGroup) conditions.push(sql`EXISTS (SELECT 1 FROM care_group_records r WHERE r.person_id = p.id AND r.group_kind = ${filter.careGroup})`);
  // the search text means what it means in the person list
  if (filter.q) conditions.push(personQueryCondition(classifyPersonQuery(filter.q)));
  return sql.join(conditions, sql` AND `);
}

/**
 * Reads persons for an export a page at a time: grid by grid in code order, by id within a grid (keyset,
 * so each page is an index range however far the export has got; no cursor holds a connection between pages).
 */
export class PersonExportRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The grids (micro-grids included) an export covers, in code order. */
  async gridsOf(scope: ExportScope): Promise<{ id: number; code: string }[]> {
    const result = await sql<{ id: number; code: string }>`
      SELECT g.id, g.code FROM grids g
      WHERE ${gridInJurisdiction(scope.jurisdiction, 'g')}
        AND (${scope.gridPath ?? null}::text IS NULL OR g.path = ${scope.gridPath ?? null} OR g.path LIKE ${`${scope.gridPath ?? ''}/%`})
        AND (${scope.regionPath ?? null}::text IS NULL OR g.path LIKE ${`${scope.regionPath ?? ''}/%`})
      ORDER BY g.code`.execute(this.db);
    return result.rows;
  }

  async count(gridIds: number[], includeUnplaced: boolean, filter: PersonExportFilter): Promise<number> {
    const result = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM persons p
      WHERE (p.grid_id = ANY(${gridIds}::int[]) OR (${includeUnplaced} AND p.grid_id IS NULL)) AND ${filterConditions(filter)}`.execute(this.db);
    return result.rows[0]!.count;
  }

  /** The next page of one grid's persons (gridId null: persons not placed in any grid). */
  async page(gridId: number | null, afterId: number, filter: PersonExportFilter, limit: number): Promise<PersonExportRow[]> {
    const inGrid = gridId === null ? sql`p.grid_id IS NULL` : sql`p.grid_id = ${gridId}`;
    const result = await sql<PersonExportRow>`
      SELECT p.*, g.code AS grid_code, h.household_number
      FROM persons p LEFT JOIN grids g ON g.id = p.grid_id LEFT JOIN households h ON h.id = p.household_id
      WHERE ${inGrid} AND p.id > ${afterId} AND ${filterConditions(filter)}
      ORDER BY p.id LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }
}
