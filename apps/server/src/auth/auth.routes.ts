import { forbidden, loginSchema, passwordChangeSchema, permissionsOf, STAFF_ROLE_LABELS, type Actor } from '@civicgrid/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http/access.js';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';
import { presentUser } from '../users/user.service.js';

function clearCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
}

function presentActor(actor: Actor) {
  if (actor.kind === 'user') {
    return {
      kind: actor.kind, userId: actor.userId, username: actor.username, displayName: actor.displayName,
      role: actor.role, roleLabel: STAFF_ROLE_LABELS[actor.role], jurisdiction: actor.jurisdiction, permissions: permissionsOf(actor),
    };
  }
  return { kind: actor.kind, name: actor.name, jurisdiction: actor.jurisdiction, permissions: permissionsOf(actor) };
}

export const authRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { authService } = services;

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['access'], summary: '登录 Sign in; sets an httpOnly session cookie and a CSRF cookie', body: loginSchema },
  }, async (request, reply) => {
    const result = await authService.login(request.body.username, request.body.password, {
      ip: request.ip, userAgent: request.headers['user-agent'] ?? null,
    });
    // Browser-session cookies: the server ends the session after 12 idle hours, sliding with each request.
    const cookie = { path: '/', sameSite: 'strict' as const, secure: 'auto' as const };
    void reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookie, httpOnly: true });
    // The console reads the CSRF token from this cookie and echoes it in the x-csrf-token header of every write.
    void reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookie, httpOnly: false });
    return { user: presentUser(result.user), csrfToken: result.csrfToken };
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['access'], summary: '当前用户 Who is signed in, with role, jurisdiction and permissions' },
  }, async (request) => presentActor(actorOf(request)));

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['access'], summary: '退出 Sign out of this session' },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.kind === 'user' && actor.sessionId !== null) await authService.logout(actor.sessionId);
    clearCookies(reply);
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-everywhere', {
    config: { access: 'authenticated' },
    schema: { tags: ['access'], summary: '全部退出 Sign out of every session of this user' },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const revoked = actor.kind === 'user' ? await authService.logoutEverywhere(actor.userId) : 0;
    clearCookies(reply);
    return { revoked };
  });

  app.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['access'], summary: '修改密码 Change your password (ends every session)', body: passwordChangeSchema },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.kind !== 'user') throw forbidden('auth.not_a_user', '接口令牌没有密码', 'An API token has no password');
    await authService.changePassword(actor, request.body.currentPassword, request.body.newPassword);
    clearCookies(reply);
    return reply.status(204).send();
  });
};
