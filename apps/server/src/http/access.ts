import { authenticationRequired, can, DomainError, forbidden, type Actor, type Permission } from '@civicgrid/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenService } from '../api-tokens/api-token.service.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { AuthService } from '../auth/auth.service.js';
import { hashSecretToken } from '../auth/secret-token.js';

/** Who may call a route: anyone, any signed-in actor, or actors holding a permission. */
export type RouteAccess = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The service writes its own, more specific audit entry (with target and reason). */
    auditedByService?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrfHash: string | null;
  }
  interface FastifyInstance {
    routeTable: { method: string; url: string; access: RouteAccess }[];
  }
}

export const SESSION_COOKIE = 'civicgrid_session';
export const CSRF_COOKIE = 'civicgrid_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET_FIELDS = /password|token|secret/i;

/** Body of a write for the audit log, with passwords and tokens blanked out. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 50 ? { items: value.length } : value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_FIELDS.test(key) ? '***' : redact(inner)]));
  }
  return value;
}

/**
 * Every API route declares its access; a route without one stops the server from starting. Each request
 * is authenticated (session cookie or bearer token) and authorized before its input is even validated;
 * cookie-authenticated writes must echo the CSRF token; every successful write is written to the audit log
 * before its response leaves.
 */
export function registerAccessControl(app: FastifyInstance, services: { authService: AuthService; apiTokenService: ApiTokenService; audit: AuditRepository }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfHash', null);
  app.decorate('routeTable', []);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    // The console's static files and unknown paths need no actor.
    if (!access) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = (await services.apiTokenService.actorOfToken(authorization.slice(7).trim())) ?? null;
      if (!request.actor) throw new DomainError('auth.invalid_token', 'unauthenticated', { zh: '接口令牌无效或已吊销', en: 'The API token is invalid or revoked' });
    } else {
      const sessionToken = request.cookies[SESSION_COOKIE];
      const session = sessionToken ? await services.authService.actorOfSession(sessionToken) : undefined;
      request.actor = session?.actor ?? null;
      request.sessionCsrfHash = session?.csrfTokenHash ?? null;
    }
    if (access === 'public') return;
    if (!request.actor) throw authenticationRequired();
    if (request.sessionCsrfHash && WRITE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || hashSecretToken(header) !== request.sessionCsrfHash) {
        throw forbidden('auth.csrf_failed', '请求缺少有效的防伪令牌，请刷新页面后重试', 'Missing or wrong CSRF token; reload the page and try again');
      }
    }
    if (access !== 'authenticated' && !can(request.actor, access.permission)) {
      throw forbidden('access.denied', '您的角色无权进行此操作', 'Your role may not do this', { permission: access.permission });
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (!WRITE_METHODS.has(request.method) || reply.statusCode >= 400 || !request.routeOptions.url?.startsWith('/api/')) return payload;
    if (request.routeOptions.config.auditedByService) return payload;
    const actor = request.actor;
    await services.audit.append({
      actorUserId: actor?.kind === 'user' ? actor.userId : null,
      actorApiTokenId: actor?.kind === 'api_token' ? actor.apiTokenId : null,
      ip: request.ip,
      action: `${request.method} ${request.routeOptions.url}`,
      targetTable: null,
      targetId: null,
      reason: null,
      details: { params: request.params, query: request.query, body: redact(request.body), status: reply.statusCode },
    });
    return payload;
  });
}
