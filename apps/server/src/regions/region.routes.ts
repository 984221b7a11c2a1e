import {
  areaGeometrySchema, regionCodeSchema, regionDetailSchema, regionImportSchema, regionListQuerySchema, regionSchema,
} from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

export const regionRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { regionService } = services;

  app.get('/api/regions', {
    config: { access: { permission: 'region.read' } },
    schema: {
      tags: ['regions'], summary: '区划列表 List regions (children of parentCode, or the top level)',
      querystring: regionListQuerySchema, response: { 200: z.array(regionSchema) },
    },
  }, async (request) => regionService.listChildren(actorOf(request), request.query.parentCode));

  app.get('/api/regions/:code', {
    config: { access: { permission: 'region.read' } },
    schema: {
      tags: ['regions'], summary: '区划详情 Region with its ancestors',
      params: z.object({ code: regionCodeSchema }), response: { 200: regionDetailSchema },
    },
  }, async (request) => regionService.get(actorOf(request), request.params.code));

  app.post('/api/regions/import', {
    config: { access: { permission: 'region.manage' } },
    schema: { tags: ['regions'], summary: '导入城市区划 Import a city division tree from the national code set', body: regionImportSchema },
  }, async (request) => regionService.importCity(actorOf(request), request.body.cityCode,
    request.body.districtCodes ? { districtCodes: request.body.districtCodes } : {}));

  app.put('/api/regions/:code/boundary', {
    config: { access: { permission: 'region.manage' } },
    schema: {
      tags: ['regions'], summary: '设置区划边界 Set a region boundary (GeoJSON Polygon or MultiPolygon)',
      params: z.object({ code: regionCodeSchema }), body: areaGeometrySchema,
    },
  }, async (request) => regionService.setBoundary(actorOf(request), request.params.code, request.body));
};
