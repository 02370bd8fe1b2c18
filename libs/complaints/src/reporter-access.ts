import { createHash, timingSafeEqual } from 'node:crypto';
import type { CommandActor } from './actor.js';
import { workflowOf, type Complaint } from './complaint.js';

// Crockford's base32, as for tracking codes: read aloud and typed from an SMS without ambiguity.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Formats random bytes (chosen outside the domain) as an access key: 20 characters, 100 bits,
 * grouped in fives, e.g. `7K2MQ-9XA3D-TE4HB-W81NC`. High entropy, so a plain SHA-256 is a safe store.
 */
export function formatAccessKey(random: Uint8Array): string {
  if (random.length < 13) throw new RangeError('An access key needs at least 13 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 13)) bits = (bits << 8n) | BigInt(byte);
  let key = '';
  for (let i = 0; i < 20; i++) {
    key += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return key.match(/.{5}/g)?.join('-') ?? key;
}

/** Case, spaces and dashes do not matter when a reporter types the key back. */
export const normalizeAccessKey = (key: string): string => key.toUpperCase().replace(/[\s-]/g, '');

export const hashAccessKey = (key: string): string =>
  createHash('sha256').update(normalizeAccessKey(key)).digest('hex');

/** Compares in constant time, so response timing reveals nothing about the stored hash. */
export function accessKeyMatches(key: string | null | undefined, hash: string | null): boolean {
  if (!key || !hash) return false;
  const given = Buffer.from(hashAccessKey(key), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * Whether the actor is the complaint's reporter: the citizen account that filed it, or anyone holding
 * the access key handed out at submit time (a reporter without an account, e.g. by SMS).
 */
export function isReporter(actor: CommandActor, complaint: Complaint, accessKey?: string | null): boolean {
  if (actor.role === 'citizen' && complaint.reporterId !== null && complaint.reporterId === actor.id) return true;
  return accessKeyMatches(accessKey, workflowOf(complaint).accessKeyHash);
}
