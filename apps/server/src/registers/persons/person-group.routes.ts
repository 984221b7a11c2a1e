import { careGroupParamsSchema, groupRecordBodySchema, specialGroupParamsSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/request-actor.js';
import type { Services } from '../../http/services.js';

const tags = ['persons'];

export const personGroupRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { personGroupService } = services;

  app.get('/api/persons/:id/special-groups/:kind', {
    config: { access: { permission: 'person.reveal' } },
    schema: { tags, params: specialGroupParamsSchema, summary: '特殊人群记录 A person’s record in a special group (reading it is audited)' },
  }, async (request) => personGroupService.get(actorOf(request), request.params.id, { table: 'special_group_records', kind: request.params.kind }, request.ip));

  app.put('/api/persons/:id/special-groups/:kind', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: specialGroupParamsSchema, body: groupRecordBodySchema, summary: '列入/修改特殊人群 List the person in a special group or change the record; the kind decides the fields' },
  }, async (request) => personGroupService.put(actorOf(request), request.params.id, { table: 'special_group_records', kind: request.params.kind }, request.body));

  app.delete('/api/persons/:id/special-groups/:kind', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: specialGroupParamsSchema, summary: '移出特殊人群 Take the person out of a special group' },
  }, async (request, reply) => {
    await personGroupService.remove(actorOf(request), request.params.id, { table: 'special_group_records', kind: request.params.kind });
    return reply.status(204).send();
  });

  app.get('/api/persons/:id/care-groups/:kind', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: careGroupParamsSchema, summary: '关爱对象记录 A person’s record in a care group' },
  }, async (request) => personGroupService.get(actorOf(request), request.params.id, { table: 'care_group_records', kind: request.params.kind }, request.ip));

  app.put('/api/persons/:id/care-groups/:kind', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: careGroupParamsSchema, body: groupRecordBodySchema, summary: '列入/修改关爱对象 List the person in a care group or change the record' },
  }, async (request) => personGroupService.put(actorOf(request), request.params.id, { table: 'care_group_records', kind: request.params.kind }, request.body));

  app.delete('/api/persons/:id/care-groups/:kind', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: careGroupParamsSchema, summary: '移出关爱对象 Take the person out of a care group' },
  }, async (request, reply) => {
    await personGroupService.remove(actorOf(request), request.params.id, { table: 'care_group_records', kind: request.params.kind });
    return reply.status(204).send();
  });
};
