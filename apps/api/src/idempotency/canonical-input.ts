import { createHash } from 'node:crypto';

/**
 * SHA-256 of a mutation's arguments without `idempotencyKey` (at any depth), as JSON with sorted keys: the same
 * input written with fields in another order, or with an absent optional field sent as null, hashes
 * the same.
 */
export function hashInput(args: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(args)).digest('hex');
}

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
