/**
 * Domain errors carry a stable code and a message in Chinese and English.
 * The HTTP edge maps `kind` to a status code; services never speak HTTP.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'throttled';

export interface ErrorMessage {
  zh: string;
  en: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly messages: ErrorMessage;
  readonly details: unknown;

  constructor(code: string, kind: ErrorKind, messages: ErrorMessage, details?: unknown) {
    super(`${messages.zh} / ${messages.en}`);
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.messages = messages;
    this.details = details;
  }
}

export function invalid(code: string, zh: string, en: string, details?: unknown): DomainError {
  return new DomainError(code, 'invalid', { zh, en }, details);
}

export function notFound(code: string, zh: string, en: string, details?: unknown): DomainError {
  return new DomainError(code, 'not_found', { zh, en }, details);
}

export function conflict(code: string, zh: string, en: string, details?: unknown): DomainError {
  return new DomainError(code, 'conflict', { zh, en }, details);
}

export function forbidden(code: string, zh: string, en: string, details?: unknown): DomainError {
  return new DomainError(code, 'forbidden', { zh, en }, details);
}
