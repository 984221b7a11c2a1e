import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDirectory: string;
  logLevel: string;
  seedDemo: boolean;
  /** Reports of one subclass within this distance and time of each other are offered for merging. */
  duplicateWindow: { metres: number; hours: number };
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
    duplicateWindow: {
      metres: positiveNumber(environment.DUPLICATE_DISTANCE_METRES, 100, 'DUPLICATE_DISTANCE_METRES'),
      hours: positiveNumber(environment.DUPLICATE_WINDOW_HOURS, 72, 'DUPLICATE_WINDOW_HOURS'),
    },
  };
}

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, got ${value}`);
  return number;
}
