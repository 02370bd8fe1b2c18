import { randomUUID } from 'node:crypto';
import { createPool, startTestPostgres, type Pool, type TestPostgres } from '#aduan/postgres';
import { KeyEncryptionKey } from '../key-encryption-key.js';
import { ReporterIdentities } from '../reporter-identities.js';
import {
  KeyEncryptionKeyMismatch,
  ReporterKeyMissing,
  SealedContactUnreadable,
  WrappedKeyUnreadable,
} from '../vault.errors.js';
import { PostgresKeyVault } from './postgres-key-vault.js';

const KEK = KeyEncryptionKey.parse('c3'.repeat(32));
const CONTACT = { name: 'Budi Santoso', email: 'budi.santoso@example.id', phone: '081234567890' };

describe('PostgresKeyVault (real PostgreSQL)', () => {
  let postgres: TestPostgres;
  let pool: Pool;
  let vault: PostgresKeyVault;
  let identities: ReporterIdentities;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    pool = createPool({ connectionString: await postgres.createDatabase(), max: 12 });
    vault = new PostgresKeyVault(pool, KEK);
    await Promise.all([vault.migrate(), vault.migrate(), vault.migrate()]);
    identities = new ReporterIdentities(vault);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await postgres?.stop();
  });

  const rowsOf = async (subject: string) =>
    (
      await pool.query<{
        key_id: string;
        wrapped_key: Buffer | null;
        erased_at: Date | null;
        erased_via: string | null;
      }>(
        'SELECT key_id, wrapped_key, erased_at, erased_via FROM reporter_identity_keys WHERE subject = $1 ORDER BY created_at',
        [subject],
      )
    ).rows;

  it('gives a subject one key, created on first use and reused after, even when asked concurrently', async () => {
    const subject = `account:citizen-${randomUUID()}` as const;
    const keys = await Promise.all(Array.from({ length: 10 }, () => vault.keyFor(subject)));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect(new Set(keys.map((k) => k.material.toString('hex'))).size).toBe(1);
    expect((await vault.keyFor(subject)).keyId).toBe(keys[0]?.keyId);
    expect(await rowsOf(subject)).toHaveLength(1);
    expect((await vault.keyFor(`account:citizen-${randomUUID()}`)).keyId).not.toBe(keys[0]?.keyId);
  });

  it('stores keys only wrapped: the table holds neither a data key nor anything of the contact', async () => {
    const complaintId = randomUUID();
    const owner = { complaintId, reporterId: null };
    const sealed = await identities.seal(owner, CONTACT);
    const key = await vault.keyFor(`complaint:${complaintId}`);
    const { rows } = await pool.query<{ dump: string }>(
      `SELECT string_agg(encode(wrapped_key, 'hex') || subject || coalesce(kek_id, ''), ',') AS dump FROM reporter_identity_keys`,
    );
    const dump = rows[0]?.dump ?? '';
    expect(dump).not.toContain(key.material.toString('hex'));
    for (const value of Object.values(CONTACT)) expect(dump).not.toContain(value);
    expect(sealed.keyId).toBe(key.keyId);
  });

  it('opens contacts of many complaints in one lookup, and erased ones as "[erased]" in the parts they had', async () => {
    const reporterId = `citizen-${randomUUID()}`;
    const first = { complaintId: randomUUID(), reporterId };
    const second = { complaintId: randomUUID(), reporterId };
    const other = { complaintId: randomUUID(), reporterId: null };
    const a = await identities.seal(first, CONTACT);
    const b = await identities.seal(second, { name: 'Budi', email: null, phone: null });
    const c = await identities.seal(other, { name: null, email: 'lain@example.id', phone: null });
    expect(a.keyId).toBe(b.keyId);
    expect(c.keyId).not.toBe(a.keyId);

    let lookups = 0;
    const counting = new ReporterIdentities({
      keyFor: (s) => vault.keyFor(s),
      erase: (e) => vault.erase(e),
      keys: (ids) => {
        lookups++;
        return vault.keys(ids);
      },
    });
    const open = () =>
      counting.open([
        { complaintId: first.complaintId, identity: a },
        { complaintId: second.complaintId, identity: b },
        { complaintId: other.complaintId, identity: c },
        { complaintId: randomUUID(), identity: null },
      ]);
    expect(await open()).toEqual([
      { ...CONTACT, erased: false },
      { name: 'Budi', email: null, phone: null, erased: false },
      { name: null, email: 'lain@example.id', phone: null, erased: false },
      null,
    ]);
    expect(lookups).toBe(1);

    // Erasing through the second complaint erases the account's key: both of its complaints.
    await identities.erase(second, b, new Date('2025-04-01T00:00:00Z'));
    expect(await open()).toEqual([
      { name: '[erased]', email: '[erased]', phone: '[erased]', erased: true },
      { name: '[erased]', email: null, phone: null, erased: true },
      { name: null, email: 'lain@example.id', phone: null, erased: false },
      null,
    ]);
    const [tombstone] = await rowsOf(`account:${reporterId}`);
    expect(tombstone).toMatchObject({ key_id: a.keyId, wrapped_key: null, erased_via: second.complaintId });
    expect(tombstone?.erased_at).toEqual(new Date('2025-04-01T00:00:00Z'));

    // Erasing again changes nothing; the account's next complaint gets a new key, readable.
    await identities.erase(first, a, new Date('2025-05-01T00:00:00Z'));
    expect((await rowsOf(`account:${reporterId}`))[0]?.erased_at).toEqual(new Date('2025-04-01T00:00:00Z'));
    const third = { complaintId: randomUUID(), reporterId };
    const d = await identities.seal(third, CONTACT);
    expect(d.keyId).not.toBe(a.keyId);
    expect(await identities.open([{ complaintId: third.complaintId, identity: d }])).toEqual([
      { ...CONTACT, erased: false },
    ]);
    expect(await rowsOf(`account:${reporterId}`)).toHaveLength(2);
  });

  it('erases the key of a complaint filed without an account and leaves other complaints alone', async () => {
    const mine = { complaintId: randomUUID(), reporterId: null };
    const theirs = { complaintId: randomUUID(), reporterId: null };
    const sealedMine = await identities.seal(mine, CONTACT);
    const sealedTheirs = await identities.seal(theirs, CONTACT);
    await identities.erase(mine, sealedMine, new Date());
    const [openedMine, openedTheirs] = await identities.open([
      { complaintId: mine.complaintId, identity: sealedMine },
      { complaintId: theirs.complaintId, identity: sealedTheirs },
    ]);
    expect(openedMine?.erased).toBe(true);
    expect(openedTheirs).toEqual({ ...CONTACT, erased: false });
  });

  it('shows legacy (v1) contacts as given, and their erasure from the state', async () => {
    const complaintId = randomUUID();
    expect(
      await identities.open([
        { complaintId, identity: { form: 'legacy', fields: ['name', 'phone'] }, clear: CONTACT },
        { complaintId, identity: { form: 'erased', fields: ['name', 'phone'] } },
      ]),
    ).toEqual([
      { ...CONTACT, erased: false },
      { name: '[erased]', email: null, phone: '[erased]', erased: true },
    ]);
  });

  it('fails loudly, never as "[erased]", for a tampered contact, an unknown key, a wrong KEK or an altered key row', async () => {
    const owner = { complaintId: randomUUID(), reporterId: null };
    const sealed = await identities.seal(owner, CONTACT);
    await expect(
      identities.open([
        { complaintId: owner.complaintId, identity: { ...sealed, ciphertext: `A${sealed.ciphertext.slice(1)}` } },
      ]),
    ).rejects.toThrow(SealedContactUnreadable);
    await expect(
      identities.open([{ complaintId: owner.complaintId, identity: { ...sealed, keyId: randomUUID() } }]),
    ).rejects.toThrow(ReporterKeyMissing);
    await expect(
      identities.open([{ complaintId: owner.complaintId, identity: { ...sealed, keyId: 'not-a-uuid' } }]),
    ).rejects.toThrow(ReporterKeyMissing);

    const otherKek = new ReporterIdentities(new PostgresKeyVault(pool, KeyEncryptionKey.parse('d4'.repeat(32))));
    await expect(otherKek.open([{ complaintId: owner.complaintId, identity: sealed }])).rejects.toThrow(
      KeyEncryptionKeyMismatch,
    );

    await pool.query(
      `UPDATE reporter_identity_keys SET wrapped_key = overlay(wrapped_key PLACING '\\x00'::bytea FROM 40 FOR 1) WHERE key_id = $1`,
      [sealed.keyId],
    );
    await expect(identities.open([{ complaintId: owner.complaintId, identity: sealed }])).rejects.toThrow(
      WrappedKeyUnreadable,
    );
  });

  it('keeps the material and the tombstone consistent (a live key has material, an erased one none)', async () => {
    await expect(
      pool.query(
        `INSERT INTO reporter_identity_keys (key_id, subject, wrapped_key, kek_id, erased_at) VALUES ($1, 'complaint:x', '\\x00', 'k', now())`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/reporter_identity_keys_material_check/);
  });
});
