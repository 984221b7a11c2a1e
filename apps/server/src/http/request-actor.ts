import { authenticationRequired, type Actor } from '@civicgrid/domain';
import type { FastifyRequest } from 'fastify';

/** The authenticated actor of a request; routes that reach their handler always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw authenticationRequired();
  return request.actor;
}
