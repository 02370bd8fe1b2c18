import type { Pool } from '#aduan/postgres';

/** Key of the transaction-scoped advisory lock that serialises this schema's migration ("aduan-kv"). */
const MIGRATION_LOCK_KEY = '7017863180670809718';

/**
 * The key vault's table. Idempotent, run at every start. Design:
 * - `wrapped_key` holds the data key wrapped by the key-encryption key (`kek_id` names which); null
 *   once erased, when the row stays as a tombstone (`erased_at`, `erased_via`).
 * - At most one live key per subject (partial unique index): every complaint of an account is sealed
 *   under the same key until it is erased; after that the account's next complaint gets a new one.
 */
export const KEY_VAULT_DDL = /* sql */ `
CREATE TABLE IF NOT EXISTS reporter_identity_keys (
  key_id      uuid        NOT NULL,
  subject     text        NOT NULL,
  wrapped_key bytea,
  kek_id      text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  erased_at   timestamptz,
  erased_via  uuid,
  CONSTRAINT reporter_identity_keys_pkey PRIMARY KEY (key_id),
  CONSTRAINT reporter_identity_keys_material_check
    CHECK ((erased_at IS NULL) = (wrapped_key IS NOT NULL AND kek_id IS NOT NULL))
);

CREATE UNIQUE INDEX IF NOT EXISTS reporter_identity_keys_live_subject
  ON reporter_identity_keys (subject) WHERE erased_at IS NULL;
`;

/** Creates the table if needed; safe to run from several processes at once. */
export async function migrateKeyVault(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query(KEY_VAULT_DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
