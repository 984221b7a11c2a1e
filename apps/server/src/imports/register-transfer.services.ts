import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { DatabaseSchema } from '../database/schema.js';
import { PersonExportRepository } from '../exports/person-export.repository.js';
import { PersonExportService } from '../exports/person-export.service.js';
import type { GridLookups } from '../grids/grid-access.js';
import { ImportFileStore } from './import-file-store.js';
import { ImportJobRunner } from './import-job-runner.js';
import { ImportJobRepository } from './import-job.repository.js';
import { ImportJobService } from './import-job.service.js';
import { PersonImport } from './person-import.js';
import { PersonImportRepository } from './person-import.repository.js';
import type { ImportRegister, RegisterImport } from './register-import.js';

/**
 * Bulk import and export of the registers, wired once. Uploads are kept beside the photos' directory, under
 * DATA_DIR/imports. A register joins by adding its RegisterImport here.
 */
export function createRegisterTransferServices(db: Kysely<DatabaseSchema>, dependencies: { audit: AuditRepository; lookups: GridLookups; filesDirectory: string }) {
  const jobs = new ImportJobRepository(db);
  const files = new ImportFileStore(path.dirname(dependencies.filesDirectory));
  const imports: Record<ImportRegister, RegisterImport<unknown>> = {
    persons: new PersonImport(new PersonImportRepository()) as RegisterImport<unknown>,
  };
  const importJobRunner = new ImportJobRunner(db, jobs, files, imports);
  return {
    importJobRunner,
    importJobService: new ImportJobService(jobs, files, imports, importJobRunner),
    personExportService: new PersonExportService(new PersonExportRepository(db), dependencies.lookups, dependencies.audit),
  };
}
