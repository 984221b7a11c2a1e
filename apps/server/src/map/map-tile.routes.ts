import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '@civicgrid/domain';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';
import { MAP_LAYER_PERMISSIONS, MAP_LAYERS } from './map-tile.service.js';

const tileParams = z.object({
  z: z.coerce.number().int().min(0),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});

const tileQuery = z.object({
  /** The boundary layer's version the URL was made for (from GET /api/tiles): such a URL may be cached for long. */
  v: z.coerce.number().int().optional(),
  scope: z.enum(['open', 'all']).optional(),
});

const LAYER_SUMMARIES: Record<(typeof MAP_LAYERS)[number], string> = {
  regions: '区划边界 Region boundaries (city and districts; streets from z8, communities from z11)',
  grids: '网格边界 Grid boundaries (from z11)',
  incidents: '事件聚合 Incidents clustered per 64 px cell: count, worst deadline colour, counts per stage (?scope=open|all)',
  positions: '网格员位置 Last known positions of grid members (drawn from z11)',
  cameras: '视频点位 Cameras (drawn from z11)',
  places: '重点场所 Key places (drawn from z11)',
};

export const mapTileRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { mapTileService, drillDownService } = services;

  app.get('/api/tiles', {
    config: { access: 'authenticated' },
    schema: { tags: ['command map'], summary: '地图图层 The map layers the caller may see, with their tile URLs, and the box the map opens at' },
  }, async (request) => {
    const actor = actorOf(request);
    const [layers, bounds] = await Promise.all([
      mapTileService.layers(actor),
      can(actor, 'region.read') ? drillDownService.openingBox(actor) : null,
    ]);
    return { layers, bounds };
  });

  for (const layer of MAP_LAYERS) {
    app.get(`/api/tiles/${layer}/:z/:x/:y.mvt`, {
      config: { access: { permission: MAP_LAYER_PERMISSIONS[layer] } },
      schema: { tags: ['command map'], summary: `${LAYER_SUMMARIES[layer]} — Mapbox Vector Tile`, params: tileParams, querystring: tileQuery },
    }, async (request, reply) => {
      const tile = await mapTileService.tile(actorOf(request), layer, request.params, request.query.scope);
      // The tile depends on who asks: shared caches must not keep it.
      const versioned = tile.version !== null && request.query.v === tile.version;
      void reply.header('etag', tile.etag).header('cache-control', versioned ? 'private, max-age=86400' : 'private, no-cache').header('vary', 'cookie, authorization');
      if (request.headers['if-none-match'] === tile.etag) return reply.status(304).send();
      return reply.type('application/vnd.mapbox-vector-tile').send(tile.body);
    });
  }
};
