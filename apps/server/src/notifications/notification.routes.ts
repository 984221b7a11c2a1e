import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

export const notificationRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { notificationService } = services;

  app.get('/api/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'], summary: '我的通知 The caller’s in-app notifications, newest first, and the unread count',
      querystring: z.object({ unread: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(200).default(20) }),
    },
  }, async (request) => notificationService.list(actorOf(request), { unreadOnly: request.query.unread === 'true', limit: request.query.limit }));

  app.post('/api/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: '标为已读 Mark one notification read', params: z.object({ id: z.coerce.number().int().positive() }) },
  }, async (request) => notificationService.markRead(actorOf(request), request.params.id));

  app.post('/api/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: '全部已读 Mark every notification read' },
  }, async (request) => notificationService.markRead(actorOf(request), 'all'));
};
