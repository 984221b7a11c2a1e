import { buildingCreateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const buildingRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { buildingService } = services;

  app.post('/api/buildings', {
    schema: { tags: ['base data'], summary: '新建楼栋 Create a building; its grid follows from its location', body: buildingCreateSchema },
  }, async (request, reply) => reply.status(201).send(await buildingService.create(request.body)));

  app.get('/api/buildings/:id', {
    schema: { tags: ['base data'], summary: '楼栋详情 Building with its households', params: idParams },
  }, async (request) => buildingService.get(request.params.id));

  app.get('/api/households/:id', {
    schema: { tags: ['base data'], summary: '户详情 Household with its members (personal data masked)', params: idParams },
  }, async (request) => buildingService.getHousehold(request.params.id));
};
