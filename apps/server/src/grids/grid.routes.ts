import {
  gridCodeSchema, gridCreateSchema, gridDetailSchema, gridSchema, regionSchema, gridImportSchema, gridListQuerySchema, gridMemberCreateSchema, gridUpdateSchema,
  locateQuerySchema, regionCodeSchema,
} from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const gridParams = z.object({ code: gridCodeSchema });

export const gridRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { gridService, gridImportService, gridMemberService, buildingService } = services;

  app.get('/api/grids', {
    config: { access: { permission: 'grid.read' } },
    schema: {
      tags: ['grids'], summary: '网格列表 List grids below a region',
      querystring: gridListQuerySchema, response: { 200: z.array(gridSchema) },
    },
  }, async (request) => gridService.list(actorOf(request), request.query.regionCode, request.query.limit, request.query.offset));

  app.get('/api/grids.geojson', {
    config: { access: { permission: 'grid.read' } },
    schema: { tags: ['grids'], summary: '网格边界 Grids below a region as a GeoJSON FeatureCollection', querystring: z.object({ regionCode: regionCodeSchema }) },
  }, async (request, reply) => {
    void reply.header('content-type', 'application/geo+json; charset=utf-8');
    return gridService.featureCollection(actorOf(request), request.query.regionCode);
  });

  app.get('/api/grids/locate', {
    config: { access: { permission: 'grid.read' } },
    schema: {
      tags: ['grids'], summary: '定位网格 The grid (and micro-grid) at a point, with its regions',
      querystring: locateQuerySchema,
      response: { 200: z.object({ grid: gridSchema, microGrid: gridSchema.nullable(), ancestors: z.array(regionSchema) }) },
    },
  }, async (request) => gridService.locate(actorOf(request), request.query.lon, request.query.lat));

  app.get('/api/grids/:code', {
    config: { access: { permission: 'grid.read' } },
    schema: {
      tags: ['grids'], summary: '网格详情 Grid with members and regions',
      params: gridParams, response: { 200: gridDetailSchema },
    },
  }, async (request) => gridService.get(actorOf(request), request.params.code));

  app.post('/api/grids', {
    config: { access: { permission: 'grid.manage' } },
    schema: { tags: ['grids'], summary: '新建网格 Create a grid or micro-grid', body: gridCreateSchema },
  }, async (request, reply) => reply.status(201).send(await gridService.create(actorOf(request), request.body)));

  app.patch('/api/grids/:code', {
    config: { access: { permission: 'grid.manage' } },
    schema: { tags: ['grids'], summary: '修改网格 Edit a grid', params: gridParams, body: gridUpdateSchema },
  }, async (request) => gridService.update(actorOf(request), request.params.code, request.body));

  app.delete('/api/grids/:code', {
    config: { access: { permission: 'grid.manage' } },
    schema: { tags: ['grids'], summary: '删除网格 Delete an empty grid', params: gridParams },
  }, async (request, reply) => {
    await gridService.delete(actorOf(request), request.params.code);
    return reply.status(204).send();
  });

  app.post('/api/regions/:code/grids/import', {
    config: { access: { permission: 'grid.manage' } },
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ['grids'],
      summary: '导入社区网格 Import a community’s grids from GeoJSON; any problem rejects the whole file',
      params: z.object({ code: regionCodeSchema }),
      body: gridImportSchema,
    },
  }, async (request) => gridImportService.importCommunity(actorOf(request), request.params.code, request.body));

  app.get('/api/grids/:code/members', {
    config: { access: { permission: 'grid.read' } },
    schema: { tags: ['grid members'], summary: '网格力量 Members of a grid', params: gridParams },
  }, async (request) => gridMemberService.listForGrid(actorOf(request), request.params.code));

  app.post('/api/grids/:code/members', {
    config: { access: { permission: 'grid_member.manage' } },
    schema: {
      tags: ['grid members'], summary: '配备网格力量 Add a member to a grid', params: gridParams,
      body: gridMemberCreateSchema.extend({ gridMemberId: z.number().int().optional() }),
    },
  }, async (request, reply) => reply.status(201).send(await gridMemberService.assign(actorOf(request), request.params.code, request.body)));

  app.delete('/api/grids/:code/members/:gridMemberId', {
    config: { access: { permission: 'grid_member.manage' } },
    schema: { tags: ['grid members'], summary: '移出网格力量 Remove a member from a grid', params: gridParams.extend({ gridMemberId: z.coerce.number().int() }) },
  }, async (request, reply) => {
    await gridMemberService.unassign(actorOf(request), request.params.code, request.params.gridMemberId);
    return reply.status(204).send();
  });

  app.get('/api/grids/:code/buildings', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags: ['base data'], summary: '网格内楼栋 Buildings of a grid', params: gridParams },
  }, async (request) => buildingService.listForGrid(actorOf(request), request.params.code));
};
