import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `sha256=<hex>` (the form of X-Hub-Signature-256 and X-Aduan-Signature): the HMAC-SHA256 of
 * the raw request body under the shared secret, compared in constant time.
 */
export function verifyHmacSha256(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const signHmacSha256 = (secret: string, body: Buffer | string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
