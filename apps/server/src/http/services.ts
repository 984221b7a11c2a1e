import type { Database } from '../database/database.js';
import { BuildingRepository } from '../base-data/building.repository.js';
import { BuildingService } from '../base-data/building.service.js';
import { GridMemberRepository } from '../grid-members/grid-member.repository.js';
import { GridMemberService } from '../grid-members/grid-member.service.js';
import { GridLayoutRepository } from '../grids/grid-layout.repository.js';
import { GridLayoutService } from '../grids/grid-layout.service.js';
import { GridRepository } from '../grids/grid.repository.js';
import { GridService } from '../grids/grid.service.js';
import { RegionRepository } from '../regions/region.repository.js';
import { RegionService } from '../regions/region.service.js';

/** Wires each service with exactly the repositories it uses. */
export function createServices(database: Database) {
  const { db } = database;
  const regions = new RegionRepository(db);
  const grids = new GridRepository(db);
  const gridMembers = new GridMemberRepository(db);
  const buildings = new BuildingRepository(db);
  return {
    regionService: new RegionService(db, regions),
    gridService: new GridService(db, grids, regions, gridMembers, new GridLayoutService(new GridLayoutRepository())),
    gridMemberService: new GridMemberService(db, gridMembers, grids),
    buildingService: new BuildingService(db, buildings, grids),
  };
}

export type Services = ReturnType<typeof createServices>;
