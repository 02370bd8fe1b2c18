import { createHash, randomBytes } from 'node:crypto';
import { hashInput, legacyHashInput, sameInput } from './canonical-input.js';

const SUBMIT = {
  input: {
    title: 'Jalan rusak di Martapura',
    reporter: { name: 'Siti Aminah', email: 'siti@contoh.id', phone: '081234567890' },
    idempotencyKey: 'k-1',
  },
};
const REORDERED = {
  input: {
    idempotencyKey: 'k-2',
    reporter: { phone: '081234567890', email: 'siti@contoh.id', name: 'Siti Aminah', extra: null },
    title: 'Jalan rusak di Martapura',
  },
};

describe('idempotency input hashes', () => {
  const key = randomBytes(32);

  it('hash the same input alike, whatever the order, nulls or idempotency key', () => {
    expect(hashInput(REORDERED, key)).toBe(hashInput(SUBMIT, key));
    expect(hashInput({ input: { ...SUBMIT.input, title: 'Lain' } }, key)).not.toBe(hashInput(SUBMIT, key));
  });

  it('are keyed: without the server key, a dump cannot test guesses of the contact against them', () => {
    const canonical =
      '{"input":{"reporter":{"email":"siti@contoh.id","name":"Siti Aminah","phone":"081234567890"},"title":"Jalan rusak di Martapura"}}';
    const guess = createHash('sha256').update(canonical).digest('hex');
    expect(legacyHashInput(SUBMIT)).toBe(guess);
    expect(hashInput(SUBMIT, key)).not.toBe(guess);
    expect(hashInput(SUBMIT, randomBytes(32))).not.toBe(hashInput(SUBMIT, key));
  });

  it('match a key claimed before the upgrade (unkeyed) as well as a keyed one, and nothing else', () => {
    expect(sameInput(hashInput(SUBMIT, key), REORDERED, key)).toBe(true);
    expect(sameInput(legacyHashInput(SUBMIT), REORDERED, key)).toBe(true);
    expect(sameInput(hashInput(SUBMIT, randomBytes(32)), SUBMIT, key)).toBe(false);
    expect(sameInput(legacyHashInput({ input: { title: 'Lain' } }), SUBMIT, key)).toBe(false);
  });

  it('hash an unreadable date instead of failing, so the mutation answers BAD_USER_INPUT itself', () => {
    const invalid = { input: { receivedAt: new Date('') } };
    const at = new Date('2025-03-03T01:00:00.000Z');
    expect(() => hashInput(invalid, key)).not.toThrow();
    expect(hashInput(invalid, key)).not.toBe(hashInput({ input: { receivedAt: new Date(0) } }, key));
    expect(hashInput({ input: { b: at } }, key)).toBe(hashInput({ input: { b: new Date(at.getTime()) } }, key));
  });
});
