import type { SessionUser } from '../../api-types';

const USER_KEY = 'civicgrid.m.user';
const USERNAME_KEY = 'civicgrid.m.last-username';

/**
 * The signed-in worker as last confirmed by the server, kept on the phone so that the app opens on the home screen
 * with no network at all. The session cookie stays the server's word: the first answer to reach the server decides.
 */
export function rememberedUser(): SessionUser | null {
  try {
    const user = JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as SessionUser | null;
    return user && typeof user.userId === 'number' ? user : null;
  } catch {
    return null;
  }
}

export function rememberUser(user: SessionUser): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  localStorage.setItem(USERNAME_KEY, user.username);
}

export function forgetUser(): void {
  localStorage.removeItem(USER_KEY);
}

/** Filled into the login form: the worker types only the password again. */
export function lastUsername(): string {
  return localStorage.getItem(USERNAME_KEY) ?? '';
}
