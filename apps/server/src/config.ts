import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDirectory: string;
  logLevel: string;
  seedDemo: boolean;
}

/** Reads the configuration from the environment; every setting has a working default. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(environment.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${environment.PORT}`);
  return {
    port,
    host: environment.HOST ?? '0.0.0.0',
    databaseUrl: environment.DATABASE_URL || undefined,
    // npm runs workspace scripts inside the workspace; `./data` means the directory npm was started from.
    dataDirectory: path.resolve(environment.INIT_CWD ?? process.cwd(), environment.DATA_DIR ?? 'data'),
    logLevel: environment.LOG_LEVEL ?? 'info',
    // The embedded database seeds a demo city when empty; a PostgreSQL database only when asked to.
    seedDemo: environment.SEED_DEMO ? environment.SEED_DEMO === 'true' : !environment.DATABASE_URL,
  };
}
