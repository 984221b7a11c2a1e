import fastifyMultipart from '@fastify/multipart';
import { invalid } from '@civicgrid/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendStreamed } from '../exports/download.js';
import { actorOf } from '../http/request-actor.js';
import type { Language } from './import-job.presenter.js';
import { MAX_IMPORT_BYTES, type ImportJobService, type ReceivedFile } from './import-job.service.js';
import { IMPORT_REGISTERS } from './register-import.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const access = { access: { permission: 'base_data.manage' as const } };

export const languageOf = (request: FastifyRequest): Language => (/^en\b/i.test((request.headers['accept-language'] ?? '').trim()) ? 'en' : 'zh');

/** The upload's `file` (streamed to disk as it arrives) and `mode`, in whichever order they come. */
async function readImportForm(request: FastifyRequest, service: ImportJobService): Promise<{ file: ReceivedFile | undefined; mode: unknown }> {
  if (!request.isMultipart()) throw invalid('import.not_multipart', '请以 multipart/form-data 上传文件（字段 file 与 mode）', 'Upload the file as multipart/form-data (fields file and mode)');
  let file: ReceivedFile | undefined;
  let mode: unknown;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'mode') mode = part.value;
      } else if (part.fieldname === 'file' && !file) {
        file = await service.receive(part.file, part.filename);
      } else {
        part.file.resume();
      }
    }
  } catch (error) {
    if (file) await service.discard(file);
    throw error;
  }
  return { file, mode };
}

export const importRoutes = (services: { importJobService: ImportJobService }): FastifyPluginAsyncZod => async (app) => {
  const { importJobService } = services;
  await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });

  for (const register of IMPORT_REGISTERS) {
    const { title } = importJobService.registerImportOf(register);
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(`/api/imports/templates/${register}.${format}`, {
        config: access,
        schema: { tags: ['imports'], summary: `导入模板 The ${title} import template (${format === 'xlsx' ? 'with a 说明 sheet of formats and allowed values' : 'UTF-8 with a byte-order mark'})` },
      }, async (request, reply) => sendStreamed(request, reply, { fileName: `${title}导入模板.${format}`, format, ...(format === 'csv' ? { charset: 'utf-8' } : {}) },
        (output) => importJobService.writeTemplate(register, format, output)));
    }

    app.post(`/api/imports/${register}`, {
      config: access,
      schema: {
        tags: ['imports'],
        summary: `导入${title} Import an xlsx or csv file (multipart: \`file\`, \`mode\` = all_or_nothing | skip_invalid); 202 with the job id, which runs in the background`,
        consumes: ['multipart/form-data'],
      },
    }, async (request, reply) => {
      const actor = actorOf(request);
      const form = await readImportForm(request, importJobService);
      return reply.status(202).send(await importJobService.submit(actor, register, form.file, form.mode));
    });
  }

  app.get('/api/imports', {
    config: access,
    schema: { tags: ['imports'], summary: '我的导入 My recent import jobs' },
  }, async (request) => importJobService.listRecent(actorOf(request), languageOf(request)));

  app.get('/api/imports/:id', {
    config: access,
    schema: { tags: ['imports'], summary: '导入进度 An import job: progress, counts, warnings and the first errors by row and column', params: idParams },
  }, async (request) => importJobService.get(actorOf(request), request.params.id, languageOf(request)));

  app.get('/api/imports/:id/errors.xlsx', {
    config: access,
    schema: { tags: ['imports'], summary: '错误报告 Every problem of an import by row and column (行号, 列, 值, 问题) as xlsx', params: idParams },
  }, async (request, reply) => {
    const { job, write } = await importJobService.errorReportOf(actorOf(request), request.params.id);
    const base = job.fileName.replace(/\.[^.]*$/, '');
    return sendStreamed(request, reply, { fileName: `${base}_错误报告.xlsx`, format: 'xlsx' }, write);
  });
};
