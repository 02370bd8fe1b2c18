import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from '#aduan/postgres';

/** What a completed mutation answered, enough to answer it again. */
export type RecordedResult =
  /** A complaint as the mutation left it: read back at `version`, so later changes do not show. */
  | {
      readonly kind: 'complaint';
      readonly complaintId: string;
      readonly version: number;
      readonly reporterAccess: boolean;
      /** The access key a submit answered, sealed with the idempotency key (only its holder can open it). */
      readonly sealedAccessKey: string | null;
    }
  /** A plain value (a count…). */
  | { readonly kind: 'value'; readonly value: unknown };

export interface KeyScope {
  /** The token's subject, or '' for callers without a token (the key alone then identifies the retry). */
  readonly caller: string;
  readonly mutation: string;
  readonly key: string;
}

export type Claim =
  | { readonly outcome: 'claimed'; readonly claimId: string }
  | { readonly outcome: 'done'; readonly inputHash: string; readonly result: RecordedResult }
  | { readonly outcome: 'pending'; readonly inputHash: string };

/**
 * The `idempotency_keys` table. A key is claimed (INSERT … ON CONFLICT DO NOTHING) before the mutation
 * runs, completed with the result afterwards, and released when the mutation fails. A claim older
 * than `staleAfterMs` (its holder crashed or hung) may be taken over by a retry.
 */
export class IdempotencyKeys {
  constructor(
    private readonly pool: Pool,
    private readonly staleAfterMs: number,
  ) {}

  async claim(scope: KeyScope, inputHash: string): Promise<Claim> {
    const claimId = randomUUID();
    const keyHash = hashKey(scope.key);
    const inserted = await this.pool.query(
      `INSERT INTO idempotency_keys (caller, mutation, key_hash, input_hash, claim_id, claimed_at)
       VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING`,
      [scope.caller, scope.mutation, keyHash, inputHash, claimId],
    );
    if (inserted.rowCount === 1) return { outcome: 'claimed', claimId };
    // A stale claim with the same input is taken over; one with another input stays the key's.
    const taken = await this.pool.query(
      `UPDATE idempotency_keys SET claim_id = $5, claimed_at = now()
       WHERE caller = $1 AND mutation = $2 AND key_hash = $3 AND input_hash = $4 AND completed_at IS NULL
         AND claimed_at < now() - make_interval(secs => $6)`,
      [scope.caller, scope.mutation, keyHash, inputHash, claimId, this.staleAfterMs / 1000],
    );
    if (taken.rowCount === 1) return { outcome: 'claimed', claimId };
    const found = await this.pool.query<{ input_hash: string; completed_at: Date | null; result: RecordedResult }>(
      `SELECT input_hash, completed_at, result FROM idempotency_keys WHERE caller = $1 AND mutation = $2 AND key_hash = $3`,
      [scope.caller, scope.mutation, keyHash],
    );
    const row = found.rows[0];
    // Released between the INSERT and the SELECT: claim again.
    if (!row) return this.claim(scope, inputHash);
    if (row.completed_at === null) return { outcome: 'pending', inputHash: row.input_hash };
    return { outcome: 'done', inputHash: row.input_hash, result: row.result };
  }

  async complete(scope: KeyScope, claimId: string, result: RecordedResult): Promise<void> {
    const complaint = result.kind === 'complaint' ? result : null;
    await this.pool.query(
      `UPDATE idempotency_keys SET completed_at = now(), result = $5, complaint_id = $6, version = $7
       WHERE caller = $1 AND mutation = $2 AND key_hash = $3 AND claim_id = $4`,
      [
        scope.caller,
        scope.mutation,
        hashKey(scope.key),
        claimId,
        JSON.stringify(result),
        complaint?.complaintId ?? null,
        complaint?.version ?? null,
      ],
    );
  }

  /** Frees the key after a failed mutation, so a retry runs it again. */
  async release(scope: KeyScope, claimId: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM idempotency_keys WHERE caller = $1 AND mutation = $2 AND key_hash = $3 AND claim_id = $4 AND completed_at IS NULL`,
      [scope.caller, scope.mutation, hashKey(scope.key), claimId],
    );
  }
}

/** Keys are stored hashed: the key itself opens a sealed access key. */
const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const sealingKey = (scope: KeyScope): Buffer =>
  Buffer.from(hkdfSync('sha256', scope.key, `${scope.caller}\u0000${scope.mutation}`, 'aduan-idempotency', 32));

/** AES-256-GCM under a key derived from the idempotency key: the table alone does not reveal it. */
export function seal(scope: KeyScope, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(scope), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(scope: KeyScope, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('Malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(scope), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
