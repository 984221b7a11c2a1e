import { buildingCreateSchema, buildingUpdateSchema, historyQuerySchema, unitCreateSchema } from '@civicgrid/domain';
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

  app.patch('/api/buildings/:id', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags: ['base data'], summary: '修改楼栋 Change a building’s name, address, type or floors (version seen); 409 building.version_conflict', params: idParams, body: buildingUpdateSchema },
  }, async (request) => buildingService.update(actorOf(request), request.params.id, request.body));

  app.get('/api/buildings/:id/history', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags: ['base data'], summary: '楼栋变更记录 The building’s changes, newest first', params: idParams, querystring: historyQuerySchema },
  }, async (request) => buildingService.history(actorOf(request), request.params.id, request.query.limit));

  app.get('/api/buildings/:id/units', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags: ['base data'], summary: '单元 The building’s units with their number of houses', params: idParams },
  }, async (request) => buildingService.units(actorOf(request), request.params.id));

  app.post('/api/buildings/:id/units', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags: ['base data'], summary: '新增单元 Add a unit to the building (houses may also name a new unit)', params: idParams, body: unitCreateSchema },
  }, async (request, reply) => reply.status(201).send(await buildingService.addUnit(actorOf(request), request.params.id, request.body.name)));
};
