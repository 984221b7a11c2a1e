import { allClearSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

export const allClearRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { allClearService } = services;

  app.post('/api/all-clears', {
    config: { access: { permission: 'all_clear.report' } },
    schema: { tags: ['all-clears'], summary: '报平安 Today’s all-clear for one of my grids; a retry or a second one today returns the first', body: allClearSchema },
  }, async (request, reply) => {
    const result = await allClearService.report(actorOf(request), request.body);
    return reply.code(result.created ? 201 : 200).send(result.allClear);
  });

  app.get('/api/all-clears/mine', {
    config: { access: { permission: 'all_clear.report' } },
    schema: { tags: ['all-clears'], summary: '我的报平安 Today’s state for each of my grids' },
  }, async (request) => allClearService.mine(actorOf(request)));

  app.get('/api/all-clears/missing', {
    config: { access: { permission: 'all_clear.read' } },
    schema: {
      tags: ['all-clears'], summary: '未报平安 Grid workers of a region without the day’s all-clear, with totals',
      querystring: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), regionCode: z.string().regex(/^\d{6,12}$/).optional() }),
    },
  }, async (request) => allClearService.missing(actorOf(request), request.query));
};
