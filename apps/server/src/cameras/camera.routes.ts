import { cameraListQuerySchema, cameraUpdateSchema, cameraWriteSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const cameraRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { cameraService } = services;

  app.get('/api/cameras', {
    config: { access: { permission: 'camera.read' } },
    schema: { tags: ['cameras'], summary: '视频点位 Cameras in the caller’s jurisdiction (or a region of it), by name or device code', querystring: cameraListQuerySchema },
  }, async (request) => cameraService.list(actorOf(request), request.query));

  app.get('/api/cameras/:id', {
    config: { access: { permission: 'camera.read' } },
    schema: { tags: ['cameras'], summary: '视频点位详情 One camera', params: idParams },
  }, async (request) => cameraService.get(actorOf(request), request.params.id));

  app.post('/api/cameras', {
    config: { access: { permission: 'camera.manage' } },
    schema: { tags: ['cameras'], summary: '新增视频点位 Register a camera with its position and stream address (rtsp/http/https); its grid is found by the point', body: cameraWriteSchema },
  }, async (request, reply) => reply.code(201).send(await cameraService.create(actorOf(request), request.body)));

  app.patch('/api/cameras/:id', {
    config: { access: { permission: 'camera.manage' } },
    schema: { tags: ['cameras'], summary: '修改视频点位 Change a camera; a new position finds its grid again', params: idParams, body: cameraUpdateSchema },
  }, async (request) => cameraService.update(actorOf(request), request.params.id, request.body));

  app.delete('/api/cameras/:id', {
    config: { access: { permission: 'camera.manage' } },
    schema: { tags: ['cameras'], summary: '删除视频点位 Remove a camera no incident refers to (otherwise set it to decommissioned)', params: idParams },
  }, async (request, reply) => {
    await cameraService.remove(actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/incidents/:id/nearest-cameras', {
    config: { access: { permission: 'camera.read' } },
    schema: {
      tags: ['cameras'], summary: '附近摄像头 The working cameras nearest to an incident, inside the caller’s jurisdiction, with the distance in metres',
      params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }),
    },
  }, async (request) => cameraService.nearest(actorOf(request), request.params.id, request.query.limit));
};
