import { invalid, type Actor } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-actor.js';
import type { AttachmentKind } from './attachment.repository.js';
import type { AttachmentService } from './attachment.service.js';
import { readPhotoUpload, registerPhotoMultipart, sendPhoto } from './photo-upload.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const kindSchema = z.enum(['before', 'after', 'other']);

/** What the routes use of the services: attachments, and the incident rule of who may see what. */
export interface AttachmentRouteServices {
  attachmentService: AttachmentService;
  incidentService: { visibleIncident(actor: Actor, incidentId: number): Promise<{ id: number }> };
}

/** The photo's kind (before, after, other) from the form's `kind` field. */
function kindOf(fields: Record<string, unknown>): AttachmentKind {
  const kind = kindSchema.safeParse(fields.kind ?? 'other');
  if (!kind.success) {
    throw invalid('attachment.invalid_kind', '照片类型须为 before（处置前）、after（处置后）或 other（其他）',
      'The photo kind must be before, after or other');
  }
  return kind.data;
}

export const attachmentRoutes = (services: AttachmentRouteServices): FastifyPluginAsyncZod => async (app) => {
  const { attachmentService, incidentService } = services;

  await registerPhotoMultipart(app, attachmentService.maxBytes);

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
    const form = await readPhotoUpload(request);
    const { attachment, created } = await attachmentService.upload({
      incidentId: incident.id,
      kind: kindOf(form.fields),
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
    return sendPhoto(reply, await attachmentService.open(request.params.id));
  });

  app.get('/api/attachments/:id/thumbnail', {
    config: { access: { permission: 'incident.read' } },
    schema: { tags: ['incidents'], summary: '照片缩略图 The photo’s thumbnail (JPEG, at most 320 px on the long side)', params: idParams },
  }, async (request, reply) => {
    await incidentService.visibleIncident(actorOf(request), await attachmentService.incidentOf(request.params.id));
    return sendPhoto(reply, await attachmentService.openThumbnail(request.params.id));
  });
};
