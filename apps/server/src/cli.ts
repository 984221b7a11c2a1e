import { parseArgs } from 'node:util';
import { DomainError, systemActor } from '@civicgrid/domain';
import { loadConfig } from './config.js';
import { openDatabase } from './database/database.js';
import { migrate } from './database/migrate.js';
import { RegionRepository } from './regions/region.repository.js';
import { RegionService } from './regions/region.service.js';
import { DEMO_SIZES, type DemoSizeName } from './demo/demo-city.service.js';
import { createDemoCityService, DEMO_SEED } from './demo/demo-seed.js';
import { generateBulkIncidents } from './demo/demo-incident-bulk.js';

const USAGE = `Usage:
  cli migrate                                  apply database migrations
  cli regions import --city 370300 [--district 370303 ...]
                                               import a city's division tree (re-import updates)
  cli demo small|city [--seed N]               generate a demo city in an empty database
  cli demo incidents [--count N] [--seed N]    add N incidents (default 1,000,000) over the last 90 days to the grids
Environment: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data)`;

const printedSteps = new Map<string, number>();

/** A bar redrawn in place on a terminal; in a log, one line per 5 % step. */
function progressBar(stage: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const line = `${stage.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  if (process.stdout.isTTY) {
    process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    return;
  }
  const step = Math.floor((done / Math.max(total, 1)) * 20);
  if (step !== printedSteps.get(stage)) {
    printedSteps.set(stage, step);
    console.log(line);
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { city: { type: 'string' }, district: { type: 'string', multiple: true }, seed: { type: 'string' }, count: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, subcommand] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDirectory: config.dataDirectory });
  try {
    const applied = await migrate(database);
    if (command === 'migrate') {
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } else if (command === 'regions' && subcommand === 'import' && values.city) {
      const service = new RegionService(database.db, new RegionRepository(database.db));
      const result = await service.importCity(systemActor('cli'), values.city, values.district ? { districtCodes: values.district } : {});
      console.log(`${result.cityName} (${result.cityCode}): ${result.districts} districts, ${result.streets} streets, ${result.communities} communities; ${result.inserted} new, ${result.updated} updated`);
    } else if (command === 'demo' && subcommand === 'incidents') {
      const inserted = await generateBulkIncidents(database.db, { count: Number(values.count ?? 1_000_000), seed: values.seed ? Number(values.seed) : DEMO_SEED, onProgress: progressBar });
      console.log(`demo incidents: ${inserted} added`);
    } else if (command === 'demo' && (subcommand === 'small' || subcommand === 'city')) {
      const seed = values.seed ? Number(values.seed) : DEMO_SEED;
      const started = Date.now();
      const totals = await createDemoCityService(database).generate(DEMO_SIZES[subcommand as DemoSizeName], {
        seed, atomic: subcommand === 'small', onProgress: progressBar,
      });
      console.log(`demo ${subcommand} (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(totals)}`);
    } else {
      console.log(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) console.error(`${error.code}: ${error.messages.zh} / ${error.messages.en}`);
  else console.error(error);
  process.exitCode = 1;
});
