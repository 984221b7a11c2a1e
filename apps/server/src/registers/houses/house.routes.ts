import { historyQuerySchema, houseCreateSchema, houseListQuerySchema, houseUpdateSchema, tenancyCreateSchema, tenancyEndSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-actor.js';
import type { Services } from '../../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['houses'];

export const houseRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { houseService } = services;

  app.get('/api/houses', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, querystring: houseListQuerySchema, summary: '房屋 Houses in the caller’s jurisdiction, by building, grid, region or use (rented: 出租房屋)' },
  }, async (request) => houseService.list(actorOf(request), request.query));

  app.get('/api/houses/:id', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, summary: '房屋详情 A house with its owner (landlord), tenancies and households' },
  }, async (request) => houseService.get(actorOf(request), request.params.id));

  app.post('/api/houses', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, body: houseCreateSchema, summary: '登记房屋 Add a house to a building (a new unit name adds the unit)' },
  }, async (request, reply) => reply.status(201).send(await houseService.create(actorOf(request), request.body as Record<string, unknown> & { buildingId: number })));

  app.patch('/api/houses/:id', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: houseUpdateSchema, summary: '修改房屋 Change the sent fields of the version seen' },
  }, async (request) => houseService.update(actorOf(request), request.params.id, request.body));

  app.get('/api/houses/:id/history', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, querystring: historyQuerySchema, summary: '房屋变更记录 The house’s changes, tenancies included, newest first' },
  }, async (request) => houseService.history(actorOf(request), request.params.id, request.query.limit));

  app.post('/api/houses/:id/tenancies', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: tenancyCreateSchema, summary: '登记租住 A tenant moves into a rented house' },
  }, async (request, reply) => reply.status(201).send(await houseService.addTenancy(actorOf(request), request.params.id, request.body)));

  app.post('/api/houses/:id/tenancies/:tenancyId/end', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams.extend({ tenancyId: z.coerce.number().int().positive() }), body: tenancyEndSchema, summary: '退租 A tenancy ends' },
  }, async (request) => houseService.endTenancy(actorOf(request), request.params.id, request.params.tenancyId, request.body.endedOn));
};
