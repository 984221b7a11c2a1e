import { DomainError, notFound } from './errors.js';

/** The not-found answers many services give; one wording each, whatever the reason the record is out of reach. */
export const gridNotFound = (code: string): DomainError => notFound('grid.not_found', `网格 ${code} 不存在`, `Grid ${code} does not exist`);

export const regionNotFound = (code: string): DomainError => notFound('region.not_found', `区划 ${code} 不存在`, `Region ${code} does not exist`);

export const authenticationRequired = (): DomainError => new DomainError('auth.required', 'unauthenticated', { zh: '请先登录', en: 'Please sign in' });
