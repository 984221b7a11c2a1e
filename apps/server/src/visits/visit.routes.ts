import { visitListQuerySchema, visitRecordSchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readPhotoUpload, registerPhotoMultipart, sendPhoto } from '../attachments/photo-upload.js';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';

const tags = ['field work'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const photoParams = idParams.extend({ photoId: z.coerce.number().int().positive() });

export const visitRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { visitService, visitPhotoService } = services;

  await registerPhotoMultipart(app, visitPhotoService.maxBytes);

  app.post('/api/visits', {
    config: { access: { permission: 'visit.record' } },
    schema: {
      tags, body: visitRecordSchema,
      summary: '走访登记 A visit of the signed-in grid worker to a record in their grids; corrections of a person or house settle field by field '
        + 'against the record now (conflicts keep the server’s value and are reported); the same clientId again returns the first (200)',
    },
  }, async (request, reply) => {
    const result = await visitService.record(actorOf(request), request.body);
    return reply.code(result.created ? 201 : 200).send(result.visit);
  });

  app.get('/api/visits', {
    config: { access: { permission: 'visit.read' } },
    schema: { tags, querystring: visitListQuerySchema, summary: '走访记录 Visits in the caller’s area (mine=true: my own; targetKind and targetId: one record’s), newest first' },
  }, async (request) => visitService.list(actorOf(request), request.query));

  app.get('/api/visits/:id', {
    config: { access: { permission: 'visit.read' } },
    schema: { tags, params: idParams, summary: '走访详情 A visit with its photos and how its corrections settled' },
  }, async (request) => visitService.get(actorOf(request), request.params.id));

  app.post('/api/visits/:id/photos', {
    config: { access: { permission: 'visit.record' } },
    schema: {
      tags, params: idParams, consumes: ['multipart/form-data'],
      summary: '走访照片 Add a photo to my visit (multipart `file`: JPEG, PNG or WebP); the same photo again returns the first (200)',
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await visitPhotoService.ownVisit(actor, request.params.id);
    const upload = await readPhotoUpload(request);
    const result = await visitPhotoService.upload(actor, request.params.id, upload.bytes);
    return reply.code(result.created ? 201 : 200).send(result.photo);
  });

  app.get('/api/visits/:id/photos/:photoId/file', {
    config: { access: { permission: 'visit.read' } },
    schema: { tags, params: photoParams, summary: '走访照片原图 The photo as uploaded' },
  }, async (request, reply) => {
    const reader = await visitService.readerOf(actorOf(request));
    return sendPhoto(reply, await visitPhotoService.open(reader, request.params.id, request.params.photoId, 'file'));
  });

  app.get('/api/visits/:id/photos/:photoId/thumbnail', {
    config: { access: { permission: 'visit.read' } },
    schema: { tags, params: photoParams, summary: '走访照片缩略图 The photo’s thumbnail (JPEG, at most 320 px on the long side)' },
  }, async (request, reply) => {
    const reader = await visitService.readerOf(actorOf(request));
    return sendPhoto(reply, await visitPhotoService.open(reader, request.params.id, request.params.photoId, 'thumbnail'));
  });
};
