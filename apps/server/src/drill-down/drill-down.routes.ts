import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';
import { drillDownQuerySchema, drillDownSchema } from './drill-down.schema.js';

export const drillDownRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { drillDownService } = services;

  app.get('/api/drill-down', {
    config: { access: { permission: 'region.read' } },
    schema: {
      tags: ['command map'],
      summary: '五级穿透 A node of city → district → street → community → grid → building → household → person, with its breadcrumb, counts and children',
      querystring: drillDownQuerySchema, response: { 200: drillDownSchema },
    },
  }, async (request) => drillDownService.get(actorOf(request), request.query));
};
