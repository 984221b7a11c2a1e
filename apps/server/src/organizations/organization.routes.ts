import { departmentCreateSchema, departmentUpdateSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

export const organizationRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { organizationService } = services;

  app.get('/api/centers', {
    config: { access: 'authenticated' },
    schema: { tags: ['organizations'], summary: '社会治理中心 The centers of the caller’s region, above and below it, with the center above each' },
  }, async (request) => organizationService.centers(actorOf(request)));

  app.get('/api/departments', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['organizations'], summary: '职能部门 Departments serving the caller’s area (those an operator can dispatch to)',
      querystring: z.object({ includeDisabled: z.enum(['true', 'false']).default('false') }),
    },
  }, async (request) => organizationService.departments(actorOf(request), request.query.includeDisabled === 'true'));

  app.post('/api/departments', {
    config: { access: { permission: 'code_table.manage' } },
    schema: { tags: ['organizations'], summary: '新增部门 Add a department to a region', body: departmentCreateSchema },
  }, async (request, reply) => reply.code(201).send(await organizationService.createDepartment(actorOf(request), request.body)));

  app.patch('/api/departments/:id', {
    config: { access: { permission: 'code_table.manage' } },
    schema: { tags: ['organizations'], summary: '修改部门 Rename, change the phone, disable or enable', params: z.object({ id: z.coerce.number().int().positive() }), body: departmentUpdateSchema },
  }, async (request) => organizationService.updateDepartment(actorOf(request), request.params.id, request.body));
};
