import { historyQuerySchema, recordCreateSchema, recordListQuerySchema, recordUpdateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-actor.js';
import type { RecordService } from './record.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** List, read, create, change and the history of one register of records. */
export const recordRoutes = (service: RecordService): FastifyPluginAsyncZod => async (app) => {
  const { path, tag, label, fields } = service.register;
  const tags = [tag];

  app.get(path, {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, querystring: recordListQuerySchema, summary: `${label.zh}列表 ${label.en}s in the caller’s jurisdiction (q: name, address or code)` },
  }, async (request) => service.list(actorOf(request), request.query));

  app.get(`${path}/:id`, {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, summary: `${label.zh} A ${label.en} with its version and allowed actions` },
  }, async (request) => service.get(actorOf(request), request.params.id));

  app.post(path, {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, body: recordCreateSchema(fields), summary: `登记${label.zh} Register a ${label.en} (values keyed by its field table)` },
  }, async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)));

  app.patch(`${path}/:id`, {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: recordUpdateSchema(fields), summary: `修改${label.zh} Change the sent fields of the version seen (deregister: deregisteredOn + deregistrationReason)` },
  }, async (request) => service.update(actorOf(request), request.params.id, request.body));

  app.get(`${path}/:id/history`, {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, querystring: historyQuerySchema, summary: `${label.zh}变更记录 The ${label.en}’s changes, newest first` },
  }, async (request) => service.history(actorOf(request), request.params.id, request.query.limit));
};
