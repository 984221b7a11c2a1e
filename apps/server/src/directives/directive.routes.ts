import { directiveCompleteSchema, directiveIssueSchema, directiveListQuerySchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const directiveRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { directiveService } = services;

  app.post('/api/directives', {
    config: { access: { permission: 'directive.issue' } },
    schema: {
      tags: ['directives'],
      summary: '下发指令 Send a task to every full-time grid worker of every grid in a region (one target per worker; a grid without one is listed as 无人可派); the same clientId again returns the first directive (200)',
      body: directiveIssueSchema,
    },
  }, async (request, reply) => {
    const result = await directiveService.issue(actorOf(request), request.body);
    return reply.code(result.created ? 201 : 200).send(result.directive);
  });

  app.get('/api/directives', {
    config: { access: { permission: 'directive.read' } },
    schema: { tags: ['directives'], summary: '指令列表 Directives reaching the caller’s jurisdiction, with completion counts over its grids', querystring: directiveListQuerySchema },
  }, async (request) => directiveService.list(actorOf(request), request.query));

  app.get('/api/directives/mine', {
    config: { access: { permission: 'directive.complete' } },
    schema: { tags: ['directives'], summary: '我的指令 The signed-in grid worker’s directive tasks, open ones first' },
  }, async (request) => directiveService.mine(actorOf(request)));

  app.get('/api/directives/:id', {
    config: { access: { permission: 'directive.read' } },
    schema: { tags: ['directives'], summary: '指令详情 A directive with its completion per grid (grids in the caller’s jurisdiction)', params: idParams },
  }, async (request) => directiveService.detail(actorOf(request), request.params.id));

  app.get('/api/directives/:id/completion.geojson', {
    config: { access: { permission: 'directive.read' } },
    schema: { tags: ['directives'], summary: '指令完成情况地图 The directive’s grids as GeoJSON polygons with their state (completed, partial, pending, overdue, unassigned)', params: idParams },
  }, async (request) => directiveService.completionGeoJson(actorOf(request), request.params.id));

  app.post('/api/directives/:id/targets/:targetId/complete', {
    config: { access: { permission: 'directive.complete' } },
    schema: {
      tags: ['directives'], summary: '完成指令 A grid worker reports their task of a directive done; a repeat changes nothing',
      params: idParams.extend({ targetId: z.coerce.number().int().positive() }), body: directiveCompleteSchema,
    },
  }, async (request) => directiveService.complete(actorOf(request), request.params.id, request.params.targetId, request.body));
};
