import type { DataKey } from './contact-sealing.js';

/**
 * Whose key a contact is sealed under: a citizen account (`account:<reporterId>`), or a complaint
 * filed without one (`complaint:<complaintId>`).
 */
export type KeySubject = `account:${string}` | `complaint:${string}`;

/** A key as the vault holds it: live (unwrapped for this use), or erased (its material is gone for good). */
export type VaultedKey =
  { readonly status: 'live'; readonly key: DataKey } | { readonly status: 'erased'; readonly erasedAt: Date };

export interface KeyErasure {
  /** Keys named by the complaint's sealed contact. */
  readonly keyIds: readonly string[];
  /** Subjects whose live key is erased too: the reporter's account, the complaint itself. */
  readonly subjects: readonly KeySubject[];
  readonly erasedAt: Date;
  /** The complaint the erasure was asked through, kept beside the tombstone for audits. */
  readonly via: string;
}

/**
 * The reporters' data keys, outside the event store (a PostgreSQL table, whichever store holds the
 * events, and never a read model: rebuilding projections leaves it alone). Erasing a key destroys its
 * material and keeps a tombstone, so an erased identity is told apart from a key that never existed.
 */
export interface ReporterKeyVault {
  /** The subject's live key, created on first use: one round trip either way. */
  keyFor(subject: KeySubject): Promise<DataKey>;
  /** The keys with these ids, in one round trip; ids the vault never held are absent from the answer. */
  keys(keyIds: readonly string[]): Promise<ReadonlyMap<string, VaultedKey>>;
  /** Destroys the keys named and the live keys of the subjects named; already erased keys are left as they are. */
  erase(erasure: KeyErasure): Promise<void>;
}
