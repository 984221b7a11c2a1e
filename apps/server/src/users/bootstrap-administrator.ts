import crypto from 'node:crypto';
import { hashPassword } from '../auth/password-hash.js';
import type { Database } from '../database/database.js';
import { UserRepository } from './user.repository.js';

/**
 * A database without any user gets one city-wide administrator, `admin`, so that someone can sign in.
 * The password is ADMIN_PASSWORD, or a random one written to the log once.
 */
export async function bootstrapAdministrator(database: Database, password: string | undefined, log: (message: string) => void): Promise<void> {
  const count = await database.db.selectFrom('users').select((builder) => builder.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  if (Number(count.count) > 0) return;
  const chosen = password ?? `Cg-${crypto.randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(chosen);
  await database.db.transaction().execute((transaction) => new UserRepository(database.db).insert(transaction, {
    username: 'admin', passwordHash, displayName: '系统管理员', phone: null, role: 'administrator', regionId: null, departmentId: null, gridMemberId: null,
  }, []));
  log(password ? 'created the administrator "admin" with ADMIN_PASSWORD' : `created the administrator "admin" with the password ${chosen}; change it after signing in`);
}
