import { hashInput } from './canonical-input.js';

describe('hashInput', () => {
  it('ignores field order, absent optional fields and the key itself', () => {
    const at = new Date('2025-03-03T01:00:00.000Z');
    expect(hashInput({ input: { a: 1, b: at, c: null, idempotencyKey: 'k1' } })).toBe(
      hashInput({ input: { b: new Date(at.getTime()), a: 1, idempotencyKey: 'k2' } }),
    );
    expect(hashInput({ input: { a: 1 } })).not.toBe(hashInput({ input: { a: 2 } }));
  });

  it('hashes an unreadable date instead of failing, so the mutation answers BAD_USER_INPUT itself', () => {
    const invalid = { input: { receivedAt: new Date('') } };
    expect(() => hashInput(invalid)).not.toThrow();
    expect(hashInput(invalid)).not.toBe(hashInput({ input: { receivedAt: new Date(0) } }));
  });
});
