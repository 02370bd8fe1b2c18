import {
  REPORTER_CONTACT_FIELDS,
  type Complaint,
  type ComplaintEvent,
  type ReporterContact,
  type ReporterContactField,
  type ReporterIdentity,
  type SealedReporterContact,
} from '#aduan/complaints';
import { openContact, sealContact } from './contact-sealing.js';
import type { KeySubject, ReporterKeyVault, VaultedKey } from './key-vault.port.js';
import { ReporterKeyMissing } from './vault.errors.js';

/** What every view shows in place of each part of an erased contact. */
export const ERASED = '[erased]';

/** A contact as views show it: in clear for those allowed, or "[erased]" in each part it had. */
export interface ContactView extends ReporterContact {
  readonly erased: boolean;
}

/** Which complaint a contact belongs to and what its state knows of it; `clear` for a v1 (legacy) contact. */
export interface ContactToOpen {
  readonly complaintId: string;
  readonly identity: ReporterIdentity | null;
  /** The contact as the complaint's v1 ComplaintSubmitted holds it; needed only when `identity` is legacy. */
  readonly clear?: ReporterContact | null;
}

/** The complaint facts that decide whose key a contact is sealed under. */
export interface KeyOwner {
  readonly complaintId: string;
  readonly reporterId: string | null;
}

/**
 * One key per citizen account (anonymous complaints of a signed-in citizen included), so erasing through
 * any of an account's complaints erases the identity on all of them; one per complaint for reports filed
 * without an account (web without a token, SMS, WhatsApp, call centre, SP4N), whose reporters cannot be
 * told apart.
 */
export const keySubjectOf = ({ complaintId, reporterId }: KeyOwner): KeySubject =>
  reporterId !== null ? `account:${reporterId}` : `complaint:${complaintId}`;

/**
 * What to open for a complaint: its identity as the state knows it, with the clear contact of a v1
 * submit taken from the complaint's events (pass them for a legacy identity). Pass the complaint as it
 * stands now: an erasure applies to the whole history, not from the moment it was recorded.
 */
export function contactToOpen(complaint: Complaint, events: readonly ComplaintEvent[] = []): ContactToOpen {
  const submitted = events.find((event) => event.type === 'ComplaintSubmitted');
  const recorded = submitted?.type === 'ComplaintSubmitted' ? submitted.data.reporter : null;
  return {
    complaintId: complaint.id,
    identity: complaint.reporter,
    clear: recorded?.form === 'clear' ? { name: recorded.name, email: recorded.email, phone: recorded.phone } : null,
  };
}

export const erasedView = (fields: readonly ReporterContactField[]): ContactView => {
  const view = { name: null, email: null, phone: null, erased: true } as {
    -readonly [K in keyof ContactView]: ContactView[K];
  };
  for (const field of REPORTER_CONTACT_FIELDS) if (fields.includes(field)) view[field] = ERASED;
  return view;
};

/**
 * Seals contacts before they enter an event, opens them for views, and erases them: the edge's whole
 * dealing with reporters' personal data, over a key vault.
 */
export class ReporterIdentities {
  constructor(private readonly vault: ReporterKeyVault) {}

  /** Seals a checked contact under its owner's key, created on first use: one round trip to the vault. */
  async seal(owner: KeyOwner, contact: ReporterContact): Promise<SealedReporterContact> {
    const key = await this.vault.keyFor(keySubjectOf(owner));
    return sealContact(contact, key, owner.complaintId);
  }

  /**
   * Opens contacts for views, with one vault lookup for all of them (a page of complaints costs one
   * query). Null where a complaint holds no contact; "[erased]" parts where its identity was erased,
   * on the complaint or through its key. Throws the first failure.
   */
  async open(contacts: readonly ContactToOpen[]): Promise<(ContactView | null)[]> {
    return (await this.openSettled(contacts)).map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
  }

  /** Like `open`, but one contact that does not open (altered, its key unknown) fails alone. */
  async openSettled(contacts: readonly ContactToOpen[]): Promise<PromiseSettledResult<ContactView | null>[]> {
    const keyIds = contacts.flatMap(({ identity }) => (identity?.form === 'sealed' ? [identity.keyId] : []));
    const keys: ReadonlyMap<string, VaultedKey> = keyIds.length === 0 ? new Map() : await this.vault.keys(keyIds);
    return contacts.map((contact) => {
      try {
        return { status: 'fulfilled', value: viewOf(contact, keys) };
      } catch (reason) {
        return { status: 'rejected', reason };
      }
    });
  }

  /**
   * Destroys the key the complaint's contact is sealed under and its owner's live key (the same one
   * unless the account's key was erased before and a new one made since). Idempotent.
   */
  async erase(owner: KeyOwner, identity: ReporterIdentity | null, erasedAt: Date): Promise<void> {
    const subjects = [...new Set<KeySubject>([keySubjectOf(owner), `complaint:${owner.complaintId}`])];
    await this.vault.erase({
      keyIds: identity?.form === 'sealed' ? [identity.keyId] : [],
      subjects,
      erasedAt,
      via: owner.complaintId,
    });
  }
}

function viewOf(
  { complaintId, identity, clear }: ContactToOpen,
  keys: ReadonlyMap<string, VaultedKey>,
): ContactView | null {
  if (identity === null) return null;
  switch (identity.form) {
    case 'erased':
      return erasedView(identity.fields);
    case 'legacy':
      if (!clear) throw new Error(`The v1 contact of complaint ${complaintId} was not read from its event`);
      return { name: clear.name, email: clear.email, phone: clear.phone, erased: false };
    case 'sealed': {
      const vaulted = keys.get(identity.keyId);
      if (!vaulted) throw new ReporterKeyMissing(identity.keyId);
      if (vaulted.status === 'erased') return erasedView(identity.fields);
      return { ...openContact(identity, vaulted.key, complaintId), erased: false };
    }
  }
}
