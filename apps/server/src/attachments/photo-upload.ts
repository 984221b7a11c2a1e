import fastifyMultipart from '@fastify/multipart';
import { invalid } from '@civicgrid/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PhotoFile } from './photo-files.js';

export interface PhotoUpload {
  /** the form's text fields, by name */
  fields: Record<string, unknown>;
  bytes: Buffer;
  originalName: string | null;
}

/** Multipart parsing for a route plugin that takes one photo: the photo limit plus one byte, so that the check can name the limit. */
export function registerPhotoMultipart(app: FastifyInstance, maxBytes: number) {
  return app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes + 1, files: 1, fields: 5 },
  });
}

/** The form's one `file` and its text fields, in whichever order they come. */
export async function readPhotoUpload(request: FastifyRequest): Promise<PhotoUpload> {
  const fields: Record<string, unknown> = {};
  let file: { bytes: Buffer; originalName: string | null } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = part.value;
    } else if (part.fieldname === 'file') {
      // Cut off one byte past the limit (see registerPhotoMultipart), which PhotoFiles refuses with its own message.
      file = { bytes: await part.toBuffer(), originalName: part.filename || null };
    } else {
      part.file.resume();
    }
  }
  if (!file) throw invalid('attachment.file_missing', '请在 file 字段上传一张照片', 'Upload one photo in the field named file');
  return { fields, ...file };
}

export function sendPhoto(reply: FastifyReply, file: PhotoFile) {
  return reply
    .type(file.mimeType)
    .header('content-length', file.byteSize)
    // The URL names one photo whose bytes never change; only the signed-in viewer's browser keeps it.
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}
