import type { CommandActor } from './actor.js';
import { optionalEmail, optionalPhone, optionalText } from './validation.js';

/** The parts of a reporter's contact, in the order they are sealed and shown. */
export const REPORTER_CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ReporterContactField = (typeof REPORTER_CONTACT_FIELDS)[number];

/** The reporter's contact in clear, as given. Personal data: it never enters an event in this form (v2 on). */
export interface ReporterContact {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/**
 * The contact as ComplaintSubmitted (v2 on) carries it: sealed with AES-256-GCM under the reporter's
 * data key, which lives in the key vault outside the event store. Destroying that key (erasure) makes
 * the ciphertext unreadable for good while the event, and so the hash chain, stays as it was written.
 * Sealing happens at the edge; the domain only carries the sealed form.
 */
export interface SealedReporterContact {
  readonly form: 'sealed';
  readonly algorithm: 'AES-256-GCM';
  /** The data key in the vault: one per citizen account, or one per complaint filed without one. */
  readonly keyId: string;
  /** Which parts were given (no values): an erased identity shows "[erased]" for these and null for the rest. */
  readonly fields: readonly ReporterContactField[];
  /** base64url: 12-byte nonce, ciphertext, 16-byte authentication tag. */
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/**
 * The contact as ComplaintSubmitted v1 wrote it, in clear, marked by the upcaster. Never written any
 * more; events are immutable, so these stay readable in the store (see docs/reliability.md).
 */
export interface ClearReporterContact extends ReporterContact {
  readonly form: 'clear';
}

/** The contact an event carries. */
export type RecordedReporterContact = SealedReporterContact | ClearReporterContact;

/**
 * What a complaint's state knows of the reporter's contact: never the clear values, so read models
 * holding the state hold no personal data. `legacy`: the clear contact lies in the complaint's v1
 * ComplaintSubmitted and is read from there at the edge. `erased`: the reporter's identity was erased.
 */
export type ReporterIdentity =
  | SealedReporterContact
  | { readonly form: 'legacy'; readonly fields: readonly ReporterContactField[] }
  | { readonly form: 'erased'; readonly fields: readonly ReporterContactField[] };

/** The parts of a contact that hold a value. */
export const contactFields = (contact: ReporterContact): ReporterContactField[] =>
  REPORTER_CONTACT_FIELDS.filter((field) => contact[field] !== null);

/** What the state keeps of the contact an event carries. */
export function identityOf(recorded: RecordedReporterContact | null): ReporterIdentity | null {
  if (recorded === null) return null;
  return recorded.form === 'sealed' ? recorded : { form: 'legacy', fields: contactFields(recorded) };
}

/**
 * Checks and normalises a contact before it is sealed: trimmed, the email lower-cased, the phone an
 * Indonesian number without separators. Null when no part is given.
 */
export function reporterContactOf(reporter: Partial<ReporterContact> | null | undefined): ReporterContact | null {
  if (!reporter) return null;
  const contact: ReporterContact = {
    name: optionalText('reporter.name', reporter.name, 200),
    email: optionalEmail('reporter.email', reporter.email),
    phone: optionalPhone('reporter.phone', reporter.phone),
  };
  return contactFields(contact).length === 0 ? null : contact;
}

/** The citizen account a submit by this actor is filed from; null for a report without an account. */
export const reporterIdFor = (actor: CommandActor): string | null => (actor.role === 'citizen' ? actor.id : null);
