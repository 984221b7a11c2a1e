import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CareGroupKind, Jurisdiction, PersonQuery, Residency, SpecialGroupKind } from '@civicgrid/domain';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import { containing, endingWith, startingWith } from '../like-pattern.js';
import { ID_TYPES } from './person-columns.js';
import { personInJurisdiction } from './person.repository.js';

export interface PersonFilter {
  query?: PersonQuery | undefined;
  regionPath?: string | undefined;
  gridId?: number | undefined;
  residency?: Residency | undefined;
  leftBehind?: boolean | undefined;
  attentionLevel?: number | undefined;
  underAttention?: boolean | undefined;
  specialGroup?: SpecialGroupKind | undefined;
  careGroup?: CareGroupKind | undefined;
  deregistered: boolean;
}

/** A listed person before masking: the presenter masks the ID number and mobile. */
export interface PersonListRow {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  residency: Residency;
  idNumber: string | null;
  mobile: string | null;
  birthDate: string | null;
  relationToHead: string | null;
  gridCode: string | null;
  gridName: string | null;
  currentAddress: string | null;
  leftBehind: boolean;
  attentionLevel: number;
  underAttention: boolean;
  dataSource: string;
  idNumberLegacy: boolean;
  lastVerifiedOn: string | null;
  nextVisitOn: string | null;
  deregisteredOn: string | null;
  version: number;
  careGroups: CareGroupKind[];
  specialGroups: SpecialGroupKind[] | null;
}

/**
 * The condition of a search text, each branch answerable from one index: the unique (id_type, id_number)
 * index for whole numbers and leading digits, the reversed-text indexes for the last digits, the mobile
 * index, and the trigram indexes of names and addresses. A two-character text matches the start or the end
 * of a name (pg_trgm pads word ends, so both are indexed; a middle pair has no trigram); addresses need three.
 */
export function personQueryCondition(query: PersonQuery): RawBuilder<unknown> {
  switch (query.kind) {
    case 'id_number':
      return sql`(p.id_type = ANY(${ID_TYPES}::text[]) AND p.id_number = ANY(${query.idNumbers}::text[]))`;
    case 'tail': {
      const reversed = `${[...query.tail].reverse().join('')}%`;
      return sql`((p.id_number IS NOT NULL AND reverse(p.id_number) LIKE ${reversed}) OR (p.mobile IS NOT NULL AND reverse(p.mobile) LIKE ${reversed}))`;
    }
    case 'landline':
      return sql`p.mobile = ${query.phone}`;
    case 'digits_prefix':
      // digits and X sort below Y in every collation, so [prefix, prefix + 'Y') holds exactly the numbers starting with it
      return sql`((p.id_type = ANY(${ID_TYPES}::text[]) AND p.id_number >= ${query.prefix} AND p.id_number < ${`${query.prefix}Y`})
                  OR (p.mobile >= ${query.prefix} AND p.mobile < ${`${query.prefix}Y`}))`;
    case 'text': {
      const text = query.text;
      const branches = [[...text].length >= 3
        ? sql`p.name ILIKE ${containing(text)}`
        : sql`p.name ILIKE ${startingWith(text)} OR p.name ILIKE ${endingWith(text)}`];
      if ([...text].length >= 3) branches.push(sql`p.current_address ILIKE ${containing(text)}`, sql`p.registered_address ILIKE ${containing(text)}`);
      if (/^[A-Za-z0-9]{6,20}$/.test(query.text)) {
        branches.push(sql`(p.id_type = ANY(${ID_TYPES}::text[]) AND p.id_number = ${query.text.toUpperCase()})`);
      }
      return sql`(${sql.join(branches, sql` OR `)})`;
    }
  }
}

/** The filter as SQL over persons `p` and their grid `g`; null jurisdiction: city-wide, without the grid joined. */
function filterConditions(filter: PersonFilter, jurisdiction: Jurisdiction | null): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = jurisdiction === null ? [sql`p.grid_id IS NOT NULL`] : [personInJurisdiction(jurisdiction)];
  conditions.push(filter.deregistered ? sql`p.deregistered_on IS NOT NULL` : sql`p.deregistered_on IS NULL`);
  if (filter.query) conditions.push(personQueryCondition(filter.query));
  if (filter.regionPath !== undefined) conditions.push(sql`g.path LIKE ${`${filter.regionPath}/%`}`);
  if (filter.gridId !== undefined) conditions.push(sql`(g.id = ${filter.gridId} OR g.parent_grid_id = ${filter.gridId})`);
  if (filter.residency !== undefined) conditions.push(sql`p.residency = ${filter.residency}`);
  if (filter.leftBehind !== undefined) conditions.push(filter.leftBehind ? sql`p.left_behind` : sql`NOT p.left_behind`);
  if (filter.attentionLevel !== undefined) conditions.push(filter.attentionLevel > 1 ? sql`p.attention_level = ${filter.attentionLevel} AND p.attention_level > 1` : sql`p.attention_level = 1`);
  if (filter.underAttention !== undefined) conditions.push(filter.underAttention ? sql`p.under_attention` : sql`NOT p.under_attention`);
  if (filter.specialGroup !== undefined) {
    conditions.push(sql`p.id IN (SELECT sg.person_id FROM special_group_records sg WHERE sg.group_kind = ${filter.specialGroup})`);
  }
  if (filter.careGroup !== undefined) {
    conditions.push(sql`p.id IN (SELECT cg.person_id FROM care_group_records cg WHERE cg.group_kind = ${filter.careGroup})`);
  }
  return sql.join(conditions, sql` AND `);
}

/**
 * Whether the filter picks few enough persons to gather them all first (a search text, or a filter with its
 * own small index); otherwise the list walks the grids in code order and stops at the page.
 */
export function isNarrow(filter: PersonFilter): boolean {
  return filter.query !== undefined || filter.deregistered || filter.specialGroup !== undefined || filter.careGroup !== undefined
    || filter.underAttention === true || filter.leftBehind === true || (filter.attentionLevel ?? 1) > 1 || filter.residency === 'foreign';
}

function listColumns(withSpecialGroups: boolean): RawBuilder<unknown> {
  return sql`
    p.id, p.name, p.gender, p.residency, p.id_number AS "idNumber", p.mobile, p.birth_date AS "birthDate",
    p.relation_to_head AS "relationToHead", g.code AS "gridCode", g.name AS "gridName", p.current_address AS "currentAddress",
    p.left_behind AS "leftBehind", p.attention_level AS "attentionLevel", p.under_attention AS "underAttention",
    p.data_source AS "dataSource", p.id_number_legacy AS "idNumberLegacy", p.last_verified_on AS "lastVerifiedOn",
    p.next_visit_on AS "nextVisitOn", p.deregistered_on AS "deregisteredOn", p.version,
    ARRAY(SELECT cg.group_kind FROM care_group_records cg WHERE cg.person_id = p.id ORDER BY cg.group_kind) AS "careGroups",
    ${withSpecialGroups ? sql`ARRAY(SELECT sg.group_kind FROM special_group_records sg WHERE sg.person_id = p.id ORDER BY sg.group_kind)` : sql`NULL`} AS "specialGroups"`;
}

/** Person lists and searches, kept inside the reader's jurisdiction in SQL. */
export class PersonSearchRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * A page of a narrow filter's persons and the number of all that match: the matches are gathered first (each
   * branch of a search text has its index, so there are at most some thousands), ranked (exact names first,
   * then by name; filtered lists grid by grid) and only the page's rows are read.
   */
  async searchNarrow(filter: PersonFilter, jurisdiction: Jurisdiction, page: { limit: number; offset: number }, withSpecialGroups: boolean): Promise<{ rows: PersonListRow[]; total: number }> {
    const rank = filter.query?.kind === 'text' ? sql`(name = ${filter.query.text}) DESC, name, id` : sql`grid_code, id`;
    // pg_trgm's estimates of a long fragment are far too low, and the planner would rather read a whole street
    // grid by grid: outside a single grid, the text's own indexes are read first
    const textFirst = filter.query?.kind === 'text' && filter.gridId === undefined && jurisdiction.kind !== 'grids';
    const result = await sql<PersonListRow & { total: number }>`
      WITH text_hits AS MATERIALIZED (SELECT p.* FROM persons p WHERE ${textFirst && filter.query ? personQueryCondition(filter.query) : sql`false`}),
      matched AS MATERIALIZED (
        SELECT p.id, p.name, g.code AS grid_code FROM ${textFirst ? sql`text_hits p` : sql`persons p`} LEFT JOIN grids g ON g.id = p.grid_id WHERE ${filterConditions(filter, jurisdiction)}),
      shown AS (SELECT id, row_number() OVER (ORDER BY ${rank}) AS position FROM matched ORDER BY ${rank} LIMIT ${page.limit} OFFSET ${page.offset})
      SELECT ${listColumns(withSpecialGroups)}, (SELECT count(*)::int FROM matched) AS total
      FROM shown JOIN persons p ON p.id = shown.id LEFT JOIN grids g ON g.id = p.grid_id
      ORDER BY shown.position`.execute(this.db);
    const total = result.rows[0]?.total ?? (page.offset > 0 ? await this.count(filter, jurisdiction) : 0);
    return { rows: result.rows.map(({ total: _total, ...row }) => row), total };
  }

  /** A page of a wide list: the grids in code order, each grid's persons by id, stopping at the page. */
  async listWide(filter: PersonFilter, jurisdiction: Jurisdiction, page: { limit: number; offset: number }, withSpecialGroups: boolean): Promise<PersonListRow[]> {
    const result = await sql<PersonListRow>`
      SELECT ${listColumns(withSpecialGroups)}
      FROM persons p JOIN grids g ON g.id = p.grid_id
      WHERE ${filterConditions(filter, jurisdiction)}
      ORDER BY g.code, p.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(this.db);
    return result.rows;
  }

  async count(filter: PersonFilter, jurisdiction: Jurisdiction): Promise<number> {
    // the whole register of a city-wide reader: counted from the index of persons on the register, no grid needed
    const wholeRegister = jurisdiction.kind === 'everywhere' && !isNarrow(filter) && filter.regionPath === undefined && filter.gridId === undefined;
    const result = wholeRegister
      ? await sql<{ total: number }>`
          SELECT count(*)::int AS total FROM persons p WHERE ${filterConditions(filter, null)}`.execute(this.db)
      : await sql<{ total: number }>`
          SELECT count(*)::int AS total FROM persons p ${isNarrow(filter) ? sql`LEFT JOIN` : sql`JOIN`} grids g ON g.id = p.grid_id
          WHERE ${filterConditions(filter, jurisdiction)}`.execute(this.db);
    return result.rows[0]!.total;
  }

  /**
   * Persons on the register sharing a name and birth date inside the area, as groups; groups where someone has
   * no ID number or an old 15-digit one come first (those are most likely one person twice). A whole city is
   * walked in name order and stops at the limit; an area is gathered and grouped.
   */
  async duplicates(jurisdiction: Jurisdiction, regionPath: string | undefined, limit: number, withSpecialGroups: boolean, executor: DatabaseExecutor = this.db): Promise<PersonListRow[]> {
    const area = sql`p.deregistered_on IS NULL AND p.birth_date IS NOT NULL AND ${personInJurisdiction(jurisdiction)}
      ${regionPath === undefined ? sql`` : sql`AND g.path LIKE ${`${regionPath}/%`}`}`;
    const wholeCity = jurisdiction.kind === 'everywhere' && regionPath === undefined;
    const candidates = wholeCity
      ? sql`
        (SELECT w.name, w.birth_date, true AS likely
         FROM (SELECT DISTINCT p.name, p.birth_date FROM persons p
               WHERE (p.id_number IS NULL OR p.id_number_legacy) AND p.deregistered_on IS NULL AND p.birth_date IS NOT NULL) w
         WHERE (SELECT count(*) FROM persons p WHERE p.name = w.name AND p.birth_date = w.birth_date AND p.deregistered_on IS NULL) > 1
         ORDER BY w.name, w.birth_date LIMIT ${limit})
        UNION
        (SELECT p.name, p.birth_date, false FROM persons p WHERE p.deregistered_on IS NULL AND p.birth_date IS NOT NULL
         GROUP BY p.name, p.birth_date HAVING count(*) > 1 AND bool_and(p.id_number IS NOT NULL AND NOT p.id_number_legacy)
         ORDER BY p.name, p.birth_date LIMIT ${limit})`
      : sql`
        SELECT p.name, p.birth_date, bool_or(p.id_number IS NULL OR p.id_number_legacy) AS likely
        FROM persons p LEFT JOIN grids g ON g.id = p.grid_id WHERE ${area}
        GROUP BY p.name, p.birth_date HAVING count(*) > 1`;
    const result = await sql<PersonListRow>`
      WITH candidates AS MATERIALIZED (SELECT * FROM (${candidates}) c ORDER BY c.likely DESC, c.name, c.birth_date LIMIT ${limit})
      SELECT ${listColumns(withSpecialGroups)}
      FROM candidates c JOIN persons p ON p.name = c.name AND p.birth_date = c.birth_date LEFT JOIN grids g ON g.id = p.grid_id
      WHERE ${area}
      ORDER BY c.likely DESC, p.name, p.birth_date, p.id`.execute(executor);
    return result.rows;
  }
}
