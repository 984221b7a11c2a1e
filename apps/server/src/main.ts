import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './database/database.js';
import { migrate } from './database/migrate.js';
import { seedDemoIncidentsIfNone } from './demo/demo-incidents.js';
import { seedDemoVisitsDueIfNone } from './demo/demo-visits-due.js';
import { seedDemoCityIfEmpty } from './demo/demo-seed.js';
import { bootstrapAdministrator } from './users/bootstrap-administrator.js';
import { startJobs } from './jobs.js';

const config = loadConfig();
const startedAt = Date.now();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDirectory: config.dataDirectory });
const applied = await migrate(database);
const app = await buildApp({
  database,
  config: { logLevel: config.logLevel, dataDirectory: config.dataDirectory, duplicateWindow: config.duplicateWindow, s3: config.s3, basemapTileUrl: process.env.BASEMAP_TILE_URL ?? null },
});
app.log.info({ database: database.kind, dataDirectory: database.kind === 'pglite' ? config.dataDirectory : undefined, migrations: applied }, 'database ready');
app.log.info(config.s3 ? { files: 's3', bucket: config.s3.bucket, endpoint: config.s3.endpoint ?? 'AWS' } : { files: 'local', directory: `${config.dataDirectory}/files` }, 'photo store');
if (config.seedDemo) await seedDemoCityIfEmpty(database, (message) => app.log.info(message));
if (config.seedDemo) await seedDemoIncidentsIfNone(database, app.services, (message) => app.log.info(message));
if (config.seedDemo) await seedDemoVisitsDueIfNone(database, (message) => app.log.info(message));
await bootstrapAdministrator(database, process.env.ADMIN_PASSWORD, (message) => app.log.warn(message));

let stopJobs: () => void = () => {};
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopJobs();
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host });
stopJobs = startJobs(app);
app.log.info(`CivicGrid is ready at http://localhost:${config.port} (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; API docs at /api/docs)`);
