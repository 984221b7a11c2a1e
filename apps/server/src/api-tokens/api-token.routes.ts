import { apiTokenCreateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const manage = { access: { permission: 'api_token.manage' as const } };

export const apiTokenRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { apiTokenService } = services;

  app.get('/api/api-tokens', {
    config: manage,
    schema: { tags: ['access'], summary: '接口令牌 API tokens in your jurisdiction' },
  }, async (request) => apiTokenService.list(actorOf(request)));

  app.post('/api/api-tokens', {
    config: manage,
    schema: { tags: ['access'], summary: '签发令牌 Issue an API token; the token is shown only in this response', body: apiTokenCreateSchema },
  }, async (request, reply) => reply.status(201).send(await apiTokenService.create(actorOf(request), request.body)));

  app.post('/api/api-tokens/:id/revoke', {
    config: manage,
    schema: { tags: ['access'], summary: '吊销令牌 Revoke an API token', params: z.object({ id: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    await apiTokenService.revoke(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
};
