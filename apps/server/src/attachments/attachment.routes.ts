import fastifyMultipart from '@fastify/multipart';
import { invalid, type Actor } from '@civicgrid/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { AttachmentKind } from './attachment.repository.js';
import type { AttachmentFile, AttachmentService } from './attachment.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const kindSchema = z.enum(['before', 'after', 'other']);

/** What the routes use of the services: attachments, and the incident rule of who may see what. */
export interface AttachmentRouteServices {
  attachmentService: AttachmentService;
  incidentService: { visibleIncident(actor: Actor, incidentId: number): Promise<{ id: number }> };
}

interface UploadForm {
  kind: AttachmentKind;
  bytes: Buffer;
  originalName: string | null;
}

/** The form's `kind` field and its one `file`, in whichever order they come. */
async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  let kindValue: unknown = 'other';
  let file: { bytes: Buffer; originalName: string | null } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'kind') kindValue = part.value;
    } else if (part.fieldname === 'file') {
      // Cut off one byte past the limit (see the multipart limits), which the service refuses with its own message.
      file = { bytes: await part.toBuffer(), originalName: part.filename || null };
    } else {
      part.file.resume();
    }
  }
  const kind = kindSchema.safeParse(kindValue);
  if (!kind.success) {
    throw invalid('attachment.invalid_kind', '照片类型须为 before（处置前）、after（处置后）或 other（其他）',
      'The photo kind must be before, after or other');
  }
  if (!file) throw invalid('attachment.file_missing', '请在 file 字段上传一张照片', 'Upload one photo in the field named file');
  return { kind: kind.data, ...file };
}

function sendFile(reply: FastifyReply, file: AttachmentFile) {
  return reply
    .type(file.mimeType)
    .header('content-length', file.byteSize)
    // The URL names one attachment whose bytes never change; only the signed-in viewer's browser keeps it.
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

export const attachmentRoutes = (services: AttachmentRouteServices): FastifyPluginAsyncZod => async (app) => {
  const { attachmentService, incidentService } = services;

  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: attachmentService.maxBytes + 1, files: 1, fields: 5 },
  });

  app.post('/api/incidents/:id/attachments', {
    config: { access: { permission: 'incident.read' } },
    schema: {
      tags: ['incidents'],
      summary: '上传照片 Upload a photo of an incident (multipart: `kind` = before | after | other, `file` = JPEG, PNG or WebP)',
      consumes: ['multipart/form-data'],
      params: idParams,
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const incident = await incidentService.visibleIncident(actor, request.params.id);
    const form = await readUploadForm(request);
    const { attachment, created } = await attachmentService.upload({
      incidentId: incident.id,
      kind: form.kind,
      uploadedByUserId: actor.kind === 'user' ? actor.userId : null,
      bytes: form.bytes,
      originalName: form.originalName,
    });
    return reply.status(created ? 201 : 200).send(attachment);
  });

  app.get('/api/attachments/:id/file', {
    config: { access: { permission: 'incident.read' } },
    schema: { tags: ['incidents'], summary: '照片原图 The photo as uploaded', params: idParams },
  }, async (request, reply) => {
    await incidentService.visibleIncident(actorOf(request), await attachmentService.incidentOf(request.params.id));
    return sendFile(reply, await attachmentService.open(request.params.id));
  });

  app.get('/api/attachments/:id/thumbnail', {
    config: { access: { permission: 'incident.read' } },
    schema: { tags: ['incidents'], summary: '照片缩略图 The photo’s thumbnail (JPEG, at most 320 px on the long side)', params: idParams },
  }, async (request, reply) => {
    await incidentService.visibleIncident(actorOf(request), await attachmentService.incidentOf(request.params.id));
    return sendFile(reply, await attachmentService.openThumbnail(request.params.id));
  });
};
