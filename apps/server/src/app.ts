import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenRoutes } from './api-tokens/api-token.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { buildingRoutes } from './base-data/building.routes.js';
import { registerRoutes } from './registers/register.routes.js';
import type { Config } from './config.js';
import type { Database } from './database/database.js';
import { gridRoutes } from './grids/grid.routes.js';
import { handleError, handleNotFound } from './http/error-handler.js';
import { createServices, type Services } from './http/services.js';
import { registerAccessControl } from './http/access.js';
import { regionRoutes } from './regions/region.routes.js';
import { userRoutes } from './users/user.routes.js';
import { allClearRoutes } from './all-clears/all-clear.routes.js';
import { attachmentRoutes } from './attachments/attachment.routes.js';
import { incidentCategoryRoutes } from './incident-categories/incident-category.routes.js';
import { incidentRoutes } from './incidents/incident.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { organizationRoutes } from './organizations/organization.routes.js';
import { webhookRoutes } from './webhooks/webhook.routes.js';
import { workingCalendarRoutes } from './working-calendar/working-calendar.routes.js';
import { mapTileRoutes } from './map/map-tile.routes.js';
import { drillDownRoutes } from './drill-down/drill-down.routes.js';
import { cameraRoutes } from './cameras/camera.routes.js';
import { dashboardRoutes } from './dashboards/dashboard.routes.js';
import { directiveRoutes } from './directives/directive.routes.js';
import { importRoutes } from './imports/import.routes.js';
import { personExportRoutes } from './exports/person-export.routes.js';
import { fieldWorkRoutes } from './field-work/field-work.routes.js';
import { patrolRoutes } from './patrols/patrol.routes.js';
import { visitRoutes } from './visits/visit.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

const webDistDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const mobileServiceWorkerFile = path.join(webDistDirectory, 'm/sw.js');
const webAssetsDirectory = path.join(webDistDirectory, 'assets') + path.sep;

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'dataDirectory' | 'duplicateWindow' | 's3'>> & { basemapTileUrl?: string | null };
  logger?: boolean;
}

export async function buildApp({ database, config, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'CivicGrid API',
        description: '网格化基层治理平台接口 — grid-based community governance. Errors: `{ code, message, messages: { zh, en } }`.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const services = createServices(database, {
    // tests and one-off tools without a data directory keep photos in a fresh temporary one
    filesDirectory: path.join(config.dataDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-')), 'files'),
    s3: config.s3 ?? null,
    duplicateWindow: config.duplicateWindow ?? { metres: 100, hours: 72 },
  });
  await app.register(fastifyCookie);
  app.decorate('services', services);
  registerAccessControl(app, services);

  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['platform'], summary: '健康检查 Health',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
    },
  }, async () => {
    await database.db.selectNoFrom((builder) => builder.lit(1).as('one')).execute();
    return { status: 'ok' as const, database: database.kind };
  });

  app.get('/api/config', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '前端配置 Client configuration (base map)' },
  }, async () => ({ basemapTileUrl: config.basemapTileUrl ?? null }));

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(regionRoutes(services));
  await app.register(gridRoutes(services));
  await app.register(buildingRoutes(services));
  await app.register(registerRoutes(services));
  await app.register(authRoutes(services));
  await app.register(userRoutes(services));
  await app.register(apiTokenRoutes(services));
  await app.register(auditRoutes(services));
  await app.register(incidentRoutes(services));
  await app.register(attachmentRoutes(services));
  await app.register(incidentCategoryRoutes(services));
  await app.register(organizationRoutes(services));
  await app.register(workingCalendarRoutes(services));
  await app.register(allClearRoutes(services));
  await app.register(notificationRoutes(services));
  await app.register(webhookRoutes(services));
  await app.register(mapTileRoutes(services));
  await app.register(drillDownRoutes(services));
  await app.register(dashboardRoutes(services));
  await app.register(directiveRoutes(services));
  await app.register(cameraRoutes(services));
  await app.register(importRoutes(services));
  await app.register(personExportRoutes(services));
  await app.register(patrolRoutes(services));
  await app.register(visitRoutes(services));
  await app.register(fieldWorkRoutes(services));
  // imports run in the background of the server; closing hands a running one back to the queue
  app.addHook('onReady', async () => services.importJobRunner.start(app.log));
  app.addHook('onClose', async () => services.importJobRunner.stop());

  if (fs.existsSync(path.join(webDistDirectory, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDistDirectory,
      wildcard: false,
      setHeaders: (reply, filePath) => {
        // The phone app's service worker must be asked for afresh, or a phone would keep an old build's files.
        if (filePath === mobileServiceWorkerFile) void reply.header('cache-control', 'no-cache').header('service-worker-allowed', '/m/');
        // Vite names these files by their content: a browser may keep them for good and not ask again.
        else if (filePath.startsWith(webAssetsDirectory)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes of the console, and of the grid worker app under /m/, load their page; unknown API paths
    // stay JSON 404s.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && (request.url === '/m' || request.url.startsWith('/m?'))) return reply.redirect(`/m/${request.url.slice(2)}`);
      if (request.method === 'GET' && request.url.startsWith('/m/')) return reply.sendFile('m/index.html');
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      handleNotFound(request, reply);
    });
  } else {
    app.setNotFoundHandler(handleNotFound);
  }
  return app;
}
