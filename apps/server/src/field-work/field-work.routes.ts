import { fieldPageQuerySchema, fieldSearchQuerySchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const tags = ['field work'];

export const fieldWorkRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { fieldWorkService } = services;

  app.get('/api/field/tasks', {
    config: { access: { permission: 'visit.record' } },
    schema: {
      tags,
      summary: '待办 What waits for the signed-in grid worker: incidents to verify, visits due, open directive tasks, grids without today’s all-clear or report',
    },
  }, async (request) => fieldWorkService.tasks(actorOf(request)));

  app.get('/api/field/grids', {
    config: { access: { permission: 'visit.record' } },
    schema: { tags, summary: '我的网格 The grid worker’s grids: households, persons, open incidents, reported today' },
  }, async (request) => fieldWorkService.grids(actorOf(request)));

  app.get('/api/field/visits-due', {
    config: { access: { permission: 'visit.record' } },
    schema: { tags, querystring: fieldPageQuerySchema, summary: '待走访 Persons and houses in my grids whose next visit is due (today in China or earlier), soonest first' },
  }, async (request) => fieldWorkService.visitsDue(actorOf(request), request.query));

  app.get('/api/field/search', {
    config: { access: { permission: 'visit.record' } },
    schema: {
      tags, querystring: fieldSearchQuerySchema,
      summary: '查找走访对象 Persons (name, ID number or phone tail, phone, address) and houses (building, number, address) in my grids, '
        + 'at most 20, with the register values a visit may correct (phones masked)',
    },
  }, async (request) => fieldWorkService.search(actorOf(request), request.query.q));
};
