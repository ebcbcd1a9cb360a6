import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks Meta's X-Hub-Signature-256 header ("sha256=<hex HMAC of the raw body with the app secret>"),
 * in constant time. The raw bytes matter: re-serialised JSON would not match.
 */
export function signatureIsValid(rawBody: Buffer, header: unknown, appSecret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const wanted = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** True when two secrets are equal, compared in constant time (the webhook's verify token). */
export function sameSecret(given: unknown, wanted: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}
