import { sql } from 'kysely';
import type { VisitTargetKind } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

/** The record a visit goes to, with the grid it lies in (a house by its building's). */
export interface VisitTargetRow {
  kind: VisitTargetKind;
  id: number;
  gridId: number;
  gridPath: string;
  lastVisitedAt: Date | null;
}

const LOOKUP: Record<VisitTargetKind, (id: number) => ReturnType<typeof sql>> = {
  person: (id) => sql`SELECT p.id, g.id AS "gridId", g.path AS "gridPath", p.last_visited_at AS "lastVisitedAt" FROM persons p JOIN grids g ON g.id = p.grid_id WHERE p.id = ${id}`,
  house: (id) => sql`
    SELECT h.id, g.id AS "gridId", g.path AS "gridPath", h.last_visited_at AS "lastVisitedAt"
    FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id WHERE h.id = ${id}`,
  household: (id) => sql`SELECT hh.id, g.id AS "gridId", g.path AS "gridPath", NULL::timestamptz AS "lastVisitedAt" FROM households hh JOIN grids g ON g.id = hh.grid_id WHERE hh.id = ${id}`,
  place: (id) => sql`SELECT pl.id, g.id AS "gridId", g.path AS "gridPath", NULL::timestamptz AS "lastVisitedAt" FROM places pl JOIN grids g ON g.id = pl.grid_id WHERE pl.id = ${id}`,
  organization: (id) => sql`SELECT o.id, g.id AS "gridId", g.path AS "gridPath", NULL::timestamptz AS "lastVisitedAt" FROM organizations o JOIN grids g ON g.id = o.grid_id WHERE o.id = ${id}`,
};

/** The registers' side of a visit: where the visited record lies, and when it was last visited. SQL only. */
export class VisitTargetRepository {
  /** The record wherever it lies (the caller decides whether the worker covers its grid); undefined when there is none or it has no grid. */
  async find(executor: DatabaseExecutor, kind: VisitTargetKind, id: number): Promise<VisitTargetRow | undefined> {
    const result = await LOOKUP[kind](id).execute(executor);
    const row = result.rows[0] as Omit<VisitTargetRow, 'kind'> | undefined;
    return row && { kind, ...row };
  }

  /** The person's or house's last visit, which a late-arriving older visit does not move back. */
  async markVisited(executor: DatabaseExecutor, kind: 'person' | 'house', id: number, visitedAt: Date): Promise<void> {
    const table = sql.table(kind === 'person' ? 'persons' : 'houses');
    await sql`UPDATE ${table} SET last_visited_at = greatest(last_visited_at, ${visitedAt}::timestamptz) WHERE id = ${id}`.execute(executor);
  }
}
