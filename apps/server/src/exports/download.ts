import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

/** attachment with an ASCII fallback name and the real one in UTF-8 (RFC 6266 / 5987), e.g. 人员_20261123.xlsx. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a file that is written while it downloads: the writer gets the response stream and awaits its
 * drain, so a slow client holds back the database reads instead of filling memory. A failure half-way
 * breaks the download (the client sees it incomplete) and is logged; everything checkable is checked
 * before this is called, while an error can still be an answer.
 */
export function sendStreamed(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { fileName: string; format: keyof typeof CONTENT_TYPES; charset?: string; headers?: Record<string, string> },
  write: (output: Writable) => Promise<void>,
) {
  const output = new PassThrough({ highWaterMark: 256 * 1024 });
  request.raw.once('close', () => {
    if (!reply.raw.writableFinished) output.destroy();
  });
  write(output).catch((error: unknown) => {
    if (!output.destroyed) request.log.error({ err: error }, 'streamed download failed');
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const type = file.charset ? `${CONTENT_TYPES[file.format]}; charset=${file.charset}` : CONTENT_TYPES[file.format];
  return reply
    .headers(file.headers ?? {})
    .type(type)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(output);
}
