/**
 * A fresh id for one submission, kept across its retries so the server records it once. `randomUUID` exists only
 * in secure contexts (https, localhost); a console opened over plain http on the office network falls back to
 * `getRandomValues`, which exists everywhere.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
