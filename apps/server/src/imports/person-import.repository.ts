import { sql, type RawBuilder } from 'kysely';
import { PERSON_FIELDS, type PersonWrite } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import type { AppliedCounts, RowRange, StagingContext } from './register-import.js';

type SqlType = 'text' | 'date' | 'boolean' | 'smallint';

/** A stored column of persons (and of the staging table), from the field table: key, column, SQL type. */
interface PersonColumn {
  key: keyof PersonWrite;
  column: string;
  type: SqlType;
  /** the field key it is recorded under in the history; null for derived columns */
  field: string | null;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const typeOf = (kind: string, key: string): SqlType =>
  key === 'attentionLevel' ? 'smallint' : kind === 'date' ? 'date' : kind === 'boolean' ? 'boolean' : 'text';

// grid and household are references: the file names them by code and number, persons holds their ids
const REFERENCES = new Set(['gridCode', 'householdNumber']);
const STORED: PersonColumn[] = [
  ...PERSON_FIELDS.filter((field) => !REFERENCES.has(field.key))
    .map((field) => ({ key: field.key as keyof PersonWrite, column: snake(field.key), type: typeOf(field.kind, field.key), field: field.key })),
  { key: 'idNumberLegacy', column: 'id_number_legacy', type: 'boolean', field: null },
];
const STAGED: PersonColumn[] = [
  ...STORED,
  { key: 'gridCode', column: 'grid_code', type: 'text', field: 'gridCode' },
  { key: 'householdNumber', column: 'household_number', type: 'text', field: 'householdNumber' },
];

const ident = (name: string) => sql.raw(name);
const list = (items: RawBuilder<unknown>[]) => sql.join(items, sql`, `);
const inRange = (context: StagingContext, range: RowRange, alias = 's') =>
  sql`${ident(alias)}.job_id = ${context.jobId} AND ${ident(alias)}.row_number BETWEEN ${range.from} AND ${range.to} AND ${ident(alias)}.problem IS NULL`;

/** Columns an update may change: those the file has, with the legacy flag following the ID number. */
function updatable(present: ReadonlySet<string>): PersonColumn[] {
  return STORED.filter((column) => present.has(column.key) || (column.key === 'idNumberLegacy' && present.has('idNumber')));
}

/** The history document of an inserted person: every field that has a value, keyed by field. */
function insertedDocument(): RawBuilder<unknown> {
  const pairs = STORED.filter((column) => column.field).map((column) => sql`${sql.lit(column.field)}, i.${ident(column.column)}`);
  return sql`jsonb_strip_nulls(jsonb_build_object(${list(pairs)}, 'gridCode', g.code, 'householdNumber', h.household_number))`;
}

/** The changed fields only, before or after, keyed by field; `side` picks the old (p) or new (s) values. */
function changedDocument(present: ReadonlySet<string>, side: 'before' | 'after'): RawBuilder<unknown> {
  const parts = updatable(present).filter((column) => column.field).map((column) => {
    const value = side === 'before' ? sql`p.${ident(column.column)}` : sql`s.${ident(column.column)}`;
    return sql`CASE WHEN p.${ident(column.column)} IS DISTINCT FROM s.${ident(column.column)} THEN jsonb_build_object(${sql.lit(column.field)}, ${value}) ELSE '{}'::jsonb END`;
  });
  parts.push(sql`CASE WHEN p.grid_id IS DISTINCT FROM s.grid_id THEN jsonb_build_object('gridCode', ${side === 'before' ? sql`og.code` : sql`s.grid_code`}) ELSE '{}'::jsonb END`);
  if (present.has('householdNumber')) {
    parts.push(sql`CASE WHEN p.household_id IS DISTINCT FROM nh.id
      THEN jsonb_build_object('householdNumber', ${side === 'before' ? sql`oh.household_number` : sql`s.household_number`}) ELSE '{}'::jsonb END`);
  }
  return sql.join(parts, sql` || `);
}

/**
 * SQL of a person import. A batch is staged with one statement (its grid and any existing person found by
 * ID number, or by name, birth date and grid), then merged set-wise: households created or linked, new
 * persons inserted, changed persons updated — compared in SQL, so an unchanged row writes nothing — each
 * write with its record_changes row.
 */
export class PersonImportRepository {
  async stage(executor: DatabaseExecutor, context: StagingContext, rows: { rowNumber: number; row: PersonWrite }[]): Promise<{ rowNumber: number; problem: string }[]> {
    const arrays = STAGED.map((column) => sql`${rows.map(({ row }) => row[column.key] ?? null)}::${ident(column.type)}[]`);
    const names = STAGED.map((column) => ident(column.column));
    const { jurisdiction } = context.actor;
    const personInScope = jurisdiction.kind === 'everywhere' ? sql`true` : sql`coalesce(${gridInJurisdiction(jurisdiction, 'pg')}, false)`;
    const result = await sql<{ rowNumber: number; problem: string }>`
      WITH u AS (SELECT * FROM unnest(${rows.map((row) => row.rowNumber)}::int[], ${list(arrays)}) AS u(row_number, ${list(names)})),
      staged AS (
        INSERT INTO person_import_rows (job_id, row_number, ${list(names)}, grid_id, person_id, problem)
        SELECT ${context.jobId}, u.row_number, ${list(names.map((name) => sql`u.${name}`))}, g.id, coalesce(pi.id, pn.id),
               CASE WHEN g.id IS NULL THEN 'grid_unknown'
                    WHEN NOT (${gridInJurisdiction(jurisdiction, 'g')}) THEN 'grid_outside'
                    WHEN pi.id IS NOT NULL AND NOT ${personInScope} THEN 'person_outside' END
        FROM u
        LEFT JOIN grids g ON g.code = u.grid_code
        LEFT JOIN persons pi ON u.id_number IS NOT NULL AND pi.id_type = u.id_type AND pi.id_number = u.id_number
        LEFT JOIN grids pg ON pg.id = pi.grid_id
        LEFT JOIN LATERAL (
          SELECT min(p.id) AS id FROM persons p
          WHERE u.id_number IS NULL AND p.id_number IS NULL AND p.grid_id = g.id AND p.name = u.name
            AND (p.birth_date = u.birth_date OR (p.birth_date IS NULL AND u.birth_date IS NULL))) pn ON true
        RETURNING row_number, problem)
      SELECT row_number AS "rowNumber", problem FROM staged WHERE problem IS NOT NULL`.execute(executor);
    return result.rows;
  }

  async apply(executor: DatabaseExecutor, context: StagingContext, range: RowRange): Promise<AppliedCounts> {
    const userId = context.actor.userId;
    const withHouseholds = context.present.has('householdNumber');
    if (withHouseholds) await this.createHouseholds(executor, context, range);
    // the household of a row, by its number in the row's grid (created just before when it was new)
    const householdJoin = withHouseholds ? sql`LEFT JOIN households nh ON nh.grid_id = s.grid_id AND nh.household_number = s.household_number` : sql``;
    const household = withHouseholds ? sql`nh.id` : sql`NULL::int`;
    const inserted = await sql<{ count: number }>`
      WITH inserted AS (
        INSERT INTO persons (grid_id, household_id, ${list(STORED.map((column) => ident(column.column)))}, created_by, updated_by)
        SELECT s.grid_id, ${household}, ${list(STORED.map((column) => sql`s.${ident(column.column)}`))}, ${userId}::int, ${userId}::int
        FROM person_import_rows s ${householdJoin} WHERE ${inRange(context, range)} AND s.person_id IS NULL
        ORDER BY s.row_number
        RETURNING persons.*),
      changes AS (
        INSERT INTO record_changes (record_table, record_id, changed_by, change_source, before, after)
        SELECT 'persons', i.id, ${userId}::int, 'import', NULL, ${insertedDocument()}
        FROM inserted i JOIN grids g ON g.id = i.grid_id LEFT JOIN households h ON h.id = i.household_id
        RETURNING 1)
      SELECT count(*)::int AS count FROM changes`.execute(executor);

    const compared = [...updatable(context.present).map((column) => column.column), 'grid_id'];
    const newValue = (column: string) => sql`s.${ident(column)}`;
    const updated = await sql<{ updated: number; matched: number }>`
      WITH changed AS (
        SELECT s.*, ${household} AS household_id, ${changedDocument(context.present, 'before')} AS before_values, ${changedDocument(context.present, 'after')} AS after_values
        FROM person_import_rows s JOIN persons p ON p.id = s.person_id ${householdJoin}
        LEFT JOIN grids og ON og.id = p.grid_id LEFT JOIN households oh ON oh.id = p.household_id
        WHERE ${inRange(context, range)}
          AND (${list([...compared.map((column) => sql`p.${ident(column)}`), ...(withHouseholds ? [sql`p.household_id`] : [])])})
              IS DISTINCT FROM (${list([...compared.map(newValue), ...(withHouseholds ? [sql`nh.id`] : [])])})),
      updated AS (
        UPDATE persons p SET ${list([...compared, ...(withHouseholds ? ['household_id'] : [])].map((column) => sql`${ident(column)} = c.${ident(column)}`))},
               version = p.version + 1, updated_by = ${userId}::int, updated_at = now()
        FROM changed c WHERE p.id = c.person_id
        RETURNING p.id, c.before_values, c.after_values),
      changes AS (
        INSERT INTO record_changes (record_table, record_id, changed_by, change_source, before, after)
        SELECT 'persons', id, ${userId}::int, 'import', before_values, after_values FROM updated
        RETURNING 1)
      SELECT (SELECT count(*)::int FROM changes) AS updated,
             (SELECT count(*)::int FROM person_import_rows s WHERE ${inRange(context, range)} AND s.person_id IS NOT NULL) AS matched`.execute(executor);

    if (withHouseholds && context.present.has('relationToHead')) await this.setHouseholdHeads(executor, context, range);
    await sql`DELETE FROM person_import_rows WHERE job_id = ${context.jobId} AND row_number BETWEEN ${range.from} AND ${range.to}`.execute(executor);
    const { updated: updatedCount, matched } = updated.rows[0]!;
    return { inserted: inserted.rows[0]!.count, updated: updatedCount, unchanged: matched - updatedCount };
  }

  async discard(executor: DatabaseExecutor, jobId: number): Promise<void> {
    await sql`DELETE FROM person_import_rows WHERE job_id = ${jobId}`.execute(executor);
  }

  /** 户号 names a household of the grid: created when new, linked when it exists. */
  private async createHouseholds(executor: DatabaseExecutor, context: StagingContext, range: RowRange): Promise<void> {
    await sql`
      INSERT INTO households (grid_id, household_number)
      SELECT DISTINCT s.grid_id, s.household_number FROM person_import_rows s
      WHERE ${inRange(context, range)} AND s.household_number IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM households h WHERE h.grid_id = s.grid_id AND h.household_number = s.household_number)
      ON CONFLICT (grid_id, household_number) WHERE household_number IS NOT NULL DO NOTHING`.execute(executor);
  }

  /** A member recorded as 户主 becomes the head of their household. */
  private async setHouseholdHeads(executor: DatabaseExecutor, context: StagingContext, range: RowRange): Promise<void> {
    await sql`
      UPDATE households h SET head_person_id = p.id, updated_at = now()
      FROM persons p
      WHERE h.id IN (SELECT nh.id FROM person_import_rows s JOIN households nh ON nh.grid_id = s.grid_id AND nh.household_number = s.household_number
                     WHERE ${inRange(context, range)})
        AND p.household_id = h.id AND p.relation_to_head = '户主' AND h.head_person_id IS DISTINCT FROM p.id`.execute(executor);
  }
}
