import { incidentDashboardQuerySchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

export const dashboardRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { dashboardService } = services;

  app.get('/api/dashboards/incidents', {
    config: { access: { permission: 'dashboard.read' } },
    schema: {
      tags: ['dashboards'],
      summary: '事件数据看板 A region’s incidents of a period: by day, category class, source and status; on-time handling, closure, rework and extension rates; overdue list; region and department rankings',
      querystring: incidentDashboardQuerySchema,
    },
  }, async (request) => dashboardService.incidents(actorOf(request), request.query));
};
