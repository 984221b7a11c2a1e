import { passwordResetSchema, userCreateSchema, userListQuerySchema, userUpdateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const manage = { access: { permission: 'user.manage' as const } };

export const userRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { userService } = services;

  app.get('/api/users', {
    config: manage,
    schema: { tags: ['access'], summary: '用户列表 Users in your jurisdiction', querystring: userListQuerySchema },
  }, async (request) => userService.list(actorOf(request), { search: request.query.search, role: request.query.role }, request.query.limit, request.query.offset));

  app.get('/api/users/:id', {
    config: manage,
    schema: { tags: ['access'], summary: '用户详情 A user', params: idParams },
  }, async (request) => userService.get(actorOf(request), request.params.id));

  app.post('/api/users', {
    config: manage,
    schema: { tags: ['access'], summary: '新建用户 Create a user with a role and a jurisdiction', body: userCreateSchema },
  }, async (request, reply) => reply.status(201).send(await userService.create(actorOf(request), request.body)));

  app.patch('/api/users/:id', {
    config: manage,
    schema: { tags: ['access'], summary: '修改用户 Edit, disable or re-enable a user', params: idParams, body: userUpdateSchema },
  }, async (request) => userService.update(actorOf(request), request.params.id, request.body));

  app.post('/api/users/:id/password', {
    config: manage,
    schema: { tags: ['access'], summary: '重置密码 Reset a user’s password (ends their sessions)', params: idParams, body: passwordResetSchema },
  }, async (request, reply) => {
    await userService.resetPassword(actorOf(request), request.params.id, request.body.password);
    return reply.status(204).send();
  });

  app.post('/api/users/:id/sessions/revoke', {
    config: manage,
    schema: { tags: ['access'], summary: '强制下线 End all sessions of a user', params: idParams },
  }, async (request) => ({ revoked: await userService.revokeSessions(actorOf(request), request.params.id) }));
};
