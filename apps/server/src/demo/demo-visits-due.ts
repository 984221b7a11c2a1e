import { sql } from 'kysely';
import type { Database } from '../database/database.js';

/** The demo grid worker's grid, as in the demo accounts. */
const DEMO_WORKER_GRID = '370303001001001';
const DUE_PERSONS = 6;
const DUE_HOUSES = 3;

/**
 * A few persons and houses of the demo grid worker's grid fall due for a visit over the last days, so that the
 * phone app's 待走访 list has work in it. Only when nothing in that grid has a visit planned yet.
 */
export async function seedDemoVisitsDueIfNone(database: Database, log: (message: string) => void): Promise<void> {
  const { db } = database;
  const planned = await sql<{ count: number }>`
    SELECT (SELECT count(*) FROM persons p JOIN grids g ON g.id = p.grid_id WHERE g.code = ${DEMO_WORKER_GRID} AND p.next_visit_on IS NOT NULL)
         + (SELECT count(*) FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
            WHERE g.code = ${DEMO_WORKER_GRID} AND h.next_visit_on IS NOT NULL) AS count`.execute(db);
  if (Number(planned.rows[0]?.count ?? 0) > 0) return;
  // the oldest first (elderly living alone are visited most often), due one to six days ago
  const persons = await sql`
    UPDATE persons SET next_visit_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - (1 + picked.rank % 6)::int
    FROM (SELECT p.id, row_number() OVER (ORDER BY p.birth_date NULLS LAST, p.id) AS rank
          FROM persons p JOIN grids g ON g.id = p.grid_id
          WHERE g.code = ${DEMO_WORKER_GRID} AND p.deregistered_on IS NULL
          ORDER BY p.birth_date NULLS LAST, p.id LIMIT ${DUE_PERSONS}) picked
    WHERE persons.id = picked.id`.execute(db);
  const houses = await sql`
    UPDATE houses SET next_visit_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - (1 + picked.rank % 3)::int
    FROM (SELECT h.id, row_number() OVER (ORDER BY h.id) AS rank
          FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
          WHERE g.code = ${DEMO_WORKER_GRID} ORDER BY h.id LIMIT ${DUE_HOUSES}) picked
    WHERE houses.id = picked.id`.execute(db);
  log(`demo visits due: ${Number(persons.numAffectedRows ?? 0)} persons and ${Number(houses.numAffectedRows ?? 0)} houses in grid ${DEMO_WORKER_GRID}`);
}
