import {
  gridCodeSchema, gridCreateSchema, gridDetailSchema, gridSchema, regionSchema, gridImportSchema, gridListQuerySchema, gridMemberCreateSchema, gridUpdateSchema,
  locateQuerySchema, regionCodeSchema,
} from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../http/services.js';

const gridParams = z.object({ code: gridCodeSchema });

export const gridRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { gridService, gridMemberService, buildingService } = services;

  app.get('/api/grids', {
    schema: {
      tags: ['grids'], summary: '网格列表 List grids below a region',
      querystring: gridListQuerySchema, response: { 200: z.array(gridSchema) },
    },
  }, async (request) => gridService.list(request.query.regionCode, request.query.limit, request.query.offset));

  app.get('/api/grids.geojson', {
    schema: { tags: ['grids'], summary: '网格边界 Grids below a region as a GeoJSON FeatureCollection', querystring: z.object({ regionCode: regionCodeSchema }) },
  }, async (request, reply) => {
    void reply.header('content-type', 'application/geo+json; charset=utf-8');
    return gridService.featureCollection(request.query.regionCode);
  });

  app.get('/api/grids/locate', {
    schema: {
      tags: ['grids'], summary: '定位网格 The grid (and micro-grid) at a point, with its regions',
      querystring: locateQuerySchema,
      response: { 200: z.object({ grid: gridSchema, microGrid: gridSchema.nullable(), ancestors: z.array(regionSchema) }) },
    },
  }, async (request) => gridService.locate(request.query.lon, request.query.lat));

  app.get('/api/grids/:code', {
    schema: {
      tags: ['grids'], summary: '网格详情 Grid with members and regions',
      params: gridParams, response: { 200: gridDetailSchema },
    },
  }, async (request) => gridService.get(request.params.code));

  app.post('/api/grids', {
    schema: { tags: ['grids'], summary: '新建网格 Create a grid or micro-grid', body: gridCreateSchema },
  }, async (request, reply) => reply.status(201).send(await gridService.create(request.body)));

  app.patch('/api/grids/:code', {
    schema: { tags: ['grids'], summary: '修改网格 Edit a grid', params: gridParams, body: gridUpdateSchema },
  }, async (request) => gridService.update(request.params.code, request.body));

  app.delete('/api/grids/:code', {
    schema: { tags: ['grids'], summary: '删除网格 Delete an empty grid', params: gridParams },
  }, async (request, reply) => {
    await gridService.delete(request.params.code);
    return reply.status(204).send();
  });

  app.post('/api/regions/:code/grids/import', {
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ['grids'],
      summary: '导入社区网格 Import a community’s grids from GeoJSON; any problem rejects the whole file',
      params: z.object({ code: regionCodeSchema }),
      body: gridImportSchema,
    },
  }, async (request) => gridService.importCommunity(request.params.code, request.body));

  app.get('/api/grids/:code/members', {
    schema: { tags: ['grid members'], summary: '网格力量 Members of a grid', params: gridParams },
  }, async (request) => gridMemberService.listForGrid(request.params.code));

  app.post('/api/grids/:code/members', {
    schema: {
      tags: ['grid members'], summary: '配备网格力量 Add a member to a grid', params: gridParams,
      body: gridMemberCreateSchema.extend({ gridMemberId: z.number().int().optional() }),
    },
  }, async (request, reply) => reply.status(201).send(await gridMemberService.assign(request.params.code, request.body)));

  app.delete('/api/grids/:code/members/:gridMemberId', {
    schema: { tags: ['grid members'], summary: '移出网格力量 Remove a member from a grid', params: gridParams.extend({ gridMemberId: z.coerce.number().int() }) },
  }, async (request, reply) => {
    await gridMemberService.unassign(request.params.code, request.params.gridMemberId);
    return reply.status(204).send();
  });

  app.get('/api/grids/:code/buildings', {
    schema: { tags: ['base data'], summary: '网格内楼栋 Buildings of a grid', params: gridParams },
  }, async (request) => buildingService.listForGrid(request.params.code));
};
