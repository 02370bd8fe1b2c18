import { InvalidComplaintInput } from './complaint.errors.js';

/** Trims and checks a required text's length in characters (code points, so emoji count once). */
export function requiredText(field: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string') throw new InvalidComplaintInput(field, 'is required');
  const text = value.trim();
  const length = [...text].length;
  if (length < min) throw new InvalidComplaintInput(field, `must be at least ${min} characters (got ${length})`);
  if (length > max) throw new InvalidComplaintInput(field, `must be at most ${max} characters (got ${length})`);
  return text;
}

/** Like requiredText, but empty or missing means null. */
export function optionalText(field: string, value: unknown, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new InvalidComplaintInput(field, 'must be text');
  const text = value.trim();
  if (text === '') return null;
  return requiredText(field, text, 1, max);
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InvalidComplaintInput(field, `must be one of ${allowed.join(', ')}`);
}

// Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322 rejects nothing useful here.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Indonesian numbers as people write them: +62…, 62… or 0…, then 7–13 digits once separators are removed.
const PHONE = /^(?:\+?62|0)\d{7,13}$/;

export function optionalEmail(field: string, value: unknown): string | null {
  const email = optionalText(field, value, 254);
  if (email !== null && !EMAIL.test(email))
    throw new InvalidComplaintInput(field, `"${email}" is not an email address`);
  return email?.toLowerCase() ?? null;
}

export function optionalPhone(field: string, value: unknown): string | null {
  const phone = optionalText(field, value, 32);
  if (phone === null) return null;
  const digits = phone.replace(/[\s\-().]/g, '');
  if (!PHONE.test(digits)) {
    throw new InvalidComplaintInput(
      field,
      `"${phone}" is not an Indonesian phone number (e.g. +62 812 3456 7890 or 0812…)`,
    );
  }
  return digits;
}
