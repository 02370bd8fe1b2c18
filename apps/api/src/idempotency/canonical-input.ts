import { createHash, createHmac } from 'node:crypto';

/**
 * HMAC-SHA256, under a server-side key, of a mutation's arguments without `idempotencyKey` (at any
 * depth), as JSON with sorted keys: the same input written with fields in another order, or with an
 * absent optional field sent as null, hashes the same. Keyed because the input holds the reporter's
 * contact and everything else in it is in the store: a plain hash of a submit could be matched against
 * every phone number in a few minutes by whoever holds a database dump, even after an erasure.
 */
export function hashInput(args: Record<string, unknown>, key: Buffer): string {
  return createHmac('sha256', key).update(canonical(args)).digest('hex');
}

/** The unkeyed SHA-256 that keys claimed before the HMAC hold; compared only, never written. */
export function legacyHashInput(args: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(args)).digest('hex');
}

/** Whether a stored input hash is of these arguments: keyed, or (a key claimed before the upgrade) unkeyed. */
export const sameInput = (stored: string, args: Record<string, unknown>, key: Buffer): boolean =>
  stored === hashInput(args, key) || stored === legacyHashInput(args);

function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  // The DateTime scalar parses an unreadable string to an invalid Date; the decision refuses it later.
  if (value instanceof Date)
    return JSON.stringify(Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => v !== null && v !== undefined && key !== 'idempotencyKey')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
