import { randomBytes, randomUUID } from 'node:crypto';
import type { SealedReporterContact } from '#aduan/complaints';
import { openContact, sealContact, type DataKey } from './contact-sealing.js';
import { SealedContactUnreadable } from './vault.errors.js';

const CONTACT = { name: 'Siti Aminah', email: 'siti.aminah@example.id', phone: '+6281234567890' };
const COMPLAINT = '5d0c1a9e-7d55-4a53-9b57-1e8ad6c1b0f1';
const newKey = (): DataKey => ({ keyId: randomUUID(), material: randomBytes(32) });

/** Flips one bit of a base64url value. */
const flip = (value: string, byte = 0): string => {
  const bytes = Buffer.from(value, 'base64url');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
};

describe('sealing a reporter contact (AES-256-GCM)', () => {
  it('opens to the contact it sealed, with absent parts as null', () => {
    const key = newKey();
    expect(openContact(sealContact(CONTACT, key, COMPLAINT), key, COMPLAINT)).toEqual(CONTACT);
    const partial = { name: null, email: null, phone: '081234567890' };
    const sealed = sealContact(partial, key, COMPLAINT);
    expect(sealed.fields).toEqual(['phone']);
    expect(openContact(sealed, key, COMPLAINT)).toEqual(partial);
  });

  it('holds no part of the contact in clear, and says only which parts there are', () => {
    const sealed = sealContact(CONTACT, newKey(), COMPLAINT);
    const text = JSON.stringify(sealed);
    for (const value of [CONTACT.name, 'Siti', CONTACT.email, 'example.id', CONTACT.phone, '81234567890']) {
      expect(text).not.toContain(value);
    }
    expect(Object.keys(sealed).sort()).toEqual(['algorithm', 'ciphertext', 'fields', 'form', 'iv', 'keyId', 'tag']);
    expect(sealed).toMatchObject({ form: 'sealed', algorithm: 'AES-256-GCM', fields: ['name', 'email', 'phone'] });
  });

  it('uses a fresh nonce each time: the same contact seals differently', () => {
    const key = newKey();
    const a = sealContact(CONTACT, key, COMPLAINT);
    const b = sealContact(CONTACT, key, COMPLAINT);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64url')).toHaveLength(16);
  });

  it('pads the plaintext, so names of different lengths seal to the same length', () => {
    const key = newKey();
    const short = sealContact({ name: 'Ani', email: null, phone: null }, key, COMPLAINT);
    const longer = sealContact({ name: 'Ani Kusumawardhani', email: null, phone: null }, key, COMPLAINT);
    expect(short.ciphertext.length).toBe(longer.ciphertext.length);
  });

  describe('detects tampering through the GCM tag', () => {
    const key = newKey();
    const sealed = sealContact(CONTACT, key, COMPLAINT);
    const altered: [string, SealedReporterContact][] = [
      ['a flipped ciphertext bit', { ...sealed, ciphertext: flip(sealed.ciphertext, 5) }],
      ['a flipped tag bit', { ...sealed, tag: flip(sealed.tag) }],
      ['a flipped nonce bit', { ...sealed, iv: flip(sealed.iv) }],
      ['a truncated tag', { ...sealed, tag: sealed.tag.slice(0, 10) }],
      ['a field dropped from the list', { ...sealed, fields: ['name', 'email'] }],
      ['a field list reordered', { ...sealed, fields: ['phone', 'email', 'name'] }],
      ['an unknown field', { ...sealed, fields: ['name', 'email', 'phone', 'nik'] as never }],
      ['another algorithm', { ...sealed, algorithm: 'AES-128-CBC' as never }],
    ];
    it.each(altered)('refuses %s', (_label, tampered) => {
      expect(() => openContact(tampered, key, COMPLAINT)).toThrow(SealedContactUnreadable);
    });

    it('refuses the contact copied onto another complaint of the same reporter (same key)', () => {
      expect(() => openContact(sealed, key, '0b6f3d52-9f0e-4a47-8a9c-2f1d7e3c5a10')).toThrow(SealedContactUnreadable);
    });

    it('refuses another key, and another key id for the same key material', () => {
      expect(() => openContact(sealed, newKey(), COMPLAINT)).toThrow(SealedContactUnreadable);
      const renamed = { keyId: randomUUID(), material: key.material };
      expect(() => openContact({ ...sealed, keyId: renamed.keyId }, renamed, COMPLAINT)).toThrow(
        SealedContactUnreadable,
      );
    });

    it('names the complaint and key in the error, never the contact', () => {
      try {
        openContact({ ...sealed, tag: flip(sealed.tag) }, key, COMPLAINT);
        throw new Error('opened');
      } catch (error) {
        const message = String(error);
        expect(message).toContain(COMPLAINT);
        expect(message).toContain(key.keyId);
        for (const value of Object.values(CONTACT)) expect(message).not.toContain(value);
      }
    });
  });
});
