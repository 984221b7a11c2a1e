import { calendarDaySchema, stepTimeLimitSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const dayParams = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export const workingCalendarRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { workingCalendarService } = services;

  app.get('/api/working-calendar', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['code tables'], summary: '工作日历 Office hours and the holidays and make-up working days of a year',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).default(new Date().getFullYear()) }),
    },
  }, async (request) => workingCalendarService.year(request.query.year));

  app.put('/api/working-calendar/days/:day', {
    config: { access: { permission: 'code_table.manage' } },
    schema: { tags: ['code tables'], summary: '设置节假日或调休 Mark a day as a holiday or a make-up working day', params: dayParams, body: calendarDaySchema },
  }, async (request) => workingCalendarService.setDay(actorOf(request), request.params.day, request.body));

  app.delete('/api/working-calendar/days/:day', {
    config: { access: { permission: 'code_table.manage' } },
    schema: { tags: ['code tables'], summary: '恢复为常规 The day follows the Monday–Friday week again', params: dayParams },
  }, async (request, reply) => {
    await workingCalendarService.clearDay(actorOf(request), request.params.day);
    return reply.code(204).send();
  });

  app.get('/api/step-time-limits', {
    config: { access: 'authenticated' },
    schema: { tags: ['code tables'], summary: '环节时限 Time limits of each step per center level (and category)' },
  }, async () => workingCalendarService.stepLimits());

  app.put('/api/step-time-limits', {
    config: { access: { permission: 'code_table.manage' } },
    schema: { tags: ['code tables'], summary: '设置环节时限 Set one step’s time limit for a level (and category)', body: stepTimeLimitSchema },
  }, async (request) => workingCalendarService.setStepLimit(actorOf(request), request.body));
};
