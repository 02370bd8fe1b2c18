import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  contactFields,
  REPORTER_CONTACT_FIELDS,
  type ReporterContact,
  type ReporterContactField,
  type SealedReporterContact,
} from '#aduan/complaints';
import { DATA_KEY_BYTES } from './key-encryption-key.js';
import { SealedContactUnreadable } from './vault.errors.js';

/** A reporter's data key, unwrapped: it lives in memory for one operation only. */
export interface DataKey {
  readonly keyId: string;
  readonly material: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Plaintexts are padded to a multiple of this, so a ciphertext's length says little about the contact's. */
const PADDING_BLOCK = 64;

/**
 * The authenticated context of a sealed contact: it opens only for the complaint, key and list of
 * parts it was sealed with, so it cannot be copied to another complaint of the same reporter, nor its
 * `fields` edited, without the tag failing.
 */
const bindingOf = (complaintId: string, keyId: string, fields: readonly ReporterContactField[]): Buffer =>
  Buffer.from(`aduan/reporter-contact/v1\u0000${complaintId}\u0000${keyId}\u0000${fields.join(',')}`);

/** Seals a contact for an event: AES-256-GCM with a fresh random nonce, under the reporter's data key. */
export function sealContact(contact: ReporterContact, key: DataKey, complaintId: string): SealedReporterContact {
  if (key.material.length !== DATA_KEY_BYTES) throw new RangeError('A reporter data key has 32 bytes');
  const fields = contactFields(contact);
  const json = JSON.stringify(Object.fromEntries(fields.map((field) => [field, contact[field]])));
  const plaintext = Buffer.from(json.padEnd(Math.ceil((json.length + 1) / PADDING_BLOCK) * PADDING_BLOCK, ' '));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.material, iv);
  cipher.setAAD(bindingOf(complaintId, key.keyId, fields));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    form: 'sealed',
    algorithm: 'AES-256-GCM',
    keyId: key.keyId,
    fields,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/**
 * Opens a sealed contact with its data key. Any alteration (nonce, ciphertext, tag, fields, key id,
 * or the complaint it belongs to) fails GCM's authentication: SealedContactUnreadable, never a
 * wrong contact.
 */
export function openContact(sealed: SealedReporterContact, key: DataKey, complaintId: string): ReporterContact {
  const unreadable = () => new SealedContactUnreadable(complaintId, sealed.keyId);
  if (sealed.algorithm !== 'AES-256-GCM' || sealed.keyId !== key.keyId || !validFields(sealed.fields)) {
    throw unreadable();
  }
  const iv = Buffer.from(sealed.iv, 'base64url');
  const tag = Buffer.from(sealed.tag, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw unreadable();
  let json: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.material, iv);
    decipher.setAAD(bindingOf(complaintId, key.keyId, sealed.fields));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]);
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw unreadable();
  }
  const parts = json as Partial<Record<ReporterContactField, unknown>>;
  const contact = { name: null, email: null, phone: null } as Record<ReporterContactField, string | null>;
  for (const field of sealed.fields) {
    const value = parts[field];
    if (typeof value !== 'string') throw unreadable();
    contact[field] = value;
  }
  return contact;
}

function validFields(fields: unknown): fields is readonly ReporterContactField[] {
  return (
    Array.isArray(fields) &&
    fields.every((field, index) => REPORTER_CONTACT_FIELDS.includes(field) && fields.indexOf(field) === index)
  );
}
