import { DomainError, type ErrorKind } from '@civicgrid/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  throttled: 429,
};

export interface ErrorBody {
  code: string;
  message: string;
  messages: { zh: string; en: string };
  details?: unknown;
}

/**
 * English only when the first language asked for is English. Every Chinese one (zh-CN, and zh-TW or zh-HK from a
 * console switched to 繁體中文) gets the Chinese message, which the console converts to Traditional characters.
 */
function prefersEnglish(request: FastifyRequest): boolean {
  const language = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(language.trim());
}

function body(request: FastifyRequest, code: string, zh: string, en: string, details?: unknown): ErrorBody {
  return {
    code,
    message: prefersEnglish(request) ? en : zh,
    messages: { zh, en },
    ...(details === undefined ? {} : { details }),
  };
}

/** The one place where errors become HTTP: domain errors by kind, validation as 400, the rest as 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  // a route may have set another type (a photo) before failing; the error is JSON
  void reply.type('application/json; charset=utf-8');
  if (error instanceof DomainError) {
    void reply.status(STATUS_OF_KIND[error.kind]).send(body(request, error.code, error.messages.zh, error.messages.en, error.details));
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message }));
    const where = issues.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ');
    void reply.status(400).send(body(request, 'request.invalid', `请求参数不正确：${where}`, `Invalid request: ${where}`, { issues }));
    return;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request.too_large'
      : fastifyError.code?.startsWith('FST_ERR_CTP') ? 'request.unreadable_body' : 'request.invalid';
    void reply.status(fastifyError.statusCode).send(body(request, code, `请求无法处理：${error.message}`, `The request cannot be processed: ${error.message}`));
    return;
  }
  // two requests raced for the same unique row (a double click, a retried upload): the loser changed nothing
  if ((error as { code?: unknown }).code === '23505') {
    request.log.warn({ err: error }, 'unique violation answered as a conflict');
    void reply.status(409).send(body(request, 'request.conflict', '数据已被同时修改，请刷新后重试', 'Someone changed the same record at the same moment; reload and try again'));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(body(request, 'server.error', '服务器内部错误，请稍后重试', 'Internal server error; please try again later'));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send(body(request, 'route.not_found', `接口不存在：${request.method} ${request.url}`, `No such route: ${request.method} ${request.url}`));
}
