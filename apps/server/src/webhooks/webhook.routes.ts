import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const subscriptionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  url: z.string().url().refine((url) => /^https?:\/\//.test(url), 'http or https only'),
  /** Event names such as incident.dispatch; empty for every event. */
  events: z.array(z.string().regex(/^incident\.[a-z_]+$/)).max(40).default([]),
  regionCode: z.string().regex(/^\d{6,12}$/).nullish(),
});
const idParams = z.object({ id: z.coerce.number().int().positive() });

export const webhookRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { webhookService } = services;

  app.get('/api/webhooks', {
    config: { access: { permission: 'webhook.manage' } },
    schema: { tags: ['webhooks'], summary: '事件推送订阅 Outgoing webhook subscriptions of the caller’s region' },
  }, async (request) => webhookService.list(actorOf(request)));

  app.post('/api/webhooks', {
    config: { access: { permission: 'webhook.manage' } },
    schema: {
      tags: ['webhooks'],
      summary: '新增订阅 Subscribe a URL to the events of a region; the answer shows the signing secret once (HMAC-SHA256 of the body in x-civicgrid-signature)',
      body: subscriptionSchema,
    },
  }, async (request, reply) => reply.code(201).send(await webhookService.create(actorOf(request), request.body)));

  app.post('/api/webhooks/:id/deactivate', {
    config: { access: { permission: 'webhook.manage' } },
    schema: { tags: ['webhooks'], summary: '停用订阅 Stop sending to a subscription', params: idParams },
  }, async (request) => webhookService.deactivate(actorOf(request), request.params.id));

  app.get('/api/webhooks/:id/deliveries', {
    config: { access: { permission: 'webhook.manage' } },
    schema: { tags: ['webhooks'], summary: '推送记录 The latest deliveries of a subscription, with their attempts', params: idParams },
  }, async (request) => webhookService.deliveries(actorOf(request), request.params.id));
};
