import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { StaffRole } from '@civicgrid/domain';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/password-hash.js';
import type { Database } from '../../src/database/database.js';
import { UserRepository } from '../../src/users/user.repository.js';
import { openTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'Test@2026-civicgrid';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface TestUser {
  role: StaffRole;
  regionCode?: string;
  departmentId?: number;
  gridMemberId?: number;
  gridCodes?: string[];
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  /** A city-wide administrator, signed in. */
  admin: Session;
  /** Calls the app as `as` (default: the administrator; null: anonymous), with the CSRF header on writes. */
  inject: (options: InjectOptions & { url: string; as?: Session | null }) => Promise<LightMyRequestResponse>;
  createUser: (username: string, user: TestUser) => Promise<number>;
  loginAs: (username: string, password?: string) => Promise<Session>;
  close: () => Promise<void>;
}

let hashed: Promise<string> | undefined;

/** The real application on a fresh migrated database, called through `app.inject`. */
export async function startTestApp(): Promise<TestContext> {
  const { database, cleanup } = await openTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' }, logger: false });
  await app.ready();
  const users = new UserRepository(database.db);
  hashed ??= hashPassword(TEST_PASSWORD);

  const createUser = async (username: string, user: TestUser) => {
    const region = user.regionCode
      ? await database.db.selectFrom('regions').select('id').where('code', '=', user.regionCode).executeTakeFirstOrThrow()
      : undefined;
    const gridIds = [];
    for (const code of user.gridCodes ?? []) {
      gridIds.push((await database.db.selectFrom('grids').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
    }
    return users.insert(database.db, {
      username, passwordHash: await hashed!, displayName: username, phone: null, role: user.role,
      regionId: region?.id ?? null, departmentId: user.departmentId ?? null, gridMemberId: user.gridMemberId ?? null,
    }, gridIds);
  };

  const loginAs = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.body}`);
    const cookie = response.cookies.map((item) => `${item.name}=${item.value}`).join('; ');
    return { cookie, csrfToken: response.json().csrfToken };
  };

  await createUser('test-admin', { role: 'administrator' });
  const admin = await loginAs('test-admin');

  const inject: TestContext['inject'] = ({ as, ...options }) => {
    const session = as === undefined ? admin : as;
    const headers = { ...(options.headers ?? {}) } as Record<string, string>;
    if (session) {
      headers.cookie = session.cookie;
      if (options.method && options.method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
    }
    return app.inject({ ...options, headers });
  };

  return {
    app, database, admin, inject, createUser, loginAs,
    async close() {
      await app.close();
      await cleanup();
    },
  };
}
