import { categoryCreateSchema, categoryUpdateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

export const incidentCategoryRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { incidentCategoryService } = services;

  app.get('/api/incident-categories', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['code tables'], summary: '事件分类 The category tree: classes with their subclasses',
      querystring: z.object({ includeDisabled: z.enum(['true', 'false']).default('false') }),
    },
  }, async (request) => incidentCategoryService.tree(request.query.includeDisabled === 'true'));

  app.post('/api/incident-categories', {
    config: { access: { permission: 'code_table.manage' } },
    schema: { tags: ['code tables'], summary: '新增分类 Add a class or subclass', body: categoryCreateSchema },
  }, async (request, reply) => reply.code(201).send(await incidentCategoryService.create(actorOf(request), request.body)));

  app.patch('/api/incident-categories/:id', {
    config: { access: { permission: 'code_table.manage' } },
    schema: {
      tags: ['code tables'], summary: '修改分类 Change a category’s name, department, time limit, urgency or conditions',
      params: z.object({ id: z.coerce.number().int().positive() }), body: categoryUpdateSchema,
    },
  }, async (request) => incidentCategoryService.update(actorOf(request), request.params.id, request.body));
};
