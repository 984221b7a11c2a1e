import { booleanQuerySchema, personListQuerySchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import { sendStreamed } from './download.js';
import type { PersonExportService } from './person-export.service.js';

const exportQuerySchema = personListQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** csv only: utf8 (with a byte-order mark, for Excel) or gbk (older Excel and WPS) */
  encoding: z.enum(['utf8', 'gbk']).default('utf8'),
  reveal: booleanQuerySchema.default(false),
  reason: z.string().trim().min(2).max(200).optional(),
}).refine((query) => !query.reveal || query.reason !== undefined, { message: 'reveal=true needs a reason', path: ['reason'] });

export const personExportRoutes = (services: { personExportService: PersonExportService }): FastifyPluginAsyncZod => async (app) => {
  const { personExportService } = services;

  app.get('/api/persons/export', {
    config: { access: { permission: 'base_data.read' } },
    schema: {
      tags: ['base data'],
      summary: '导出人员 Export the persons a list filter selects as xlsx or csv (UTF-8 or GBK), in the import template’s columns; '
        + 'ID numbers and phones masked unless reveal=true with a reason (person.reveal; audited). Only a revealed export can be imported back',
      querystring: exportQuerySchema,
    },
  }, async (request, reply) => {
    const { format, encoding, reveal, reason, ...filter } = request.query;
    const prepared = await personExportService.prepare(actorOf(request), { filter, format, encoding, reveal, reason }, request.ip);
    const charset = format === 'csv' ? (encoding === 'gbk' ? 'gbk' : 'utf-8') : undefined;
    const file = { fileName: prepared.fileName, format, headers: { 'x-total-count': String(prepared.count) }, ...(charset ? { charset } : {}) };
    return sendStreamed(request, reply, file, prepared.write);
  });
};
