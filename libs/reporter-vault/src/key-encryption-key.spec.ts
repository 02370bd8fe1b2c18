import { randomBytes, randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { DEVELOPMENT_KEY_ENCRYPTION_KEY, KeyEncryptionKey, KeyEncryptionKeyFormatError } from './key-encryption-key.js';

const HEX = 'a1'.repeat(32);

describe('the key-encryption key', () => {
  it('reads 32 bytes as hex or base64 (standard or URL-safe), and the development passphrase', () => {
    const bytes = Buffer.from(HEX, 'hex');
    const ids = [HEX, bytes.toString('base64'), bytes.toString('base64url')].map(
      (text) => KeyEncryptionKey.parse(text).id,
    );
    expect(new Set(ids).size).toBe(1);
    expect(KeyEncryptionKey.parse(DEVELOPMENT_KEY_ENCRYPTION_KEY).id).toBe(KeyEncryptionKey.development().id);
    expect(KeyEncryptionKey.development().id).not.toBe(ids[0]);
  });

  it.each([
    ['too short', 'a1'.repeat(31)],
    ['too long', 'a1'.repeat(33)],
    ['not hex', 'zz'.repeat(32)],
    ['a passphrase', 'correct horse battery staple'],
    ['base64 of 31 bytes', randomBytes(31).toString('base64')],
  ])('refuses a key %s', (_label, text) => {
    expect(() => KeyEncryptionKey.parse(text)).toThrow(KeyEncryptionKeyFormatError);
  });

  it('wraps a data key so that only the same key-encryption key and key id unwrap it', () => {
    const kek = KeyEncryptionKey.parse(HEX);
    const keyId = randomUUID();
    const dataKey = randomBytes(32);
    const wrapped = kek.wrap(keyId, dataKey);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(kek.unwrap(keyId, wrapped)).toEqual(dataKey);
    expect(kek.unwrap(randomUUID(), wrapped)).toBeNull();
    expect(KeyEncryptionKey.parse('b2'.repeat(32)).unwrap(keyId, wrapped)).toBeNull();
    const altered = Buffer.from(wrapped);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(kek.unwrap(keyId, altered)).toBeNull();
    expect(kek.unwrap(keyId, wrapped.subarray(1))).toBeNull();
  });

  it('derives purpose keys that differ by purpose and from the key itself', () => {
    const kek = KeyEncryptionKey.parse(HEX);
    expect(kek.derive('idempotency-input')).toEqual(KeyEncryptionKey.parse(HEX).derive('idempotency-input'));
    expect(kek.derive('idempotency-input')).not.toEqual(kek.derive('other'));
    expect(kek.derive('idempotency-input').toString('hex')).not.toBe(HEX);
  });

  it('never shows its bytes in JSON or util.inspect (configuration dumps, logs)', () => {
    const kek = KeyEncryptionKey.parse(HEX);
    const shown = [JSON.stringify({ kek }), inspect(kek), inspect({ config: { kek } }), String(Object.keys(kek))];
    for (const text of shown) {
      expect(text).not.toContain(HEX);
      expect(text).not.toContain(Buffer.from(HEX, 'hex').toString('base64'));
    }
    expect(JSON.stringify({ kek })).toContain(kek.id);
  });
});
