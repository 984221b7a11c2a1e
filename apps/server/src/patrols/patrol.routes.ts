import { patrolListQuerySchema, patrolUploadSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const tags = ['field work'];

export const patrolRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { patrolService } = services;

  app.post('/api/patrols', {
    config: { access: { permission: 'patrol.record' } },
    schema: {
      tags, body: patrolUploadSchema,
      summary: '上传巡查 A finished patrol of the signed-in grid worker: track and distance from the good fixes, in the grid holding most of it; '
        + 'the same clientId again returns the first (200)',
    },
  }, async (request, reply) => {
    const result = await patrolService.upload(actorOf(request), request.body);
    return reply.code(result.created ? 201 : 200).send(result.patrol);
  });

  app.get('/api/patrols', {
    config: { access: { permission: 'patrol.read' } },
    schema: { tags, querystring: patrolListQuerySchema, summary: '巡查记录 Patrols: mine=true for my own, gridCode for a grid’s, otherwise all in the caller’s area; newest first' },
  }, async (request) => patrolService.list(actorOf(request), request.query));

  app.get('/api/patrols/:id/track.geojson', {
    config: { access: { permission: 'patrol.read' } },
    schema: { tags, params: z.object({ id: z.coerce.number().int().positive() }), summary: '巡查轨迹 The patrol’s track as a GeoJSON Feature (LineString, or null under two good fixes)' },
  }, async (request) => patrolService.trackGeoJson(actorOf(request), request.params.id));
};
