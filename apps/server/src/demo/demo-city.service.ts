import { conflict, SeededRandom, systemActor, type Rectangle } from '@civicgrid/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { RegionService } from '../regions/region.service.js';
import type { DemoCityRepository } from './demo-city.repository.js';
import { planDemoLayout, type DivisionNode, type PlannedGrid } from './demo-layout.js';
import { mobilePhone, personName } from './demo-names.js';
import { emptyBatch, generateGridPopulation, IdNumberSequencer } from './demo-population.js';

export interface DemoSize {
  cityCode: string;
  districtCodes?: string[];
  extent: Rectangle;
  gridTotal: number;
  persons: number;
  averageGridsPerCommunity?: number;
}

/** 淄博市: `small` draws 张店区 only, `city` the whole city. */
export const DEMO_SIZES = {
  small: {
    cityCode: '370300', districtCodes: ['370303'], extent: { west: 117.98, south: 36.74, east: 118.16, north: 36.86 },
    gridTotal: 50, persons: 20_000, averageGridsPerCommunity: 2.5,
  },
  city: {
    cityCode: '370300', extent: { west: 117.55, south: 35.95, east: 118.35, north: 37.3 }, gridTotal: 8_000, persons: 5_000_000,
  },
} satisfies Record<string, DemoSize>;
export type DemoSizeName = keyof typeof DEMO_SIZES;

export type DemoProgress = (stage: string, done: number, total: number) => void;

// Measured on generated households (1–5 members, see demo-population.ts).
const AVERAGE_HOUSEHOLD_SIZE = 3.0;
const GRIDS_PER_BATCH = 25;

export class DemoCityService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly regionService: RegionService,
    private readonly demo: DemoCityRepository,
  ) {}

  /**
   * Generates a demo city, deterministic from the seed, on a real division tree. Refuses a database that
   * already has grids. With `atomic`, everything is one transaction (the small city seeded at first start).
   */
  async generate(size: DemoSize, options: { seed: number; atomic: boolean; onProgress?: DemoProgress }) {
    const progress = options.onProgress ?? (() => undefined);
    if ((await this.demo.countGrids(this.db)) > 0) {
      throw conflict('demo.not_empty', '数据库中已有网格，演示城市只能生成在空库中', 'The database already has grids; a demo city needs an empty one');
    }
    progress('regions', 0, 1);
    await this.regionService.importCity(systemActor('demo'), size.cityCode, size.districtCodes ? { districtCodes: size.districtCodes } : {});
    progress('regions', 1, 1);
    const tree = await this.divisionTree(size.cityCode);
    const layout = planDemoLayout(tree, {
      seed: options.seed,
      extent: size.extent,
      gridTotal: size.gridTotal,
      householdsPerGrid: size.persons / size.gridTotal / AVERAGE_HOUSEHOLD_SIZE,
      ...(size.averageGridsPerCommunity ? { averageGridsPerCommunity: size.averageGridsPerCommunity } : {}),
    });

    const write = async (transaction: Transaction<DatabaseSchema>) => {
      await this.demo.setRegionRectangles(transaction, layout.regions.map((region) => ({ code: region.code, ...region.rectangle })));
      const gridIds = await this.demo.insertGrids(transaction, layout.grids.map((grid) => ({
        code: grid.code, name: grid.name, communityCode: grid.communityCode, householdTarget: 300, ...grid.rectangle,
      })));
      await this.demo.insertGridMembers(transaction, this.gridMembers(layout.grids, gridIds, options.seed));
      return gridIds;
    };
    const populate = async (executor: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>, gridIds: Map<string, number>, names: Map<string, string>) => {
      const ids = await this.demo.nextIds(executor);
      const sequencer = new IdNumberSequencer();
      for (let start = 0; start < layout.grids.length; start += GRIDS_PER_BATCH) {
        const batch = emptyBatch();
        layout.grids.slice(start, start + GRIDS_PER_BATCH).forEach((grid, offset) => {
          generateGridPopulation({
            gridId: gridIds.get(grid.code)!, gridIndex: start + offset, districtCode: grid.districtCode,
            communityName: names.get(grid.communityCode) ?? '', rectangle: grid.rectangle, households: grid.households,
          }, options.seed, ids, sequencer, batch);
        });
        if (options.atomic) await this.demo.insertPopulation(executor, batch);
        else await this.db.transaction().execute((transaction) => this.demo.insertPopulation(transaction, batch));
        progress('population', Math.min(layout.grids.length, start + GRIDS_PER_BATCH), layout.grids.length);
      }
      await this.demo.syncSequences(executor);
    };

    const names = new Map<string, string>();
    const collect = (node: DivisionNode) => {
      names.set(node.code, node.name);
      node.children.forEach(collect);
    };
    collect(tree);
    if (options.atomic) {
      await this.db.transaction().execute(async (transaction) => populate(transaction, await write(transaction), names));
    } else {
      const gridIds = await this.db.transaction().execute(write);
      await populate(this.db, gridIds, names);
    }
    const totals = await sql<{ grids: number; buildings: number; households: number; persons: number; members: number }>`
      SELECT (SELECT count(*)::int FROM grids) AS grids, (SELECT count(*)::int FROM buildings) AS buildings,
             (SELECT count(*)::int FROM households) AS households, (SELECT count(*)::int FROM persons) AS persons,
             (SELECT count(*)::int FROM grid_members) AS members`.execute(this.db);
    return totals.rows[0]!;
  }

  /** Grid leaders and police officers serve every grid of their community; each grid has its own worker. */
  private gridMembers(grids: PlannedGrid[], gridIds: Map<string, number>, seed: number) {
    const random = new SeededRandom(seed + 17);
    const members: { name: string; phone: string; gender: string; gridIds: number[]; roles: string[] }[] = [];
    const byCommunity = new Map<string, number[]>();
    for (const grid of grids) {
      const id = gridIds.get(grid.code)!;
      byCommunity.set(grid.communityCode, [...(byCommunity.get(grid.communityCode) ?? []), id]);
      for (const role of ['full_time_grid_worker', 'volunteer']) {
        const gender = random.chance(0.6) ? 'female' : 'male';
        members.push({ name: personName(random, gender), phone: mobilePhone(random), gender, gridIds: [id], roles: [role] });
      }
    }
    for (const communityGridIds of byCommunity.values()) {
      for (const role of ['grid_leader', 'grid_police_officer']) {
        const gender = random.chance(0.5) ? 'female' : 'male';
        members.push({ name: personName(random, gender), phone: mobilePhone(random), gender, gridIds: communityGridIds, roles: communityGridIds.map(() => role) });
      }
    }
    return members;
  }

  private async divisionTree(cityCode: string): Promise<DivisionNode> {
    const rows = await sql<{ code: string; name: string; parentCode: string | null }>`
      SELECT r.code, r.name, p.code AS "parentCode" FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
      WHERE r.path = ${cityCode} OR r.path LIKE ${cityCode + '/%'} ORDER BY r.code`.execute(this.db);
    const nodes = new Map(rows.rows.map((row) => [row.code, { code: row.code, name: row.name, children: [] as DivisionNode[] }]));
    for (const row of rows.rows) if (row.parentCode && nodes.has(row.parentCode)) nodes.get(row.parentCode)!.children.push(nodes.get(row.code)!);
    return nodes.get(cityCode)!;
  }
}
