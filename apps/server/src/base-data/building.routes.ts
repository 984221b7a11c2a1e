import { buildingCreateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const buildingRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { buildingService } = services;

  app.post('/api/buildings', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags: ['base data'], summary: '新建楼栋 Create a building; its grid follows from its location', body: buildingCreateSchema },
  }, async (request, reply) => reply.status(201).send(await buildingService.create(actorOf(request), request.body)));

  app.get('/api/buildings/:id', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags: ['base data'], summary: '楼栋详情 Building with its households', params: idParams },
  }, async (request) => buildingService.get(actorOf(request), request.params.id));

  app.get('/api/households/:id', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags: ['base data'], summary: '户详情 Household with its members (personal data masked)', params: idParams },
  }, async (request) => buildingService.getHousehold(actorOf(request), request.params.id));
};
