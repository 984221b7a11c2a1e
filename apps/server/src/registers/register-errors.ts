import { conflict, invalid, type Actor, type DomainError } from '@civicgrid/domain';

/** A field-by-field refusal: every problem at once under `details.errors`, each with its field and messages. */
export function invalidValues(code: string, what: { zh: string; en: string }, errors: readonly { field: string; zh: string; en: string }[]): DomainError {
  return invalid(code, `${what.zh}有误：${errors.map((error) => error.zh).join('；')}`, `Invalid ${what.en}: ${errors.map((error) => error.en).join('; ')}`, { errors });
}

export function versionConflict(code: string, currentVersion: number): DomainError {
  return conflict(code, '记录已被他人修改，请刷新后再试', 'Someone else changed this record; reload and try again', { currentVersion });
}

/** The user a write is recorded under; API tokens and the platform itself have none. */
export const actorUserId = (actor: Actor): number | null => (actor.kind === 'user' ? actor.userId : null);

export const today = (): string => new Date().toISOString().slice(0, 10);
