import crypto from 'node:crypto';

/** A random token for a session, a CSRF check or an API token; only its hash is ever stored. */
export function newSecretToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
