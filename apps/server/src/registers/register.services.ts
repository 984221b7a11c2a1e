import type { Kysely } from 'kysely';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { GridRepository } from '../grids/grid.repository.js';
import { HouseholdRepository } from './households/household.repository.js';
import { HouseholdService } from './households/household.service.js';
import { HouseRepository } from './houses/house.repository.js';
import { HouseService } from './houses/house.service.js';
import { PersonGroupRepository } from './persons/person-group.repository.js';
import { PersonGroupService } from './persons/person-group.service.js';
import { PersonMergeRepository } from './persons/person-merge.repository.js';
import { PersonMergeService } from './persons/person-merge.service.js';
import { PersonSearchRepository } from './persons/person-search.repository.js';
import { PersonSearchService } from './persons/person-search.service.js';
import { PersonRepository } from './persons/person.repository.js';
import { PersonService } from './persons/person.service.js';
import { RecordChangeRepository } from './record-change.repository.js';
import { RecordPlacement } from './record-placement.js';
import { FACILITY_REGISTER } from './records/facility.register.js';
import { ORGANIZATION_REGISTER } from './records/organization.register.js';
import { PLACE_REGISTER } from './records/place.register.js';
import type { RecordRegister } from './records/record-register.js';
import { RecordRepository } from './records/record.repository.js';
import { RecordService } from './records/record.service.js';

/** The register services (persons, houses, households, organizations, places, facilities), each with the repositories it uses. */
export function createRegisterServices(db: Kysely<DatabaseSchema>, shared: { audit: AuditRepository; grids: GridRepository; lookups: GridLookups }) {
  const changes = new RecordChangeRepository();
  const placement = new RecordPlacement(shared.grids, shared.lookups);
  const persons = new PersonRepository();
  const groups = new PersonGroupRepository();
  const personService = new PersonService(db, persons, groups, changes, placement, shared.audit);
  const records = new RecordRepository(db);
  const recordService = (register: RecordRegister) => new RecordService(db, register, records, changes, placement, shared.lookups);
  return {
    personService,
    personSearchService: new PersonSearchService(new PersonSearchRepository(db), shared.lookups),
    personMergeService: new PersonMergeService(db, personService, new PersonMergeRepository(), changes),
    personGroupService: new PersonGroupService(db, personService, persons, groups, changes, shared.audit),
    houseService: new HouseService(db, new HouseRepository(db), changes, shared.lookups),
    householdService: new HouseholdService(db, new HouseholdRepository(db), personService, changes, placement, shared.lookups),
    organizationRegisterService: recordService(ORGANIZATION_REGISTER),
    placeRegisterService: recordService(PLACE_REGISTER),
    facilityRegisterService: recordService(FACILITY_REGISTER),
  };
}
