import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from '#aduan/postgres';
import type { DataKey } from '../contact-sealing.js';
import { DATA_KEY_BYTES, type KeyEncryptionKey } from '../key-encryption-key.js';
import type { KeyErasure, KeySubject, ReporterKeyVault, VaultedKey } from '../key-vault.port.js';
import { KeyEncryptionKeyMismatch, WrappedKeyUnreadable } from '../vault.errors.js';
import { migrateKeyVault } from './postgres-key-vault.schema.js';

/**
 * Get or create in one statement: the insert of a fresh key does nothing when the subject has a live
 * one, which the second branch then reads. Both branches see the statement's snapshot, so when
 * another session created the subject's key after it was taken, neither answers: the caller retries.
 */
const KEY_FOR_SQL = /* sql */ `
  WITH created AS (
    INSERT INTO reporter_identity_keys (key_id, subject, wrapped_key, kek_id)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (subject) WHERE erased_at IS NULL DO NOTHING
    RETURNING key_id, wrapped_key, kek_id
  )
  SELECT key_id, wrapped_key, kek_id FROM created
  UNION ALL
  SELECT key_id, wrapped_key, kek_id FROM reporter_identity_keys WHERE subject = $2 AND erased_at IS NULL
  LIMIT 1`;

const KEYS_SQL = /* sql */ `
  SELECT key_id, wrapped_key, kek_id, erased_at FROM reporter_identity_keys WHERE key_id = ANY ($1::uuid[])`;

const ERASE_SQL = /* sql */ `
  UPDATE reporter_identity_keys
     SET wrapped_key = NULL, kek_id = NULL, erased_at = $3, erased_via = $4
   WHERE erased_at IS NULL AND (key_id = ANY ($1::uuid[]) OR subject = ANY ($2::text[]))`;

interface KeyRow {
  readonly key_id: string;
  readonly wrapped_key: Buffer | null;
  readonly kek_id: string | null;
  readonly erased_at?: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Rounds of keyFor when another session keeps creating the subject's key between statements. */
const MAX_KEY_FOR_ATTEMPTS = 5;

/** The key vault on PostgreSQL, on the application's pool (the same database as the read models). */
export class PostgresKeyVault implements ReporterKeyVault {
  constructor(
    private readonly pool: Pool,
    private readonly kek: KeyEncryptionKey,
  ) {}

  migrate(): Promise<void> {
    return migrateKeyVault(this.pool);
  }

  async keyFor(subject: KeySubject): Promise<DataKey> {
    for (let attempt = 1; ; attempt++) {
      const keyId = randomUUID();
      const material = randomBytes(DATA_KEY_BYTES);
      const { rows } = await this.pool.query<KeyRow>({
        name: 'aduan_key_vault_key_for',
        text: KEY_FOR_SQL,
        values: [keyId, subject, this.kek.wrap(keyId, material), this.kek.id],
      });
      const row = rows[0];
      if (row?.key_id === keyId) return { keyId, material };
      if (row) return { keyId: row.key_id, material: this.unwrap(row) };
      if (attempt >= MAX_KEY_FOR_ATTEMPTS) throw new Error(`No live key could be created or read for ${subject}`);
    }
  }

  async keys(keyIds: readonly string[]): Promise<ReadonlyMap<string, VaultedKey>> {
    // A malformed id (an altered event) can name no key; leaving it out keeps the cast from failing the batch.
    const ids = [...new Set(keyIds)].filter((id) => UUID.test(id));
    const found = new Map<string, VaultedKey>();
    if (ids.length === 0) return found;
    const { rows } = await this.pool.query<KeyRow>({ name: 'aduan_key_vault_keys', text: KEYS_SQL, values: [ids] });
    for (const row of rows) {
      found.set(
        row.key_id,
        row.erased_at
          ? { status: 'erased', erasedAt: row.erased_at }
          : { status: 'live', key: { keyId: row.key_id, material: this.unwrap(row) } },
      );
    }
    return found;
  }

  async erase(erasure: KeyErasure): Promise<void> {
    await this.pool.query({
      name: 'aduan_key_vault_erase',
      text: ERASE_SQL,
      values: [erasure.keyIds.filter((id) => UUID.test(id)), erasure.subjects, erasure.erasedAt, erasure.via],
    });
  }

  private unwrap(row: KeyRow): Buffer {
    if (!row.wrapped_key || !row.kek_id) throw new WrappedKeyUnreadable(row.key_id);
    if (row.kek_id !== this.kek.id) throw new KeyEncryptionKeyMismatch(row.key_id, row.kek_id, this.kek.id);
    const material = this.kek.unwrap(row.key_id, row.wrapped_key);
    if (!material) throw new WrappedKeyUnreadable(row.key_id);
    return material;
  }
}
