import { DomainError, type Actor } from '@civicgrid/domain';
import type { FastifyRequest } from 'fastify';

/** The authenticated actor of a request; routes that reach their handler always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('auth.required', 'unauthenticated', { zh: '请先登录', en: 'Please sign in' });
  return request.actor;
}
