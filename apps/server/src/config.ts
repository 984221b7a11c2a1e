import path from 'node:path';
import type { S3StoreSettings } from './attachments/s3-file-store.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDirectory: string;
  logLevel: string;
  seedDemo: boolean;
  /** Reports of one subclass within this distance and time of each other are offered for merging. */
  duplicateWindow: { metres: number; hours: number };
  /** Photos go to this S3-compatible bucket when S3_BUCKET is set; otherwise under DATA_DIR/files. */
  s3: S3StoreSettings | null;
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
    s3: s3Settings(environment),
  };
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const;

function s3Settings(environment: NodeJS.ProcessEnv): S3StoreSettings | null {
  const bucket = environment.S3_BUCKET || undefined;
  if (!bucket) {
    // half a configuration would keep photos on local disk while the operator believes they are in the bucket
    const stray = S3_VARIABLES.filter((name) => environment[name]);
    if (stray.length > 0) throw new Error(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but S3_BUCKET is not`);
    return null;
  }
  const endpoint = environment.S3_ENDPOINT || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) throw new Error(`S3_ENDPOINT must be an http(s) URL, got ${endpoint}`);
  const accessKeyId = environment.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = environment.S3_SECRET_ACCESS_KEY || undefined;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  const pathStyle = environment.S3_FORCE_PATH_STYLE || 'true';
  if (pathStyle !== 'true' && pathStyle !== 'false') throw new Error(`S3_FORCE_PATH_STYLE must be true or false, got ${pathStyle}`);
  return {
    endpoint,
    bucket,
    region: environment.S3_REGION || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: pathStyle === 'true',
  };
}

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, got ${value}`);
  return number;
}
