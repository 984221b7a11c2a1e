import {
  hotlineOrderSchema, incidentActionSchema, incidentListQuerySchema, incidentReportSchema, publicReportSchema, DomainError,
} from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';
import { PublicReportLimiter } from './public-report-limiter.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const incidentRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { incidentService, incidentIntakeService, incidentWorkflowService } = services;
  const limiter = new PublicReportLimiter();

  app.get('/api/incidents', {
    config: { access: { permission: 'incident.read' } },
    schema: { tags: ['incidents'], summary: '事件列表 Incidents of a queue, filtered, in the caller’s jurisdiction', querystring: incidentListQuerySchema },
  }, async (request) => incidentService.list(actorOf(request), request.query));

  app.get('/api/incidents/:id', {
    config: { access: { permission: 'incident.read' } },
    schema: { tags: ['incidents'], summary: '事件详情 An incident with its timeline, photos and the actions the caller may take', params: idParams },
  }, async (request) => incidentService.detail(actorOf(request), request.params.id));

  app.post('/api/incidents', {
    config: { access: { permission: 'incident.report' } },
    schema: {
      tags: ['incidents'],
      summary: '上报事件 Report an incident; the same clientId again returns the same incident (200) instead of a new one (201)',
      body: incidentReportSchema,
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await incidentIntakeService.report(actor, request.body);
    return reply.code(result.created ? 201 : 200).send(await incidentService.detail(actor, result.id));
  });

  app.post('/api/incidents/:id/actions', {
    config: { access: { permission: 'incident.read' } },
    schema: {
      tags: ['incidents'],
      summary: '办理 Take one workflow action (the table in packages/domain/src/incidents/incident-workflow.ts decides who may)',
      params: idParams, body: incidentActionSchema,
    },
  }, async (request) => {
    const actor = actorOf(request);
    await incidentWorkflowService.apply(actor, request.params.id, request.body);
    return incidentService.detail(actor, request.params.id);
  });

  app.post('/api/intake/hotline', {
    config: { access: { permission: 'incident.intake' } },
    schema: {
      tags: ['intake'],
      summary: '12345热线工单 A hotline work order (API token); the same order number again returns the same incident',
      body: hotlineOrderSchema,
    },
  }, async (request, reply) => {
    const result = await incidentIntakeService.hotline(actorOf(request), request.body);
    return reply.code(result.created ? 201 : 200).send({ incidentId: result.id, created: result.created, trackingCode: result.trackingCode ?? null });
  });

  app.post('/api/public/incidents', {
    config: { access: 'public' },
    schema: { tags: ['residents'], summary: '群众上报 A resident’s report; answers the tracking code to follow it by', body: publicReportSchema },
  }, async (request, reply) => {
    if (!limiter.allow(request.ip)) throw new DomainError('incident.too_many_reports', 'throttled', { zh: '上报过于频繁，请稍后再试', en: 'Too many reports from this address; try again later' });
    const result = await incidentIntakeService.publicReport(request.body);
    return reply.code(result.created ? 201 : 200).send({ trackingCode: result.trackingCode ?? null, created: result.created });
  });

  app.get('/api/public/incidents/:trackingCode', {
    config: { access: 'public' },
    schema: { tags: ['residents'], summary: '进度查询 Follow a reported incident by its tracking code', params: z.object({ trackingCode: z.string().regex(/^[A-Z0-9]{10}$/) }) },
  }, async (request) => incidentIntakeService.progress(request.params.trackingCode));
};
