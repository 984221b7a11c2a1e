import type { StaffRole } from '@civicgrid/domain';
import { requestJson } from './api-client';
import type {
  ApiTokenCreateInput, ApiTokenView, AuditEntry, AuditFilter, IssuedApiToken, SessionUser, UserCreateInput, UserUpdateInput,
  UserView,
} from './api-types';

const segment = (value: string | number) => encodeURIComponent(String(value));

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') parameters.set(key, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** Sign-in and the signed-in user's own session. */
export const authApi = {
  me: (signal?: AbortSignal) => requestJson<SessionUser>('GET', '/api/auth/me', { signal }),
  login: (username: string, password: string) =>
    requestJson<{ user: UserView; csrfToken: string }>('POST', '/api/auth/login', { body: { username, password } }),
  logout: () => requestJson<void>('POST', '/api/auth/logout'),
  logoutEverywhere: () => requestJson<{ revoked: number }>('POST', '/api/auth/logout-everywhere'),
  changePassword: (currentPassword: string, newPassword: string) =>
    requestJson<void>('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
};

/** Staff users, API tokens and the audit log: the administration pages. */
export const adminApi = {
  listUsers: (filter: { search?: string; role?: StaffRole; limit?: number }, signal?: AbortSignal) =>
    requestJson<UserView[]>('GET', `/api/users${queryString(filter)}`, { signal }),
  createUser: (input: UserCreateInput) => requestJson<UserView>('POST', '/api/users', { body: input }),
  updateUser: (id: number, changes: UserUpdateInput) => requestJson<UserView>('PATCH', `/api/users/${segment(id)}`, { body: changes }),
  resetPassword: (id: number, password: string) =>
    requestJson<void>('POST', `/api/users/${segment(id)}/password`, { body: { password } }),
  revokeSessions: (id: number) => requestJson<{ revoked: number }>('POST', `/api/users/${segment(id)}/sessions/revoke`),

  listApiTokens: (signal?: AbortSignal) => requestJson<ApiTokenView[]>('GET', '/api/api-tokens', { signal }),
  issueApiToken: (input: ApiTokenCreateInput) => requestJson<IssuedApiToken>('POST', '/api/api-tokens', { body: input }),
  revokeApiToken: (id: number) => requestJson<void>('POST', `/api/api-tokens/${segment(id)}/revoke`),

  searchAuditLog: (filter: AuditFilter, page: { limit: number; beforeId?: number }, signal?: AbortSignal) =>
    requestJson<AuditEntry[]>('GET', `/api/audit-log${queryString({ ...filter, ...page })}`, { signal }),
  auditLogCsvUrl: (filter: AuditFilter) => `/api/audit-log.csv${queryString({ ...filter })}`,
};
