import { revealSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const personRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { personService } = services;

  app.get('/api/persons/:id', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags: ['base data'], summary: '人员 A person, with ID number and phone masked', params: idParams },
  }, async (request) => personService.get(actorOf(request), request.params.id));

  app.post('/api/persons/:id/reveal', {
    config: { access: { permission: 'person.reveal' }, auditedByService: true },
    schema: { tags: ['base data'], summary: '查看原文 Reveal one person’s ID number and phone, giving a reason (audited)', params: idParams, body: revealSchema },
  }, async (request) => personService.reveal(actorOf(request), request.params.id, request.body.reason, request.ip));
};
