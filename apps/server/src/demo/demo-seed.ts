import type { Database } from '../database/database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './demo-accounts.js';
import { DemoCityRepository } from './demo-city.repository.js';
import { DemoCityService, DEMO_SIZES } from './demo-city.service.js';
import { RegionRepository } from '../regions/region.repository.js';
import { RegionService } from '../regions/region.service.js';

export const DEMO_SEED = 20260101;

export function createDemoCityService(database: Database): DemoCityService {
  return new DemoCityService(database.db, new RegionService(database.db, new RegionRepository(database.db)), new DemoCityRepository());
}

/**
 * On a database without grids, seeds the small demo city, and on one without users, its demo accounts. Grids and people are written in one transaction,
 * so a crash leaves no half-made city; the region import before it is idempotent.
 */
export async function seedDemoCityIfEmpty(database: Database, log: (message: string) => void): Promise<void> {
  if ((await new DemoCityRepository().countGrids(database.db)) === 0) {
    log('empty database: seeding the small demo city (淄博市张店区) …');
    const totals = await createDemoCityService(database).generate(DEMO_SIZES.small, { seed: DEMO_SEED, atomic: true });
    log(`demo city ready: ${totals.grids} grids, ${totals.buildings} buildings, ${totals.households} households, ${totals.persons} persons, ${totals.members} grid members`);
  }
  const users = await database.db.selectFrom('users').select((builder) => builder.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  if (Number(users.count) === 0) {
    await seedDemoAccounts(database);
    log(`demo accounts ready (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((account) => account.username).join(', ')}`);
  }
}
