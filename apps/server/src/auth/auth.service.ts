import {
  checkPassword, DomainError, invalid, PASSWORD_PROBLEM_MESSAGES, type Actor,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { jurisdictionOf, type UserRepository, type UserRow } from '../users/user.repository.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password-hash.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import type { LoginAttemptRepository, SessionRepository } from './session.repository.js';

/** Five wrong passwords lock an account for fifteen minutes; thirty failures from one address in fifteen minutes throttle it. */
export const LOGIN_LIMITS = {
  failuresBeforeLock: 5,
  lockMinutes: 15,
  failuresPerIp: 30,
  ipWindowMinutes: 15,
  sessionIdleHours: 12,
} as const;

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

export interface LoginContext {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

const wrongCredentials = () => new DomainError('auth.invalid_credentials', 'unauthenticated', { zh: '用户名或密码错误', en: 'Wrong username or password' });

export class AuthService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly loginAttempts: LoginAttemptRepository,
  ) {}

  async login(username: string, password: string, context: LoginContext): Promise<LoginResult> {
    if (context.ip && (await this.loginAttempts.countRecentFailuresFromIp(this.db, context.ip, minutesFromNow(-LOGIN_LIMITS.ipWindowMinutes))) >= LOGIN_LIMITS.failuresPerIp) {
      throw new DomainError('auth.throttled', 'throttled', { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' });
    }
    const user = await this.users.findByUsername(username);
    // Hash even for unknown users, so that the time taken does not reveal which usernames exist.
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    const record = (succeeded: boolean, failureReason: string | null) =>
      this.loginAttempts.record(this.db, { username, userId: user?.id ?? null, ip: context.ip, userAgent: context.userAgent, succeeded, failureReason });
    if (!user) {
      await record(false, 'unknown_user');
      throw wrongCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await record(false, 'locked');
      throw new DomainError('auth.locked', 'throttled', {
        zh: `账号因多次密码错误已临时锁定，请于 ${LOGIN_LIMITS.lockMinutes} 分钟后再试`,
        en: `The account is locked for ${LOGIN_LIMITS.lockMinutes} minutes after repeated wrong passwords`,
      });
    }
    if (!passwordMatches) {
      const failures = user.failedLoginCount + 1;
      await this.db.transaction().execute(async (transaction) => {
        await this.users.recordFailedLogin(transaction, user.id, failures >= LOGIN_LIMITS.failuresBeforeLock ? minutesFromNow(LOGIN_LIMITS.lockMinutes) : null);
      });
      await record(false, 'wrong_password');
      throw wrongCredentials();
    }
    if (user.disabled) {
      await record(false, 'disabled');
      throw new DomainError('auth.disabled', 'unauthenticated', { zh: '账号已停用', en: 'The account is disabled' });
    }
    const sessionToken = newSecretToken('cgs_');
    const csrfToken = newSecretToken();
    const expiresAt = minutesFromNow(LOGIN_LIMITS.sessionIdleHours * 60);
    await this.db.transaction().execute(async (transaction) => {
      await this.sessions.insert(transaction, {
        tokenHash: hashSecretToken(sessionToken), userId: user.id, csrfTokenHash: hashSecretToken(csrfToken),
        expiresAt, ip: context.ip, userAgent: context.userAgent,
      });
      await this.users.recordSuccessfulLogin(transaction, user.id);
    });
    await record(true, null);
    return { sessionToken, csrfToken, expiresAt, user };
  }

  /** The actor of a session token, or undefined when the session is unknown, revoked or expired. */
  async actorOfSession(sessionToken: string): Promise<{ actor: Actor; csrfTokenHash: string } | undefined> {
    const session = await this.sessions.findLive(hashSecretToken(sessionToken), minutesFromNow(LOGIN_LIMITS.sessionIdleHours * 60));
    if (!session) return undefined;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return undefined;
    return { actor: actorOfUser(user, session.id), csrfTokenHash: session.csrfTokenHash };
  }

  async logout(sessionId: number): Promise<void> {
    await this.db.transaction().execute((transaction) => this.sessions.revoke(transaction, sessionId));
  }

  async logoutEverywhere(userId: number): Promise<number> {
    return this.db.transaction().execute((transaction) => this.sessions.revokeAllOfUser(transaction, userId));
  }

  /** Changing one's password ends every other session. */
  async changePassword(actor: Actor & { kind: 'user' }, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw invalid('auth.wrong_current_password', '当前密码不正确', 'The current password is wrong');
    }
    assertPasswordPolicy(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (transaction) => {
      await this.users.setPassword(transaction, user.id, passwordHash);
      await this.sessions.revokeAllOfUser(transaction, user.id);
    });
  }
}

export function actorOfUser(user: UserRow, sessionId: number | null): Actor {
  return { kind: 'user', userId: user.id, username: user.username, displayName: user.displayName, role: user.role, jurisdiction: jurisdictionOf(user), sessionId };
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPassword(password, username);
  if (problems.length === 0) return;
  throw invalid(
    'auth.weak_password',
    `密码不符合要求：${problems.map((problem) => PASSWORD_PROBLEM_MESSAGES[problem].zh).join('；')}`,
    `The password does not meet the policy: ${problems.map((problem) => PASSWORD_PROBLEM_MESSAGES[problem].en).join('; ')}`,
    { problems },
  );
}
