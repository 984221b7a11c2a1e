import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/database/database.js';
import { openTestDatabase } from './test-database.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close: () => Promise<void>;
}

/** The real application on a fresh migrated database, called through `app.inject`. */
export async function startTestApp(): Promise<TestContext> {
  const { database, cleanup } = await openTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' }, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await cleanup();
    },
  };
}
