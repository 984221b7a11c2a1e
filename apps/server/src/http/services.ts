import type { Database } from '../database/database.js';
import { ApiTokenRepository } from '../api-tokens/api-token.repository.js';
import { ApiTokenService } from '../api-tokens/api-token.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginAttemptRepository, SessionRepository } from '../auth/session.repository.js';
import { BuildingRepository } from '../base-data/building.repository.js';
import { BuildingService } from '../base-data/building.service.js';
import { PersonRepository } from '../base-data/person.repository.js';
import { PersonService } from '../base-data/person.service.js';
import { GridMemberRepository } from '../grid-members/grid-member.repository.js';
import { GridMemberService } from '../grid-members/grid-member.service.js';
import { GridLookups } from '../grids/grid-access.js';
import { GridImportService } from '../grids/grid-import.service.js';
import { GridLayoutRepository } from '../grids/grid-layout.repository.js';
import { GridLayoutService } from '../grids/grid-layout.service.js';
import { GridRepository } from '../grids/grid.repository.js';
import { GridService } from '../grids/grid.service.js';
import { RegionRepository } from '../regions/region.repository.js';
import { RegionService } from '../regions/region.service.js';
import { UserRepository } from '../users/user.repository.js';
import { UserService } from '../users/user.service.js';

/** Wires each service with exactly the repositories it uses. */
export function createServices(database: Database) {
  const { db } = database;
  const regions = new RegionRepository(db);
  const grids = new GridRepository(db);
  const gridMembers = new GridMemberRepository(db);
  const users = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const audit = new AuditRepository(db);
  const lookups = new GridLookups(grids, regions);
  const layout = new GridLayoutService(new GridLayoutRepository());
  return {
    audit,
    regionService: new RegionService(db, regions),
    gridService: new GridService(db, grids, regions, gridMembers, layout, lookups),
    gridImportService: new GridImportService(db, grids, layout, lookups),
    gridMemberService: new GridMemberService(db, gridMembers, lookups),
    buildingService: new BuildingService(db, new BuildingRepository(db), grids, lookups),
    personService: new PersonService(new PersonRepository(db), audit),
    authService: new AuthService(db, users, sessions, new LoginAttemptRepository()),
    userService: new UserService(db, users, sessions, regions, grids),
    apiTokenService: new ApiTokenService(db, new ApiTokenRepository(db), regions),
  };
}

export type Services = ReturnType<typeof createServices>;
