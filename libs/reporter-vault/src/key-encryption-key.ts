import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/** The development key-encryption key: public (it is in the source), refused where NODE_ENV=production. */
export const DEVELOPMENT_KEY_ENCRYPTION_KEY = 'aduan-development-reporter-key-encryption-key-change-me';

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

/** Thrown for a REPORTER_KEY_ENCRYPTION_KEY that is not 32 bytes in hex or base64. */
export class KeyEncryptionKeyFormatError extends Error {
  constructor() {
    super('REPORTER_KEY_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64 (e.g. openssl rand -hex 32)');
    this.name = 'KeyEncryptionKeyFormatError';
  }
}

/**
 * The key-encryption key (KEK) from configuration. Data keys are stored wrapped by it (AES-256-GCM,
 * bound to their key id), so the key table, a dump or a backup of the database reveals no data key
 * without the configuration too. Its bytes stay private: neither JSON nor util.inspect shows them.
 */
export class KeyEncryptionKey {
  readonly #key: Buffer;
  /** A short fingerprint, stored beside each wrapped key: a mismatched configuration is named, not guessed. */
  readonly id: string;

  private constructor(key: Buffer) {
    this.#key = key;
    this.id = createHash('sha256').update('aduan/kek-id\u0000').update(key).digest('hex').slice(0, 16);
  }

  /**
   * 64 hex digits or base64 of 32 bytes. The development default is a passphrase, stretched with
   * SHA-256: only that one string is accepted in this form.
   */
  static parse(text: string): KeyEncryptionKey {
    const value = text.trim();
    if (value === DEVELOPMENT_KEY_ENCRYPTION_KEY) {
      return new KeyEncryptionKey(createHash('sha256').update(value).digest());
    }
    if (/^[0-9a-fA-F]{64}$/.test(value)) return new KeyEncryptionKey(Buffer.from(value, 'hex'));
    if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
      const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      if (bytes.length === DATA_KEY_BYTES) return new KeyEncryptionKey(bytes);
    }
    throw new KeyEncryptionKeyFormatError();
  }

  static development(): KeyEncryptionKey {
    return KeyEncryptionKey.parse(DEVELOPMENT_KEY_ENCRYPTION_KEY);
  }

  /** nonce ‖ tag ‖ ciphertext of a data key, authenticated together with its id. */
  wrap(keyId: string, dataKey: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(`aduan/data-key\u0000${keyId}`));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** The data key, or null when the wrapping does not authenticate (altered, or another key's). */
  unwrap(keyId: string, wrapped: Buffer): Buffer | null {
    if (wrapped.length !== IV_BYTES + TAG_BYTES + DATA_KEY_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, wrapped.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(`aduan/data-key\u0000${keyId}`));
      decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }

  /** A key for another purpose, derived with HKDF, so it is as secret as this one and unrelated to it. */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), `aduan/${purpose}`, 32));
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [inspect.custom](): string {
    return `KeyEncryptionKey(${this.id})`;
  }
}
