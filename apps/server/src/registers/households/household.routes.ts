import { historyQuerySchema, householdCreateSchema, householdListQuerySchema, householdMemberSchema, householdUpdateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-actor.js';
import type { Services } from '../../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const memberParams = idParams.extend({ personId: z.coerce.number().int().positive() });
const tags = ['households'];

export const householdRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { householdService } = services;

  app.get('/api/households', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, querystring: householdListQuerySchema, summary: '户 Households in the caller’s jurisdiction (q: household number or head’s name)' },
  }, async (request) => householdService.list(actorOf(request), request.query));

  app.get('/api/households/:id', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, summary: '户详情 Household with its house, head and members (personal data masked)' },
  }, async (request) => householdService.get(actorOf(request), request.params.id));

  app.post('/api/households', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, body: householdCreateSchema, summary: '立户 Create a household in a house (its grid follows) or a grid; a head given joins as 户主' },
  }, async (request, reply) => reply.status(201).send(await householdService.create(actorOf(request), request.body)));

  app.patch('/api/households/:id', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: householdUpdateSchema, summary: '修改户 Change the sent fields of the version seen; a new head must be a member' },
  }, async (request) => householdService.update(actorOf(request), request.params.id, request.body));

  app.get('/api/households/:id/history', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, querystring: historyQuerySchema, summary: '户变更记录 The household’s changes, newest first' },
  }, async (request) => householdService.history(actorOf(request), request.params.id, request.query.limit));

  app.put('/api/households/:id/members/:personId', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: memberParams, body: householdMemberSchema, summary: '加入本户 A person joins the household with a relation to the head (or changes it)' },
  }, async (request) => householdService.putMember(actorOf(request), request.params.id, request.params.personId, request.body.relationToHead));

  app.delete('/api/households/:id/members/:personId', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: memberParams, summary: '移出本户 A person leaves the household' },
  }, async (request) => householdService.removeMember(actorOf(request), request.params.id, request.params.personId));
};
