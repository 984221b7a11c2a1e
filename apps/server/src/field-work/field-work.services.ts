import type { Kysely } from 'kysely';
import { AllClearRepository } from '../all-clears/all-clear.repository.js';
import type { FileStore } from '../attachments/file-store.js';
import { PhotoFiles } from '../attachments/photo-files.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { IncidentService } from '../incidents/incident.service.js';
import { PatrolRepository } from '../patrols/patrol.repository.js';
import { PatrolService } from '../patrols/patrol.service.js';
import type { HouseService } from '../registers/houses/house.service.js';
import type { PersonSearchService } from '../registers/persons/person-search.service.js';
import type { PersonService } from '../registers/persons/person.service.js';
import { VisitPhotoRepository } from '../visits/visit-photo.repository.js';
import { VisitPhotoService } from '../visits/visit-photo.service.js';
import { VisitRegisterService } from '../visits/visit-register.service.js';
import { VisitTargetRepository } from '../visits/visit-target.repository.js';
import { VisitRepository } from '../visits/visit.repository.js';
import { VisitService } from '../visits/visit.service.js';
import { FieldWorkRepository } from './field-work.repository.js';
import { FieldWorkService } from './field-work.service.js';
import { FieldWorkerLookup } from './field-worker.js';

/** The grid worker app's services (patrols, visits and their photos, the home screen), each with what it uses. */
export function createFieldWorkServices(db: Kysely<DatabaseSchema>, shared: {
  fileStore: FileStore; lookups: GridLookups; incidentService: IncidentService;
  personService: PersonService; houseService: HouseService; personSearchService: PersonSearchService;
}) {
  const fieldWork = new FieldWorkRepository();
  const workers = new FieldWorkerLookup(db, fieldWork);
  const visits = new VisitRepository();
  const targets = new VisitTargetRepository();
  const photos = new VisitPhotoRepository();
  return {
    patrolService: new PatrolService(db, new PatrolRepository(), workers, shared.lookups),
    visitService: new VisitService(db, visits, targets, photos, new VisitRegisterService(shared.personService, shared.houseService, targets), workers),
    visitPhotoService: new VisitPhotoService(db, visits, photos, new PhotoFiles(shared.fileStore), workers),
    fieldWorkService: new FieldWorkService(db, fieldWork, workers, new AllClearRepository(), shared.incidentService, shared.personSearchService),
  };
}
