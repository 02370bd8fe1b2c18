import { createHash } from 'node:crypto';

/** Aduan's own UUIDv5 namespace, for ids derived from outside keys. */
export const ADUAN_NAMESPACE = '6f1c4c52-3c1e-4b55-9a0e-2d5b8f6f0a11';

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1): the same name always gives the same id. A provider's
 * message id becomes a complaint id, so a redelivered message finds the complaint it already made.
 */
export function uuidV5(name: string, namespace: string = ADUAN_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new RangeError(`"${namespace}" is not a UUID`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
