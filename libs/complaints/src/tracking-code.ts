import { createHash } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so codes read aloud over the phone or typed from SMS survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short public reference for a complaint, derived from its id so a retried submit gets the same
 * code. 60 bits: collisions stay negligible (≈1 in 2 million at ten million complaints).
 */
export function trackingCodeFor(complaintId: string): string {
  const digest = createHash('sha256').update(complaintId).digest();
  let bits = digest.readBigUInt64BE(0) >> 4n;
  let code = '';
  for (let i = 0; i < 12; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `LPR-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
